package dev.redoubt.ui.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateStats;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxOptions;
import dev.redoubt.services.ScanOutcome;
import dev.redoubt.services.ScanPlan;
import dev.redoubt.services.ScanReach;
import dev.redoubt.services.ScanReach.AccountChoice;
import dev.redoubt.services.ScanStatus;
import dev.redoubt.services.ScanStatus.ScopeStatus;
import dev.redoubt.services.UnreadScope;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan screen's view model on real services, inline tasks, and the sandbox where a sign-in is needed. */
class ScanViewModelTest {
    @TempDir
    Path dir;

    private static final String ME = "536470192834";

    /** Six accounts in four units (one two deep), one suspended, one with no unit; the signed-in one among them. */
    private static ScanReach reach() {
        return new ScanReach(ME, List.of(
                new AccountChoice("645019283746", "shop-prod", "ACTIVE", "Workloads/Production", List.of("AuditReadOnly", "BackupOperator"), false),
                new AccountChoice("754192837465", "erp-prod", "ACTIVE", "Workloads/Production", List.of("AuditReadOnly"), false),
                new AccountChoice("863201928374", "dev", "ACTIVE", "Workloads/Development", List.of("AuditReadOnly"), false),
                new AccountChoice("427365019283", "security", "ACTIVE", "Security", List.of("AuditReadOnly"), false),
                new AccountChoice("972310293847", "legacy-crm", "SUSPENDED", "Suspended", List.of("AuditReadOnly"), false),
                new AccountChoice(ME, "backup", "ACTIVE", null, List.of("AuditReadOnly", "BackupOperator"), true)),
                List.of("eu-west-1", "eu-central-1", "us-east-1"), List.of("organizations:ListParents: AccessDenied for 1 account"));
    }

    private static List<String> lines(AccountNode node, String indent) {
        List<String> out = new ArrayList<>();
        out.add(indent + node.label() + (node.kind() == AccountNode.Kind.ACCOUNT ? "" : " [" + node.countText() + "]")
                + (node.statusChip() != null ? " " + node.statusChip() : "") + (node.signedIn() ? " *" : ""));
        node.children().forEach(c -> out.addAll(lines(c, indent + "  ")));
        return out;
    }

    @Test
    void buildsTheAccountTreeByOrganizationalUnitWithEverythingChecked() throws Exception {
        try (TestConsole t = TestConsole.create(dir)) {
            ScanViewModel vm = new ScanViewModel(t.actions, t.visited::add);
            vm.reached(reach());

            AccountNode root = vm.accountsProperty().get();
            assertThat(lines(root, "")).containsExactly(
                    "All accounts [6 accounts]",
                    "  Security [1 account]",
                    "    security (427365019283)",
                    "  Suspended [1 account]",
                    "    legacy-crm (972310293847) SUSPENDED",
                    "  Workloads [3 accounts]",
                    "    Development [1 account]",
                    "      dev (863201928374)",
                    "    Production [2 accounts]",
                    "      erp-prod (754192837465)",
                    "      shop-prod (645019283746)",
                    "  backup (536470192834) *");
            assertThat(root.children().get(2).children().get(1).path()).isEqualTo("Workloads/Production");
            assertThat(root.checked()).isTrue();
            assertThat(root.indeterminate()).isFalse();
            assertThat(vm.accountsTextProperty().get()).isEqualTo("All 6 accounts selected");
            assertThat(vm.planTextProperty().get()).isEqualTo("Reads 6 accounts in each one's enabled regions");
            assertThat(vm.regions()).extracting(RegionOption::region).containsExactly("eu-central-1", "eu-west-1", "us-east-1");
            assertThat(vm.regions()).allMatch(RegionOption::selected);
            assertThat(vm.regions().get(1).displayName()).isEqualTo("Europe (Ireland)");
            assertThat(vm.problems()).containsExactly("organizations:ListParents: AccessDenied for 1 account");
            assertThat(vm.roles()).extracting(RoleOption::role).containsExactly(null, "AuditReadOnly", "BackupOperator");
            assertThat(vm.roles().get(2).label()).isEqualTo("BackupOperator  ·  in 2 of 6 accounts");
            assertThat(vm.roleProperty().get()).isEqualTo(RoleOption.AUTOMATIC);

            ScanPlan plan = vm.plan();
            assertThat(plan.allAccounts()).as("all checked: accounts added later are scanned too").isTrue();
            assertThat(plan.accounts()).isEmpty();
            assertThat(plan.allRegions()).isTrue();
            assertThat(plan.regions()).isEmpty();
            assertThat(plan.role()).isNull();
        }
    }

