package dev.redoubt.ui.vaults;

import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.Approver;
import dev.redoubt.estate.BackupRule;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.CopyAction;
import dev.redoubt.estate.KeyMetadata;
import dev.redoubt.estate.Lifecycle;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.SsoUser;
import dev.redoubt.estate.VaultNotifications;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.EstateIndex.PlanRef;
import dev.redoubt.findings.EstateIndex.TeamRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.access.AccessAnswer;
import dev.redoubt.findings.access.AccessAnswer.Reach;
import dev.redoubt.findings.access.KeyAccess;
import dev.redoubt.findings.access.SafeCopies;
import dev.redoubt.findings.access.VaultAccess;
import dev.redoubt.findings.access.VaultLock;
import dev.redoubt.findings.restorability.Restorability;
import dev.redoubt.services.EstateCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the vault page shows, built off the UI thread from the catalog: the three answers at
 * the top ("Could these backups be destroyed?"), the properties, the lock against the plans'
 * lifecycles, the access policy with the four answers, notifications, the approval team and the
 * findings. Pure data: the view lays it out.
 */
public record VaultDetail(String arn, String name, String accountId, String accountText, String region, String typeText, VaultLock lock,
                          Duration graceLeft, Answer deleted, Answer unreadable, Answer safeCopy, List<Fact> properties, List<Answer> access,
                          List<AccessAnswer> accessAnswers, String policyText, String policyProblem, List<RuleBound> rules,
                          Notifications notifications, Team team, List<FindingLine> findings, int findingsTotal, int notPassing, int failing, String passing,
                          Long recoveryPoints, String keyArn, Instant at) {

    /** How an answer reads at a glance: the colour of its bar. */
    public enum Level {
        GOOD, WARN, BAD, UNKNOWN;

        /** "good", "warn", "bad", "unknown": the names BrowseStyles.verdict takes. */
        public String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One answer: the question, how it reads, the answer in a sentence, and why (the first reason matters most). */
    public record Answer(String question, Level level, String answer, List<String> reasons) {
        public Answer {
            reasons = List.copyOf(reasons);
        }
    }

    /** A property: its name, its value in words, and the ARN it links to (null for none). */
    public record Fact(String name, String value, String arn) {
    }

    /**
     * A plan rule (or one of its copy actions) that writes into this vault, with its retention against the lock's bounds.
     *
     * @param within null when the vault has no lock (nothing to compare with)
     */
    public record RuleBound(String planName, String planArn, String accountText, String ruleName, boolean copy, Long deleteAfterDays,
                            Long coldAfterDays, Boolean within, String verdict) {
    }

    /** What the vault notifies: "not read", "none", or its events and topic. */
    public record Notifications(State state, List<String> events, String snsTopicArn) {
        public enum State { NOT_READ, NONE, SET }
    }

    /** The approval team of the vault (MpaApprovalTeamArn): null fields when the estate does not hold it. */
    public record Team(String arn, boolean found, String name, String status, String threshold, List<String> approvers, String pendingChange) {
    }

    /**
     * One result about the vault, or the results of one check with one status about its recovery points
     * ({@code points} of them; {@code resourceArn} the first).
     */
    public record FindingLine(Status status, Severity severity, String checkId, String title, String resourceArn, boolean aboutPoint, int points) {
        FindingLine(Status status, Severity severity, String checkId, String title, String resourceArn, boolean aboutPoint) {
            this(status, severity, checkId, title, resourceArn, aboutPoint, aboutPoint ? 1 : 0);
        }
    }

    /** At most this many findings are listed; the rest are counted. */
    public static final int MAX_FINDINGS = 200;

    /** The page of the vault, or null when the catalog has no such vault. */
    public static VaultDetail build(EstateCatalog catalog, Restorability restorability, String arn) {
        EstateIndex x = catalog.index();
        VaultRef v = x.vault(arn);
        if (v == null) {
            return null;
        }
        BackupVault b = v.vault();
        VaultLock lock = VaultLock.of(x, v);
        VaultAccess access = VaultAccess.of(x, v);
        SafeCopies safe = SafeCopies.of(restorability, v);
        String accountText = accountText(catalog, v.accountId());
        Long points = b.recoveryPoints() != null ? (Long) (long) b.recoveryPoints().size() : b.numberOfRecoveryPoints();

        Answer deleted = deletedAnswer(access);
        Answer unreadable = KeyAnswers.unreadable(x, b);
        Answer safeCopy = new Answer("Is there a safe copy elsewhere?", level(safe.verdict()), safe.answer(), safe.reasons());
        List<Answer> answers = new ArrayList<>();
        for (AccessAnswer a : access.answers()) {
            answers.add(new Answer(a.question().text(), level(a, lock), a.answer(), a.reasons()));
        }
        List<FindingLine> all = new ArrayList<>();
        int total = findings(catalog, v, all);
        int failing = (int) all.stream().filter(f -> f.status() == Status.FAIL).count();
        List<FindingLine> findings = ordered(grouped(all.stream().filter(f -> f.status() != Status.PASS).toList()));
        String passing = passing(all);
        List<FindingLine> shown = findings.size() > MAX_FINDINGS ? List.copyOf(findings.subList(0, MAX_FINDINGS)) : List.copyOf(findings);
        String policyProblem = access.policyProblem() != null ? capitalize(access.policyProblem())
                : access.policyNone() ? "The vault has no access policy: the IAM permissions of its account decide who can act on it." : null;
        return new VaultDetail(v.arn(), b.backupVaultName() == null ? v.arn() : b.backupVaultName(), v.accountId(), accountText, v.region(),
                VaultRows.typeText(b.vaultType()), lock, lock.untilImmutable(x.at()), deleted, unreadable, safeCopy,
                properties(catalog, v, lock, points), answers, access.answers(), access.policyText(), policyProblem, rules(catalog, v, lock),
                notifications(b), team(x, b), shown, total, findings.size(), failing, passing, points,
                EstateIndex.AWS_OWNED_KEY.equals(b.encryptionKeyType()) ? null : b.encryptionKeyArn(), x.at());
    }

    /** The deletion answer; when shortening the retention reaches further, that is said too (it destroys the backups as surely). */
    private static Answer deletedAnswer(VaultAccess access) {
        AccessAnswer delete = access.deleteRecoveryPoints();
        AccessAnswer shorten = access.changeLifecycle();
        VaultLock lock = access.lock();
        List<String> reasons = new ArrayList<>(delete.reasons());
        String answer = delete.answer();
        AccessAnswer worst = delete;
        if (shorten.reach().ordinal() > delete.reach().ordinal()) {
            answer = answer + ". Their retention can be shortened by more: " + lowerFirst(shorten.answer());
            reasons.addAll(shorten.reasons().stream().filter(r -> !reasons.contains(r)).toList());
            worst = shorten;
        }
        return new Answer("Could they be deleted?", level(worst, lock), answer, reasons);
    }

    static Level level(AccessAnswer a, VaultLock lock) {
        if (a.question() == AccessAnswer.Question.REMOVE_LOCK && lock.mode() == VaultLock.Mode.NONE) {
            return Level.UNKNOWN; // no lock to remove: neither good nor bad in itself
        }
        return level(a.reach());
    }

    static Level level(Reach reach) {
        return switch (reach) {
            case NOBODY -> Level.GOOD;
            case BACKUP_DOMAIN_ONLY -> Level.WARN;
            case WORKLOAD_ACCOUNTS, ANYONE -> Level.BAD;
            case UNKNOWN -> Level.UNKNOWN;
        };
    }

    static Level level(SafeCopies.Verdict v) {
        return switch (v) {
            case ALL -> Level.GOOD;
            case SOME -> Level.WARN;
            case NONE -> Level.BAD;
            case NO_RECOVERY_POINTS, UNKNOWN -> Level.UNKNOWN;
        };
    }

    /** "northwind-shop-prod (645019283746, production)". */
    static String accountText(EstateCatalog catalog, String id) {
        String name = catalog.accountName(id);
        String role = catalog.index().role(id).name().toLowerCase(Locale.ROOT);
        return (name == null || name.equals(id) ? id : name + " (" + id + ", " + role + ")");
    }

    private static List<Fact> properties(EstateCatalog catalog, VaultRef v, VaultLock lock, Long points) {
        EstateIndex x = catalog.index();
        BackupVault b = v.vault();
        List<Fact> out = new ArrayList<>();
        out.add(new Fact("Name", b.backupVaultName(), null));
        out.add(new Fact("ARN", v.arn(), v.arn()));
        out.add(new Fact("Account", accountText(catalog, v.accountId()), v.accountId()));
        out.add(new Fact("Region", v.region(), null));
        out.add(new Fact("Type", VaultRows.typeText(b.vaultType()), null));
        out.add(new Fact("State", b.vaultState() == null ? "not read" : words(b.vaultState()), null));
        out.add(new Fact("Created", b.creationDate() == null ? "not read" : dateTime(b.creationDate()), null));
        out.add(new Fact("Encryption key", VaultRows.keyText(x, b), EstateIndex.AWS_OWNED_KEY.equals(b.encryptionKeyType()) ? null : b.encryptionKeyArn()));
        if (b.encryptionKeyType() != null) {
            out.add(new Fact("Key type", words(b.encryptionKeyType()), null));
        }
        out.add(new Fact("Recovery points", points == null ? "not read" : String.format(Locale.ROOT, "%,d", points), null));
        if (b.sourceBackupVaultArn() != null) {
            out.add(new Fact("Source vault", Objects.toString(b.sourceBackupVaultArn()), b.sourceBackupVaultArn()));
        }
        if (b.mpaSessionArn() != null) {
            out.add(new Fact("Approval session", b.mpaSessionArn(), b.mpaSessionArn()));
        }
        if (b.creatorRequestId() != null) {
            out.add(new Fact("Creator request ID", b.creatorRequestId(), null));
        }
        if (b.restoreAccessBackupVaults() != null && !b.restoreAccessBackupVaults().isEmpty()) {
            for (var r : b.restoreAccessBackupVaults()) {
                out.add(new Fact("Restore access vault", r.restoreAccessBackupVaultArn(), r.restoreAccessBackupVaultArn()));
            }
        }
        if (b.tags() != null) {
            b.tags().forEach((k, val) -> out.add(new Fact("Tag " + k, val, null)));
        }
        return out;
    }

    /** The rules of live plans that back up into this vault or copy into it, their DeleteAfterDays against the lock's bounds. */
    private static List<RuleBound> rules(EstateCatalog catalog, VaultRef v, VaultLock lock) {
        EstateIndex x = catalog.index();
        List<RuleBound> out = new ArrayList<>();
        for (PlanRef p : x.plans()) {
            if (p.plan().deletionDate() != null || p.plan().backupPlan() == null || p.plan().backupPlan().rules() == null) {
                continue;
            }
            boolean home = p.where().accountId().equals(v.accountId()) && p.where().region().equals(v.region());
            String planName = p.plan().backupPlan().backupPlanName() != null ? p.plan().backupPlan().backupPlanName() : p.plan().backupPlanId();
            String account = accountText(catalog, p.where().accountId());
            for (BackupRule r : p.plan().backupPlan().rules()) {
                if (home && v.vault().backupVaultName() != null && v.vault().backupVaultName().equals(r.targetBackupVaultName())
                        || v.arn().equals(r.targetLogicallyAirGappedBackupVaultArn())) {
                    out.add(bound(planName, p.plan().backupPlanArn(), account, r.ruleName(), false, r.lifecycle(), lock));
                }
                for (CopyAction c : r.copyActions() == null ? List.<CopyAction>of() : r.copyActions()) {
                    if (v.arn().equals(c.destinationBackupVaultArn())) {
                        out.add(bound(planName, p.plan().backupPlanArn(), account, r.ruleName(), true, c.lifecycle(), lock));
                    }
                }
            }
        }
        return out;
    }

    static RuleBound bound(String plan, String planArn, String account, String rule, boolean copy, Lifecycle l, VaultLock lock) {
        Long delete = l == null ? null : l.deleteAfterDays();
        Long cold = l == null ? null : l.moveToColdStorageAfterDays();
        Long min = lock.minRetentionDays();
        Long max = lock.maxRetentionDays();
        if (!lock.locked()) {
            return new RuleBound(plan, planArn, account, rule, copy, delete, cold, null,
                    lock.mode() == VaultLock.Mode.NOT_READ ? "The lock was not read" : "No lock: nothing bounds the retention");
        }
        if (delete == null) {
            return new RuleBound(plan, planArn, account, rule, copy, null, cold, max == null,
                    max == null ? "Kept until deleted by hand: the lock sets no maximum"
                            : "Never expires, above the lock's maximum of " + max + " days: AWS Backup refuses these jobs");
        }
        if (min != null && delete < min) {
            return new RuleBound(plan, planArn, account, rule, copy, delete, cold, false,
                    "Below the lock's minimum of " + min + " days: AWS Backup refuses these jobs");
        }
        if (max != null && delete > max) {
            return new RuleBound(plan, planArn, account, rule, copy, delete, cold, false,
                    "Above the lock's maximum of " + max + " days: AWS Backup refuses these jobs");
        }
        return new RuleBound(plan, planArn, account, rule, copy, delete, cold, true, "Within the lock's bounds");
    }

    private static Notifications notifications(BackupVault b) {
        if (b.notifications() == null) {
            return new Notifications(Notifications.State.NOT_READ, List.of(), null);
        }
        if (b.notifications().isNone()) {
            return new Notifications(Notifications.State.NONE, List.of(), null);
        }
        VaultNotifications n = b.notifications().value().orElseThrow();
        return new Notifications(Notifications.State.SET, n.backupVaultEvents() == null ? List.of() : List.copyOf(n.backupVaultEvents()),
                n.snsTopicArn());
    }

    private static Team team(EstateIndex x, BackupVault b) {
        String arn = b.mpaApprovalTeamArn();
        if (arn == null) {
            return null;
        }
        String pending = b.latestMpaApprovalTeamUpdate() != null && b.latestMpaApprovalTeamUpdate().status() != null
                && !"APPROVED".equals(b.latestMpaApprovalTeamUpdate().status())
                ? "A change of team is " + words(b.latestMpaApprovalTeamUpdate().status()).toLowerCase(Locale.ROOT)
                + (b.latestMpaApprovalTeamUpdate().initiationDate() == null ? "" : " since " + dateTime(b.latestMpaApprovalTeamUpdate().initiationDate()))
                : null;
        for (TeamRef t : x.approvalTeams()) {
            ApprovalTeam team = t.team();
            if (!arn.equals(team.arn())) {
                continue;
            }
            Map<String, String> users = new HashMap<>();
            if (x.estate().ssoUsers() != null) {
                for (SsoUser u : x.estate().ssoUsers()) {
                    if (u.userId() != null && u.userName() != null) {
                        users.put(u.userId(), u.userName());
                    }
                }
            }
            List<String> approvers = new ArrayList<>();
            for (Approver a : team.approvers() == null ? List.<Approver>of() : team.approvers()) {
                String who = a.primaryIdentityId() == null ? "an approver" : users.getOrDefault(a.primaryIdentityId(), a.primaryIdentityId());
                approvers.add(who + (a.primaryIdentityStatus() == null ? "" : " (" + words(a.primaryIdentityStatus()).toLowerCase(Locale.ROOT) + ")"));
            }
            Integer need = team.approvalStrategy() == null || team.approvalStrategy().mofN() == null ? null
                    : team.approvalStrategy().mofN().minApprovalsRequired();
            Integer of = team.numberOfApprovers() != null ? team.numberOfApprovers() : team.approvers() == null ? null : team.approvers().size();
            String threshold = need == null ? "not read" : need + " of " + (of == null ? "?" : of) + " approvers";
            return new Team(arn, true, team.name(), team.status() == null ? "not read" : words(team.status()), threshold, approvers, pending);
        }
        return new Team(arn, false, null, null, null, List.of(), pending);
    }

    /** Adds the results about the vault and its recovery points; returns how many there are. */
    private static int findings(EstateCatalog catalog, VaultRef v, List<FindingLine> out) {
        for (Result r : catalog.resultsFor(v.arn())) {
            out.add(line(r, false));
        }
        for (RecoveryPoint p : v.points()) {
            if (p.recoveryPointArn() != null) {
                for (Result r : catalog.resultsFor(p.recoveryPointArn())) {
                    out.add(line(r, true));
                }
            }
        }
        return out.size();
    }

    /** The results about recovery points, one line per check, status and severity ("ENC-04 on 36 recovery points"); those about the vault as they are. */
    static List<FindingLine> grouped(List<FindingLine> lines) {
        List<FindingLine> out = new ArrayList<>();
        Map<String, Integer> at = new HashMap<>();
        for (FindingLine f : lines) {
            if (!f.aboutPoint()) {
                out.add(f);
                continue;
            }
            String key = f.status() + "/" + f.severity() + "/" + f.checkId();
            Integer i = at.get(key);
            if (i == null) {
                at.put(key, out.size());
                out.add(f);
            } else {
                FindingLine g = out.get(i);
                out.set(i, new FindingLine(g.status(), g.severity(), g.checkId(), g.title(), g.resourceArn(), true, g.points() + 1));
            }
        }
        return out;
    }

    /** Failing first, then the worst severity, the check, and the vault before its recovery points. */
    static List<FindingLine> ordered(List<FindingLine> lines) {
        List<FindingLine> out = new ArrayList<>(lines);
        out.sort(Comparator.comparing((FindingLine f) -> f.status() != Status.FAIL)
                .thenComparing(FindingLine::severity)
                .thenComparing(FindingLine::checkId)
                .thenComparing(FindingLine::aboutPoint)
                .thenComparing(f -> f.resourceArn() == null ? "" : f.resourceArn()));
        return out;
    }

    /** "ACC-01, ENC-01 on 297 recovery points and IMM-01 pass" for the passing results, which are counted, not listed; null when none. */
    private static String passing(List<FindingLine> all) {
        Map<String, int[]> byCheck = new java.util.TreeMap<>();
        for (FindingLine f : all) {
            if (f.status() == Status.PASS) {
                int[] n = byCheck.computeIfAbsent(f.checkId(), k -> new int[2]);
                n[f.aboutPoint() ? 1 : 0]++;
            }
        }
        if (byCheck.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        byCheck.forEach((check, n) -> parts.add(check + (n[1] == 0 ? "" : n[0] > 0 ? " (the vault and " + n[1] + " recovery points)"
                : " (" + n[1] + (n[1] == 1 ? " recovery point)" : " recovery points)"))));
        return String.join(", ", parts);
    }

    private static FindingLine line(Result r, boolean point) {
        return new FindingLine(r.status(), r.severity(), r.checkId(), r.title(), r.resourceArn(), point);
    }

    /** "AVAILABLE" -> "Available", "CUSTOMER_MANAGED_KMS_KEY" -> "Customer managed KMS key". */
    static String words(String constant) {
        if (constant == null || constant.isBlank()) {
            return "not read";
        }
        String s = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        s = s.replace("kms", "KMS").replace("aws", "AWS").replace("sns", "SNS");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String dateTime(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC).format(t);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The key part: "could they be made unreadable?", from the key's state and KeyAccess's answer to who can disable it or schedule its deletion. */
    static final class KeyAnswers {
        private KeyAnswers() {
        }

        static Answer unreadable(EstateIndex x, BackupVault b) {
            String q = "Could they be made unreadable?";
            AccessAnswer disable = new KeyAccess().answers(x, b.encryptionKeyArn(), b.encryptionKeyType()).stream()
                    .filter(a -> a.question() == AccessAnswer.Question.DISABLE_OR_DELETE_KEY).findFirst().orElseThrow();
            List<String> reasons = new ArrayList<>(disable.reasons());
            KeyRef k = EstateIndex.AWS_OWNED_KEY.equals(b.encryptionKeyType()) ? null : x.key(b.encryptionKeyArn());
            KeyMetadata m = k == null ? null : k.key().keyMetadata();
            String state = m == null ? null : m.keyState();
            if ("PendingDeletion".equals(state) || "PendingReplicaDeletion".equals(state)) {
                return new Answer(q, Level.BAD, "It is under way: the vault's key is scheduled for deletion"
                        + (m.deletionDate() == null ? "" : " on " + dateTime(m.deletionDate()))
                        + "; once it is deleted, nothing it encrypts can be restored", reasons);
            }
            if ("Disabled".equals(state)) {
                return new Answer(q, Level.BAD, "They are now: the vault's key is disabled, so its recovery points cannot be restored until it is enabled again",
                        reasons);
            }
            if ("PendingImport".equals(state) || "Unavailable".equals(state)) {
                return new Answer(q, Level.BAD, "They are now: the vault's key is " + words(state).toLowerCase(Locale.ROOT) + " and decrypts nothing",
                        reasons);
            }
            if (m != null && m.validTo() != null) {
                reasons.add(0, "The key's imported material expires on " + dateTime(m.validTo()) + ": KMS then deletes it and the key decrypts nothing"
                        + " until the same material is imported again");
            }
            String who = disable.answer();
            Level level = level(disable.reach());
            if (m != null && m.validTo() != null && level == Level.GOOD) {
                level = Level.WARN;
            }
            return new Answer(q, level, who, reasons);
        }
    }
}
