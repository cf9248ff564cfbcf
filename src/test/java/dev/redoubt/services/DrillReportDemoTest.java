package dev.redoubt.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.approvals.AccessProgress;
import dev.redoubt.approvals.Outcome;
import dev.redoubt.approvals.RequestedAccess;
import dev.redoubt.approvals.RestoreAccessApproval;
import dev.redoubt.approvals.RestoreAccessPoint;
import dev.redoubt.approvals.RevokeRequest;
import dev.redoubt.drills.CheckResult;
import dev.redoubt.drills.Checklists;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.RecoveryPointChoice;
import dev.redoubt.drills.Validation;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.JournalVerifier;
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.Verification;
import dev.redoubt.report.DrillReport;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.ui.support.Screenshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The done-when, through the service layer: in the demo alice rehearses a restore of shop-orders and
 * shop-web-data-1 as one recovery group, bob signs it off, and the drill's HTML report verifies against
 * the journal (and stops verifying when one of its entries is changed). The report is rendered with
 * WebView (headless, under Monocle) to target/screenshots/drill-report.png.
 */
@ExtendWith(ApplicationExtension.class)
class DrillReportDemoTest {
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Runs the rehearsal of the recovery group to bob's sign-off; returns the drill's id. */
    static String rehearse(DrillFixture f) {
        DrillService drills = f.drills();
        EstateCatalog catalog = f.catalog();
        Connection alice = f.operator();
        String orders = DrillFixture.arnOf(catalog, "shop-orders");
        String web = DrillFixture.arnOf(catalog, "shop-web-data-1");
        DrillState d = drills.begin(alice, drills.plan(catalog, "Shop: orders database and web volume", List.of(orders, web)));
        String id = d.id();
        for (int i = 0; i < 2; i++) {
            f.advance(Duration.ofSeconds(40));
            RecoveryPointChoice suggested = drills.choices(catalog, d.members().get(i).member().resourceArn()).get(0);
            drills.choose(alice, id, i, suggested.recoveryPointArn(), catalog);
            f.advance(Duration.ofSeconds(75));
            d = drills.preflight(alice, id, i, null, catalog);
        }
        f.advance(Duration.ofSeconds(12));
        d = drills.confirmAndStart(alice, id, drills.confirmationText(d));
        for (int i = 0; i < 60 && d.status() == DrillStatus.RESTORING; i++) {
            f.advance(Duration.ofMinutes(1));
            d = drills.poll(alice, id);
        }
        for (int i = 0; i < 2; i++) {
            List<CheckResult> checks = new ArrayList<>();
            for (Checklists.Item item : Checklists.forType(d.members().get(i).member().resourceType(), List.of())) {
                checks.add(new CheckResult(item.id(), item.text(), CheckResult.Outcome.PASSED));
            }
            f.advance(Duration.ofMinutes(6));
            d = drills.validate(alice, id, i, new Validation(checks, i == 0 ? "Connected as app_ro; orders has 48,112 rows, as in production."
                    : "Attached to a drill instance; /var/www mounted read-only, index.html present."));
            f.advance(Duration.ofMinutes(2));
            d = drills.cleanUp(alice, id, i, List.of(d.members().get(i).createdResourceArn()), true, "Deleted from the console");
        }
        f.advance(Duration.ofMinutes(3));
        drills.summarize(alice, id, "Both restored in order; the volume waited for the database as the runbook says.");
        f.advance(Duration.ofMinutes(20));
        try (Connection bob = f.app.demo().connectAnotherPerson("bob", c -> { }, Cancellation.none())) {
            d = drills.signOff(bob, id, "I watched the restore and checked the row count.");
        }
        assertThat(d.status()).isEqualTo(DrillStatus.SIGNED_OFF);
        return id;
    }