    @Test
    void uncheckingOneAccountGivesAnExplicitListAndRecheckingItAllAccountsAgain() throws Exception {
        try (TestConsole t = TestConsole.create(dir)) {
            ScanViewModel vm = new ScanViewModel(t.actions, t.visited::add);
            vm.reached(reach());
            AccountNode root = vm.accountsProperty().get();
            AccountNode workloads = root.children().get(2);

            vm.checkAccount("754192837465", false);

            assertThat(root.indeterminate()).isTrue();
            assertThat(root.checked()).isFalse();
            assertThat(workloads.indeterminate()).isTrue();
            assertThat(workloads.countText()).isEqualTo("2 of 3 accounts");
            assertThat(root.children().get(0).checked()).isTrue();
            assertThat(vm.accountsTextProperty().get()).isEqualTo("5 of 6 accounts selected");
            ScanPlan plan = vm.plan();
            assertThat(plan.allAccounts()).isFalse();
            assertThat(plan.accounts()).containsExactlyInAnyOrder("427365019283", "972310293847", "863201928374", "645019283746", ME);

            vm.check(workloads, true);
            assertThat(vm.plan().allAccounts()).isTrue();
            assertThat(vm.plan().accounts()).isEmpty();

            vm.regions().get(2).select(false);
            vm.roleProperty().set(vm.roles().get(1));
            ScanPlan narrowed = vm.plan();
            assertThat(narrowed.allRegions()).isFalse();
            assertThat(narrowed.regions()).containsExactly("eu-central-1", "eu-west-1");
            assertThat(narrowed.role()).isEqualTo("AuditReadOnly");
            assertThat(vm.regionsTextProperty().get()).isEqualTo("2 of 3 regions selected");
            assertThat(vm.planTextProperty().get()).isEqualTo("Reads 6 accounts in 2 regions");
        }
    }

    @Test
    void aFilterShowsTheMatchingAccountsUnderTheirUnitsAndCheckingAUnitTouchesOnlyThose() throws Exception {
        try (TestConsole t = TestConsole.create(dir)) {
            ScanViewModel vm = new ScanViewModel(t.actions, t.visited::add);
            vm.reached(reach());

            vm.filterProperty().set("PROD");

            AccountTree shown = vm.shownAccountsProperty().get();
            assertThat(shown.accounts()).extracting(AccountNode::name).containsExactly("erp-prod", "shop-prod");
            assertThat(shown.children()).extracting(c -> c.node().name()).containsExactly("Workloads");
            assertThat(vm.filterHintProperty().get()).startsWith("2 accounts match \u201cPROD\u201d");

            vm.check(vm.accountsProperty().get(), false);
            assertThat(vm.plan().accounts()).containsExactlyInAnyOrder("427365019283", "972310293847", "863201928374", ME);

            vm.filterProperty().set("427365");
            assertThat(vm.shownAccountsProperty().get().accounts()).extracting(AccountNode::name).containsExactly("security");
            vm.filterProperty().set("workloads");
            assertThat(vm.shownAccountsProperty().get().accounts()).hasSize(3);
            vm.filterProperty().set("nothing like it");
            assertThat(vm.shownAccountsProperty().get().children()).isEmpty();
            assertThat(vm.filterHintProperty().get()).isEqualTo("No account matches \u201cnothing like it\u201d.");
            vm.filterProperty().set("");
            assertThat(vm.shownAccountsProperty().get().accounts()).hasSize(6);
        }
    }

    @Test
    void withoutASignInTheScreenSaysWhereToSignIn() throws Exception {
        try (TestConsole t = TestConsole.create(dir)) {
            ScanViewModel vm = new ScanViewModel(t.actions, t.visited::add);
            vm.activate();

            assertThat(vm.stage()).isEqualTo(ScanViewModel.Stage.NO_CONNECTION);
            assertThat(vm.canStartProperty().get()).isFalse();
            assertThat(vm.startBlockedProperty().get()).isEqualTo("Sign in with a profile on the start screen to scan.");
            vm.goToStart();
            assertThat(t.visited).containsExactly(Destinations.START);
            vm.deactivate();
        }
    }

