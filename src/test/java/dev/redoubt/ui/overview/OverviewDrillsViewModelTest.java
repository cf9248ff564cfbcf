package dev.redoubt.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.drills.DrillState;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.journal.Mode;
import dev.redoubt.services.Cancellation;
import dev.redoubt.services.Connection;
import dev.redoubt.services.DrillService;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview's "Restore drills" card on the real services: the demo's history from the journal, a rehearsal begun by DrillService, the links. */
class OverviewDrillsViewModelTest {
    @TempDir
    Path dir;

    private TestConsole console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void theDemoWithNoDrillHasEveryProtectedResourceOverdueAndNoVerifiedRestore() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        OverviewViewModel vm = new OverviewViewModel(console.actions, q -> { });
        assertThat(vm.drills()).as("nothing read before the screen is shown").isNull();

        vm.activate();

        DrillsOverview d = vm.drills();
        int protectedResources = console.workspace.audit().index().protectedResources().size();
        assertThat(d.unreadable()).isNull();
        assertThat(d.resources()).isEqualTo(protectedResources).isPositive();
        assertThat(d.figure()).isEqualTo(protectedResources + " of " + protectedResources);
        assertThat(d.headline()).endsWith("(every " + DrillService.DEFAULT_CADENCE_DAYS + " days)");
        assertThat(d.lastVerified()).isNull();
        assertThat(d.lastRehearsal()).isNull();
        assertThat(d.mostOverdue()).hasSize(DrillsOverview.LISTED);
    }

    @Test
    void aRehearsalJournaledByDrillServiceShowsAsTheLastRehearsalNotAsAVerifiedRestore() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        OverviewViewModel vm = new OverviewViewModel(console.actions, q -> { });
        vm.activate();
        vm.deactivate();

        DrillService drills = console.context.drills();
        EstateCatalog catalog = EstateCatalog.of(console.workspace.audit());
        String orders = arnOf(console.workspace.audit().index(), "shop-orders");
        DrillState drill;
        try (Connection alice = console.context.demo().connect(Mode.OPERATOR, c -> { }, Cancellation.none())) {
            drill = drills.begin(alice, drills.plan(catalog, "Shop orders", List.of(orders)));
        }
        vm.activate(); // coming back to the overview reads the history again

        DrillsOverview d = vm.drills();
        assertThat(d.lastRehearsal()).isNotNull();
        assertThat(d.lastRehearsal().resourceName()).isEqualTo("shop-orders");
        assertThat(d.lastRehearsal().drillId()).isEqualTo(drill.id());
        assertThat(d.rehearsalLine()).startsWith("shop-orders, ").contains("(sandbox: not a verified restore); 1 resource was only rehearsed");
        assertThat(d.lastVerified()).as("a rehearsal never counts as verified").isNull();
        assertThat(d.overdue()).isEqualTo(d.resources());

        vm.openDrill(d.lastRehearsal().drillId());
        vm.openDrills();
        assertThat(console.places).containsExactly(Place.of(Destinations.DRILLS, drill.id()), Place.of(Destinations.DRILLS));
    }

    static String arnOf(EstateIndex index, String name) {
        return index.protectedResources().stream().filter(r -> name.equals(r.resource().resourceName())).findFirst().orElseThrow().resource().resourceArn();
    }
}
