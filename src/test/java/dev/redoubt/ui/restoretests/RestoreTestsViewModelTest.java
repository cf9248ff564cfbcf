package dev.redoubt.ui.restoretests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.findings.Severity;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.restorejobs.RestoreJobRow;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore testing view model over the Northwind demo (opened as a capture; tasks run inline). */
class RestoreTestsViewModelTest {
    static final String SHOP = "645019283746";
    static final String BACKUP = "536470192834";
    static final String SHOP_PROD_VAULT = "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod";
    static final String CENTRAL_EU_WEST = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-eu-west-1";
    static final String CENTRAL_ARCHIVE = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-archive";

    @TempDir
    Path dir;

    private TestConsole console;
    private RestoreTestsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        vm = new RestoreTestsViewModel(console.browse());
        vm.activate();
    }

    @AfterEach
    void close() {
        vm.deactivate();
        console.close();
    }

    private List<String> names() {
        return vm.rows().stream().map(TestPlanRow::name).toList();
    }

    private TestPlanRow row(String name) {
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryRestoreTestingPlanWithItsScheduleInWordsAndItsLatestOutcome() {
        assertThat(names()).containsExactly("central_dr_restore_test", "central_halfyearly_restore_test", "dev_restore_test",
                "shop_weekly_restore_test");
        assertThat(vm.countTextProperty().get()).isEqualTo("4 of 4 restore testing plans");
        TestPlanRow shop = row("shop_weekly_restore_test");
        assertThat(shop.schedule()).isEqualTo("every Friday at 06:00 UTC");
        assertThat(shop.lastRun()).hasToString("2026-11-27T06:00:00Z");
        assertThat(shop.selections()).isEqualTo(2);
        assertThat(shop.outcome().kind()).isEqualTo(TestOutcome.Kind.PASSED);
        assertThat(shop.outcome().text()).isEqualTo("Restored and validated 2 of 2");
        assertThat(shop.worst()).isNull();
        TestPlanRow dr = row("central_dr_restore_test");
        assertThat(dr.outcome().kind()).isEqualTo(TestOutcome.Kind.FAILED);
        assertThat(dr.outcome().text()).isEqualTo("A restored resource was left behind");
        assertThat(dr.worst()).isEqualTo(Severity.HIGH);
        assertThat(row("central_halfyearly_restore_test").schedule()).isEqualTo("on the 15th of February and August at 05:00 UTC");
        TestPlanRow dev = row("dev_restore_test");
        assertThat(dev.lastRun()).isNull();
        assertThat(dev.outcome()).isEqualTo(TestOutcome.NONE);
    }

    @Test
    void filtersByEveryWordOfTheText() {
        vm.textProperty().set("central");
        assertThat(names()).containsExactly("central_dr_restore_test", "central_halfyearly_restore_test");
        vm.textProperty().set("friday");
        assertThat(names()).containsExactly("shop_weekly_restore_test");
        vm.textProperty().set("left behind");
        assertThat(names()).containsExactly("central_dr_restore_test");
        vm.textProperty().set("northwind-dev");
        assertThat(names()).containsExactly("dev_restore_test");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 4 restore testing plans");
    }

    @Test
    void sortsByAnyColumnWithBlanksLastBothWays() {
        vm.sortBy(TestPlanColumn.LAST_RUN, false);
        assertThat(names()).containsExactly("shop_weekly_restore_test", "central_dr_restore_test", "central_halfyearly_restore_test",
                "dev_restore_test");
        vm.sortBy(TestPlanColumn.LAST_RUN, true);
        assertThat(names()).containsExactly("central_halfyearly_restore_test", "central_dr_restore_test", "shop_weekly_restore_test",
                "dev_restore_test");
        vm.sortBy(TestPlanColumn.SELECTIONS, false);
        assertThat(names().get(0)).isEqualTo("central_halfyearly_restore_test");
        vm.sortBy(TestPlanColumn.OUTCOME, false);
        assertThat(names().get(0)).isEqualTo("central_dr_restore_test");
        assertThat(vm.rows().get(3).outcome()).isEqualTo(TestOutcome.NONE);
        vm.sortBy(TestPlanColumn.WORST, false);
        assertThat(names().get(3)).isEqualTo("shop_weekly_restore_test");
    }

    @Test
    void showsOnlyWhatIsInTheWorkspaceScope() {
        console.workspace.scopeProperty().set(BrowseScope.account("northwind-backup", BACKUP));
        assertThat(names()).containsExactly("central_dr_restore_test", "central_halfyearly_restore_test");
        console.workspace.scopeProperty().set(BrowseScope.region("eu-central-1", BACKUP, "eu-central-1"));
        assertThat(names()).containsExactly("central_dr_restore_test");
        // A vault: the plans whose recovery point selection takes it in ("*" does, unless it is excluded).
        console.workspace.scopeProperty().set(BrowseScope.vault("central-eu-west-1", BACKUP, "eu-west-1", CENTRAL_EU_WEST));
        assertThat(names()).containsExactly("central_halfyearly_restore_test");
        console.workspace.scopeProperty().set(BrowseScope.vault("central-archive", BACKUP, "eu-west-1", CENTRAL_ARCHIVE));
        assertThat(vm.rows()).isEmpty();
        console.workspace.scopeProperty().set(BrowseScope.vault("shop-prod", SHOP, "eu-west-1", SHOP_PROD_VAULT));
        assertThat(names()).containsExactly("shop_weekly_restore_test");
        vm.clearScope();
        assertThat(vm.rows()).hasSize(4);
    }

    @Test
    void opensAPlanInFullWithItsSelectionsAndRecentJobs() {
        TestPlanRow shop = row("shop_weekly_restore_test");
        vm.show(shop);
        assertThat(console.places).containsExactly(Place.of(Destinations.RESTORE_TESTS, shop.arn()));
        vm.open(shop.arn());
        TestPlanDetail d = vm.detail();
        assertThat(d.schedule()).isEqualTo("every Friday at 06:00 UTC");
        assertThat(d.scheduleAsWritten()).isEqualTo("cron(0 6 ? * FRI *)");
        assertThat(d.timezone()).isEqualTo("UTC");
        assertThat(d.startWindow()).isEqualTo("within 24 hours of the scheduled time");
        assertThat(d.pointSelection().algorithm()).isEqualTo("the latest recovery point within the window");
        assertThat(d.pointSelection().includeVaults()).containsExactly(SHOP_PROD_VAULT);
        assertThat(d.pointSelection().lookback()).isEqualTo("recovery points of the last 7 days");
        assertThat(d.pointSelection().recoveryPointTypes()).isEqualTo("snapshots");
        assertThat(d.selections()).extracting(TestPlanDetail.Selection::resourceType).containsExactly("RDS database", "EBS volume");
        assertThat(d.selections().get(0).protectedResources()).singleElement().asString().contains("shop-orders");
        assertThat(d.selections().get(0).validationWindow()).isEqualTo("4 hours");
        assertThat(d.jobs()).hasSize(8).isSortedAccordingTo((a, b) -> b.created().compareTo(a.created()));
        assertThat(d.jobs()).allMatch(j -> shop.arn().equals(j.testingPlanArn()));
        assertThat(d.outcome().kind()).isEqualTo(TestOutcome.Kind.PASSED);
        assertThat(d.targetMinutes()).isEqualTo(720);
        assertThat(d.findings()).extracting(r -> r.checkId()).containsExactlyInAnyOrder("RST-02", "RST-04");

        RestoreJobRow newest = d.jobs().get(0);
        vm.showJob(newest);
        assertThat(console.places).last().isEqualTo(Place.of(Destinations.RESTORE_JOBS, newest.jobId()));
    }

    @Test
    void saysSoWhenTheCaptureHasNoSuchPlan() {
        vm.open("arn:aws:backup:eu-west-1:645019283746:restore-testing-plan:gone-1234");
        assertThat(vm.detail()).isNull();
        assertThat(vm.problemProperty().get()).contains("holds no restore testing plan");
        vm.open(null);
        assertThat(vm.problemProperty().get()).isNull();
    }
}