    @Test
    void paceAndTimeLeftComeFromSuccessiveSnapshotsSmoothed() throws Exception {
        try (TestConsole t = TestConsole.create(dir)) {
            ScanViewModel vm = new ScanViewModel(t.actions, t.visited::add);
            // 100 units and 300 calls a second, 5,000 units known.
            vm.progressed(status(0, 0, 5000, 0, 0));
            assertThat(vm.stage()).isEqualTo(ScanViewModel.Stage.SCANNING);
            assertThat(vm.progressTextProperty().get()).endsWith("· estimating…").doesNotContain("calls/s");
            vm.progressed(status(1, 100, 5000, 300, 900));
            assertThat(vm.estimate().known()).as("one second is too little to tell").isFalse();
            for (int s = 2; s <= 10; s++) {
                vm.progressed(status(s, 100L * s, 5000, 300L * s, 48_311));
            }

            assertThat(vm.estimate().callsPerSecond()).isEqualTo(300.0);
            assertThat(vm.estimate().unitsPerSecond()).isEqualTo(100.0);
            assertThat(vm.estimate().timeLeft()).isEqualTo(Duration.ofSeconds(40));
            assertThat(vm.progressTextProperty().get())
                    .isEqualTo("1,000 of 5,000 units · 3,000 API calls · 48,311 recovery points · 300 calls/s · about 40 s left");
            assertThat(vm.progressProperty().get()).isEqualTo(0.2);
            assertThat(vm.percentProperty().get()).isEqualTo("20%");
            assertThat(vm.elapsedTextProperty().get()).isEqualTo("Running for 10 s");

            // A burst of 1,000 units in one second moves the estimate, but not all the way.
            vm.progressed(status(11, 2100, 5000, 3300, 50_000));
            double rawLeft = (5000 - 2100) / ((2100 - 300) / 8.0);
            assertThat(vm.estimate().timeLeft().toMillis() / 1000.0).isBetween(rawLeft + 1, 39.0);

            // An earlier elapsed time is a new scan: estimating again.
            vm.progressed(status(0, 0, 100, 0, 0));
            assertThat(vm.estimate().known()).isFalse();
            assertThat(vm.progressTextProperty().get()).endsWith("estimating…");
        }
    }

    @Test
    void scopesAreRowsSortedRunningFirstOrByAccountAndTheBadgeShowsThePercentage() throws Exception {
        try (TestConsole t = TestConsole.create(dir)) {
            ScanViewModel vm = new ScanViewModel(t.actions, t.visited::add);
            ScanStatus s = new ScanStatus(Duration.ofSeconds(3), "regions", 450, 1000, 900, 12_000, 1, List.of(
                    new ScopeStatus("1", "alpha", "eu-west-1", ScanStatus.State.DONE, 100, 100, 3, 3, 6000, 0),
                    new ScopeStatus("1", "alpha", "us-east-1", ScanStatus.State.READING, 50, 200, 1, 4, 2000, 1),
                    new ScopeStatus("2", "beta", "eu-west-1", ScanStatus.State.WAITING, 0, 0, 0, 0, 0, 0),
                    new ScopeStatus("2", "beta", "us-east-1", ScanStatus.State.READING, 300, 700, 2, 2, 4000, 0)));

            vm.progressed(s);

            assertThat(vm.scopeRows()).extracting(r -> r.account() + " " + r.region())
                    .containsExactly("alpha us-east-1", "beta us-east-1", "beta eu-west-1", "alpha eu-west-1");
            assertThat(vm.scopeRows().get(0).fraction()).isEqualTo(0.25);
            assertThat(vm.scopeRows().get(3).stateText()).isEqualTo("Done");
            // mid-scan a vault counts once all its reads ended, its points as they come: "1 of 4" beside 2,000 points
            assertThat(vm.scopeRows()).extracting(ScopeRow::vaultsText).containsExactly("1 of 4", "2", "0", "3");
            assertThat(vm.scopesTextProperty().get()).isEqualTo("4 accounts and regions: 2 reading, 1 waiting, 1 done");
            assertThat(vm.phaseTextProperty().get()).isEqualTo("Reading backup vaults, plans and recovery points in 2 accounts and 2 regions");
            vm.scopeOrderProperty().set(ScanViewModel.ScopeOrder.BY_ACCOUNT);
            assertThat(vm.scopeRows()).extracting(r -> r.account() + " " + r.region())
                    .containsExactly("alpha eu-west-1", "alpha us-east-1", "beta eu-west-1", "beta us-east-1");
            assertThat(ScanViewModel.badgeOf(s, null)).isEqualTo("45%");
            assertThat(ScanViewModel.badgeOf(null, null)).isEmpty();
        }
    }

