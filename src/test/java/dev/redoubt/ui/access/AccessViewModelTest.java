package dev.redoubt.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.approvals.Outcome;
import dev.redoubt.approvals.RequestPreflight;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.Mode;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.services.ActivityJournal;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.TestConsole;
import dev.redoubt.ui.workspace.Notice;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore access view model on the demo (tasks run inline): the list, the request's preflight and comment, following, refusals. */
class AccessViewModelTest {
    static final String LAG = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-eu-west-1";

    @TempDir
    Path dir;

    private final List<String> desktop = new ArrayList<>();

    private static TestConsole inTheDemo(Path dir, Mode mode) throws Exception {
        TestConsole console = TestConsole.create(dir);
        console.workspace.modeProperty().set(mode);
        console.actions.openDemo();
        assertThat(console.workspace.connection()).as("signed in: " + console.notices.shown()).isNotNull();
        return console;
    }

    private AccessViewModel model(TestConsole console) {
        AccessViewModel vm = new AccessViewModel(console.browse(), (title, text) -> desktop.add(title + ": " + text),
                AccessViewModel.Sandbox.of(console.context.services()));
        vm.activate();
        return vm;
    }

    private static String vault(TestConsole console, String name) {
        return console.workspace.catalog().index().vaults().stream().filter(v -> name.equals(v.vault().backupVaultName())).findFirst()
                .orElseThrow().arn();
    }

    @Test
    void listsTheAirGappedVaultsWithTheirTeamsAndOneWithoutATeamSaysNobodyCanApprove() throws Exception {
        try (TestConsole console = inTheDemo(dir, Mode.OPERATOR)) {
            AccessViewModel vm = model(console);
            assertThat(vm.vaults()).extracting(AccessViewModel.VaultLine::name).containsExactly("central-airgap-eu-west-1", "central-airgap-keyed", "erp-airgap");
            assertThat(vm.vaults().get(0).teamText()).isEqualTo("northwind-recovery · 2 of 3 approvals");
            assertThat(vm.vaults().get(2).teamText()).startsWith("No approval team");
            assertThat(vm.requests()).as("nothing requested yet").isEmpty();
            assertThat(vm.whyNotChangeProperty().get()).isNull();
        }
    }

    @Test
    void aVaultWithoutATeamFailsThePreflightNamesTheRamAlternativeAndCannotBeRequested() throws Exception {
        try (TestConsole console = inTheDemo(dir, Mode.OPERATOR)) {
            AccessViewModel vm = model(console);
            vm.open(AccessViewModel.requestTarget(vault(console, "erp-airgap")));
            assertThat(vm.pageProperty().get()).isEqualTo(AccessViewModel.Page.REQUEST);
            RequestPreflight p = vm.preflightProperty().get();
            assertThat(p.ok()).isFalse();
            assertThat(p.item(RequestPreflight.AIR_GAPPED_WITH_TEAM).fix()).contains(RequestPreflight.RAM_ALTERNATIVE);
            vm.commentProperty().set("Forensics, INC-9");
            assertThat(vm.whyNotRequestProperty().get()).startsWith("The preflight failed: ").contains("air-gapped vault with an approval team");
            vm.request();
            assertThat(vm.problemProperty().get()).startsWith("The preflight failed");
            assertThat(console.context.journal().read(new EntryQuery(null, null, ActivityJournal.APPROVAL_REQUEST, null, 0))).isEmpty();
        }
    }

