package dev.redoubt.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.drills.CheckResult;
import dev.redoubt.drills.DrillMember;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.DrillStep;
import dev.redoubt.drills.MemberState;
import dev.redoubt.drills.PreflightItem;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.drills.Validation;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryDraft;
import dev.redoubt.journal.JournalFiles;
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.SqliteJournal;
import dev.redoubt.journal.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A drill of two resources (shop-orders, then shop-web-data-1) written to a real journal in a temporary
 * home as the journal contract says, with another entry (the signer's sign-in) between two of its steps,
 * and its state built by hand as DrillReplay would rebuild it. Strings may carry a hostile payload.
 */
final class DrillFixture {
    static final String DRILL = "d-7f3a2c";
    static final String ALICE = "arn:aws:sts::645019283746:assumed-role/AWSReservedSSO_Operator_1a2b/alice";
    static final String BOB = "arn:aws:sts::645019283746:assumed-role/AWSReservedSSO_Auditor_3c4d/bob";
    static final String DB = "arn:aws:rds:eu-west-1:645019283746:db:shop-orders";
    static final String VOL = "arn:aws:ec2:eu-west-1:645019283746:volume/vol-0a1b2c3d4e5f60718";
    static final String RP_DB = "arn:aws:rds:eu-west-1:645019283746:snapshot:awsbackup:job-1d2e3f";
    static final String RP_VOL = "arn:aws:ec2:eu-west-1::snapshot/snap-0f1e2d3c4b5a69788";
    static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    static final String LAG = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-eu-west-1";
    static final String RA = "arn:aws:backup:eu-west-1:645019283746:backup-vault:restore-access-central-airgap-eu-west-1-x1y2";
    static final String TEAM = "arn:aws:mpa:eu-west-1:536470192834:approval-team/northwind-recovery-4db0";
    static final String SESSION = TEAM.replace("approval-team", "session") + "/req1";
    static final String REVOKE_SESSION = TEAM.replace("approval-team", "session") + "/rev1";

    /** Whether the drill restores the database through a restore-access vault, and how far its access was closed. */
    enum Access { NONE, OPEN, REVOKED }

    final List<Entry> entries = new ArrayList<>();
    /** The approval entries of the restore-access vault (empty for Access.NONE), in journal order. */
    final List<Entry> approvals = new ArrayList<>();
    final List<Entry> all = new ArrayList<>();
    final SqliteJournal journal;
    final String fingerprint = "sha256:8eef0e6c2d1f4b3a5c7e9d0b1a2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d";
    private final boolean rehearsal;
    private final String hostile;
    private final Access access;

    /** Opens a journal in {@code home} and writes the drill; {@code hostile} is put in the title, notes and a status message. */
    DrillFixture(Path home, boolean rehearsal, String hostile) {
        this(home, rehearsal, hostile, Access.NONE);
    }

    /** As above; with {@code access} other than NONE, the database is restored through a restore-access vault approved by bob and carol (hostile in the comment). */
    DrillFixture(Path home, boolean rehearsal, String hostile, Access access) {
        this.rehearsal = rehearsal;
        this.hostile = hostile;
        this.access = access;
        JournalFiles files = new JournalFiles(home.resolve("journal.db"), home.resolve("keys"), home.resolve("settings.json"), home.resolve("native"));
        journal = SqliteJournal.open(files, Clock.fixed(T0, ZoneOffset.UTC));
        write();
    }

    String title() {
        return "shop: orders database and web volume" + hostile;
    }

    private ObjectNode step(String step, Integer member, String outcome, long durationMs) {
        ObjectNode d = EntryDraft.of("x", Mode.OPERATOR, Target.none(), "drill-step", null).detailsObject();
        d.put("drill", DRILL).put("step", step).put("outcome", outcome).put("rehearsal", rehearsal).put("durationMs", durationMs);
        if (member != null) {
            d.put("member", member);
        }
        return d;
    }

    private void add(String actor, String subject, ObjectNode details) {
        Entry e = journal.append(new EntryDraft(actor, Mode.OPERATOR, rehearsal ? Target.sandbox() : Target.aws(), "drill-step", subject, details));
        entries.add(e);
        all.add(e);
    }

    private void approval(String action, String actor, String subject, ObjectNode details) {
        Entry e = journal.append(new EntryDraft(actor, Mode.OPERATOR, rehearsal ? Target.sandbox() : Target.aws(), action, subject, details));
        approvals.add(e);
        all.add(e);
    }

    private ObjectNode details() {
        return EntryDraft.of("x", Mode.OPERATOR, Target.none(), "approval-vote", null).detailsObject();
    }

    private void vote(String session, String who, String response, String at, int approvals) {
        ObjectNode v = details();
        v.put("sessionArn", session).put("approvalTeam", TEAM).put("operation", "CreateRestoreAccessBackupVault").put("approverId", "ap-" + who)
                .put("identityId", "u-" + who).put("response", response).put("respondedAt", at).put("restoreAccessVaultArn", RA)
                .put("approvals", approvals).put("requiredApprovals", 2);
        approval("approval-vote", ALICE, session, v);
    }

    private void outcome(String session, String at) {
        ObjectNode o = details();
        o.put("sessionArn", session).put("approvalTeam", TEAM).put("operation", "CreateRestoreAccessBackupVault").put("outcome", "APPROVED")
                .put("why", "Approved: 2 of 2 required approvals").put("status", "APPROVED").put("completedAt", at).put("approvals", 2)
                .put("rejections", 0).put("requiredApprovals", 2).put("restoreAccessVaultArn", RA).put("vaultState", "AVAILABLE");
        approval("approval-outcome", ALICE, session, o);
    }

    private void write() {
        if (access != Access.NONE) {
            ObjectNode r = details();
            r.put("operation", "CreateRestoreAccessBackupVault").put("approvalTeam", TEAM).put("requiredApprovals", 2).put("sessionArn", SESSION)
                    .put("sourceVaultArn", LAG).put("comment", "INC-5000: rehearse shop-orders" + hostile).put("restoreAccessVaultArn", RA)
                    .put("restoreAccessVaultName", "restore-access-central-airgap-eu-west-1-x1y2").put("vaultState", "CREATING")
                    .put("outcome", "requested").put("approvalTeamName", "northwind-recovery").put("numberOfApprovers", 3);
            approval("approval-request", ALICE, SESSION, r);
            vote(SESSION, "bob", "APPROVED", "2026-12-07T09:10:00Z", 1);
            vote(SESSION, "carol", "APPROVED", "2026-12-07T09:25:00Z", 2);
            outcome(SESSION, "2026-12-07T09:25:00Z");
            // another restore-access vault's request: not this drill's
            ObjectNode other = r.deepCopy();
            other.put("restoreAccessVaultArn", RA + "-other").put("sessionArn", SESSION + "-other").put("comment", "someone else's request");
            Entry e = journal.append(new EntryDraft(BOB, Mode.OPERATOR, Target.aws(), "approval-request", SESSION + "-other", other));
            all.add(e);
        }
        ObjectNode begin = step("begin", null, "ok", 0);
        begin.put("title", title()).put("runbook", "shop-restore");
        ArrayNode members = begin.putArray("members");
        members.addObject().put("order", 0).put("resourceArn", DB).put("resourceType", "RDS").put("resourceName", "shop-orders")
                .put("accountId", "645019283746").put("region", "eu-west-1");
        members.addObject().put("order", 1).put("resourceArn", VOL).put("resourceType", "EBS").put("resourceName", "shop-web-data-1")
                .put("accountId", "645019283746").put("region", "eu-west-1");
        add(ALICE, DB, begin);
        ObjectNode choose = step("choose", 0, "ok", 42_000);
        choose.put("resourceArn", DB).put("recoveryPointArn", RP_DB).put("pointCreated", "2026-12-07T03:00:00.000Z")
                .put("vaultArn", "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod").put("suggested", true);
        if (access != Access.NONE) {
            choose.put("vaultArn", RA).put("sourceVaultArn", LAG).put("restoreAccess", true);
        }
        add(ALICE, RP_DB, choose);
        ObjectNode pre = step("preflight", 0, "ok", 61_000);
        pre.put("iamRoleArn", "arn:aws:iam::645019283746:role/redoubt-drill-restore");
        ArrayNode items = pre.putArray("items");
        items.addObject().put("id", "point-usable").put("title", "The recovery point is usable").put("verdict", "PASS").put("reason", "COMPLETED, key shop-prod-data enabled").put("fix", "");
        items.addObject().put("id", "isolated-target").put("title", "The restore goes somewhere isolated").put("verdict", "UNKNOWN")
                .put("reason", "the name redoubt-drill-shop-orders is used; the subnet group could not be read").put("fix", "Check the DB subnet group by hand");
        pre.putObject("metadata").put("DBInstanceIdentifier", "redoubt-drill-shop-orders").put("DBInstanceClass", "db.t3.medium");
        add(ALICE, RP_DB, pre);
        ObjectNode confirm = step("confirm", null, "ok", 9_000);
        confirm.put("typed", "shop-orders");
        add(ALICE, DB, confirm);
        ObjectNode start = step("start-restore", 0, "ok", 2_000);
        start.put("restoreJobId", "7C1E4F0A-1111-2222-3333-444455556666").put("iamRoleArn", "arn:aws:iam::645019283746:role/redoubt-drill-restore")
                .put("recoveryPointArn", RP_DB).putObject("metadata").put("DBInstanceIdentifier", "redoubt-drill-shop-orders");
        add(ALICE, RP_DB, start);
        // someone else's entry between two steps: the chain goes through it
        Entry signIn = journal.append(EntryDraft.of(BOB, Mode.AUDITOR, rehearsal ? Target.sandbox() : Target.aws(), "sign-in", BOB));
        all.add(signIn);
        ObjectNode wait = step("wait", 0, "ok", 252_000);
        wait.put("restoreJobId", "7C1E4F0A-1111-2222-3333-444455556666").put("status", "COMPLETED").put("statusMessage", "Restore completed" + hostile)
                .put("createdResourceArn", "arn:aws:rds:eu-west-1:645019283746:db:redoubt-drill-shop-orders")
                .put("jobCreated", "2026-12-07T09:01:54.000Z").put("jobCompleted", "2026-12-07T09:06:06.000Z").put("rtoMs", 252_000).put("rpoMs", 21_714_000);
        add(ALICE, RP_DB, wait);
        ObjectNode val = step("validate", 0, "ok", 300_000);
        val.put("restoreJobId", "7C1E4F0A-1111-2222-3333-444455556666").put("notes", "orders: 48,112 rows, as in production" + hostile)
                .put("successful", true).put("sentToAws", "SUCCESSFUL");
        ArrayNode checks = val.putArray("checks");
        checks.addObject().put("id", "db-connect").put("text", "The database accepts a connection").put("outcome", "PASSED");
        checks.addObject().put("id", "db-rows").put("text", "A row count matches production").put("outcome", "PASSED");
        add(ALICE, RP_DB, val);
        ObjectNode clean = step("cleanup", 0, "ok", 120_000);
        clean.put("confirmed", true).put("notes", "deleted without final snapshot").putArray("resources").add("arn:aws:rds:eu-west-1:645019283746:db:redoubt-drill-shop-orders");
        add(ALICE, RP_DB, clean);
        ObjectNode summary = step("summary", null, "ok", 30_000);
        summary.put("notes", "went well" + hostile).put("rtoMs", 252_000).put("rtoTargetMs", 4 * 3_600_000L);
        add(ALICE, DB, summary);
        ObjectNode sign = step("sign-off", null, "ok", 600_000);
        sign.put("operator", ALICE).put("signer", BOB).put("statement", "I watched the restore and checked the row count.");
        add(BOB, DB, sign);
        if (access == Access.REVOKED) {
            ObjectNode r = details();
            r.put("operation", "RevokeRestoreAccessBackupVault").put("approvalTeam", TEAM).put("sessionArn", REVOKE_SESSION).put("sourceVaultArn", LAG)
                    .put("comment", "Drill done").put("restoreAccessVaultArn", RA).put("outcome", "requested").put("revokeStatus", "PENDING");
            approval("approval-revoke", ALICE, REVOKE_SESSION, r);
            vote(REVOKE_SESSION, "alice", "APPROVED", "2026-12-07T10:40:00Z", 1);
            vote(REVOKE_SESSION, "bob", "APPROVED", "2026-12-07T10:45:00Z", 2);
            outcome(REVOKE_SESSION, "2026-12-07T10:45:00Z");
        }
    }

    /** The drill's entries and its approval's, as the report is given them (oldest first). */
    List<Entry> reportEntries() {
        List<Entry> out = new ArrayList<>(entries);
        out.addAll(approvals);
        out.sort(java.util.Comparator.comparingLong(Entry::seq));
        return out;
    }

    /** The drill as DrillReplay rebuilds it from the entries above (one member's restore for brevity: the volume was not started). */
    DrillState state(DrillStatus status, String signer) {
        DrillMember db = new DrillMember(0, DB, "RDS", "shop-orders", "645019283746", "eu-west-1");
        DrillMember vol = new DrillMember(1, VOL, "EBS", "shop-web-data-1", "645019283746", "eu-west-1");
        Validation ok = new Validation(List.of(new CheckResult("db-connect", "The database accepts a connection", CheckResult.Outcome.PASSED),
                new CheckResult("db-rows", "A row count matches production", CheckResult.Outcome.PASSED)), "orders: 48,112 rows" + hostile);
        MemberState m0 = new MemberState(db, RP_DB, Instant.parse("2026-12-07T03:00:00Z"),
                List.of(new PreflightItem("point-usable", "The recovery point is usable", Status.PASS, "COMPLETED", "")),
                "arn:aws:iam::645019283746:role/redoubt-drill-restore", Map.of(), "7C1E4F0A-1111-2222-3333-444455556666", null, "COMPLETED",
                "Restore completed" + hostile, "arn:aws:rds:eu-west-1:645019283746:db:redoubt-drill-shop-orders", Duration.ofSeconds(252),
                Duration.ofMillis(21_714_000), ok, "SUCCESSFUL", List.of("arn:aws:rds:eu-west-1:645019283746:db:redoubt-drill-shop-orders"), true);
        MemberState m1 = new MemberState(vol, RP_VOL, Instant.parse("2026-12-07T03:00:00Z"), List.of(), null, Map.of(), "9D2F-0001", null, "COMPLETED",
                null, "arn:aws:ec2:eu-west-1:645019283746:volume/vol-0ffee", Duration.ofSeconds(95), Duration.ofMillis(21_800_000), ok, null, List.of(), true);
        List<StepRecord> steps = new ArrayList<>();
        Entry prev = null;
        for (Entry e : entries) {
            var det = e.detailsTree();
            steps.add(new StepRecord(DrillStep.parse(det.path("step").asText()), det.path("member").asInt(-1), det.path("outcome").asText(), e.time(),
                    Duration.ofMillis(det.path("durationMs").asLong()), e.actor(), det.path("step").asText(), e.seq(), e.hash()));
            prev = e;
        }
        return new DrillState(DRILL, title(), "shop-restore", rehearsal, rehearsal ? "sandbox" : "aws", ALICE, signer, status, T0,
                status.finished() ? prev.time() : null, List.of(m0, m1), steps, Duration.ofSeconds(252 + 95), "went well" + hostile, null, false);
    }
}