    @Test
    void theSummaryOfAScanWithUnreadScopesTellsRefusalsFromScopesACancelLeftUnfinished() throws Exception {
        try (TestConsole t = TestConsole.create(dir)) {
            ScanViewModel vm = new ScanViewModel(t.actions, t.visited::add);
            Estate demo = NorthwindDemo.build();
            Account shop = demo.accounts().stream().filter(a -> a.name().equals("northwind-shop-prod")).findFirst().orElseThrow();
            Path capture = dir.resolve("capture.json");
            ScanOutcome outcome = new ScanOutcome(demo, ScanOutcome.Outcome.CANCELLED, List.of(
                    new UnreadScope("999999999999", "us-east-1", "999999999999/us-east-1", "scan", "ScanCancelled", "the scan was cancelled"),
                    new UnreadScope(shop.id(), "eu-west-1", "arn:aws:kms:eu-west-1:" + shop.id() + ":key/1", "kms:GetKeyPolicy",
                            "AccessDeniedException", "User is not authorized to perform kms:GetKeyPolicy"),
                    new UnreadScope(shop.id(), null, "organization", "organizations:ListParents", "TooManyRequestsException", "Rate exceeded")),
                    9_827, Duration.ofSeconds(72), capture, "ab".repeat(32), 12, null, "alice", 5);

            vm.finished(outcome);

            assertThat(vm.stage()).isEqualTo(ScanViewModel.Stage.DONE);
            ScanSummary s = vm.summaryProperty().get();
            EstateStats.Totals totals = EstateStats.of(demo).totals();
            assertThat(s.accounts()).as("the accounts the scan read, not those the capture lists").isEqualTo(5).isLessThan(totals.accounts());
            assertThat(s.regions()).isEqualTo(totals.regions());
            assertThat(s.vaults()).isEqualTo(totals.vaults());
            assertThat(s.recoveryPoints()).isEqualTo(totals.recoveryPoints());
            assertThat(s.apiCalls()).isEqualTo(9_827);
            assertThat(s.time()).isEqualTo("1 min 12 s");
            assertThat(s.capture()).isEqualTo(capture.toAbsolutePath().toString());
            assertThat(s.sha256()).isEqualTo("ab".repeat(32));
            assertThat(s.headline()).isEqualTo("Scan cancelled: partial capture kept");
            assertThat(s.explanation()).contains("partial capture in capture.json", "The scope that was not finished is marked in it, so its checks report UNKNOWN",
                    "2 scopes were refused or failed");
            assertThat(s.unread()).isEqualTo(3);
            assertThat(s.notFinished()).isEqualTo(1);

            assertThat(vm.unread()).extracting(UnreadRow::reason)
                    .as("by account, the account-wide scope first; what a cancel left unfinished last")
                    .containsExactly(UnreadRow.Reason.FAILED, UnreadRow.Reason.REFUSED, UnreadRow.Reason.NOT_FINISHED);
            assertThat(vm.unread().get(1).account()).isEqualTo("northwind-shop-prod (" + shop.id() + ")");
            assertThat(vm.unread().get(1).region()).isEqualTo("eu-west-1");
            assertThat(vm.unread().get(0).region()).isEqualTo("all regions");
            assertThat(vm.unread().get(1).errorCode()).isEqualTo("AccessDeniedException");
            assertThat(vm.unread().get(2).account()).isEqualTo("999999999999");
            assertThat(ScanViewModel.badgeOf(null, outcome)).isEqualTo("!");
            assertThat(vm.read()).hasSize(demo.accounts().stream().mapToInt(a -> a.regions() == null ? 0 : a.regions().size()).sum());
            assertThat(vm.read()).filteredOn(r -> r.accountId().equals(shop.id()) && r.region().equals("eu-west-1")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.unread()).isEqualTo(1);
                        assertThat(r.unfinished()).isFalse();
                        assertThat(r.stateText()).isEqualTo("1 not read");
                        assertThat(r.vaults()).isEqualTo(shop.regions().get("eu-west-1").backupVaults().size());
                    });
            assertThat(vm.read().stream().mapToLong(ReadRow::recoveryPoints).sum()).isEqualTo(totals.recoveryPoints());

