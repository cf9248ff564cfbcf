package dev.redoubt.ui.findings;

import dev.redoubt.findings.Check;
import dev.redoubt.findings.Checks;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.Suppression;
import dev.redoubt.report.ReportFormat;
import dev.redoubt.services.Actor;
import dev.redoubt.services.AuditRun;
import dev.redoubt.services.Connection;
import dev.redoubt.ui.findings.FindingsIndex.Base;
import dev.redoubt.ui.findings.FindingsIndex.View;
import dev.redoubt.ui.workspace.ConsoleActions;
import dev.redoubt.ui.workspace.FailureText;
import dev.redoubt.ui.workspace.Notice;
import dev.redoubt.ui.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The findings screen's state and commands: the audit's results filtered (severity, facet,
 * account, region, check, status, text) and grouped (by check, by resource, or not), failures
 * first; the selected result's detail; accepting and lifting risks; exporting the report. The
 * results are listed, filtered and grouped off the FX thread and published with one setAll.
 * Subscribes to the workspace between {@link #activate()} and {@link #deactivate()}.
 */
public final class FindingsViewModel {
    /** How long an accepted risk lasts unless the user chooses otherwise. */
    public static final int DEFAULT_ACCEPTANCE_DAYS = 90;

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT);

    /** Where the table should put its selection (and scroll to): the line's index, -1 for none; {@code serial} makes each request new. */
    public record Reveal(int index, long serial) {
    }

    private final ConsoleActions actions;
    private final Workspace workspace;
    private final ObjectProperty<FindingsFilter> filter = new SimpleObjectProperty<>(FindingsFilter.needsAttention());
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.CHECK);
    private final ObservableList<FindingsLine> lines = FXCollections.observableArrayList();
    private final ObservableList<AccountChoice> accountChoices = FXCollections.observableArrayList();
    private final ObservableList<String> regionChoices = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper filtered = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<FindingsLine> selectedLine = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FindingDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<GroupRow> selectedGroup = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Reveal> reveal = new ReadOnlyObjectWrapper<>(new Reveal(-1, 0));
    private final StringBinding failingBadge;
    private final ChangeListener<AuditRun> auditListener = (o, old, now) -> reindex();

    /** Groups are expanded unless named here; after "collapse all", collapsed unless named here. */
    private final Set<String> exceptions = new HashSet<>();
    private boolean collapsedByDefault;
    private boolean active;
    private Base base;
    private AuditRun indexing;
    private boolean computing;
    private boolean again;
    private boolean publishing;
    private boolean syncingText;
    private ResultRow selectedRow;
    private Predicate<FindingsLine> pendingFind;
    private long serial;
    /** Counts the user's selections, so a filtering that started before one does not move the selection back. */
    private long picks;

    public FindingsViewModel(ConsoleActions actions) {
        this.actions = actions;
        this.workspace = actions.workspace();
        // The navigation badge lives as long as the console; it reads the audit's summary, no walk over results.
        failingBadge = Bindings.createStringBinding(() -> {
            AuditRun run = workspace.audit();
            return run == null ? "" : FindingsText.number(run.summary().total().fail());
        }, workspace.auditProperty());
        text.addListener((o, old, now) -> {
            if (!syncingText) {
                filter.set(filter.get().withText(now));
            }
        });
        filter.addListener((o, old, now) -> {
            filtered.set(!now.isEmpty());
            if (!now.text().equals(text.get())) {
                syncingText = true;
                text.set(now.text());
                syncingText = false;
            }
            recompute();
        });
        grouping.addListener((o, old, now) -> {
            exceptions.clear();
            collapsedByDefault = false;
            recompute();
        });
    }

    public ConsoleActions actions() {
        return actions;
    }

    /** Subscribes to the workspace and lists the audit on show if it changed since the last visit. */
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        workspace.auditProperty().addListener(auditListener);
        AuditRun run = workspace.audit();
        if (run != (base == null ? null : base.run()) && run != indexing) {
            reindex();
        }
    }

    public void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        workspace.auditProperty().removeListener(auditListener);
    }

    /** Shows what another screen asked for: its filters, and the result to select (scrolled to). */
    public void open(FindingsQuery query) {
        FindingsQuery q = query == null ? FindingsQuery.all() : query;
        exceptions.clear();
        collapsedByDefault = false;
        if (q.selectCheckId() != null || q.selectResourceArn() != null) {
            String check = q.selectCheckId();
            String arn = q.selectResourceArn();
            pendingFind = l -> l instanceof ResultRow r && (check == null || check.equals(r.checkId()))
                    && (arn == null || arn.equals(r.resourceArn()));
        } else {
            pendingFind = null;
        }
        FindingsFilter next = FindingsFilter.of(q);
        if (next.equals(filter.get())) {
            recompute();
        } else {
            filter.set(next);
        }
    }

    // ---- filters

    public ObjectProperty<FindingsFilter> filterProperty() {
        return filter;
    }

    public FindingsFilter filter() {
        return filter.get();
    }

    public void filter(FindingsFilter f) {
        filter.set(f);
    }

    /** The free-text filter (the view binds its search field to it). */
    public StringProperty textProperty() {
        return text;
    }

    /** Removes every filter: all results of the audit, failures first. */
    public void clearFilters() {
        filter.set(FindingsFilter.none());
    }

    public void clearText() {
        text.set("");
    }

    /** True when any filter is set (so "Clear filters" has something to do). */
    public ReadOnlyBooleanProperty filteredProperty() {
        return filtered.getReadOnlyProperty();
    }

    /** The estate's accounts, by name. */
    public ObservableList<AccountChoice> accountChoices() {
        return accountChoices;
    }

    /** The regions results were found in. */
    public ObservableList<String> regionChoices() {
        return regionChoices;
    }

    /** The catalogue's checks, in catalogue order. */
    public List<Check> checkChoices() {
        return Checks.all();
    }

    // ---- the table

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    /** The table's lines: group headings and results, failures first. Replaced with one setAll per change. */
    public ObservableList<FindingsLine> lines() {
        return lines;
    }

    /** How many results match the filters. */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** How many results the audit has. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** "312 of 3,204 results". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** True while results are being listed or filtered. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Expands a collapsed group, collapses an expanded one (its heading becomes the selection if one of its results was). */
    public void toggle(GroupRow group) {
        if (group == null) {
            return;
        }
        expand(group, !group.expanded());
    }

    public void expand(GroupRow group, boolean expanded) {
        if (group == null || group.expanded() == expanded) {
            return;
        }
        if (collapsedByDefault == expanded) {
            exceptions.add(group.key());
        } else {
            exceptions.remove(group.key());
        }
        if (!expanded && selectedRow != null && group.key().equals(groupKey(selectedRow, group.grouping()))) {
            setSelected(group);
        }
        recompute();
    }

    public void expandAll() {
        exceptions.clear();
        collapsedByDefault = false;
        recompute();
    }

    public void collapseAll() {
        exceptions.clear();
        collapsedByDefault = true;
        if (selectedRow != null && grouping.get() != Grouping.NONE) {
            String key = groupKey(selectedRow, grouping.get());
            pendingFind = l -> l instanceof GroupRow g && g.key().equals(key);
        }
        recompute();
    }

    // ---- selection

    /** The table selected line {@code index} (-1: nothing). */
    public void select(int index) {
        if (publishing) {
            return;
        }
        picks++;
        setSelected(index >= 0 && index < lines.size() ? lines.get(index) : null);
    }

    public ReadOnlyObjectProperty<FindingsLine> selectedLineProperty() {
        return selectedLine.getReadOnlyProperty();
    }

    /** The selected result's detail (it stays when a change of its status takes it out of the filtered list). */
    public ReadOnlyObjectProperty<FindingDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public FindingDetail detail() {
        return detail.get();
    }

    /** The selected group heading, or null. */
    public ReadOnlyObjectProperty<GroupRow> selectedGroupProperty() {
        return selectedGroup.getReadOnlyProperty();
    }

    /** Where the table's selection should go after the lines changed (the view selects and scrolls). */
    public ReadOnlyObjectProperty<Reveal> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    /** The check behind a result or a check group (its rationale and what it reads), or null. */
    public static Check check(String checkId) {
        return checkId == null ? null : Checks.byId(checkId).orElse(null);
    }

    // ---- accept and lift risks

    /** The dialog's starting values: the result's ARN, no justification, the signed-in person (or the OS user), 90 days ahead. */
    public AcceptRiskForm acceptRiskForm() {
        FindingDetail d = detail.get();
        return new AcceptRiskForm(d == null ? null : d.checkId(), d == null ? "" : d.resourceArn(), "", defaultAuthor(),
                today().plusDays(DEFAULT_ACCEPTANCE_DAYS));
    }

    /** What is missing or wrong in the form, in a sentence; null when it can be sent. */
    public String problem(AcceptRiskForm form) {
        FindingDetail d = detail.get();
        if (d == null || !d.canAcceptRisk()) {
            return "Select a failing result to accept its risk.";
        }
        if (blank(form.resource())) {
            return "Give the resource: its ARN, or a pattern with * wildcards.";
        }
        if (!new Suppression(d.checkId(), form.resource().trim(), "-", "-", Instant.MAX).covers(d.checkId(), d.resourceArn())) {
            return "The resource pattern does not match this result's ARN.";
        }
        if (blank(form.justification())) {
            return "Say why the risk is accepted (a ticket, a compensating control, a planned fix).";
        }
        if (blank(form.author())) {
            return "Say who accepts the risk.";
        }
        if (form.expires() == null) {
            return "Choose until when the risk is accepted.";
        }
        if (!form.expires().isAfter(today())) {
            return "The acceptance must end after today: choose a later date.";
        }
        return null;
    }

    /**
     * Writes the accepted risk to suppressions.json (journaled by the service), then applies the
     * suppressions again; the result stays selected and shows SUPPRESSED. False when the form is incomplete.
     */
    public boolean acceptRisk(AcceptRiskForm form) {
        String problem = problem(form);
        AuditRun run = workspace.audit();
        if (problem != null || run == null) {
            actions.notices().post(Notice.of(Notice.Kind.WARNING, "The risk was not accepted", problem != null ? problem : "Open an estate first."));
            return false;
        }
        Actor actor = run.subject().actor();
        String checkId = detail.get().checkId();
        Instant expires = form.expires().atStartOfDay(zone()).toInstant();
        String resource = form.resource().trim();
        actions.tasks().run("Accepting the risk of " + checkId, false,
                ctx -> actions.services().suppressions().add(actor, checkId, resource, form.justification(), form.author(), expires),
                s -> {
                    actions.notices().post(Notice.of(Notice.Kind.SUCCESS, "Risk accepted",
                            s.checkId() + " on " + FindingsText.resourceName(s.resource()) + " shows as suppressed until "
                                    + DAY.format(s.expires().atZone(zone())) + ". Written to suppressions.json and the journal."));
                    actions.suppressionsChanged();
                },
                t -> actions.notices().post(FailureText.of("Could not accept the risk", t, actions::signIn)));
        return true;
    }

    /** Removes the selected result's suppression from the file (journaled with the reason), then applies the suppressions again. */
    public boolean liftSuppression(String reason) {
        AuditRun run = workspace.audit();
        Suppression s = selectedRow == null ? null : selectedRow.result().suppression();
        if (s == null || run == null) {
            actions.notices().post(Notice.of(Notice.Kind.WARNING, "Nothing to lift", "Select a suppressed result first."));
            return false;
        }
        Actor actor = run.subject().actor();
        String why = blank(reason) ? null : reason.trim();
        actions.tasks().run("Lifting the suppression of " + s.checkId(), false,
                ctx -> actions.services().suppressions().remove(actor, s, why),
                lifted -> {
                    actions.notices().post(Notice.of(Notice.Kind.SUCCESS, "Suppression lifted",
                            lifted.checkId() + " on " + FindingsText.resourceName(lifted.resource())
                                    + " counts as failing again. Removed from suppressions.json and recorded in the journal."));
                    actions.suppressionsChanged();
                },
                t -> actions.notices().post(FailureText.of("Could not lift the suppression", t, actions::signIn)));
        return true;
    }

    // ---- export

    /** "northwind-demo-findings-2026-11-28.html". */
    public String reportFileName(ReportFormat format) {
        AuditRun run = workspace.audit();
        String name = run == null || run.estate().name() == null ? "estate" : run.estate().name();
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        Instant at = run == null || run.estate().capturedAt() == null ? actions.clock().instant() : run.estate().capturedAt();
        String ext = switch (format) {
            case JSON -> "json";
            case CSV -> "csv";
            case HTML -> "html";
            case SARIF -> "sarif";
        };
        return (slug.isEmpty() ? "estate" : slug) + "-findings-" + LocalDate.ofInstant(at, zone()) + "." + ext;
    }

    /** Writes the audit's report (all results, whatever the filters) and journals the export; a notice says where. */
    public void export(ReportFormat format, Path file) {
        AuditRun run = workspace.audit();
        if (run == null || file == null) {
            return;
        }
        actions.tasks().run("Exporting the " + format + " report", false, ctx -> actions.services().audits().export(run, format, file),
                entry -> actions.notices().post(Notice.of(Notice.Kind.SUCCESS, "Report exported",
                        "The " + format + " report is in " + file.toAbsolutePath() + ". It names every vault, key and policy of the estate:"
                                + " share it with care.")),
                t -> actions.notices().post(FailureText.of("Could not export the report", t, actions::signIn)));
    }

    // ---- navigation badge

    /** The number of failing results of the audit on show ("23"); empty when none is open. */
    public ObservableValue<String> failingBadge() {
        return failingBadge;
    }

    // ---- the pipeline

    private void reindex() {
        AuditRun run = workspace.audit();
        if (run == null) {
            base = null;
            indexing = null;
            publishing = true;
            lines.clear();
            publishing = false;
            accountChoices.clear();
            regionChoices.clear();
            shown.set(0);
            total.set(0);
            countText.set("");
            setSelected(null);
            return;
        }
        indexing = run;
        ResultKey keep = selectedRow == null ? null : selectedRow.key();
        working.set(true);
        actions.tasks().run("Listing the findings", false, ctx -> FindingsIndex.build(run, keep), b -> {
            if (indexing != run) {
                return; // a newer audit is being listed
            }
            indexing = null;
            base = b;
            accountChoices.setAll(b.accounts());
            regionChoices.setAll(b.regions());
            total.set(b.rows().size());
            if (selectedRow != null && selectedRow.key().equals(keep)) {
                if (b.kept() != null) {
                    selectedRow = b.kept();
                    detail.set(detailOf(b.kept()));
                } else {
                    setSelected(null);
                }
            }
            recompute();
        }, t -> {
            indexing = null;
            working.set(false);
            actions.notices().post(FailureText.of("Could not list the findings", t, actions::signIn));
        });
    }

    private void recompute() {
        if (base == null) {
            return;
        }
        if (computing) {
            again = true;
            return;
        }
        computing = true;
        again = false;
        working.set(true);
        Base b = base;
        FindingsFilter f = filter.get();
        Grouping g = grouping.get();
        boolean byDefault = collapsedByDefault;
        Set<String> except = Set.copyOf(exceptions);
        Predicate<String> expanded = key -> byDefault == except.contains(key);
        Predicate<FindingsLine> find = finder();
        long picked = picks;
        actions.tasks().run("Filtering the findings", false, ctx -> FindingsIndex.view(b, f, g, expanded, find), v -> {
            computing = false;
            if (again || v.base() != base || picked != picks) {
                recompute();
                return;
            }
            working.set(indexing != null);
            publish(v);
        }, t -> {
            computing = false;
            working.set(false);
            actions.notices().post(FailureText.of("Could not filter the findings", t, actions::signIn));
        });
    }

    private void publish(View v) {
        publishing = true;
        try {
            lines.setAll(v.lines());
        } finally {
            publishing = false;
        }
        shown.set(v.matched());
        countText.set(FindingsText.number(v.matched()) + " of " + FindingsText.plural(v.base().rows().size(), "result", "results"));
        FindingsLine found = v.found() >= 0 ? v.lines().get(v.found()) : null;
        if (pendingFind != null && (found != null || v.base().run() == workspace.audit())) {
            pendingFind = null;
        }
        if (found != null) {
            setSelected(found);
        } else if (selectedRow == null) {
            setSelected(null);
        } else {
            // The selected result is not in the list (filtered out): its detail stays on show.
            selectedLine.set(null);
        }
        reveal.set(new Reveal(v.found(), ++serial));
    }

    private Predicate<FindingsLine> finder() {
        if (pendingFind != null) {
            return pendingFind;
        }
        if (selectedRow != null) {
            ResultKey k = selectedRow.key();
            return l -> l instanceof ResultRow r && r.result().checkId().equals(k.checkId()) && k.equals(r.key());
        }
        if (selectedGroup.get() != null) {
            GroupRow g = selectedGroup.get();
            return l -> l instanceof GroupRow x && x.grouping() == g.grouping() && x.key().equals(g.key());
        }
        return null;
    }

    private void setSelected(FindingsLine line) {
        if (line instanceof ResultRow r) {
            selectedRow = r;
            selectedGroup.set(null);
            detail.set(detailOf(r));
        } else if (line instanceof GroupRow g) {
            selectedRow = null;
            selectedGroup.set(g);
            detail.set(null);
        } else {
            selectedRow = null;
            selectedGroup.set(null);
            detail.set(null);
        }
        selectedLine.set(line);
    }

    private static String groupKey(ResultRow r, Grouping g) {
        return g == Grouping.CHECK ? r.checkId() : r.resourceArn() == null ? "" : r.resourceArn();
    }

    FindingDetail detailOf(ResultRow row) {
        Result r = row.result();
        Check check = check(r.checkId());
        String account = row.accountName() == null || row.accountName().equals(r.accountId()) ? r.accountId()
                : row.accountName() + " (" + r.accountId() + ")";
        Instant at = r.evidence().evaluatedAt();
        String asOf = at == null ? "an unknown time" : AS_OF.format(at.atZone(zone())) + " " + zoneName();
        FindingDetail.AcceptedRisk risk = null;
        Suppression s = r.suppression();
        if (s != null) {
            risk = new FindingDetail.AcceptedRisk(s.author(), s.justification(), DAY.format(s.expires().atZone(zone())),
                    r.status() != Status.SUPPRESSED, s.resource(), !s.resource().equals(r.resourceArn()));
        }
        return new FindingDetail(row.key(), r.status(), r.severity(), r.facet(), r.checkId(), check != null ? check.title() : r.title(),
                r.resourceArn(), row.resourceName(), account, r.region() == null ? "global" : r.region(), row.summary(),
                r.evidence().fields(), r.evidence().thresholds(), asOf, check != null ? check.weakness() : "",
                check != null ? check.reads() : "", r.remediation(), risk);
    }

    private String defaultAuthor() {
        Connection c = workspace.connection();
        if (c != null && c.identity() != null) {
            return c.identity().principal() != null ? c.identity().principal() : c.identity().arn();
        }
        return System.getProperty("user.name", "");
    }

    private ZoneId zone() {
        return actions.clock().getZone();
    }

    /** "UTC", or the zone's short name ("CET"). */
    private String zoneName() {
        ZoneId z = zone();
        if (z.normalized().equals(java.time.ZoneOffset.UTC)) {
            return "UTC";
        }
        return z.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT);
    }

    private LocalDate today() {
        return LocalDate.now(actions.clock());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
