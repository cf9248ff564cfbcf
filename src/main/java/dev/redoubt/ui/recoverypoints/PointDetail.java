package dev.redoubt.ui.recoverypoints;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.RestoreJob;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.restorability.Outcome;
import dev.redoubt.findings.restorability.Restorability;
import dev.redoubt.findings.restorability.VaultLock;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a recovery point's page shows, worded: its verdict, the lifecycle as a timeline, all its
 * properties, the copies of its resource elsewhere and the restores that used it. Built off the FX
 * thread; the view only lays it out.
 */
public record PointDetail(PointRow row, String title, String subtitle, Restorability.Verdict verdict, Timeline timeline, List<Fact> facts,
                          List<CopyLine> copies, List<RestoreLine> restores, String lastRestoreNote) {

    /** A name and its value; {@code link} the ARN (or account ID) the value opens, null for plain text. */
    public record Fact(String name, String value, String link) {
        static Fact of(String name, String value) {
            return new Fact(name, value, null);
        }
    }

    /** One copy of the resource in another account or region, worded. */
    public record CopyLine(String vaultName, String vaultArn, String recoveryPointArn, String account, String accountId, String region,
                           String where, boolean outOfReach, String created, String status, String lock, String key, Outcome safe,
                           String safeText) {
    }

    /** One restore job that used this recovery point, worded. */
    public record RestoreLine(String jobId, String kind, String planName, String planArn, String started, String status, String took,
                              String validation, String restoredResource, Outcome outcome, String text) {
    }

    /** The lifecycle from creation to deletion, with "now" (the capture's instant) marked. */
    public record Timeline(Instant start, Instant end, Instant now, List<Mark> marks) {
        public enum Kind {
            CREATED, COMPLETED, COLD_STORAGE, DELETE, NOW
        }

        /** A moment on the line: what it is, when, its label and its date in words. */
        public record Mark(Kind kind, Instant at, String label, String date) {
        }

        /** Where an instant falls between start (0) and end (1). */
        public double position(Instant t) {
            double span = Math.max(1, Duration.between(start, end).getSeconds());
            return Math.max(0, Math.min(1, Duration.between(start, t).getSeconds() / span));
        }

        /** True when the point is kept until someone deletes it (no deletion date). */
        public boolean open() {
            return marks.stream().noneMatch(m -> m.kind() == Kind.DELETE);
        }
    }

    static PointDetail of(PointIndex.Base b, PointRow row) {
        ZoneId zone = b.zone();
        Instant now = b.at();
        RecoveryPoint p = row.point();
        EstateIndex.VaultRef v = row.vault().ref();
        Restorability.Verdict verdict = b.restorability().verdict(row.ref());
        String title = row.resource() == null ? Formats.shortArn(p.recoveryPointArn()) : row.resourceName();
        String subtitle = String.join(" · ", List.of(PointTexts.type(p.resourceType()), "vault " + row.vault().name(),
                row.vault().accountName(), row.vault().region(), "created " + Formats.dateTime(p.creationDate(), zone)));
        List<CopyLine> copies = new ArrayList<>();
        for (Restorability.Copy c : verdict.copies()) {
            String where = c.outOfReach() ? "Another account and region" : c.otherAccount() ? "Another account" : "Another region";
            String safeText = switch (c.safe()) {
                case PASS -> "Safe copy";
                case UNKNOWN -> "May be safe: not all read";
                case FAIL -> !c.outOfReach() ? "Not out of reach" : c.usable() == Outcome.FAIL ? "Cannot be restored"
                        : c.lock().outcome() != Outcome.PASS ? "Lock can be removed" : "Key not usable";
            };
            String key = c.key().text();
            copies.add(new CopyLine(c.vaultName(), c.vaultArn(), c.recoveryPointArn(), b.catalog().accountName(c.accountId()), c.accountId(),
                    c.region(), where, c.outOfReach(), Formats.dateTime(c.created(), zone),
                    c.fromCopyJob() ? "copy job completed, the copy not seen" : PointTexts.status(c.status()).toLowerCase(java.util.Locale.ROOT)
                            + (c.pointsInVault() > 1 ? ", the newest of " + Formats.count(c.pointsInVault()) + " there" : ""),
                    c.lock().shortText(zone), key.isEmpty() ? key : Character.toLowerCase(key.charAt(0)) + key.substring(1), c.safe(), safeText));
        }
        List<RestoreLine> restores = new ArrayList<>();
        for (Restorability.Restore r : verdict.restores()) {
            restores.add(restoreLine(r, zone));
        }
        Restorability.Restore last = verdict.lastRestore();
        String note = last == null || last.relation() == Restorability.Relation.THIS_POINT ? null
                : "The restore test of this point's verdict restored " + last.relation().text() + ".";
        return new PointDetail(row, title, subtitle, verdict, timeline(p, now, zone), facts(b, row, v, zone, now), copies, restores, note);
    }

    private static RestoreLine restoreLine(Restorability.Restore r, ZoneId zone) {
        RestoreJob j = r.job();
        String validation = j.validationStatus() == null ? (r.isTest() ? "No result posted" : Formats.NONE)
                : switch (j.validationStatus()) {
                    case "SUCCESSFUL" -> "Passed";
                    case "FAILED" -> "Failed";
                    case "TIMED_OUT" -> "Timed out";
                    case "VALIDATING" -> "Validating";
                    default -> j.validationStatus();
                };
        return new RestoreLine(j.restoreJobId(), r.isTest() ? "Restore test" : "Restore by hand", r.testingPlanName(), r.testingPlanArn(),
                Formats.dateTime(j.creationDate(), zone), PointTexts.status(j.status()), r.took() == null ? Formats.NONE : Formats.duration(r.took()),
                validation, j.createdResourceArn(), r.outcome(), r.text());
    }

    static Timeline timeline(RecoveryPoint p, Instant now, ZoneId zone) {
        Instant created = p.creationDate() != null ? p.creationDate() : p.initiationDate();
        Instant completed = p.completionDate();
        Instant cold = p.calculatedLifecycle() == null ? null : p.calculatedLifecycle().moveToColdStorageAt();
        Instant delete = p.calculatedLifecycle() == null ? null : p.calculatedLifecycle().deleteAt();
        List<Timeline.Mark> marks = new ArrayList<>();
        Instant start = created != null ? created : completed != null ? completed : now;
        Instant end = start;
        if (created != null) {
            marks.add(new Timeline.Mark(Timeline.Kind.CREATED, created, "Created", Formats.dateTime(created, zone)));
        }
        if (completed != null) {
            marks.add(new Timeline.Mark(Timeline.Kind.COMPLETED, completed, "Completed", Formats.dateTime(completed, zone)));
            end = later(end, completed);
        }
        if (cold != null) {
            marks.add(new Timeline.Mark(Timeline.Kind.COLD_STORAGE, cold, "To cold storage", Formats.date(cold, zone)));
            end = later(end, cold);
        }
        if (delete != null) {
            marks.add(new Timeline.Mark(Timeline.Kind.DELETE, delete, "Deletion", Formats.date(delete, zone)));
            end = later(end, delete);
        }
        marks.add(new Timeline.Mark(Timeline.Kind.NOW, now, "Now", Formats.date(now, zone)));
        end = later(end, now);
        start = now.isBefore(start) ? now : start;
        if (delete == null || end.equals(start)) {
            // No end to the line: leave room after the last mark for the arrow that says "kept until deleted".
            end = end.plus(Duration.ofSeconds(Math.max(86_400, Duration.between(start, end).getSeconds() / 4)));
        }
        return new Timeline(start, end, now, List.copyOf(marks));
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    private static List<Fact> facts(PointIndex.Base b, PointRow row, EstateIndex.VaultRef v, ZoneId zone, Instant now) {
        RecoveryPoint p = row.point();
        BackupVault vault = v.vault();
        EstateCatalog c = b.catalog();
        List<Fact> f = new ArrayList<>();
        f.add(Fact.of("Recovery point ARN", Formats.orNotRead(p.recoveryPointArn())));
        f.add(new Fact("Resource", row.resourceName(), p.resourceArn()));
        f.add(Fact.of("Resource ARN", Formats.orNotRead(p.resourceArn())));
        f.add(Fact.of("Resource type", PointTexts.type(p.resourceType())));
        f.add(new Fact("Vault", row.vault().name(), vault.backupVaultArn()));
        f.add(Fact.of("Vault type", vaultType(vault.vaultType() != null ? vault.vaultType() : p.vaultType())));
        f.add(Fact.of("Vault lock", VaultLock.of(vault, now).describe(zone)));
        f.add(new Fact("Account", row.vault().accountName().equals(row.vault().accountId()) ? row.vault().accountId()
                : row.vault().accountName() + " (" + row.vault().accountId() + ")", row.vault().accountId()));
        f.add(Fact.of("Region", row.vault().region()));
        f.add(Fact.of("Status", PointTexts.status(p.status()) + (p.statusMessage() == null || p.statusMessage().isBlank() ? "" : ": " + p.statusMessage())));
        f.add(Fact.of("Created", p.creationDate() == null ? Formats.NOT_READ : Formats.dateTime(p.creationDate(), zone)
                + " (" + Formats.relative(p.creationDate(), now) + ")"));
        f.add(Fact.of("Initiated", Formats.dateTime(p.initiationDate(), zone)));
        f.add(Fact.of("Completed", Formats.dateTime(p.completionDate(), zone)
                + (p.completionDate() != null && p.creationDate() != null ? " (took " + Formats.duration(Duration.between(p.creationDate(), p.completionDate())) + ")" : "")));
        f.add(Fact.of("Backup size", p.backupSizeInBytes() == null ? Formats.NOT_READ : Formats.bytes(p.backupSizeInBytes())));
        f.add(Fact.of("Encrypted", PointTexts.encryption(row.encryption())));
        if (row.key() != null && !row.key().awsOwned()) {
            f.add(new Fact("Key", row.key().label(), row.key().arn()));
            EstateIndex.KeyRef k = b.index().key(row.key().arn());
            f.add(Fact.of("Key state", k == null ? "Not read: the key is not in this estate" : keyState(k.key().keyMetadata(), zone)));
        } else {
            f.add(Fact.of("Key", row.key() != null ? "AWS-owned key" : Formats.orNotRead(p.encryptionKeyArn())));
        }
        f.add(Fact.of("Lifecycle", lifecycle(p)));
        Instant deleteAt = p.calculatedLifecycle() == null ? null : p.calculatedLifecycle().deleteAt();
        f.add(Fact.of("Deletion date", deleteAt == null ? "No deletion date" : Formats.date(deleteAt, zone) + " (" + Formats.relative(deleteAt, now) + ")"));
        Instant cold = p.calculatedLifecycle() == null ? null : p.calculatedLifecycle().moveToColdStorageAt();
        if (cold != null) {
            f.add(Fact.of("Moves to cold storage", Formats.date(cold, zone) + " (" + Formats.relative(cold, now) + ")"));
        }
        if (p.createdBy() != null) {
            String plan = p.createdBy().backupPlanName() != null ? p.createdBy().backupPlanName()
                    : p.createdBy().backupPlanArn() != null ? Formats.shortArn(p.createdBy().backupPlanArn()) : p.createdBy().backupPlanId();
            EstateIndex.PlanRef ref = b.index().plan(p.createdBy().backupPlanArn(), p.createdBy().backupPlanId());
            if (ref != null && ref.plan().backupPlan() != null && ref.plan().backupPlan().backupPlanName() != null && p.createdBy().backupPlanName() == null) {
                plan = ref.plan().backupPlan().backupPlanName();
            }
            String rule = p.createdBy().backupRuleName() != null ? p.createdBy().backupRuleName() : p.createdBy().backupRuleId();
            f.add(new Fact("Created by plan", Formats.orNone(plan), ref != null ? ref.plan().backupPlanArn() : p.createdBy().backupPlanArn()));
            f.add(Fact.of("Rule", Formats.orNone(rule)));
        } else {
            f.add(Fact.of("Created by plan", "On demand, or not read"));
        }
        if (p.sourceBackupVaultArn() != null) {
            f.add(new Fact("Copied from vault", Formats.shortArn(p.sourceBackupVaultArn()) + accountOf(c, p.sourceBackupVaultArn()), p.sourceBackupVaultArn()));
        }
        f.add(Fact.of("IAM role", Formats.orNone(p.iamRoleArn())));
        f.add(Fact.of("Last restored", p.lastRestoreTime() == null ? Formats.NONE : Formats.dateTime(p.lastRestoreTime(), zone)));
        if (p.parentRecoveryPointArn() != null) {
            f.add(new Fact("Parent recovery point", Formats.shortArn(p.parentRecoveryPointArn()), p.parentRecoveryPointArn()));
        }
        if (p.compositeMemberIdentifier() != null) {
            f.add(Fact.of("Composite member", p.compositeMemberIdentifier()));
        }
        if (p.indexStatus() != null) {
            f.add(Fact.of("Backup index", PointTexts.status(p.indexStatus()) + (p.indexStatusMessage() == null ? "" : ": " + p.indexStatusMessage())));
        }
        f.add(Fact.of("Tags", tags(p.tags())));
        return List.copyOf(f);
    }

    private static String accountOf(EstateCatalog c, String arn) {
        String account = Arn.accountOf(arn);
        return account == null ? "" : " (" + c.accountName(account) + ")";
    }

    static String vaultType(String type) {
        if (type == null) {
            return Formats.NOT_READ;
        }
        return switch (type) {
            case EstateIndex.STANDARD_VAULT -> "Standard backup vault";
            case EstateIndex.LAG_VAULT -> "Logically air-gapped vault";
            case "RESTORE_ACCESS_BACKUP_VAULT" -> "Restore access vault (a view of an air-gapped vault)";
            default -> type;
        };
    }

    /** "Enabled · customer managed", "Pending deletion on 4 Dec 2026 · customer managed". */
    private static String keyState(dev.redoubt.estate.KeyMetadata m, ZoneId zone) {
        String state = m.keyState() == null ? "State not read" : switch (m.keyState()) {
            case "Enabled" -> "Enabled";
            case "Disabled" -> "Disabled";
            case "PendingDeletion" -> "Pending deletion" + (m.deletionDate() == null ? "" : " on " + Formats.date(m.deletionDate(), zone));
            case "PendingImport" -> "Waiting for its key material";
            case "Unavailable" -> "Unavailable (its key store is disconnected)";
            default -> m.keyState();
        };
        String manager = m.keyManager() == null ? null : "AWS".equals(m.keyManager()) ? "AWS managed" : "customer managed";
        return manager == null ? state : state + " · " + manager;
    }

    private static String lifecycle(RecoveryPoint p) {
        if (p.lifecycle() == null) {
            return p.calculatedLifecycle() == null ? "Not read, or kept until someone deletes it" : "Not read";
        }
        List<String> parts = new ArrayList<>();
        if (p.lifecycle().moveToColdStorageAfterDays() != null) {
            parts.add("moved to cold storage after " + Formats.days(p.lifecycle().moveToColdStorageAfterDays()));
        }
        if (p.lifecycle().deleteAfterDays() != null) {
            parts.add("kept " + Formats.days(p.lifecycle().deleteAfterDays()) + ", then deleted");
        }
        if (p.lifecycle().deleteAfterEvent() != null) {
            parts.add("deleted after " + p.lifecycle().deleteAfterEvent());
        }
        if (parts.isEmpty()) {
            return "Kept until someone deletes it";
        }
        String s = String.join("; ", parts);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String tags(Map<String, String> tags) {
        if (tags == null) {
            return Formats.NOT_READ;
        }
        if (tags.isEmpty()) {
            return "None";
        }
        List<String> out = new ArrayList<>();
        new TreeMap<>(tags).forEach((k, val) -> out.add(k + " = " + val));
        return String.join(", ", out);
    }
}
