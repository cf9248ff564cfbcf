package dev.redoubt.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Status;
import dev.redoubt.services.AuditRun;
import dev.redoubt.ui.findings.FindingsQuery;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview's view model on the real services with the Northwind demo opened as a capture (tasks run inline). */
class OverviewViewModelTest {
    @TempDir
    Path dir;

    private TestConsole console;
    private final List<FindingsQuery> sent = new ArrayList<>();

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private OverviewViewModel viewModel() {
        return new OverviewViewModel(console.actions, sent::add);
    }

    @Test
    void summarisesTheAuditOnShowWhenShown() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        OverviewViewModel vm = viewModel();
        assertThat(vm.model()).as("nothing computed before the screen is shown").isNull();

        vm.activate();

        AuditRun audit = console.workspace.audit();
        OverviewModel m = vm.model();
        assertThat(m).isNotNull();
        assertThat(vm.computing()).isFalse();
        assertThat(m.scorecard()).isEqualTo(Scorecard.of(audit.summary(), audit.report().catalogue(), audit.digest()));
        for (Facet f : Facet.values()) {
            Counts c = audit.summary().byFacet().get(f);
            assertThat(m.scorecard().facet(f).counts()).isEqualTo(c);
            assertThat(m.scorecard().facet(f).score()).isEqualTo(c.pass() / (double) (c.pass() + c.fail()));
        }
        assertThat(m.scorecard().digest()).isEqualTo(audit.digest()).hasSize(64);
        assertThat(m.asOf()).isEqualTo(audit.estate().capturedAt());
        assertThat(m.heatMap().rows()).hasSize(audit.estate().accounts().size());
        assertThat(m.topFailures().total()).isEqualTo(audit.summary().total().fail());
        assertThat(m.topFailures().failures()).hasSize(10);
        assertThat(m.topFailures().failures().get(0).severity()).isEqualTo(dev.redoubt.findings.Severity.CRITICAL);
        assertThat(m.activity().days()).isEqualTo(35);
        assertThat(m.activity().lastDay()).isEqualTo(java.time.LocalDate.parse("2026-11-28"));
        assertThat(m.coverage().resources()).isPositive();
        assertThat(m.unread().everythingRead()).isTrue();
    }

    @Test
    void theBadgeIsTheOverallScoreShownOrNot() throws Exception {
        console = TestConsole.create(dir);
        OverviewViewModel vm = viewModel();
        assertThat(vm.badgeProperty().get()).as("no estate open").isEmpty();

        console.withDemoOpen();

        Counts total = console.workspace.audit().summary().total();
        assertThat(vm.badgeProperty().get()).isEqualTo(Math.round(100.0 * total.pass() / (total.pass() + total.fail())) + "%");
        assertThat(vm.model()).as("the badge needs no summary").isNull();
    }

    @Test
    void sendsTheUserToTheFindingsAHeatMapCellOrAFailureNames() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        OverviewViewModel vm = viewModel();
        vm.activate();
        HeatMap.Row row = vm.model().heatMap().rows().get(0);

        vm.open(row.cell(Facet.ISO));
        TopFailures.Failure first = vm.model().topFailures().failures().get(0);
        vm.open(first);
        vm.openAllFailures();

        assertThat(sent).containsExactly(FindingsQuery.failing(row.accountId(), Facet.ISO), FindingsQuery.result(first.checkId(), first.resourceArn()),
                TopFailures.allQuery());
        assertThat(sent.get(2).statuses()).containsExactly(Status.FAIL);
    }

    @Test
    void followsTheAuditOnlyWhileShownAndCatchesUpOnTheNextVisit() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        OverviewViewModel vm = viewModel();
        vm.activate();
        OverviewModel first = vm.model();

        console.actions.suppressionsChanged(); // a new audit of the same estate
        OverviewModel second = vm.model();
        assertThat(second).as("recomputed for the new audit").isNotSameAs(first);

        vm.deactivate();
        console.actions.suppressionsChanged();
        assertThat(vm.model()).as("hidden: not recomputed").isSameAs(second);

        vm.activate();
        assertThat(vm.model()).as("shown again: caught up").isNotSameAs(second);
        OverviewModel third = vm.model();
        vm.deactivate();
        vm.activate();
        assertThat(vm.model()).as("nothing changed: nothing recomputed").isSameAs(third);
    }

    @Test
    void anotherEstateReplacesTheFiguresAndNoEstateLeavesNone() throws Exception {
        console = TestConsole.create(dir);
        OverviewViewModel vm = viewModel();
        vm.activate();
        assertThat(vm.model()).isNull();
        assertThat(vm.computing()).isFalse();

        console.withDemoOpen();
        OverviewModel demo = vm.model();
        assertThat(demo).isNotNull();

        Path other = dir.resolve("small.json");
        new dev.redoubt.estate.EstateFile().write(new SmallEstate().account(SmallEstate.PROD, "shop-prod").build(), other);
        assertThat(Files.exists(other)).isTrue();
        console.actions.openCapture(other);

        assertThat(vm.model().estateName()).isEqualTo("small");
        assertThat(vm.model().scorecard().total().total()).isEqualTo(console.workspace.audit().summary().total().total());
        assertThat(vm.model().heatMap().rows()).extracting(HeatMap.Row::accountId).containsExactly(SmallEstate.PROD);
    }
}
