package dev.redoubt.approvals;

import java.time.Instant;

/**
 * A restore-access request as the journal remembers it (for the list of requests and to follow one again
 * after a restart): who asked, when, for which vault and why, and the last outcome and revocation seen.
 */
public record JournaledRequest(long seq, Instant requested, String requester, String sessionArn, String sourceVaultArn,
                               String restoreAccessVaultArn, String comment, boolean refused, String error, Outcome outcome, String why,
                               boolean revokeRequested) {
}
