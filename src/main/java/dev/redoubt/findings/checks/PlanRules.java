package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupRule;
import dev.redoubt.estate.CopyAction;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.RecoveryPointCreator;
import dev.redoubt.findings.AccountType;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.CopyRef;
import dev.redoubt.findings.EstateIndex.PlanRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Quoting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The plan rules that fill a vault, and the fixes that respect its Vault Lock. A locked vault refuses lifecycle
 * changes on its recovery points ("If any user (including the root user) attempts to delete a backup or change the
 * lifecycle properties in a locked vault, AWS Backup will deny the operation",
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html), and a compliance lock past its LockDate
 * cannot be changed or deleted (PutBackupVaultLockConfiguration, ChangeableForDays), so the fixes change the plan
 * rules, or move the plans to a new vault.
 */
final class PlanRules {
    /** Retention AWS keeps in cold storage at least: DeleteAfterDays must exceed MoveToColdStorageAfterDays by 90. */
    static final long COLD_MINIMUM_DAYS = 90;
    /** The maximum a suggested lock gets when no rule keeps longer. */
    static final long DEFAULT_MAX_DAYS = 400;

    private PlanRules() {
    }

    /** A rule that writes into a vault: its own target ({@code copy == null}) or one of its copy actions. */
    record RuleRef(PlanRef plan, BackupRule rule, CopyAction copy) {
        Long deleteAfterDays() {
            var l = copy != null ? copy.lifecycle() : rule.lifecycle();
            return l == null ? null : l.deleteAfterDays();
        }

        Long moveToColdAfterDays() {
            var l = copy != null ? copy.lifecycle() : rule.lifecycle();
            return l == null ? null : l.moveToColdStorageAfterDays();
        }

        String planName() {
            return plan.plan().backupPlan() == null ? plan.plan().backupPlanId() : plan.plan().backupPlan().backupPlanName();
        }

        /** "rule daily of plan shop-daily (645019283746, eu-west-1)" or "the copy action of ...". */
        String describe() {
            return (copy == null ? "rule " : "the copy action of rule ") + rule.ruleName() + " of plan " + planName()
                    + " (" + plan.where().accountId() + ", " + plan.where().region() + ")";
        }

        /** The command that replaces the plan's rules (get-backup-plan, edit, update-backup-plan). */
        String updateCommand() {
            return "aws backup update-backup-plan --region " + sh(plan.where().region()) + " --backup-plan-id "
                    + sh(plan.plan().backupPlanId()) + " --backup-plan file://plan.json";
        }
    }

    /** A value as one word of a POSIX shell command line (as AbstractCheck.sh, which is protected). */
    static String sh(String value) {
        return Quoting.sh(value);
    }

    static boolean isDeleted(PlanRef p) {
        return p.plan().deletionDate() != null;
    }

    static List<BackupRule> rules(PlanRef p) {
        return p.plan().backupPlan() == null || p.plan().backupPlan().rules() == null ? List.of() : p.plan().backupPlan().rules();
    }

