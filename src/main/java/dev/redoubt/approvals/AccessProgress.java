package dev.redoubt.approvals;

import java.util.List;

/**
 * A restore-access request followed once: the restore-access vault as AWS describes it (null when it is
 * gone), its session, and the votes and outcome this look saw for the first time (and journaled).
 */
public record AccessProgress(String restoreAccessVaultArn, VaultAccess vault, SessionView session, List<ApproverVote> newVotes,
                             boolean outcomeNew) {
    public AccessProgress {
        newVotes = List.copyOf(newVotes);
    }
}