    @Test
    void theRehearsalsReportVerifiesAgainstTheJournalAndATamperedOneDoesNotAndItRendersInWebView(FxRobot robot) throws Exception {
        String html;
        try (DrillFixture f = DrillFixture.open(dir)) {
            String id = rehearse(f);
            DrillService drills = f.drills();
            DrillState d = drills.show(id);
            List<Entry> entries = drills.entries(id);
            // exported as the command line and the window do, through DrillService with this report writer (journaled first)
            DrillService exporter = new DrillService(f.clock, f.app.activity(), f.app.settings(), DrillReport::html);
            Path file = exporter.exportReport(f.operator().actor(), id, dir.resolve("drill.html"));
            html = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(html).isEqualTo(DrillReport.html(d, entries, f.app.journal().keyFingerprint()));
            assertThat(html).contains("Signed off by <b>bob</b>");

            assertThat(html).contains("<b>REHEARSAL</b> · run against the sandbox, not AWS: not evidence of a verified restore.")
                    .contains("<div class=\"word\">Rehearsal</div>").doesNotContain("Verified restore</div>")
                    .contains(d.members().get(0).restoreJobId(), d.members().get(1).restoreJobId())
                    .contains("Signed off by <b>");
            DrillReport.ReportCheck check = DrillReport.verify(html, f.app.journal());
            assertThat(check.problems()).isEmpty();
            assertThat(check.entries()).isEqualTo(entries.size()).isGreaterThan(12);

            // against an export of the drill's time, verified as a bundle first, as an auditor would with the zip only
            Path zip = dir.resolve("drill-export.zip");
            dev.redoubt.journal.JournalExport.export(f.app.journal(), entries.get(0).time(), entries.get(entries.size() - 1).time(), zip, "offline",
                    Mode.AUDITOR);
            assertThat(dev.redoubt.journal.BundleVerifier.verify(zip, Optional.of(f.app.journal().keyFingerprint())).ok()).isTrue();
            List<String> exported;
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
                exported = new String(z.getInputStream(z.getEntry("entries.jsonl")).readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
            assertThat(DrillReport.verify(html, exported).problems()).isEmpty();
            long lastSeq = entries.get(entries.size() - 1).seq();
            assertThat(DrillReport.verify(html, exported.stream().filter(l -> !l.contains("\"seq\":" + lastSeq + ",")).toList()).message())
                    .as("an export that stops before the drill's last entry").startsWith("entry " + entries.get(entries.size() - 1).seq()
                            + " of the report is not an entry of drill");

            // one entry changed in the report: its hash no longer holds
            String line = DrillReport.extract(html).lines().get(3);
            String changed = line.replace("\"outcome\":\"ok\"", "\"outcome\":\"skipped\"");
            assertThat(changed).isNotEqualTo(line);
            String tampered = html.replace(esc(line), esc(changed));
            assertThat(tampered).isNotEqualTo(html);
            DrillReport.ReportCheck bad = DrillReport.verify(tampered, f.app.journal());
            assertThat(bad.ok()).isFalse();
            assertThat(bad.message()).startsWith("entry " + entries.get(3).seq() + " of the report was altered");
        }
        try (DrillFixture again = DrillFixture.open(dir)) {
            Verification v = JournalVerifier.verify(again.app.paths().journalFiles(), Optional.empty());
            assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        }
        Files.createDirectories(Screenshots.DIR);
        Files.writeString(Screenshots.DIR.resolve("drill-report.html"), html, StandardCharsets.UTF_8);
        assertThat(Screenshots.write(render(robot, html, 1000, 1400), "drill-report")).isNotEmptyFile();
    }

    @Test
    void aRehearsalThroughAnApprovedRestoreAccessVaultReportsTheRequestVotesOutcomeAndRevocationAndVerifies(FxRobot robot) throws Exception {
        String html;
        try (DrillFixture f = DrillFixture.open(dir); Connection alice = f.operator()) {
            ApprovalService approvals = f.app.approvals();
            Sandbox sandbox = f.sandbox();
            RequestedAccess req = approvals.request(alice, ApprovalFlowTest.LAG, ApprovalFlowTest.COMMENT);
            String ra = req.request().restoreAccessVaultArn();
            // the approvers vote on the sandbox's approver page, as the estate's SSO users; Redoubt follows the session
            f.advance(Duration.ofMinutes(7));
            sandbox.vote(req.sessionArn(), "bob", true);
            approvals.follow(alice, ra, null);
            f.advance(Duration.ofMinutes(11));
            sandbox.vote(req.sessionArn(), "carol", true);
            AccessProgress granted = approvals.follow(alice, ra, null);
            assertThat(granted.session().outcome()).isEqualTo(Outcome.APPROVED);

            EstateCatalog catalog = f.catalog();
            RestoreAccessPoint point = approvals.points(alice, ra).stream().filter(pt -> catalog.index().protectedResources().stream()
                    .anyMatch(r -> r.resource().resourceArn().equals(pt.resourceArn()))).findFirst().orElseThrow();
            DrillService drills = f.drills();
            DrillState d = drills.begin(alice, drills.plan(catalog, "Media from the air-gapped vault", List.of(point.resourceArn())));
            String id = d.id();
            f.advance(Duration.ofSeconds(40));
            drills.choose(alice, id, 0, point.recoveryPointArn(), ra, catalog);
            f.advance(Duration.ofSeconds(75));
            d = drills.preflight(alice, id, 0, null, catalog);
            f.advance(Duration.ofSeconds(12));
            d = drills.confirmAndStart(alice, id, drills.confirmationText(d));
            for (int i = 0; i < 60 && d.status() == DrillStatus.RESTORING; i++) {
                f.advance(Duration.ofMinutes(1));
                d = drills.poll(alice, id);
            }
            List<CheckResult> checks = new ArrayList<>();
            for (Checklists.Item item : Checklists.forType(d.members().get(0).member().resourceType(), List.of())) {
                checks.add(new CheckResult(item.id(), item.text(), CheckResult.Outcome.PASSED));
            }
            f.advance(Duration.ofMinutes(6));
            d = drills.validate(alice, id, 0, new Validation(checks, "The media files open; the newest is from the night before."));
            f.advance(Duration.ofMinutes(2));
            d = drills.cleanUp(alice, id, 0, List.of(d.members().get(0).createdResourceArn()), true, "Deleted from the console");
            f.advance(Duration.ofMinutes(3));
            drills.summarize(alice, id, "Restored through the approved restore-access vault.");
            f.advance(Duration.ofMinutes(20));
            try (Connection bob = f.app.demo().connectAnotherPerson("bob", c -> { }, Cancellation.none())) {
                d = drills.signOff(bob, id, "I checked the restored media.");
            }
            assertThat(d.status()).isEqualTo(DrillStatus.SIGNED_OFF);

            // the access is revoked once the rehearsal is done; the team approves the revocation and Redoubt follows it
            f.advance(Duration.ofMinutes(5));
            RevokeRequest rv = approvals.revoke(alice, ra, "Rehearsal done");
            f.advance(Duration.ofMinutes(4));
            sandbox.vote(rv.sessionArn(), "alice", true);
            f.advance(Duration.ofMinutes(3));
            sandbox.vote(rv.sessionArn(), "bob", true);
            assertThat(approvals.follow(alice, ra, rv.sessionArn()).session().outcome()).isEqualTo(Outcome.APPROVED);

            assertThat(drills.approvals(id)).singleElement().satisfies(a -> {
                assertThat(a.restoreAccessVaultArn()).isEqualTo(ra);
                assertThat(a.sourceVaultArn()).isEqualTo(ApprovalFlowTest.LAG);
                assertThat(a.comment()).isEqualTo(ApprovalFlowTest.COMMENT);
                assertThat(a.requiredApprovals()).isEqualTo(2);
                assertThat(a.numberOfApprovers()).isEqualTo(3);
                assertThat(a.votes()).extracting(RestoreAccessApproval.Vote::identityId).containsExactly("u-bob", "u-carol");
                assertThat(a.timeToApproval()).isEqualTo(Duration.ofMinutes(18));
                assertThat(a.revocation().votes()).hasSize(2);
                assertThat(a.revoked()).isTrue();
                assertThat(a.stillOpen()).isFalse();
            });
            // the drill itself is still rebuilt from its own steps alone
            assertThat(drills.entries(id)).allSatisfy(e -> assertThat(e.action()).isEqualTo(ActivityJournal.DRILL_STEP));

            Path file = drills.exportReport(alice.actor(), id, dir.resolve("drill.html"));
            html = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(html).contains("<h2>Multi-party approval</h2>", "REHEARSAL")
                    .contains(esc(ApprovalFlowTest.COMMENT))
                    .contains("<b>u-bob</b>", "<b>u-carol</b>")
                    .contains("<b>2 of 3</b> approvers must approve")
                    .contains("Approved: 2 of 2 required approvals")
                    .contains("Approved <b>18 min</b> after the request")
                    .contains("<b>Revoked.</b>", "Rehearsal done")
                    .doesNotContain("Still open when this report was made");
            List<Entry> approvalEntries = approvals.history();
            assertThat(approvalEntries).hasSize(8); // request, 2 votes, outcome, revocation, its 2 votes and outcome
            List<String> lines = DrillReport.extract(html).lines();
            for (Entry e : approvalEntries) {
                assertThat(lines).as("the report's lines hold entry " + e.seq() + " (" + e.action() + ")").contains(e.json());
            }
            assertThat(lines).hasSize(drills.entries(id).size() + approvalEntries.size());

            DrillReport.ReportCheck check = drills.verifyReport(html);
            assertThat(check.problems()).isEmpty();
            assertThat(check.entries()).isEqualTo(lines.size());

            // a vote changed in the report (bob rejected instead of approved): its hash no longer holds
            String vote = lines.stream().filter(l -> l.contains("\"action\":\"approval-vote\"") && l.contains("u-bob")).findFirst().orElseThrow();
            String changed = vote.replace("\"response\":\"APPROVED\"", "\"response\":\"REJECTED\"");
            assertThat(changed).isNotEqualTo(vote);
            String tampered = html.replace(esc(vote), esc(changed));
            assertThat(tampered).isNotEqualTo(html);
            DrillReport.ReportCheck bad = drills.verifyReport(tampered);
            assertThat(bad.ok()).isFalse();
            long voteSeq = approvalEntries.stream().filter(e -> e.json().equals(vote)).findFirst().orElseThrow().seq();
            assertThat(bad.message()).startsWith("entry " + voteSeq + " of the report was altered");
            // and a vote left out of the report is missed
            String cut = html.replace(esc(vote) + "\n", "");
            assertThat(cut).isNotEqualTo(html);
            assertThat(drills.verifyReport(cut).message()).contains("the report leaves out entry " + voteSeq + " of the drill's approval (approval vote)");
        }
        try (DrillFixture again = DrillFixture.open(dir)) {
            Verification v = JournalVerifier.verify(again.app.paths().journalFiles(), Optional.empty());
            assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        }
        Files.createDirectories(Screenshots.DIR);
        Files.writeString(Screenshots.DIR.resolve("drill-report-approval.html"), html, StandardCharsets.UTF_8);
        assertThat(Screenshots.write(render(robot, html, 1000, 1400), "drill-report-approval")).isNotEmptyFile();
    }

    /** The page's height once two reads a pulse apart agree (WebKit lays the page out on the FX pulses after the load). */
    private static int settledHeight(WebView view) throws Exception {
        int[] last = {-1};
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            int h = WaitForAsyncUtils.asyncFx(() -> ((Number) view.getEngine().executeScript("document.documentElement.scrollHeight")).intValue())
                    .get(10, TimeUnit.SECONDS);
            boolean same = h > 0 && h == last[0];
            last[0] = h;
            return same;
        });
        return last[0];
    }

    private static String esc(String line) {
        return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** Loads the page in a WebView of {@code width} and snapshots {@code height} pixels of it. */
    private javafx.scene.image.WritableImage render(FxRobot robot, String html, int width, int height) throws Exception {
        WebView[] view = new WebView[1];
        java.util.concurrent.CountDownLatch loaded = new java.util.concurrent.CountDownLatch(1);
        robot.interact(() -> {
            view[0] = new WebView();
            view[0].setPrefSize(width, height);
            view[0].getEngine().getLoadWorker().stateProperty().addListener((o, old, state) -> {
                if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED) {
                    loaded.countDown();
                }
            });
            stage.setScene(new Scene(view[0], width, height));
            stage.show();
            view[0].getEngine().loadContent(html);
        });
        assertThat(loaded.await(60, TimeUnit.SECONDS)).as("the page loaded").isTrue();
        int full = settledHeight(view[0]);
        robot.interact(() -> {
            view[0].setPrefSize(width, Math.max(height, full));
            stage.setHeight(Math.max(height, full));
        });
        settledHeight(view[0]); // laid out again at the page's whole height
        return WaitForAsyncUtils.asyncFx(() -> view[0].snapshot(null, null)).get(30, TimeUnit.SECONDS);
    }
}
