package dev.redoubt.ui.recoverypoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.ResourceHistory;
import dev.redoubt.journal.Mode;
import dev.redoubt.services.Cancellation;
import dev.redoubt.services.Connection;
import dev.redoubt.services.DrillService;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resource's drill history on its recovery point's page: in words from histories built by hand, and read by the view model from DrillService's journal. */
class ResourceDrillsTest {
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final String ORDERS = "arn:aws:rds:eu-west-1:645019283746:db:shop-orders";

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
    void aVerifiedRestoreWithinItsTargetAndTheNextDueDate() {
        ResourceHistory h = new ResourceHistory(ORDERS, "shop-orders", "RDS", Instant.parse("2026-12-04T10:00:00Z"), "d-1", Duration.ofSeconds(252),
                Duration.ofHours(12), 180, Instant.parse("2027-06-02T10:00:00Z"), false, Instant.parse("2026-11-20T10:00:00Z"), "r-1", 3);
        ResourceDrills d = ResourceDrills.of(h, NOW);
        assertThat(d.verified()).isEqualTo("4 Dec 2026 (3 days ago): restored in 4 min against a target of 12 h: within the target");
        assertThat(d.overTarget()).isFalse();
        assertThat(d.verifiedDrill()).isEqualTo("d-1");
        assertThat(d.due()).isEqualTo("Next drill due 2 Jun 2027 (in 177 days; every 180 days).");
        assertThat(d.overdue()).isFalse();
        assertThat(d.rehearsal()).isEqualTo("20 Nov 2026 (17 days ago), in the sandbox: not a verified restore.");
        assertThat(d.count()).isEqualTo("3 drills of this resource, rehearsals included.");
    }

    @Test
    void aRestoreOverItsTargetAndAnOverdueDrillSaySo() {
        ResourceHistory h = new ResourceHistory(ORDERS, "shop-orders", "RDS", Instant.parse("2026-03-01T10:00:00Z"), "d-1", Duration.ofHours(14),
                Duration.ofHours(12), 180, Instant.parse("2026-08-28T10:00:00Z"), true, null, null, 1);
        ResourceDrills d = ResourceDrills.of(h, NOW);
        assertThat(d.verified()).endsWith("restored in 14 h against a target of 12 h: over the target");
        assertThat(d.overTarget()).isTrue();
        assertThat(d.due()).isEqualTo("Overdue since 28 Aug 2026 (every 180 days).");
        assertThat(d.rehearsal()).isNull();
        assertThat(d.count()).isEqualTo("1 drill of this resource, rehearsals included.");
    }

    @Test
    void aResourceOnlyRehearsedHasNoVerifiedRestoreAndIsOverdue() throws Exception {
        console = TestConsole.create(dir).withDemoOpen();
        ResourceDrillsViewModel vm = new ResourceDrillsViewModel(console.browse());
        vm.load(ORDERS);
        assertThat(vm.drills().count()).isEqualTo("No drill of this resource yet.");
        assertThat(vm.drills().rehearsal()).isNull();

        DrillService drills = console.context.drills();
        DrillState drill;
        try (Connection alice = console.context.demo().connect(Mode.OPERATOR, c -> { }, Cancellation.none())) {
            drill = drills.begin(alice, drills.plan(EstateCatalog.of(console.workspace.audit()), "Shop orders", List.of(ORDERS)));
        }
        vm.load(ORDERS);

        ResourceDrills d = vm.drills();
        assertThat(d.verified()).startsWith("None yet");
        assertThat(d.verifiedDrill()).isNull();
        assertThat(d.due()).isEqualTo("Overdue: it has never had a verified restore (a drill is due every 180 days).");
        assertThat(d.rehearsal()).endsWith(", in the sandbox: not a verified restore.");
        assertThat(d.rehearsalDrill()).isEqualTo(drill.id());
        assertThat(d.count()).isEqualTo("1 drill of this resource, rehearsals included.");

        vm.openDrill(d.rehearsalDrill());
        assertThat(console.places).containsExactly(Place.of(Destinations.DRILLS, drill.id()));
    }
}