            vm.openOverview();
            assertThat(t.visited).containsExactly(Destinations.OVERVIEW);
        }
    }

    @Test
    void scansTheSandboxThroughTheChosenPlanAndShowsTheOutcome() throws Exception {
        Estate demo = NorthwindDemo.build();
        Account backup = demo.accounts().stream().filter(a -> a.name().equals("northwind-backup")).findFirst().orElseThrow();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)).withAsCaptured(true))) {
            Map<String, String> env = SandboxProfiles.keys(dir.resolve("user"), sandbox, sandbox.credential(backup.id(), "AuditReadOnly"), "eu-west-1");
            try (TestConsole t = TestConsole.create(dir, env, Clock.systemUTC())) {
                ScanViewModel vm = new ScanViewModel(t.actions, t.visited::add);
                List<ScanViewModel.Stage> stages = new ArrayList<>();
                List<String> badges = new ArrayList<>();
                vm.stageProperty().addListener((o, a, b) -> stages.add(b));
                vm.badge().addListener((o, a, b) -> badges.add(b));
                t.actions.signIn(SandboxProfiles.PROFILE);
                assertThat(t.workspace.connection()).as(t.notices.shown().toString()).isNotNull();
                assertThat(t.visited).containsExactly(Destinations.SCAN);

                vm.activate();

                assertThat(vm.stage()).isEqualTo(ScanViewModel.Stage.CHOOSE);
                assertThat(vm.identityProperty().get()).startsWith("Scanning as ").contains("AuditReadOnly").endsWith(", read-only");
                assertThat(vm.problems()).as("a member account may not list the organization").anyMatch(p -> p.contains("organizations:ListAccounts"));
                assertThat(vm.regions()).extracting(RegionOption::region).containsExactly("eu-central-1", "eu-west-1", "us-east-1");
                assertThat(vm.accountsProperty().get().accountCount()).isEqualTo(1);
                assertThat(vm.accountsProperty().get().children().get(0).signedIn()).isTrue();
                assertThat(vm.canStartProperty().get()).isTrue();
                assertThat(vm.startBlockedProperty().get()).isEmpty();

                vm.check(vm.accountsProperty().get(), false);
                assertThat(vm.canStartProperty().get()).isFalse();
                assertThat(vm.startBlockedProperty().get()).isEqualTo("Check at least one account to scan.");
                vm.check(vm.accountsProperty().get(), true);
                vm.selectNoRegions();
                assertThat(vm.startBlockedProperty().get()).isEqualTo("Check at least one region to scan.");
                vm.startScan();
                assertThat(t.workspace.scan()).as("a blocked start does nothing").isNull();
                vm.selectAllRegions();

                vm.startScan();

                assertThat(stages).contains(ScanViewModel.Stage.SCANNING);
                assertThat(badges).anyMatch(b -> b.endsWith("%"));
                ScanOutcome outcome = t.workspace.scan();
                assertThat(outcome).as(t.notices.shown().toString()).isNotNull();
                assertThat(outcome.outcome()).as("cross-account key policies are refused, as AWS refuses them")
                        .isEqualTo(ScanOutcome.Outcome.PARTIAL);
                assertThat(vm.stage()).isEqualTo(ScanViewModel.Stage.DONE);
                assertThat(t.visited).containsExactly(Destinations.SCAN, Destinations.OVERVIEW);
                ScanSummary s = vm.summaryProperty().get();
                assertThat(s.headline()).isEqualTo("Scan finished: " + outcome.unread().size() + " scope" + (outcome.unread().size() == 1 ? "" : "s")
                        + " could not be read");
                // the one account checked, though the capture also files the owners of the keys its vaults use
                assertThat(s.accounts()).isEqualTo(outcome.accountsScanned()).isEqualTo(1);
                assertThat(s.vaults()).isEqualTo(EstateStats.of(outcome.estate()).totals().vaults()).isPositive();
                assertThat(Path.of(s.capture())).exists().startsWith(dir.resolve("redoubt"));
                assertThat(s.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(s.capture())))));
                assertThat(vm.unread()).hasSize(outcome.unread().size()).isNotEmpty()
                        .allSatisfy(r -> assertThat(r.reason()).isNotEqualTo(UnreadRow.Reason.NOT_FINISHED));
                assertThat(vm.badge().getValue()).isEqualTo("!");
                assertThat(vm.canRefreshProperty().get()).isTrue();

                vm.newScan();
                assertThat(vm.stage()).isEqualTo(ScanViewModel.Stage.CHOOSE);
                vm.deactivate();
            }
        }
    }

    private static ScanStatus status(long seconds, long done, long known, long calls, long points) {
        return new ScanStatus(Duration.ofSeconds(seconds), "regions", done, known, calls, points, 0, List.of());
    }
}
