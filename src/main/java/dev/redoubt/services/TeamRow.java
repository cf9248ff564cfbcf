package dev.redoubt.services;

import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.findings.Severity;

/**
 * One approval team as the list shows it, built off the FX thread.
 *
 * @param statusText     "Active", "Pending activation", "Update pending approval"
 * @param thresholdText  "2 of 3"
 * @param approversText  "3 accepted", "2 accepted, 1 invited, not accepted"
 * @param vaults         how many vaults the team guards
 * @param pendingText    the change waiting for approval in words, or "—"
 * @param healthy        active, no failure, every approver accepted
 */
public record TeamRow(ApprovalTeam team, String arn, String name, String accountId, String accountName, String region, String statusText,
                      boolean healthy, String thresholdText, String approversText, int vaults, String pendingText, Severity worst, String search) {

    /** "northwind-backup (536470192834)". */
    public String accountText() {
        return accountName == null || accountName.equals(accountId) ? accountId : accountName + " (" + accountId + ")";
    }
}
