package dev.redoubt.ui.restorejobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.services.BrowseScope;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore jobs view model over the Northwind demo (opened as a capture; tasks run inline). */
class RestoreJobsViewModelTest {
    static final String SHOP = "645019283746";
    static final String ERP = "754192837465";
    static final String CENTRAL_EU_CENTRAL = "arn:aws:backup:eu-central-1:536470192834:backup-vault:central-eu-central-1";

    @TempDir
    Path dir;

    private TestConsole console;
    private RestoreJobsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        vm = new RestoreJobsViewModel(console.browse());
        vm.activate();
    }

    @AfterEach
    void close() {
        vm.deactivate();
        console.close();
    }

    private RestoreJobRow manual() {
        return vm.rows().stream().filter(r -> !r.byRestoreTest()).findFirst().orElseThrow();
    }

    @Test
    void listsEveryRestoreJobNewestFirst() {
        assertThat(vm.rows()).hasSize(13).isSortedAccordingTo((a, b) -> b.created().compareTo(a.created()));
        assertThat(vm.countTextProperty().get()).isEqualTo("13 of 13 restore jobs");
        assertThat(vm.rows()).filteredOn(RestoreJobRow::byRestoreTest).hasSize(12);
    }

    @Test
    void measuresEachRestoreAgainstTheTargetAndSaysWhoStartedIt() {
        RestoreJobRow erp = manual();
        assertThat(erp.accountId()).isEqualTo(ERP);
        assertThat(erp.minutes()).isEqualTo(1140);
        assertThat(erp.overTarget()).isTrue();
        assertThat(erp.durationText()).isEqualTo("19 h (over the 12 h target)");
        assertThat(erp.createdByText()).isEqualTo("manual");
        assertThat(erp.validationText()).isEqualTo("—");
        assertThat(erp.resourceTypeText()).isEqualTo("RDS database");
        RestoreJobRow test = vm.rows().get(0);
        assertThat(test.overTarget()).isFalse();
        assertThat(test.durationText()).doesNotContain("target");
        assertThat(test.createdByText()).isEqualTo("shop_weekly_restore_test");
        assertThat(vm.rows()).filteredOn(r -> "FAILED".equals(r.job().status())).singleElement()
                .satisfies(r -> assertThat(r.statusText()).isEqualTo("Failed"))
                .satisfies(r -> assertThat(r.validationText()).as("a restore that failed has nothing to validate").isEqualTo("—"));
        assertThat(vm.rows()).filteredOn(r -> r.byRestoreTest() && r.job().validationStatus() == null && "COMPLETED".equals(r.job().status()))
                .isNotEmpty().allMatch(r -> r.validationText().equals("Not validated"));
        assertThat(vm.rows()).filteredOn(r -> "FAILED".equals(r.job().validationStatus())).singleElement()
                .satisfies(r -> assertThat(r.failed()).isTrue());
    }

    @Test
    void filtersByEveryWordOfTheText() {
        vm.textProperty().set("manual");
        assertThat(vm.rows()).containsExactly(manual());
        vm.textProperty().set("central_dr failed");
        assertThat(vm.rows()).hasSize(2).allMatch(r -> r.failed());
        vm.textProperty().set("EBS volume");
        assertThat(vm.rows()).hasSize(4).allMatch(r -> r.resourceType().equals("EBS"));
        vm.textProperty().set(vm.rows().get(0).jobId().substring(0, 8).toUpperCase());
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 13 restore jobs");
    }

    @Test
    void sortsByAnyColumnWithBlanksLastBothWays() {
        vm.sortBy(RestoreJobColumn.DURATION, false);
        assertThat(vm.rows().get(0).minutes()).isEqualTo(1140);
        assertThat(vm.rows()).isSortedAccordingTo((a, b) -> Long.compare(b.minutes(), a.minutes()));
        vm.sortBy(RestoreJobColumn.DURATION, true);
        assertThat(vm.rows().get(12).minutes()).isEqualTo(1140);
        vm.sortBy(RestoreJobColumn.VALIDATION, true);
        // "—" (a restore by hand or one that failed: nothing to validate) counts as blank: last whichever the direction.
        assertThat(vm.rows().subList(11, 13)).extracting(RestoreJobRow::validationText).containsOnly("—");
        assertThat(vm.rows().get(0).validationText()).isEqualTo("Failed");
        vm.sortBy(RestoreJobColumn.VALIDATION, false);
        assertThat(vm.rows().subList(11, 13)).extracting(RestoreJobRow::validationText).containsOnly("—");
        assertThat(vm.rows().get(0).validationText()).isEqualTo("Passed");
        vm.sortBy(RestoreJobColumn.CREATED, true);
        assertThat(vm.rows()).isSortedAccordingTo((a, b) -> a.created().compareTo(b.created()));
    }

    @Test
    void showsOnlyWhatIsInTheWorkspaceScope() {
        console.workspace.scopeProperty().set(BrowseScope.account("northwind-shop-prod", SHOP));
        assertThat(vm.rows()).hasSize(8).allMatch(r -> r.accountId().equals(SHOP));
        console.workspace.scopeProperty().set(BrowseScope.vault("central-eu-central-1", "536470192834", "eu-central-1", CENTRAL_EU_CENTRAL));
        assertThat(vm.rows()).hasSize(4).allMatch(r -> CENTRAL_EU_CENTRAL.equals(r.vaultArn()));
        assertThat(vm.countTextProperty().get()).isEqualTo("4 of 4 restore jobs");
        console.workspace.scopeProperty().set(BrowseScope.region("us-east-1", SHOP, "us-east-1"));
        assertThat(vm.rows()).isEmpty();
        vm.clearScope();
        assertThat(vm.rows()).hasSize(13);
    }

    @Test
    void opensAJobByItsIdThroughTheNavigator() {
        RestoreJobRow erp = manual();
        vm.show(erp);
        assertThat(console.places).containsExactly(Place.of(Destinations.RESTORE_JOBS, erp.jobId()));
        vm.open(erp.jobId());
        assertThat(vm.detail()).isEqualTo(erp);
        vm.open("00000000-no-such-job");
        assertThat(vm.detail()).isNull();
        assertThat(vm.problemProperty().get()).contains("holds no restore job 00000000-no-such-job");
        vm.open(null);
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.rows()).hasSize(13);
    }

    @Test
    void listsNothingWithoutAnEstate() throws Exception {
        try (TestConsole empty = TestConsole.create(dir.resolve("empty"))) {
            RestoreJobsViewModel none = new RestoreJobsViewModel(empty.browse());
            none.activate();
            assertThat(none.rows()).isEmpty();
            none.open("some-job");
            assertThat(none.problemProperty().get()).isEqualTo("Open an estate to see its restore jobs.");
            assertThat(List.copyOf(empty.notices.shown())).isEmpty();
        }
    }
}
