package dev.redoubt.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill report: what it says (verdict, rehearsal banner, identities, RTO/RPO, steps in words), that
 * every string from the journal is escaped, and that its evidence verifies, against the journal with
 * {@link DrillReport#verify} and by hand with the Python it prints, and stops verifying when one entry is changed.
 */
class DrillReportTest {
    static final String HOSTILE = " <script>alert(1)</script>\u202Egnp.exe\u001b[2J \"quoted\" & 'single'";

    @TempDir
    Path home;
    private DrillFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.journal.close();
        }
    }

    private String report(boolean rehearsal, DrillStatus status, String signer) {
        fixture = new DrillFixture(home, rehearsal, HOSTILE);
        DrillState state = fixture.state(status, signer);
        return DrillReport.html(state, fixture.entries, fixture.fingerprint);
    }

    @Test
    void aSignedOffDrillAgainstAwsIsAVerifiedRestoreWithBothIdentitiesAndItsTimes() {
        String html = report(false, DrillStatus.SIGNED_OFF, DrillFixture.BOB);
        assertThat(html).contains("<div class=\"verdict VERIFIED\"><div class=\"word\">Verified restore</div>")
                .doesNotContain("<div class=\"banner\">").doesNotContain("badge REH\"").doesNotContain("<title>REHEARSAL")
                .contains("<b>alice</b>", "<b>bob</b>", DrillFixture.ALICE, DrillFixture.BOB)
                .contains("5 min 47 s</b> against a target of 4 h: within the target")
                .contains("shop-orders: 6 h 1 min (the recovery point's age when its restore started)")
                .contains("7C1E4F0A-1111-2222-3333-444455556666")
                .contains("The database accepts a connection", "Sent to AWS (PutRestoreValidationResult): SUCCESSFUL")
                .contains("<span class=\"badge UNKNOWN\">UNKNOWN</span></td><td>The restore goes somewhere isolated</td><td>the name redoubt-drill-shop-orders is used; the subnet group could not be read")
                .contains("Deleted: <span class=\"mono arn\">arn:aws:rds:eu-west-1:645019283746:db:redoubt-drill-shop-orders</span>. The operator confirmed it was deleted.")
                .contains("I watched the restore and checked the row count.")
                .contains("redoubt journal verify --fingerprint " + fixture.fingerprint)
                .contains("redoubt journal verify --bundle drill-d-7f3a2c.zip");
    }

    @Test
    void aSandboxDrillIsARehearsalWithABannerAndNeverAVerifiedRestore() {
        String html = report(true, DrillStatus.SIGNED_OFF, DrillFixture.BOB);
        assertThat(html).contains("<title>REHEARSAL: Restore drill:")
                .contains("<b>REHEARSAL</b> · run against the sandbox, not AWS: not evidence of a verified restore.")
                .contains("<div class=\"verdict REHEARSAL\"><div class=\"word\">Rehearsal</div>")
                .contains("it never counts as a verified restore")
                .doesNotContain("Verified restore</div>");
    }

    @Test
    void aDrillNotSignedOffIsAwaitingSignOffNotVerified() {
        String html = report(false, DrillStatus.AWAITING_SIGN_OFF, null);
        assertThat(html).contains("<div class=\"word\">Awaiting sign-off</div>").contains("<i>not signed off</i>").doesNotContain("Verified restore</div>");
    }

    @Test
    void aRestoreJobThatFailedMakesTheDrillFailedWithAwsReasonAndAnAbandonedDrillSaysWhy() {
        fixture = new DrillFixture(home, false, "");
        DrillState ok = fixture.state(DrillStatus.VALIDATING, null);
        var m0 = ok.members().get(0);
        var failedMember = new dev.redoubt.drills.MemberState(m0.member(), m0.recoveryPointArn(), m0.pointCreated(), m0.preflight(), m0.iamRoleArn(),
                m0.metadata(), m0.restoreJobId(), null, "FAILED", "Access denied to KMS key: DisabledException", null, null, m0.rpo(), null, null,
                java.util.List.of(), false);
        DrillState failed = new DrillState(ok.id(), ok.title(), ok.runbookName(), false, "aws", ok.operator(), null, DrillStatus.VALIDATING, ok.started(),
                null, java.util.List.of(failedMember, ok.members().get(1)), ok.steps(), null, null, null, false);
        assertThat(DrillReport.verdict(failed)).isEqualTo(DrillReport.Verdict.FAILED);
        assertThat(DrillReport.html(failed, fixture.entries, null)).contains("<div class=\"verdict FAILED\"><div class=\"word\">Failed</div>")
                .contains("the restore job of shop-orders ended FAILED (AWS: Access denied to KMS key: DisabledException).")
                .contains("<i>not measured (no restore job completed)</i>");

        DrillState abandoned = new DrillState(ok.id(), ok.title(), ok.runbookName(), false, "aws", ok.operator(), null, DrillStatus.ABANDONED, ok.started(),
                ok.started(), ok.members(), ok.steps(), ok.rto(), null, "the maintenance window closed", false);
        assertThat(DrillReport.html(abandoned, fixture.entries, null)).contains("<div class=\"word\">Abandoned</div><div>The drill was given up: the maintenance window closed</div>")
                .doesNotContain("Verified restore</div>");
    }

    @Test
    void everyStringFromTheJournalIsEscapedAndHiddenCharactersShowAsMarksOrEscapes() {
        String html = report(false, DrillStatus.SIGNED_OFF, DrillFixture.BOB);
        assertThat(html).doesNotContain("<script>").doesNotContain("\u202E").doesNotContain("\u001b")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;U+202E&gt;gnp.exe&lt;U+001B&gt;[2J &quot;quoted&quot; &amp; &#39;single&#39;")
                // in the canonical lines: JSON escapes, so a line still parses to the same entry
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;\\u202egnp.exe\\u001b[2J \\&quot;quoted\\&quot; &amp; &#39;single&#39;");
    }

    @Test
    void theReportVerifiesAgainstTheJournal() {
        String html = report(false, DrillStatus.SIGNED_OFF, DrillFixture.BOB);
        DrillReport.ReportCheck check = DrillReport.verify(html, fixture.journal);
        assertThat(check.problems()).isEmpty();
        assertThat(check.entries()).isEqualTo(fixture.entries.size());
        assertThat(check.message()).startsWith("OK: the report's 10 entries of drill d-7f3a2c are the journal's");
        // the sign-in between two steps is a gap in the report, said so
        assertThat(html).contains("entry " + fixture.all.get(5).seq() + " is other journal entries (not of this drill)");
    }

    @Test
    void oneChangedEntryInTheReportIsDetected() {
        String html = report(false, DrillStatus.SIGNED_OFF, DrillFixture.BOB);
        String tampered = html.replace("&quot;typed&quot;:&quot;shop-orders&quot;", "&quot;typed&quot;:&quot;shop-order&quot;");
        assertThat(tampered).isNotEqualTo(html);
        DrillReport.ReportCheck check = DrillReport.verify(tampered, fixture.journal);
        assertThat(check.ok()).isFalse();
        long seq = fixture.entries.get(3).seq();
        assertThat(check.message()).startsWith("entry " + seq + " of the report was altered: its content does not match its hash");
    }

    @Test
    void anEntryLeftOutOfTheReportOrAHashRewrittenIsDetected() {
        String html = report(false, DrillStatus.SIGNED_OFF, DrillFixture.BOB);
        DrillReport.Extracted x = DrillReport.extract(html);
        List<String> fewer = new ArrayList<>(x.lines());
        fewer.remove(2);
        DrillReport.ReportCheck cut = DrillReport.verify(new DrillReport.Extracted(x.drillId(), fewer), fixture.entries);
        assertThat(cut.problems()).containsExactly("the report leaves out entry " + fixture.entries.get(2).seq() + " of the drill (preflight)");

        // an entry changed and its hash recomputed: consistent in itself, but not the journal's
        List<String> rewritten = new ArrayList<>(x.lines());
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) readTree(rewritten.get(3));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("details")).put("typed", "shop-order");
        node.put("hash", DrillReport.hashOf(node));
        rewritten.set(3, node.toString());
        DrillReport.ReportCheck forged = DrillReport.verify(new DrillReport.Extracted(x.drillId(), rewritten), fixture.entries);
        assertThat(forged.message()).startsWith("entry " + fixture.entries.get(3).seq() + " of the report has another hash than the journal's");
    }

    private String approvalReport(DrillFixture.Access access) {
        fixture = new DrillFixture(home, true, HOSTILE, access);
        return DrillReport.html(fixture.state(DrillStatus.SIGNED_OFF, DrillFixture.BOB), fixture.reportEntries(), fixture.fingerprint);
    }

    @Test
    void aDrillThroughARestoreAccessVaultShowsTheRequestVotesOutcomeAndRevocation() {
        String html = approvalReport(DrillFixture.Access.REVOKED);
        assertThat(html).contains("<h2>Multi-party approval</h2>")
                .contains("Restore access to central-airgap-eu-west-1 through restore-access-central-airgap-eu-west-1-x1y2")
                .contains("<td>Approval team</td><td><b>northwind-recovery</b>", "<b>2 of 3</b> approvers must approve")
                .contains("<td>Requested by</td><td><b>alice</b>", "2026-12-07 09:00:00 UTC")
                .contains("“INC-5000: rehearse shop-orders &lt;script&gt;alert(1)&lt;/script&gt;&lt;U+202E&gt;gnp.exe")
                .contains("<b>u-bob</b> <span class=\"mono sub\">approver ap-bob</span></td><td><span class=\"badge APPROVED\">APPROVED</span></td><td class=\"nw\">2026-12-07 09:10:00 UTC")
                .contains("<b>u-carol</b>", "2026-12-07 09:25:00 UTC")
                .contains("<span class=\"badge APPROVED\">APPROVED</span> 2026-12-07 09:25:00 UTC · Approved: 2 of 2 required approvals")
                .contains("Approved <b>25 min</b> after the request")
                .contains("asked by <b>alice</b>", "“Drill done”", "<b>u-alice</b>", "Votes on the revocation")
                .contains("<b>Revoked.</b> The access was closed 2026-12-07 10:45:00 UTC, 1 h 45 min after it was requested.")
                .doesNotContain("Still open", "someone else&#39;s request")
                // the choose step says it went through the restore-access vault
                .contains("through the restore-access vault <span class=\"mono arn\">" + DrillFixture.RA);
        // the steps stay the drill's: an approval entry is evidence, not a step
        assertThat(html.split("<div class=\"step\">", -1)).hasSize(fixture.entries.size() + 1);
        List<String> lines = DrillReport.extract(html).lines();
        assertThat(lines).hasSize(fixture.entries.size() + fixture.approvals.size());
        assertThat(lines.stream().map(l -> readTree(l).path("hash").asText()).toList())
                .containsAll(fixture.approvals.stream().map(dev.redoubt.journal.Entry::hash).toList());
        DrillReport.ReportCheck check = DrillReport.verify(html, fixture.journal);
        assertThat(check.problems()).isEmpty();
        assertThat(check.entries()).isEqualTo(fixture.entries.size() + 8);
    }

    @Test
    void aRestoreAccessStillOpenWhenTheReportIsMadeIsAWarning() {
        String html = approvalReport(DrillFixture.Access.OPEN);
        assertThat(html).contains("<div class=\"warnbox\"><b>Still open when this report was made.</b> No revocation was asked.")
                .contains("<b>still open</b>: no revocation in the journal when this report was made")
                .doesNotContain("<b>Revoked.</b>");
        assertThat(DrillReport.verify(html, fixture.journal).problems()).isEmpty();
    }

    @Test
    void aDrillFromItsPointsOwnVaultHasNoApprovalSection() {
        String html = report(false, DrillStatus.SIGNED_OFF, DrillFixture.BOB);
        assertThat(html).doesNotContain("Multi-party approval").doesNotContain("approval-");
    }

    @Test
    void aTamperedVoteAnApprovalEntryLeftOutOrAnotherVaultsEntryAddedIsDetected() {
        String html = approvalReport(DrillFixture.Access.REVOKED);
        var vote = fixture.approvals.get(1);
        String line = DrillReport.line(vote.json());
        assertThat(html).contains(line);
        String tampered = html.replace(line, line.replace("&quot;response&quot;:&quot;APPROVED&quot;", "&quot;response&quot;:&quot;REJECTED&quot;"));
        assertThat(tampered).isNotEqualTo(html);
        assertThat(DrillReport.verify(tampered, fixture.journal).message())
                .startsWith("entry " + vote.seq() + " of the report was altered: its content does not match its hash");

        DrillReport.Extracted x = DrillReport.extract(html);
        List<String> fewer = new ArrayList<>(x.lines());
        fewer.remove(vote.json());
        assertThat(DrillReport.verify(new DrillReport.Extracted(x.drillId(), fewer), fixture.all).problems())
                .containsExactly("the report leaves out entry " + vote.seq() + " of the drill's approval (approval vote)");

        var other = fixture.all.stream().filter(e -> e.json().contains("someone else")).findFirst().orElseThrow();
        List<String> more = new ArrayList<>(x.lines());
        more.add(0, other.json());
        more.sort(java.util.Comparator.comparingLong(l -> readTree(l).path("seq").asLong()));
        assertThat(DrillReport.verify(new DrillReport.Extracted(x.drillId(), more), fixture.all).problems())
                .containsExactly("entry " + other.seq() + " of the report is not an entry of drill d-7f3a2c or of the approval of a restore-access "
                        + "vault it restored through in the journal: it was added or moved");
    }

    @Test
    void aPageThatIsNotADrillReportSaysSo() {
        report(false, DrillStatus.SIGNED_OFF, DrillFixture.BOB);
        DrillReport.ReportCheck check = DrillReport.verify("<html><body>hello</body></html>", fixture.journal);
        assertThat(check.ok()).isFalse();
        assertThat(check.message()).startsWith("this is not a Redoubt drill report");
    }

    @Test
    void theByHandCheckPrintedInTheReportWorksWithPython(@TempDir Path dir) throws Exception {
        assumeTrue(python() != null, "python3 is not installed");
        String html = report(false, DrillStatus.SIGNED_OFF, DrillFixture.BOB);
        // the script as the reader copies it from the page
        String shown = html.substring(html.indexOf("python3 - drill.html &lt;&lt;'EOF'\n"));
        shown = shown.substring(shown.indexOf('\n') + 1, shown.indexOf("EOF</pre>"));
        String script = shown.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        assertThat(script).isEqualTo(DrillReport.PYTHON_CHECK);
        Path page = dir.resolve("drill.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Result ok = run(dir, script, page);
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out().lines().filter(l -> l.endsWith(" ok")).count()).isEqualTo(fixture.entries.size());
        assertThat(ok.out()).contains(fixture.entries.get(9).seq() + " " + fixture.entries.get(9).hash() + " ok");

        Files.writeString(page, html.replace("&quot;typed&quot;:&quot;shop-orders&quot;", "&quot;typed&quot;:&quot;shop-order&quot;"), StandardCharsets.UTF_8);
        Result bad = run(dir, script, page);
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.out()).contains("entry " + fixture.entries.get(3).seq() + " was altered");
    }

    private record Result(int exit, String out) {
    }

    private static Result run(Path dir, String script, Path page) throws IOException, InterruptedException {
        Path py = dir.resolve("check.py");
        Files.writeString(py, script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(python(), py.toString(), page.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static String python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "python3"))) {
                return Path.of(dir, "python3").toString();
            }
        }
        return null;
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
