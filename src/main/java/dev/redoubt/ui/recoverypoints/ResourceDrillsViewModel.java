package dev.redoubt.ui.recoverypoints;

import dev.redoubt.services.AuditRun;
import dev.redoubt.services.DrillService;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.workspace.FailureText;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The drill history of one resource for its recovery point's page: read from the journal in the
 * background ({@code DrillService.history}), and the links to its drills.
 */
public final class ResourceDrillsViewModel {
    private final BrowseContext ctx;
    private final ReadOnlyObjectWrapper<ResourceDrills> drills = new ReadOnlyObjectWrapper<>();
    private String loading;

    public ResourceDrillsViewModel(BrowseContext ctx) {
        this.ctx = ctx;
    }

    /** The section; null while it is read. */
    public ReadOnlyObjectProperty<ResourceDrills> drillsProperty() {
        return drills.getReadOnlyProperty();
    }

    public ResourceDrills drills() {
        return drills.get();
    }

    /** Reads the history of {@code resourceArn} in the estate on show. */
    public void load(String resourceArn) {
        loading = resourceArn;
        drills.set(null);
        AuditRun run = ctx.workspace().audit();
        if (resourceArn == null || run == null) {
            drills.set(ResourceDrills.unreadable(resourceArn, resourceArn == null ? "This recovery point does not name its resource." : "No estate is open."));
            return;
        }
        DrillService service = ctx.actions().services().drills();
        ctx.actions().tasks().run("Reading the drills of " + resourceArn, false,
                c -> ResourceDrills.of(service.history(run.index(), resourceArn), ctx.clock().instant()), d -> {
                    if (resourceArn.equals(loading)) {
                        drills.set(d);
                    }
                }, failure -> {
                    if (resourceArn.equals(loading)) {
                        drills.set(ResourceDrills.unreadable(resourceArn, FailureText.of("Could not read the drills", failure, ctx.actions()::signIn).text()));
                    }
                });
    }

    /** One drill on the restore drills screen. */
    public void openDrill(String drillId) {
        if (drillId != null) {
            ctx.navigator().open(Place.of(Destinations.DRILLS, drillId));
        }
    }

    /** The restore drills screen. */
    public void openDrills() {
        ctx.navigator().open(Place.of(Destinations.DRILLS));
    }
}
