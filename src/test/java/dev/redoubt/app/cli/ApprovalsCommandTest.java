package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.sandbox.RequestLog;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'redoubt approvals': the demo's teams and sessions; restore access requested, voted on through the
 * sandbox (as its approver page does), followed to the outcome and revoked; refused to an auditor and
 * on bad input.
 */
class ApprovalsCommandTest {
    static final String LAG = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-eu-west-1";
    static final String COMMENT = "INC-5000: rehearse the restore of the shop's media";
    private static final Pattern RA = Pattern.compile("Restore-access vault: (arn:aws:backup:\\S+)");
    private static final Pattern SESSION = Pattern.compile("Session:\\s+(arn:aws:mpa:\\S+)");

    @TempDir
    Path dir;
    private Sandbox sandbox;
    private final Estate demo = NorthwindDemo.build();
    private Path capture;

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)).withAsCaptured(true));
        capture = dir.resolve("northwind.json");
        new EstateFile().write(demo, capture);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Path home() {
        return dir.resolve("home");
    }

    /** Redoubt's home and an AWS config with the sandbox's profiles (one per account and role, static keys). */
    private Map<String, String> env() throws IOException {
        Path config = dir.resolve("sandbox.config");
        Files.writeString(config, sandbox.awsConfig());
        return Map.of("HOME", dir.resolve("user").toString(), "REDOUBT_HOME", home().toString(), "AWS_CONFIG_FILE", config.toString());
    }

    private String profile(String role) {
        SandboxCredential c = sandbox.credential(sandbox.defaultCredential().accountId(), role);
        return Sandbox.profileName(c);
    }

    private CliRun run(String... args) throws IOException {
        return CliRun.withEnv(env(), args);
    }

    private List<Entry> journal(String action) {
        try (var j = dev.redoubt.journal.SqliteJournal.open(new dev.redoubt.app.AppPaths(home()).journalFiles(), Clock.systemUTC())) {
            return j.read(new EntryQuery(null, null, action, null, 0));
        }
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private String[] request(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("approvals", "request", LAG, "--comment", COMMENT, "--estate", capture.toString(),
                "--profile", profile("BackupOperator"), "--operator"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void teamsShowStatusThresholdApproversVaultsPendingChangesAndFindings() throws Exception {
        CliRun r = CliRun.run(home(), "approvals", "teams", "--demo");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("northwind-recovery: Active, 2 of 3 approvals needed (any 2 of these 3 people approve)")
                .contains("central-airgap-eu-west-1: Logically air-gapped vault")
                .contains("shop-inc-4711-restore: Restore access to central-airgap-eu-west-1 (available, approved 25 Nov 2026 08:05 UTC)")
                .contains("New approval team for central-airgap-keyed, awaiting approval since 26 Nov 2026 14:00 UTC")
                .contains("MPA-03 HIGH     FAIL    Approval team is not healthy")
                .containsPattern("dave\\s+invited, not accepted\\s+Has not answered the invitation")
                .contains("3 teams; 1 cannot approve as it stands");
        JsonNode json = new ObjectMapper().readTree(CliRun.run(home(), "approvals", "teams", "--demo", "--json").out());
        assertThat(json.path("teams")).hasSize(3);
        JsonNode dr = json.path("teams").get(2);
        assertThat(dr.path("name").asText()).isEqualTo("northwind-dr");
        assertThat(dr.path("approvals").asText()).isEqualTo("2 of 2");
        assertThat(dr.path("pendingSessions")).hasSize(1);
        assertThat(dr.path("vaultsGuarded").get(0).path("name").asText()).isEqualTo("central-airgap-keyed");
    }

    @Test
    void sessionsListThePendingOneFirstWithTimeLeftThenPastOnesWithVotesAndOutcome() {
        CliRun r = CliRun.run(home(), "approvals", "sessions", "--demo");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).startsWith("Pending sessions (1), soonest to expire first:");
        int past = out.indexOf("Past sessions (5), newest first:");
        assertThat(past).isPositive();
        assertThat(out.substring(0, past)).contains("Change the vault's approval team: expires in 5 d 5 h").contains("Outcome:    Waiting for approvals");
        assertThat(out.substring(past)).contains("Comment:    INC-4711: restore shop media after the bad deploy")
                .containsPattern("bob\\s+Approved on 25 Nov 2026 08:05 UTC")
                .contains("Outcome:    Expired: not enough approvals before the deadline")
                .contains("Outcome:    Approved and carried out (25 Nov 2026 08:05 UTC)");
        CliRun one = CliRun.run(home(), "approvals", "sessions", "--demo", "--team", "northwind-dr");
        assertThat(one.out()).contains("Pending sessions (1)").contains("Past sessions (1)");
        CliRun none = CliRun.run(home(), "approvals", "sessions", "--demo", "--team", "nobody");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--team: the estate has no approval team named nobody; its teams are northwind-forensics");
    }

    @Test
    void anOperatorRequestsTwoApproversApproveFollowPrintsTheVotesAndApprovedThenTheAccessIsRevoked() throws Exception {
        CliRun req = run(request());
        assertThat(req.exitCode()).as(req.err()).isZero();
        assertThat(req.out()).startsWith("Preflight for restore access to central-airgap-eu-west-1:")
                .contains("PASS     Enough approvers can vote: 3 of 3 approvers can vote; 2 must approve")
                .contains("PASS     Signed in as an operator")
                .contains("Requested restore access to central-airgap-eu-west-1 (journaled).")
                .contains("Approvals needed:     2 of the team's 3 approvers")
                .contains("Approvers vote on the sandbox's approver page: " + sandbox.endpoint() + "/approvals");
        String ra = find(RA, req.out());
        String session = find(SESSION, req.out());
        assertThat(req.out()).contains("Follow it with: redoubt approvals follow " + ra + " --profile " + profile("BackupOperator"));
        assertThat(sandbox.pendingSessions()).contains(session);

        sandbox.vote(session, "bob", true);
        sandbox.vote(session, "carol", true);
        CliRun follow = run("approvals", "follow", ra, "--profile", profile("BackupOperator"), "--estate", capture.toString());
        assertThat(follow.exitCode()).as(follow.err()).isZero();
        assertThat(follow.out()).containsPattern("bob approved \\(\\d of 2 required approvals\\)")
                .containsPattern("carol approved \\(\\d of 2 required approvals\\)")
                .contains("APPROVED: Approved: 2 of 2 required approvals.")
                .contains("is available: restore from it")
                .contains("redoubt approvals revoke " + ra);
        assertThat(journal("approval-vote")).hasSize(2);
        assertThat(journal("approval-outcome")).singleElement()
                .satisfies(e -> assertThat(e.detailsTree().path("outcome").asText()).isEqualTo("APPROVED"));

        CliRun list = run("approvals", "requests");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("central-airgap-eu-west-1").contains("APPROVED").contains("INC-5000");

        CliRun revoke = run("approvals", "revoke", ra, "--comment", "Rehearsal done", "--profile", profile("BackupOperator"), "--operator");
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("Asked the approval team to revoke the restore access").contains("Revocation session: arn:aws:mpa:")
                .contains("(pending)").contains("The access stays open until the approvers approve the revocation");
        assertThat(journal("approval-revoke")).singleElement()
                .satisfies(e -> assertThat(e.detailsTree().path("comment").asText()).isEqualTo("Rehearsal done"));
        JsonNode requests = new ObjectMapper().readTree(run("approvals", "requests", "--json").out());
        assertThat(requests.path("requests").get(0).path("revokeRequested").asBoolean()).isTrue();
        assertThat(requests.path("requests").get(0).path("restoreAccessVaultArn").asText()).isEqualTo(ra);
        assertThat(run("journal", "verify").exitCode()).isZero();
    }

    @Test
    void aRejectedRequestIsFollowedToRejectedAndExitsOne() throws Exception {
        CliRun req = run(request("--json"));
        assertThat(req.exitCode()).as(req.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(req.out());
        assertThat(doc.path("preflight").path("ok").asBoolean()).isTrue();
        assertThat(doc.path("preflight").path("items")).hasSize(5);
        assertThat(doc.path("request").path("state").asText()).isEqualTo("CREATING");
        assertThat(doc.path("request").path("requiredApprovals").asInt()).isEqualTo(2);
        String ra = doc.path("request").path("restoreAccessVaultArn").asText();
        String session = doc.path("request").path("sessionArn").asText();
        sandbox.vote(session, "bob", false);
        sandbox.vote(session, "carol", false);
        CliRun follow = run("approvals", "follow", ra, "--profile", profile("BackupOperator"), "--estate", capture.toString());
        assertThat(follow.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(follow.out()).contains("bob rejected").contains("carol rejected").contains("REJECTED: Rejected by 2 approvers");
        assertThat(follow.err()).contains("the approvers did not grant restore access (rejected)");
        assertThat(follow.noStackTrace()).isTrue();
        assertThat(journal("approval-outcome")).singleElement()
                .satisfies(e -> assertThat(e.detailsTree().path("outcome").asText()).isEqualTo("REJECTED"));
    }

    @Test
    @Timeout(120) // a follow that never ends is interrupted, and stops following as Ctrl+C does
    void requestWithFollowOnTheDemoPrintsEachVoteAsTheApproversCastItAndTheOutcome() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("REDOUBT_HOME", home().toString(), "HOME", dir.resolve("user").toString()), Clock.systemUTC());
        Thread approvers = new Thread(() -> {
            try {
                // as two approvers on the sandbox's approver page, once the request is waiting and being followed
                assertThat(GeneratedSandbox.await(() -> ctx.app().demo().sandbox() != null && !ctx.app().demo().sandbox().pendingSessions().isEmpty()
                        && out.toString(StandardCharsets.UTF_8).contains("Following"), Duration.ofMinutes(1))).isTrue();
                Sandbox s = ctx.app().demo().sandbox();
                String session = s.pendingSessions().stream().filter(a -> a.contains("northwind-recovery")).findFirst().orElseThrow();
                s.vote(session, "bob", true);
                assertThat(GeneratedSandbox.await(() -> out.toString(StandardCharsets.UTF_8).contains("bob approved"), Duration.ofMinutes(1))).isTrue();
                s.vote(session, "carol", true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "approvers");
        approvers.setDaemon(true);
        approvers.start();
        int code = Cli.run(new String[] {"approvals", "request", LAG, "--comment", COMMENT, "--demo", "--operator", "--follow"}, ctx);
        approvers.join(TimeUnit.MINUTES.toMillis(1));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("bob approved (1 of 2 required approvals)").contains("carol approved (2 of 2 required approvals)")
                .contains("APPROVED: Approved: 2 of 2 required approvals.");
        assertThat(printed.indexOf("bob approved")).isLessThan(printed.indexOf("carol approved"));
        assertThat(printed).contains("The demo's sandbox stops when this command ends");
    }

    @Test
    @Timeout(120)
    void ctrlCStopsFollowingButNotTheRequest() throws Exception {
        CliRun req = run(request());
        String ra = find(RA, req.out());
        String session = find(SESSION, req.out());
        List<Thread> hooks = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env(),
                Clock.systemUTC()).hooks(new CtrlC.Hooks() {
                    @Override
                    public void add(Thread hook) {
                        hooks.add(hook);
                    }

                    @Override
                    public void remove(Thread hook) {
                        hooks.remove(hook);
                    }
                });
        int[] code = new int[1];
        Thread command = new Thread(() -> code[0] = Cli.run(new String[] {"approvals", "follow", ra, "--profile", profile("BackupOperator")}, ctx));
        command.setDaemon(true); // a follow that Ctrl+C did not stop must not keep the tests' JVM alive
        command.start();
        assertThat(GeneratedSandbox.await(() -> !hooks.isEmpty() && out.toString(StandardCharsets.UTF_8).contains("Following"), Duration.ofMinutes(1)))
                .isTrue();
        Thread hook = hooks.get(0);
        hook.start(); // what the JVM does on Ctrl+C
        hook.join(TimeUnit.MINUTES.toMillis(1));
        command.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(code[0]).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stopped following; the request stays open with its approvers")
                .contains("redoubt approvals follow " + ra);
        assertThat(sandbox.pendingSessions()).as("the request is still waiting for its approvers").contains(session);
    }

    @Test
    void anAuditorIsRefusedBeforeAnythingIsSentOrJournaled() throws Exception {
        long seq = sandbox.requestLog().lastSeq();
        CliRun r = run("approvals", "request", LAG, "--comment", COMMENT, "--estate", capture.toString(), "--profile", profile("AuditReadOnly"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).contains("FAIL     Signed in as an operator: Auditor mode is read-only: a request changes AWS");
        assertThat(r.err()).contains("nothing was requested: the preflight failed: auditor mode is read-only and a request changes AWS: "
                + "sign in with --operator");
        assertThat(r.noStackTrace()).isTrue();
        CliRun revoke = run("approvals", "revoke", "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-inc-4711-restore",
                "--profile", profile("AuditReadOnly"));
        assertThat(revoke.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(revoke.err()).contains("read-only in auditor mode: revoking restore access changes AWS").contains("(sign in with --operator)");
        assertThat(sandbox.requestLog().since(seq)).extracting(RequestLog.Entry::operation)
                .doesNotContain("CreateRestoreAccessBackupVault", "RevokeRestoreAccessBackupVault");
        assertThat(journal("approval-request")).isEmpty();
        assertThat(journal("approval-revoke")).isEmpty();
        CliRun demo = CliRun.run(dir.resolve("home2"), "approvals", "request", LAG, "--comment", COMMENT, "--demo");
        assertThat(demo.exitCode()).as("auditor is the default mode").isEqualTo(ExitCodes.USAGE);
        assertThat(demo.err()).contains("sign in with --operator");
        CliRun json = CliRun.run(dir.resolve("home3"), "approvals", "request", LAG, "--comment", COMMENT, "--demo", "--json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.USAGE);
        JsonNode pre = new ObjectMapper().readTree(json.out()).path("preflight");
        assertThat(pre.path("ok").asBoolean()).isFalse();
        assertThat(pre.path("items").get(4).path("status").asText()).isEqualTo("FAIL");
    }

    @Test
    void badInputIsAOneLineMessageWithWhatToDo() throws Exception {
        CliRun notArn = run("approvals", "request", "central-airgap", "--comment", COMMENT, "--estate", capture.toString(),
                "--profile", profile("BackupOperator"), "--operator");
        assertThat(notArn.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notArn.err()).isEqualTo("redoubt: VAULT_ARN: 'central-airgap' is not the ARN of an air-gapped vault "
                + "(arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME); copy it from the vault's page" + System.lineSeparator());
        CliRun blank = run("approvals", "request", LAG, "--comment", "  ", "--estate", capture.toString(), "--profile", profile("BackupOperator"),
                "--operator");
        assertThat(blank.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(blank.err()).startsWith("redoubt: --comment: a request needs a comment: the approvers read it to decide");
        CliRun noComment = run("approvals", "request", LAG, "--demo", "--operator");
        assertThat(noComment.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noComment.err()).contains("Missing required option: '--comment=TEXT'");
        CliRun noCapture = run("approvals", "request", LAG, "--comment", COMMENT, "--profile", profile("BackupOperator"), "--operator");
        assertThat(noCapture.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCapture.err()).contains("the preflight is judged from a capture of the estate: give --estate FILE");

        CliRun unknown = run("approvals", "request", "arn:aws:backup:eu-west-1:536470192834:backup-vault:no-such-vault", "--comment", COMMENT,
                "--estate", capture.toString(), "--profile", profile("BackupOperator"), "--operator");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.out()).contains("UNKNOWN  Air-gapped vault with an approval team: The vault "
                + "arn:aws:backup:eu-west-1:536470192834:backup-vault:no-such-vault is not in the capture");
        assertThat(unknown.err()).contains("AWS refused the request for restore access to no-such-vault").contains("does not exist");
        assertThat(unknown.err().lines()).hasSize(1);

        CliRun followNotArn = run("approvals", "follow", "shop-inc-4711-restore", "--profile", profile("BackupOperator"));
        assertThat(followNotArn.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(followNotArn.err()).contains("'shop-inc-4711-restore' is not the ARN of a restore-access vault");
        CliRun revokeLag = run("approvals", "revoke", LAG, "--profile", profile("BackupOperator"), "--operator");
        assertThat(revokeLag.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(revokeLag.err()).contains("the vault central-airgap-eu-west-1 is not a restore-access vault: there is no access to revoke");
        CliRun both = run("approvals", "follow", LAG, "--demo", "--profile", profile("BackupOperator"));
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--demo and --profile name two places to sign in to; give one");
        for (CliRun r : List.of(notArn, blank, noComment, noCapture, unknown, followNotArn, revokeLag, both)) {
            assertThat(r.noStackTrace()).as(r.err()).isTrue();
        }
    }

    @Test
    void requestsWithNoJournalYetSaysSoAndCreatesNothing() {
        CliRun r = CliRun.run(home(), "approvals", "requests");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("No restore-access request in the journal yet");
        assertThat(home()).doesNotExist();
    }
}
