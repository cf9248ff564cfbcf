package dev.redoubt.ui.restorejobs;

import dev.redoubt.estate.RestoreJob;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.ArnLink;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.BrowseTables;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.browse.FactGrid;
import dev.redoubt.ui.browse.ListAndPage;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.shell.Screen;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The restore jobs screen: every restore job in scope as a table (duration against the
 * restore-time target, status, validation, who started it; filter, sort by any column), and one
 * job's page. Nodes and bindings only.
 */
public final class RestoreJobsView implements Screen {
    public static final String ID = "restoreJobsScreen";
    public static final String ID_FILTER = "restoreJobsFilter";
    public static final String ID_TABLE = "restoreJobsTable";
    public static final String ID_DETAIL = "restoreJobDetail";
    public static final String ID_VERDICT = "restoreJobVerdict";
    public static final String ID_PROBLEM = "restoreJobProblem";

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ROOT);
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ROOT);

    private final RestoreJobsViewModel vm;
    private final BrowseContext ctx;
    private final ListAndPage<RestoreJobRow, RestoreJobRow> frame;
    private final TableView<RestoreJobRow> table;

    public RestoreJobsView(RestoreJobsViewModel viewModel) {
        this.vm = Objects.requireNonNull(viewModel, "viewModel");
        this.ctx = vm.context();
        frame = new ListAndPage<>(vm, ID, "Restore jobs", "Filter by job, account, resource, status, validation or plan", ID_FILTER, ID_TABLE, ID_DETAIL);
        table = frame.table();
        Label target = new Label();
        target.getStyleClass().add(BrowseStyles.MUTED);
        target.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            EstateCatalog c = ctx.catalog();
            return c == null ? "" : "Restore-time target: " + RestoreJobWords.minutes((long) c.index().thresholds().maxRestoreMinutes())
                    + " (maxRestoreMinutes)";
        }, ctx.workspace().catalogProperty()));
        frame.header().filters().getChildren().add(target);
        buildTable();
        frame.pages(d -> detail(d).root(), ID_PROBLEM, "All restore jobs");
    }

    @Override
    public Parent root() {
        return frame.root();
    }

    @Override
    public void shown() {
        vm.activate();
    }

    @Override
    public void hidden() {
        vm.deactivate();
    }

    // ---- the list

    private void buildTable() {
        TableColumn<RestoreJobRow, RestoreJobRow> id = column(RestoreJobColumn.JOB_ID, 80, r -> {
            Hyperlink link = new Hyperlink(shortId(r.jobId()));
            link.getStyleClass().add(BrowseStyles.ARN_LINK);
            link.setTooltip(new Tooltip("Restore job " + r.jobId()));
            link.setOnAction(e -> vm.show(r));
            return link;
        });
        // Two lines per row, so that every column fits a laptop's width: the second line is the lesser fact.
        TableColumn<RestoreJobRow, RestoreJobRow> account = column(RestoreJobColumn.ACCOUNT, 150,
                r -> lines(text(r.accountName(), r.accountId()), dim(Formats.orNone(r.region()))));
        account.setText("Account · region");
        TableColumn<RestoreJobRow, RestoreJobRow> resource = column(RestoreJobColumn.RESOURCE_TYPE, 195, r -> lines(
                text(r.resourceTypeText(), r.sourceResourceArn()),
                r.recoveryPointArn() == null ? dim("recovery point " + Formats.NOT_READ) : ArnLink.of(ctx, r.recoveryPointArn(), pointText(r))));
        resource.setText("Resource");
        TableColumn<RestoreJobRow, RestoreJobRow> created = column(RestoreJobColumn.CREATED, 142, r -> lines(
                text(Formats.sortable(r.created(), zone()), "Created"),
                r.completed() == null ? dim("not completed") : dim("to " + until(r.created(), r.completed()))));
        created.setText("Created");
        TableColumn<RestoreJobRow, RestoreJobRow> duration = column(RestoreJobColumn.DURATION, 105, r -> RestoreJobNodes.duration(r, true));
        TableColumn<RestoreJobRow, RestoreJobRow> status = column(RestoreJobColumn.STATUS, 130,
                r -> lines(RestoreJobNodes.status(r), RestoreJobNodes.validation(r)));
        status.setText("Status");
        TableColumn<RestoreJobRow, RestoreJobRow> by = column(RestoreJobColumn.CREATED_BY, 195, r -> r.byRestoreTest()
                ? ArnLink.of(ctx, r.testingPlanArn(), r.testingPlanName()) : dim("manual"));
        table.getColumns().setAll(List.of(id, account, resource, created, duration, status, by));
        table.setFixedCellSize(46);
        BrowseTables.sortThrough(table, (RestoreJobColumn c, Boolean up) -> vm.sortBy(c, up), RestoreJobColumn.CREATED, false);
        BrowseTables.opensRows(table, vm::show);
        frame.placeholder("Open an estate to see its restore jobs.", "No restore job in this scope (AWS lists recent jobs only).", "No restore job matches the filter.");
    }

    private static TableColumn<RestoreJobRow, RestoreJobRow> column(RestoreJobColumn key, double width, Function<RestoreJobRow, Node> cell) {
        return BrowseTables.column(key, key.title(), width, cell);
    }

    // ---- one job

    private DetailPane detail(RestoreJobRow r) {
        RestoreJob j = r.job();
        DetailPane pane = new DetailPane(ctx, Destinations.RESTORE_JOBS);
        String subtitle = r.resourceTypeText() + " · " + account(r.accountName(), r.accountId()) + " · " + r.region() + " · "
                + (r.byRestoreTest() ? "started by the restore testing plan " + r.testingPlanName() : "started by hand");
        pane.header("Restore job", Formats.orNone(r.jobId()), subtitle, null);
        pane.add(verdict(r));

        FactGrid outcome = pane.facts("Outcome");
        outcome.add("Status", withMessage(RestoreJobNodes.status(r), j.statusMessage()));
        if (r.byRestoreTest() || j.validationStatus() != null) {
            outcome.add("Validation", withMessage(RestoreJobNodes.validation(r), j.validationStatusMessage() != null ? j.validationStatusMessage()
                    : j.validationStatus() == null ? "Validation is optional and run by the plan's owner; nobody posted a result for this job." : null));
        }
        if (j.deletionStatus() != null) {
            outcome.add("Restored resource", RestoreJobWords.deletion(j.deletionStatus())
                    + (j.deletionStatusMessage() == null ? "" : ": " + j.deletionStatusMessage()));
        }
        outcome.add("Duration", RestoreJobNodes.duration(r));
        outcome.add("Created", Formats.dateTime(r.created(), zone()));
        outcome.add("Completed", r.completed() == null ? Formats.NONE : Formats.dateTime(r.completed(), zone()));
        if (j.expectedCompletionTimeMinutes() != null) {
            outcome.add("AWS expected", RestoreJobWords.minutes(j.expectedCompletionTimeMinutes()));
        }
        if (j.percentDone() != null && !"COMPLETED".equals(j.status())) {
            outcome.add("Done", j.percentDone());
        }

        FactGrid what = pane.facts("What was restored");
        what.add("Recovery point", r.recoveryPointArn() == null ? muted(Formats.NOT_READ) : ArnLink.of(ctx, r.recoveryPointArn(), r.recoveryPointArn()));
        what.add("Recovery point created", j.recoveryPointCreationDate() == null ? Formats.NONE
                : Formats.dateTime(j.recoveryPointCreationDate(), zone()) + " (" + relative(j.recoveryPointCreationDate(), r.created()) + " before the restore)");
        what.add("From vault", r.vaultArn() == null ? muted(Formats.NOT_READ) : ArnLink.of(ctx, r.vaultArn(), null));
        what.add("Source resource", r.sourceResourceArn() == null ? muted(Formats.NOT_READ) : ArnLink.of(ctx, r.sourceResourceArn(), r.sourceResourceArn()));
        what.add("Restored as", j.createdResourceArn() == null ? muted(Formats.NONE) : ArnLink.of(ctx, j.createdResourceArn(), j.createdResourceArn()));
        what.add("Size", Formats.bytes(j.backupSizeInBytes()));
        what.add("Resource type", r.resourceTypeText());

        FactGrid who = pane.facts("Who and where");
        who.add("Started by", r.byRestoreTest() ? ArnLink.of(ctx, r.testingPlanArn(), r.testingPlanName()) : new Label("Someone, by hand (not a restore testing plan)"));
        who.add("IAM role", j.iamRoleArn() == null ? muted(Formats.NOT_READ) : ArnLink.of(ctx, j.iamRoleArn(), j.iamRoleArn()));
        who.add("Account", ArnLink.of(ctx, r.accountId(), account(r.accountName(), r.accountId())));
        who.add("Region", r.region());
        if (j.parentJobId() != null) {
            Hyperlink parent = new Hyperlink(j.parentJobId());
            parent.getStyleClass().add(BrowseStyles.ARN_LINK);
            parent.setOnAction(e -> ctx.navigator().open(Place.of(Destinations.RESTORE_JOBS, j.parentJobId())));
            who.add("Part of job", parent);
        }
        return pane;
    }

    /** The answer first: did it restore, in time, and was the result checked. */
    private Node verdict(RestoreJobRow r) {
        String target = RestoreJobWords.minutes((long) r.targetMinutes());
        String level;
        String text;
        if (r.failed()) {
            level = "bad";
            text = "FAILED".equals(r.job().validationStatus()) || "TIMED_OUT".equals(r.job().validationStatus())
                    ? "Restored, but the validation " + ("TIMED_OUT".equals(r.job().validationStatus()) ? "timed out" : "failed")
                            + ": the data may not be usable."
                    : "The restore did not complete (" + r.statusText().toLowerCase(java.util.Locale.ROOT) + ").";
        } else if (r.minutes() == null) {
            level = "unknown";
            text = "Not finished, or AWS did not say when it finished.";
        } else if (r.overTarget()) {
            level = "bad";
            text = "Restored in " + RestoreJobWords.minutes(r.minutes()) + ": over the " + target + " restore-time target.";
        } else if (r.byRestoreTest() && !"SUCCESSFUL".equals(r.job().validationStatus())) {
            level = "warn";
            text = "Restored in " + RestoreJobWords.minutes(r.minutes()) + ", within the " + target + " target; nobody validated the restored data.";
        } else {
            level = "good";
            text = "Restored in " + RestoreJobWords.minutes(r.minutes()) + ", within the " + target + " target"
                    + (r.byRestoreTest() ? "; the validation passed." : ".");
        }
        if ("FAILED".equals(r.job().deletionStatus()) && !"bad".equals(level)) {
            level = "bad";
            text += " The restored resource was not deleted afterwards.";
        }
        Label l = new Label(text);
        l.setId(ID_VERDICT);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().add(BrowseStyles.verdict(level));
        return l;
    }

    // ---- small parts

    private ZoneId zone() {
        return ctx.clock().getZone();
    }

    /** "shop-orders · 27 Nov": the resource a recovery point is of, and the day it was taken (its year is the job's, near enough). */
    private String pointText(RestoreJobRow r) {
        String name = r.resourceName();
        Instant taken = r.job().recoveryPointCreationDate();
        return (name == null ? Formats.shortArn(r.recoveryPointArn()) : name)
                + (taken == null ? "" : " · " + DAY.format(taken.atZone(zone())));
    }

    /** "07:01" when the job ended the day it started, else "13 Nov 03:07". */
    private String until(Instant from, Instant to) {
        if (from != null && from.atZone(zone()).toLocalDate().equals(to.atZone(zone()).toLocalDate())) {
            return TIME.format(to.atZone(zone()));
        }
        return DAY.format(to.atZone(zone())) + " " + TIME.format(to.atZone(zone()));
    }

    private static String relative(Instant from, Instant to) {
        return from == null || to == null ? "?" : Formats.duration(java.time.Duration.between(from, to));
    }

    static String shortId(String id) {
        return id == null ? Formats.NONE : id.length() > 13 ? id.substring(0, 8) : id;
    }

    private static String account(String name, String id) {
        return name == null || name.equals(id) ? Formats.orNone(id) : name + " (" + id + ")";
    }

    private static Node lines(Node first, Node second) {
        VBox box = new VBox(2, first, second);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Node withMessage(Node chip, String message) {
        if (message == null || message.isBlank()) {
            return chip;
        }
        Label m = new Label(message);
        m.setWrapText(true);
        return new VBox(4, chip, m);
    }

    private static Label text(String text, String tooltip) {
        Label l = new Label(text == null ? Formats.NONE : text);
        if (tooltip != null) {
            l.setTooltip(new Tooltip(tooltip));
        }
        return l;
    }

    /** A muted line for a table cell (no wrapping: cells are one fixed height). */
    private static Label dim(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(BrowseStyles.MUTED);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(BrowseStyles.MUTED);
        return l;
    }
}