    /** Every rule (and copy action) of a live plan that writes into the vault. */
    static List<RuleRef> into(EstateIndex x, VaultRef v) {
        List<RuleRef> out = new ArrayList<>();
        for (PlanRef p : x.plans()) {
            if (isDeleted(p)) {
                continue;
            }
            boolean sameHome = p.where().accountId().equals(v.accountId()) && p.where().region().equals(v.region());
            for (BackupRule r : rules(p)) {
                if (sameHome && Objects.equals(r.targetBackupVaultName(), v.vault().backupVaultName())
                        || v.arn() != null && v.arn().equals(r.targetLogicallyAirGappedBackupVaultArn())) {
                    out.add(new RuleRef(p, r, null));
                }
                for (CopyAction c : r.copyActions() == null ? List.<CopyAction>of() : r.copyActions()) {
                    if (v.arn() != null && v.arn().equals(c.destinationBackupVaultArn())) {
                        out.add(new RuleRef(p, r, c));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The rules that made a recovery point: its CreatedBy plan and rule; else the plan of the copy job that made it;
     * else, for a copy, the copy actions into its vault. Empty for an on-demand backup (or when nothing says).
     */
    static List<RuleRef> creators(EstateIndex x, VaultRef v, RecoveryPoint p) {
        RecoveryPointCreator by = p.createdBy();
        if (by == null && p.resourceArn() != null) {
            for (CopyRef c : x.copiesOf(p.resourceArn())) {
                if (p.recoveryPointArn() != null && p.recoveryPointArn().equals(c.job().destinationRecoveryPointArn())) {
                    by = c.job().createdBy();
                    break;
                }
            }
        }
        if (by != null) {
            PlanRef plan = x.plan(by.backupPlanArn(), by.backupPlanId());
            if (plan != null) {
                List<RuleRef> out = new ArrayList<>(1);
                for (RuleRef r : into(x, v)) {
                    if (r.plan() == plan && (by.backupRuleId() == null || by.backupRuleId().equals(r.rule().ruleId()))) {
                        out.add(r);
                    }
                }
                if (!out.isEmpty()) {
                    return out;
                }
            }
        }
        if (p.sourceBackupVaultArn() != null) {
            return into(x, v).stream().filter(r -> r.copy() != null).toList();
        }
        return List.of();
    }

    /** The plans (one command each) that write into the vault. */
    static List<PlanRef> plansInto(EstateIndex x, VaultRef v) {
        Set<PlanRef> plans = new LinkedHashSet<>();
        for (RuleRef r : into(x, v)) {
            plans.add(r.plan());
        }
        return List.copyOf(plans);
    }

    /** "plan a (account, region), plan b (...)": the plans that write into the vault, for remediation texts. */
    static String describePlans(EstateIndex x, VaultRef v) {
        List<String> names = new ArrayList<>();
        for (PlanRef p : plansInto(x, v)) {
            String name = p.plan().backupPlan() == null ? p.plan().backupPlanId() : p.plan().backupPlan().backupPlanName();
            names.add(name + " (" + p.where().accountId() + ", " + p.where().region() + ")");
        }
        return names.isEmpty() ? "no plan of the capture" : String.join(", ", names);
    }

    /** The rules writing into the vault that keep fewer days than {@code min}, described. */
    static List<String> keepingLessThan(EstateIndex x, VaultRef v, long min) {
        List<String> out = new ArrayList<>();
        for (RuleRef r : into(x, v)) {
            Long d = r.deleteAfterDays();
            if (d != null && d < min) {
                out.add(r.describe() + " keeps " + d + " days");
            }
        }
        return out;
    }

    /** Appends command lines, skipping any already there. */
    static void appendLines(StringBuilder cli, String lines) {
        for (String line : lines.split("\n")) {
            if (!line.isBlank() && !List.of(cli.toString().split("\n")).contains(line)) {
                cli.append(cli.length() == 0 ? "" : "\n").append(line);
            }
        }
    }

    /** A lock maximum that fits every rule writing into the vault: the longest finite retention, at least 400 days. */
    static long suggestedMaxDays(EstateIndex x, VaultRef v) {
        long max = DEFAULT_MAX_DAYS;
        for (RuleRef r : into(x, v)) {
            Long d = r.deleteAfterDays();
            if (d != null) {
                max = Math.max(max, d);
            }
        }
        return max;
    }

    /** A compliance lock past its LockDate: AWS refuses every change to it (and to the lifecycle of what it holds). */
    static boolean immutableLock(EstateIndex x, VaultRef v) {
        Instant lockDate = v.vault().lockDate();
        return Boolean.TRUE.equals(v.vault().locked()) && lockDate != null && !lockDate.isAfter(x.at());
    }

    /** A name for the replacement vault: the old name with "-v2" (AWS allows 2..50 of [a-zA-Z0-9-_]). */
    static String replacementName(String name) {
        String base = name == null ? "vault" : name;
        if (base.length() > 47) {
            base = base.substring(0, 47);
        }
        return base + "-v2";
    }

    /**
     * The key for the vault that replaces {@code v}: its own key, unless that key lives in a workload account (or an account the
     * estate does not know) while the vault does not, so the replacement does not carry ENC-04's weakness over; then a placeholder
     * for a key of the vault's own account. Null when the vault has no customer key to keep.
     */
    static String replacementKey(EstateIndex x, VaultRef v) {
        String key = v.vault().encryptionKeyArn();
        if (key == null || EstateIndex.AWS_OWNED_KEY.equals(v.vault().encryptionKeyType())) {
            return null;
        }
        String keyAccount = Arn.accountOf(key);
        if (keyAccount == null || keyAccount.equals(v.accountId())) {
            return key;
        }
        AccountType keyRole = x.role(keyAccount);
        if (keyRole != null && !keyRole.isWorkload()) {
            return key;
        }
        return "arn:aws:kms:" + v.region() + ":" + v.accountId() + ":key/<KEY_ID_OWNED_BY_" + v.accountId() + ">";
    }

    /** Says which key the replacement vault takes, for a remediation's text. */
    static String replacementKeyText(EstateIndex x, VaultRef v) {
        String key = replacementKey(x, v);
        if (key == null || key.equals(v.vault().encryptionKeyArn())) {
            return "same key, access policy and notifications";
        }
        return "same access policy and notifications, but a key of account " + v.accountId() + " rather than "
                + v.vault().encryptionKeyArn() + ", which a workload account administers";
    }

    /**
     * The commands that replace a vault whose immutable lock cannot be changed: a new vault (air-gapped when the old one
     * was) with a compliance lock of the given bounds, then each plan that writes into the old vault updated to the new one.
     */
    static String replacementCommands(EstateIndex x, VaultRef v, long minDays, long maxDays) {
        String name = replacementName(v.vault().backupVaultName());
        StringBuilder cli = new StringBuilder();
        String key = replacementKey(x, v);
        if (v.isAirGapped()) {
            cli.append("aws backup create-logically-air-gapped-backup-vault --region ").append(sh(v.region()))
                    .append(" --backup-vault-name ").append(sh(name))
                    .append(key != null ? " --encryption-key-arn " + sh(key) : "")
                    .append(" --min-retention-days ").append(minDays).append(" --max-retention-days ").append(maxDays);
        } else {
            cli.append("aws backup create-backup-vault --region ").append(sh(v.region())).append(" --backup-vault-name ").append(sh(name))
                    .append(key != null ? " --encryption-key-arn " + sh(key) : "")
                    .append("\naws backup put-backup-vault-lock-configuration --region ").append(sh(v.region()))
                    .append(" --backup-vault-name ").append(sh(name)).append(" --min-retention-days ").append(minDays)
                    .append(" --max-retention-days ").append(maxDays).append(" --changeable-for-days 3");
        }
        for (PlanRef p : plansInto(x, v)) {
            cli.append("\naws backup update-backup-plan --region ").append(sh(p.where().region())).append(" --backup-plan-id ")
                    .append(sh(p.plan().backupPlanId())).append(" --backup-plan file://plan.json");
        }
        return cli.toString();
    }

    /** The CloudFormation of the replacement vault. */
    static String replacementSnippet(EstateIndex x, VaultRef v, long minDays, long maxDays) {
        String key = replacementKey(x, v);
        String name = replacementName(v.vault().backupVaultName());
        if (v.isAirGapped()) {
            return "Vault:\n  Type: AWS::Backup::LogicallyAirGappedBackupVault\n  Properties:\n    BackupVaultName: " + Quoting.yaml(name)
                    + "\n    MinRetentionDays: " + minDays + "\n    MaxRetentionDays: " + maxDays;
        }
        return "Vault:\n  Type: AWS::Backup::BackupVault\n  Properties:\n    BackupVaultName: " + Quoting.yaml(name)
                + (key == null ? "" : "\n    EncryptionKeyArn: " + Quoting.yaml(key))
                + "\n    LockConfiguration:\n      MinRetentionDays: " + minDays + "\n      MaxRetentionDays: " + maxDays
                + "\n      ChangeableForDays: 3";
    }
}
