package dev.redoubt.findings.access;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The answer to one question about a vault or a key ("Who can delete recovery points?", "Who can
 * disable or schedule the deletion of the key?"), in the words an auditor reads: how far the power
 * reaches, one sentence that says who, the reasons (statements, conditions, the lock), and the
 * statements of the policy that decide it (by index), to mark in the policy viewer.
 *
 * @param who        the principals or accounts that can, each as a short phrase ("any principal of
 *                   111122223333 (workload, shop-prod)", "role BackupAdmin of 444455556666")
 * @param allowing   indexes of the Allow statements that let them
 * @param denying    indexes of the Deny statements that keep others out
 */
public record AccessAnswer(Question question, Reach reach, String answer, List<String> who, List<String> reasons,
                           Set<Integer> allowing, Set<Integer> denying) {
    public AccessAnswer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(reach, "reach");
        Objects.requireNonNull(answer, "answer");
        who = List.copyOf(who);
        reasons = List.copyOf(reasons);
        allowing = Set.copyOf(allowing);
        denying = Set.copyOf(denying);
    }

    /** The questions the console answers. */
    public enum Question {
        DELETE_RECOVERY_POINTS("Who can delete recovery points?"),
        CHANGE_LIFECYCLE("Who can shorten their retention (change the lifecycle)?"),
        CHANGE_VAULT_POLICY("Who can change this access policy?"),
        REMOVE_LOCK("Who can remove the vault lock?"),
        DECRYPT("Who can decrypt with the key?"),
        ADMINISTER_KEY("Who can administer the key (its policy and grants)?"),
        DISABLE_OR_DELETE_KEY("Who can disable the key or schedule its deletion?");

        private final String text;

        Question(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** How far the power reaches, from safest to worst; UNKNOWN when what decides it was not read. */
    public enum Reach {
        NOBODY, BACKUP_DOMAIN_ONLY, WORKLOAD_ACCOUNTS, ANYONE, UNKNOWN
    }
}
