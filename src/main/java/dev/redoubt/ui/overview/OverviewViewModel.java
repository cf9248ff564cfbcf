package dev.redoubt.ui.overview;

import dev.redoubt.findings.Counts;
import dev.redoubt.services.AuditRun;
import dev.redoubt.services.DrillService;
import dev.redoubt.ui.findings.FindingsQuery;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.workspace.ConsoleActions;
import dev.redoubt.ui.workspace.FailureText;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

/**
 * The overview's state: the {@link OverviewModel} of the audit on show, computed in the background
 * whenever the audit changes while the screen is shown (and on the next visit otherwise), the
 * navigation badge (the overall score), and the commands that send the user to the findings.
 */
public final class OverviewViewModel {
    private final ConsoleActions actions;
    private final Consumer<FindingsQuery> openFindings;
    private final ReadOnlyObjectWrapper<OverviewModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DrillsOverview> drills = new ReadOnlyObjectWrapper<>();
    private final ChangeListener<AuditRun> auditChanged = (o, old, run) -> {
        show(run);
        loadDrills(run);
    };
    private long drillsLoad;
    private AuditRun shownFor;
    private AuditRun computingFor;
    private boolean active;

    public OverviewViewModel(ConsoleActions actions, Consumer<FindingsQuery> openFindings) {
        this.actions = actions;
        this.openFindings = openFindings;
        // The summary is already counted: the badge follows every audit, shown or not, at no cost.
        badge.bind(Bindings.createStringBinding(() -> badgeOf(actions.workspace().audit()), actions.workspace().auditProperty()));
    }

    /** What the screen shows; null when no estate is open (or before the first summary is ready). */
    public ReadOnlyObjectProperty<OverviewModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public OverviewModel model() {
        return model.get();
    }

    /** True while the audit on show is being summarised. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public boolean computing() {
        return computing.get();
    }

    /** The navigation badge: the overall score ("78%"), empty when no estate is open or nothing passed or failed. */
    public ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    /** The screen is on show: follow the workspace's audit (and catch up with one that changed meanwhile). */
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        actions.workspace().auditProperty().addListener(auditChanged);
        show(actions.workspace().audit());
        // A drill may have been run or signed off since the last visit: the history is read again each time.
        loadDrills(actions.workspace().audit());
    }

    /** The "Restore drills" card; null while it is read or when no estate is open. */
    public ReadOnlyObjectProperty<DrillsOverview> drillsProperty() {
        return drills.getReadOnlyProperty();
    }

    public DrillsOverview drills() {
        return drills.get();
    }

    /** The Organization screen, which lists every account (the heat map shows only the accounts with the most failures). */
    public void openOrganization() {
        actions.navigator().open(Place.of(Destinations.ORGANIZATION));
    }

    /** The restore drills screen. */
    public void openDrills() {
        actions.navigator().open(Place.of(Destinations.DRILLS));
    }

    /** One drill on the restore drills screen. */
    public void openDrill(String drillId) {
        if (drillId != null) {
            actions.navigator().open(Place.of(Destinations.DRILLS, drillId));
        }
    }

    /** Reads the drill history of the estate on show (the journal), in the background. */
    private void loadDrills(AuditRun run) {
        long load = ++drillsLoad;
        if (run == null) {
            drills.set(null);
            return;
        }
        DrillService service = actions.services().drills();
        actions.tasks().run("Reading the restore drills", false, ctx -> DrillsOverview.of(service.history(run.index()), service.cadenceDays()), card -> {
            if (load == drillsLoad) {
                drills.set(card);
            }
        }, failure -> {
            if (load == drillsLoad) {
                var notice = FailureText.of("Could not read the restore drills", failure, actions::signIn);
                drills.set(DrillsOverview.unreadable(notice.text()));
            }
        });
    }

    /** The screen is hidden: stop following the workspace. */
    public void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        actions.workspace().auditProperty().removeListener(auditChanged);
    }

    /** A heat-map cell: that account's failures in that facet. */
    public void open(HeatMap.Cell cell) {
        openFindings(cell.query());
    }

    /** One of the most severe failures, selected on the findings screen. */
    public void open(TopFailures.Failure failure) {
        openFindings(failure.query());
    }

    /** Every failure. */
    public void openAllFailures() {
        openFindings(TopFailures.allQuery());
    }

    public void openFindings(FindingsQuery query) {
        openFindings.accept(query);
    }

    public ConsoleActions actions() {
        return actions;
    }

    private void show(AuditRun run) {
        if (run == null) {
            shownFor = null;
            computingFor = null;
            model.set(null);
            computing.set(false);
            return;
        }
        if (run == shownFor || run == computingFor) {
            return;
        }
        // Another estate's numbers must not stay on screen while this one is summarised; the same
        // estate audited again (a suppression changed) keeps its figures until the new ones arrive.
        if (shownFor != null && shownFor.estate() != run.estate()) {
            model.set(null);
        }
        computingFor = run;
        computing.set(true);
        actions.tasks().run("Summarising the audit", false, ctx -> OverviewModel.of(run), summary -> {
            if (computingFor != run) {
                return; // a newer audit arrived meanwhile; its own task publishes
            }
            computingFor = null;
            shownFor = run;
            model.set(summary);
            computing.set(false);
        }, failure -> {
            if (computingFor != run) {
                return;
            }
            computingFor = null;
            computing.set(false);
            actions.notices().post(FailureText.of("Could not summarise the audit", failure, actions::signIn));
        });
    }

    static String badgeOf(AuditRun run) {
        if (run == null) {
            return "";
        }
        Counts total = run.summary().total();
        return total.score() == null ? "" : Score.text(total);
    }
}
