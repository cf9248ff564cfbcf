package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.app.AppContext;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.Target;
import dev.redoubt.services.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'redoubt drill list|show|report|history' over drills journaled in the home. */
class DrillCommandTest {
    private static final String OP = "arn:aws:sts::645019283746:assumed-role/BackupOperator/alice";
    private static final String SIGNER = "arn:aws:sts::111122223333:assumed-role/AuditReadOnly/bob";
    private static final String DB = "arn:aws:rds:eu-west-1:645019283746:db:shop-orders";

    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("home");
    }

    /** Journals a signed-off rehearsal of shop-orders and an unfinished drill, as a run of the window would. */
    private void journalDrills() {
        Map<String, String> env = Map.of("REDOUBT_HOME", home().toString(), "HOME", home().resolveSibling("home-user").toString());
        try (AppContext app = new AppContext(env, Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC))) {
            Actor op = new Actor(OP, Mode.OPERATOR, Target.sandbox());
            String[][] steps = {{"begin", "-1"}, {"start-restore", "0"}, {"wait", "0"}, {"validate", "0"}, {"summary", "-1"}, {"sign-off", "-1"}};
            for (String[] s : steps) {
                ObjectNode d = step("c0ffee01", s[0], Integer.parseInt(s[1]));
                switch (s[0]) {
                    case "begin" -> d.put("title", "Shop orders <rehearsal>").putArray("members").addObject().put("order", 0).put("resourceArn", DB)
                            .put("resourceType", "RDS").put("resourceName", "shop-orders").put("accountId", "645019283746").put("region", "eu-west-1");
                    case "start-restore" -> d.put("restoreJobId", "JOB-1");
                    case "wait" -> d.put("restoreJobId", "JOB-1").put("status", "COMPLETED").put("rtoMs", 252_000)
                            .put("jobCreated", "2026-11-28T09:31:00Z").put("jobCompleted", "2026-11-28T09:35:12Z");
                    case "validate" -> d.putArray("checks").addObject().put("id", "db-connect").put("text", "connects").put("outcome", "PASSED");
                    case "sign-off" -> d.put("signer", SIGNER).put("operator", OP).put("statement", "ok");
                    default -> { }
                }
                app.activity().drillStep(s[0].equals("sign-off") ? new Actor(SIGNER, Mode.AUDITOR, Target.sandbox()) : op, DB, d);
            }
            ObjectNode begin = step("beef0002", "begin", -1).put("title", "Half done");
            begin.putArray("members").addObject().put("order", 0).put("resourceArn", DB).put("resourceType", "RDS").put("resourceName", "shop-orders");
            app.activity().drillStep(op, DB, begin);
        }
    }

    private static ObjectNode step(String drill, String step, int member) {
        ObjectNode d = JsonNodeFactory.instance.objectNode().put("drill", drill).put("step", step).put("outcome", "ok").put("rehearsal", true);
        if (member >= 0) {
            d.put("member", member);
        }
        return d;
    }

    @Test
    void listShowsEachDrillMarkedAsARehearsalWithItsOperatorSignerAndRto() {
        journalDrills();
        CliRun r = CliRun.run(home(), "drill", "list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ID", "TITLE", "STATUS", "OPERATOR", "SIGNER", "RTO");
        assertThat(r.out()).contains("c0ffee01").contains("REHEARSAL, signed off").contains("alice").contains("bob").contains("4 min 12 s");
        assertThat(r.out()).contains("beef0002").contains("REHEARSAL, preparing, interrupted");
        assertThat(r.err()).contains("1 drill was interrupted");
    }

    @Test
    void showPrintsStepsWithTimesDurationsActorsAndHashesAndAsJson() throws Exception {
        journalDrills();
        CliRun r = CliRun.run(home(), "drill", "show", "c0ff");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("REHEARSAL against the sandbox: not evidence of a verified restore.");
        assertThat(r.out()).contains("sign-off").contains("Signed off by " + SIGNER).contains("JOB-1").contains("completed in 4 min 12 s");
        CliRun j = CliRun.run(home(), "drill", "show", "c0ffee01", "--json");
        JsonNode json = new ObjectMapper().readTree(j.out());
        assertThat(json.path("rehearsal").asBoolean()).isTrue();
        assertThat(json.path("verified").asBoolean()).isFalse();
        assertThat(json.path("steps")).hasSize(6);
        assertThat(json.path("steps").get(5).path("hash").asText()).hasSize(64);
        assertThat(json.path("rtoMs").asLong()).isEqualTo(252_000);
    }

    private static final String LAG = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-eu-west-1";
    private static final String RA = "arn:aws:backup:eu-west-1:645019283746:backup-vault:restore-access-central-airgap-eu-west-1-x1y2";
    private static final String SESSION = "arn:aws:mpa:eu-west-1:536470192834:session/northwind-recovery/req1";

    /** Journals a restore-access request approved by bob and carol, a drill that chose its point through the vault, and (if {@code revoke}) the revocation. */
    private void journalDrillThroughRestoreAccess(boolean revoke) {
        Map<String, String> env = Map.of("REDOUBT_HOME", home().toString(), "HOME", home().resolveSibling("home-user").toString());
        try (AppContext app = new AppContext(env, Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneOffset.UTC))) {
            Actor op = new Actor(OP, Mode.OPERATOR, Target.sandbox());
            var f = JsonNodeFactory.instance;
            app.activity().approval(op, "approval-request", SESSION, f.objectNode().put("operation", "CreateRestoreAccessBackupVault")
                    .put("approvalTeam", "arn:aws:mpa:eu-west-1:536470192834:approval-team/northwind-recovery").put("approvalTeamName", "northwind-recovery")
                    .put("requiredApprovals", 2).put("numberOfApprovers", 3).put("sessionArn", SESSION).put("sourceVaultArn", LAG)
                    .put("comment", "INC-5000: rehearse the media restore").put("restoreAccessVaultArn", RA).put("outcome", "requested"));
            for (String[] v : new String[][] {{"bob", "2026-11-28T09:37:00Z"}, {"carol", "2026-11-28T09:48:00Z"}}) {
                app.activity().approval(op, "approval-vote", SESSION, f.objectNode().put("sessionArn", SESSION).put("approverId", "ap-" + v[0])
                        .put("identityId", "u-" + v[0]).put("response", "APPROVED").put("respondedAt", v[1]).put("requiredApprovals", 2));
            }
            app.activity().approval(op, "approval-outcome", SESSION, f.objectNode().put("sessionArn", SESSION).put("outcome", "APPROVED")
                    .put("why", "Approved: 2 of 2 required approvals").put("completedAt", "2026-11-28T09:48:00Z"));
            ObjectNode begin = step("ace00003", "begin", -1).put("title", "Media from the air-gapped vault");
            begin.putArray("members").addObject().put("order", 0).put("resourceArn", DB).put("resourceType", "RDS").put("resourceName", "shop-orders")
                    .put("accountId", "645019283746").put("region", "eu-west-1");
            app.activity().drillStep(op, DB, begin);
            app.activity().drillStep(op, DB, step("ace00003", "choose", 0).put("recoveryPointArn", "arn:aws:backup:eu-west-1:536470192834:recovery-point:rp1")
                    .put("vaultArn", RA).put("sourceVaultArn", LAG).put("restoreAccess", true));
            if (revoke) {
                String rs = SESSION.replace("req1", "rev1");
                app.activity().approval(op, "approval-revoke", rs, f.objectNode().put("operation", "RevokeRestoreAccessBackupVault").put("sessionArn", rs)
                        .put("sourceVaultArn", LAG).put("restoreAccessVaultArn", RA).put("comment", "Rehearsal done").put("outcome", "requested"));
                app.activity().approval(op, "approval-outcome", rs, f.objectNode().put("sessionArn", rs).put("outcome", "APPROVED")
                        .put("why", "Approved: 2 of 2 required approvals").put("completedAt", "2026-11-28T10:40:00Z"));
            }
        }
    }

    @Test
    void showNamesTheRestoreAccessVaultAndTheApprovalBehindItAsTextAndJson() throws Exception {
        journalDrillThroughRestoreAccess(true);
        CliRun r = CliRun.run(home(), "drill", "show", "ace00003");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Restored through the restore-access vault restore-access-central-airgap-eu-west-1-x1y2, opened by multi-party "
                        + "approval onto the air-gapped vault central-airgap-eu-west-1")
                .contains("Team:       northwind-recovery, 2 of 3 approvers must approve")
                .contains("Requested:  2026-11-28 09:30:00 UTC by alice: \"INC-5000: rehearse the media restore\"")
                .contains("Vote:       u-bob approved 2026-11-28 09:37:00 UTC", "Vote:       u-carol approved 2026-11-28 09:48:00 UTC")
                .contains("Outcome:    approved 2026-11-28 09:48:00 UTC (Approved: 2 of 2 required approvals), 18 min after the request")
                .contains("Revocation: asked 2026-11-28 09:30:00 UTC by alice: \"Rehearsal done\"; approved 2026-11-28 10:40:00 UTC")
                .doesNotContain("STILL OPEN");
        JsonNode json = new ObjectMapper().readTree(CliRun.run(home(), "drill", "show", "ace00003", "--json").out());
        JsonNode a = json.path("restoreAccess").get(0);
        assertThat(a.path("restoreAccessVaultArn").asText()).isEqualTo(RA);
        assertThat(a.path("sourceVaultArn").asText()).isEqualTo(LAG);
        assertThat(a.path("comment").asText()).isEqualTo("INC-5000: rehearse the media restore");
        assertThat(a.path("votes")).hasSize(2);
        assertThat(a.path("votes").get(1).path("identityId").asText()).isEqualTo("u-carol");
        assertThat(a.path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(a.path("revoked").asBoolean()).isTrue();
        assertThat(a.path("stillOpen").asBoolean()).isFalse();
        assertThat(a.path("revocation").path("outcome").asText()).isEqualTo("APPROVED");
        // the drill's steps stay its own
        assertThat(json.path("steps")).hasSize(2);
    }

    @Test
    void showWarnsWhileTheRestoreAccessIsStillOpen() throws Exception {
        journalDrillThroughRestoreAccess(false);
        CliRun r = CliRun.run(home(), "drill", "show", "ace00003");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("STILL OPEN: no revocation is in the journal; revoke the access once the drill is done")
                .contains("Revoked:    no (still open)");
        JsonNode json = new ObjectMapper().readTree(CliRun.run(home(), "drill", "show", "ace00003", "--json").out());
        assertThat(json.path("restoreAccess").get(0).path("stillOpen").asBoolean()).isTrue();
        assertThat(json.path("restoreAccess").get(0).path("revocation").isNull()).isTrue();
        // a drill from its points' own vaults has none
        journalDrills();
        assertThat(new ObjectMapper().readTree(CliRun.run(home(), "drill", "show", "c0ffee01", "--json").out()).path("restoreAccess")).isEmpty();
    }

    @Test
    void withNoJournalYetListSaysSoAndCreatesNothing() {
        CliRun r = CliRun.run(home(), "drill", "list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("No drills in the journal yet");
        CliRun show = CliRun.run(home(), "drill", "show", "c0ffee01");
        assertThat(show.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(show.err()).contains("there is no journal yet");
        assertThat(home()).doesNotExist();
    }

    @Test
    void aDrillThatDoesNotExistOrIsAmbiguousIsAClearUsageError() {
        journalDrills();
        CliRun none = CliRun.run(home(), "drill", "show", "zzz");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no drill has the id zzz");
        assertThat(none.noStackTrace()).isTrue();
        CliRun blank = CliRun.run(home(), "drill", "show", " ");
        assertThat(blank.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(blank.noStackTrace()).isTrue();
        Map<String, String> env = Map.of("REDOUBT_HOME", home().toString(), "HOME", home().resolveSibling("home-user").toString());
        try (AppContext app = new AppContext(env, Clock.systemUTC())) {
            ObjectNode begin = step("c0ffee99", "begin", -1).put("title", "Another");
            begin.putArray("members").addObject().put("order", 0).put("resourceArn", DB);
            app.activity().drillStep(new Actor(OP, Mode.OPERATOR, Target.sandbox()), DB, begin);
        }
        CliRun ambiguous = CliRun.run(home(), "drill", "show", "c0ffee");
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.err()).contains("c0ffee is the start of 2 drills' ids (c0ffee01, c0ffee99); give more of it");
    }

    @Test
    void reportIsJournaledFirstThenWritten() throws Exception {
        journalDrills();
        Path out = dir.resolve("drill.html");
        CliRun r = CliRun.run(home(), "drill", "report", "c0ffee01", "--output", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out)).contains("REHEARSAL").contains("Shop orders &lt;rehearsal&gt;");
        Map<String, String> env = Map.of("REDOUBT_HOME", home().toString(), "HOME", home().resolveSibling("home-user").toString());
        try (AppContext app = new AppContext(env, Clock.systemUTC())) {
            assertThat(app.journal().read(new EntryQuery(null, null, "export", null, 0))).singleElement().satisfies(e -> {
                assertThat(e.detailsTree().path("kind").asText()).isEqualTo("drill-report");
                assertThat(e.detailsTree().path("drill").asText()).isEqualTo("c0ffee01");
                assertThat(e.detailsTree().path("file").asText()).isEqualTo(out.toAbsolutePath().normalize().toString());
            });
        }
        CliRun journal = CliRun.run(home(), "drill", "report", "c0ffee01", "--output", home().resolve("journal.db").toString());
        assertThat(journal.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void historyListsOverdueResourcesFirstWithTheLastRehearsalApart() {
        journalDrills();
        CliRun r = CliRun.run(home(), "drill", "history", "--demo");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("RESOURCE", "LAST VERIFIED", "OVERDUE", "LAST REHEARSAL");
        String orders = r.out().lines().filter(l -> l.startsWith("shop-orders ")).findFirst().orElseThrow();
        assertThat(orders).contains("never").contains("OVERDUE").contains("(c0ffee01)");
        assertThat(r.out()).contains("resources overdue for a verified restore drill (every 180 days");
        CliRun missing = CliRun.run(home(), "drill", "history");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aWrittenReportVerifiesAgainstTheJournalAndATamperedOneDoesNot() throws Exception {
        journalDrills();
        Path out = dir.resolve("drill.html");
        assertThat(CliRun.run(home(), "drill", "report", "c0ffee01", "--output", out.toString()).exitCode()).isZero();
        CliRun ok = CliRun.run(home(), "drill", "verify", out.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("OK: the report's 6 entries of drill c0ffee01 are the journal's").contains("journal ").contains(": OK: ");

        String html = Files.readString(out);
        Path tampered = dir.resolve("tampered.html");
        Files.writeString(tampered, html.replace("&quot;rtoMs&quot;:252000", "&quot;rtoMs&quot;:152000").replace("\"rtoMs\":252000", "\"rtoMs\":152000"));
        assertThat(Files.readString(tampered)).isNotEqualTo(html);
        CliRun bad = CliRun.run(home(), "drill", "verify", tampered.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.VERIFICATION_FAILED);
        assertThat(bad.err()).contains("does not verify against the journal").doesNotContain("Exception");

        CliRun missing = CliRun.run(home(), "drill", "verify", dir.resolve("nowhere.html").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("cannot read the report").doesNotContain("Exception");
    }
}