    @Test
    void aRequestNeedsACommentThenTwoRejectionsEndItAndTheDesktopIsTold() throws Exception {
        try (TestConsole console = inTheDemo(dir, Mode.OPERATOR)) {
            AccessViewModel vm = model(console);
            vm.open(AccessViewModel.requestTarget(LAG));
            assertThat(vm.preflightProperty().get().ok()).isTrue();
            assertThat(vm.whyNotRequestProperty().get()).startsWith("Write a comment for the approvers");
            vm.commentProperty().set("  Restore drill of shop-orders, CHG-7  ");
            assertThat(vm.whyNotRequestProperty().get()).isNull();
            vm.request();
            assertThat(vm.problemProperty().get()).isNull();
            Place opened = console.places.get(console.places.size() - 1);
            assertThat(opened.destination()).isEqualTo(Destinations.ACCESS);
            vm.open(opened.target());
            AccessViewModel.AccessPage page = vm.shownProperty().get();
            assertThat(page.comment()).isEqualTo("Restore drill of shop-orders, CHG-7");
            assertThat(page.outcome()).isEqualTo(Outcome.PENDING);
            assertThat(page.following()).isTrue();
            assertThat(page.verdict()).startsWith("Waiting for approvers: 0 of 2 required approvals · 23 h");

            Sandbox sandbox = console.context.services().demo().sandbox();
            sandbox.vote(page.sessionArn(), "bob", false);
            sandbox.vote(page.sessionArn(), "carol", false);
            vm.followAgain();
            page = vm.shownProperty().get();
            assertThat(page.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(page.following()).isFalse();
            assertThat(page.verdict()).startsWith("Rejected by 2 approvers");
            assertThat(page.granted()).isFalse();
            assertThat(desktop).singleElement().asString().startsWith("Restore access rejected: Rejected by 2 approvers");
            assertThat(console.notices.shown()).extracting(Notice::title).contains("Restore access rejected");
            vm.open(null);
            assertThat(vm.requests()).singleElement().satisfies(r -> {
                assertThat(r.statusText()).isEqualTo("Rejected");
                assertThat(r.level()).isEqualTo("bad");
            });
            vm.followAgain();
            assertThat(desktop).as("an outcome is told once").hasSize(1);
        }
    }

    @Test
    void anAuditorMayLookButNotRequest() throws Exception {
        try (TestConsole console = inTheDemo(dir, Mode.AUDITOR)) {
            AccessViewModel vm = model(console);
            assertThat(vm.whyNotChangeProperty().get()).isEqualTo(AccessViewModel.OPERATOR_NEEDED);
            vm.open(AccessViewModel.requestTarget(LAG));
            vm.commentProperty().set("Trying");
            assertThat(vm.whyNotRequestProperty().get()).isEqualTo(AccessViewModel.OPERATOR_NEEDED);
            vm.request();
            assertThat(vm.problemProperty().get()).startsWith(AccessViewModel.OPERATOR_NEEDED);
            assertThat(console.context.journal().read(new EntryQuery(null, null, ActivityJournal.APPROVAL_REQUEST, null, 0))).isEmpty();
        }
    }

    @Test
    void notARestoreAccessVaultIsSaidPlainly() throws Exception {
        try (TestConsole console = inTheDemo(dir, Mode.OPERATOR)) {
            AccessViewModel vm = model(console);
            vm.open("not-an-arn");
            assertThat(vm.pageProperty().get()).isEqualTo(AccessViewModel.Page.LIST);
            assertThat(vm.problemProperty().get()).isEqualTo("'not-an-arn' is not the ARN of a restore-access vault: open a request from the list.");
        }
    }

    @Nested
    class OpenTooLong {
        final Instant approved = Instant.parse("2026-11-20T10:00:00Z");

        @Test
        void anAccessOpenLongerThanTheEstatesDaysIsFlagged() {
            assertThat(AccessViewModel.openTooLong(Outcome.APPROVED, null, "AVAILABLE", approved, Instant.parse("2026-11-28T10:00:00Z"), 7))
                    .startsWith("Open for 8 d, longer than the 7 days the estate allows (MPA-07)");
        }

        @Test
        void withinTheWindowOrRevokedOrBeingRevokedNothingIsSaid() {
            Instant sixDays = Instant.parse("2026-11-26T10:00:00Z");
            Instant late = Instant.parse("2026-12-28T10:00:00Z");
            assertThat(AccessViewModel.openTooLong(Outcome.APPROVED, null, "AVAILABLE", approved, sixDays, 7)).isNull();
            assertThat(AccessViewModel.openTooLong(Outcome.APPROVED, Outcome.APPROVED, "AVAILABLE", approved, late, 7)).isNull();
            assertThat(AccessViewModel.openTooLong(Outcome.APPROVED, Outcome.PENDING, "AVAILABLE", approved, late, 7)).isNull();
            assertThat(AccessViewModel.openTooLong(Outcome.APPROVED, null, "DELETED", approved, late, 7)).isNull();
            assertThat(AccessViewModel.openTooLong(Outcome.REJECTED, null, null, approved, late, 7)).isNull();
        }

        @Test
        void aRevocationThatExpiredLeavesTheAccessOpenAndSaysSo() {
            assertThat(AccessViewModel.openTooLong(Outcome.APPROVED, Outcome.EXPIRED, "AVAILABLE", approved, approved.plusSeconds(60), 7))
                    .isEqualTo("The revocation expired: the restore access is still open (MPA-07). Ask again, and tell the approvers why.");
        }
    }
}
