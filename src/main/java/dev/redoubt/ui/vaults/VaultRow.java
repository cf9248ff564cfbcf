package dev.redoubt.ui.vaults;

import dev.redoubt.findings.Severity;
import dev.redoubt.findings.access.VaultLock;
import java.time.Duration;

/**
 * One vault as the table shows it, built once per estate off the UI thread.
 *
 * @param graceLeft    the time left until a compliance lock in its grace time becomes immutable; null otherwise
 * @param keyArn       the vault's key ARN (null for an AWS-owned key or when not read)
 * @param keyText      the key as a short label: its alias, "AWS-owned key", "not read"
 * @param recoveryPoints how many recovery points it holds; null when not read
 * @param search       what the text filter looks in, lower case
 */
public record VaultRow(String arn, String name, String accountId, String accountName, String region, String typeText, VaultLock lock,
                       Duration graceLeft, Long minRetentionDays, Long maxRetentionDays, String keyArn, String keyText, Long recoveryPoints,
                       Severity worst, String search) {

    /** "Compliance · immutable since 13 Feb 2025". */
    public String lockText() {
        return lock.modeText() + (lock.mode() == VaultLock.Mode.NONE || lock.mode() == VaultLock.Mode.NOT_READ ? "" : " · " + lock.stateText());
    }

    /** "northwind-shop-prod (645019283746)". */
    public String accountText() {
        return accountName == null || accountName.equals(accountId) ? accountId : accountName + " (" + accountId + ")";
    }
}
