package dev.redoubt.ui.drills;

import dev.redoubt.drills.CheckResult;
import dev.redoubt.drills.Checklists;
import dev.redoubt.drills.DrillMember;
import dev.redoubt.drills.DrillPlan;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.MemberState;
import dev.redoubt.drills.PreflightItem;
import dev.redoubt.drills.RecoveryPointChoice;
import dev.redoubt.drills.Runbook;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.drills.Validation;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.Mode;
import dev.redoubt.services.Connection;
import dev.redoubt.services.DrillService;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.services.RestoreInputs;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.restorejobs.RestoreJobWords;
import dev.redoubt.ui.workspace.FailureText;
import dev.redoubt.ui.workspace.Notice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The drill wizard's state and commands, page by page: choose (resources, then a recovery point per
 * member), preflight, confirm by typing the name, follow the restore jobs, validate, clean up, summary,
 * sign-off. Every change goes through {@link DrillService} on the background tasks; the drill shown is
 * always the one the service rebuilt from the journal. No nodes.
 */
public final class DrillWizardViewModel {
    /** Moves the sandbox's clock (a rehearsal's "skip ahead"); absent against AWS. */
    @FunctionalInterface
    public interface Rehearsal {
        void skipAhead(Duration by);
    }

    /** The recovery points one member could be restored from, the suggested first. */
    public record MemberChoices(int member, DrillMember resource, List<RecoveryPointChoice> points) {
    }

    /** What the operator sets before a member's preflight: the restore role and the restore metadata, key by key. */
    public static final class MemberInputs {
        private final int member;
        private final StringProperty role = new SimpleStringProperty("");
        private final ObservableList<MetadataEntry> metadata = FXCollections.observableArrayList();

        MemberInputs(int member) {
            this.member = member;
        }

        public int member() {
            return member;
        }

        public StringProperty roleProperty() {
            return role;
        }

        public ObservableList<MetadataEntry> metadata() {
            return metadata;
        }

        public void add(String key, String value) {
            metadata.add(new MetadataEntry(key, value));
        }

        RestoreInputs inputs() {
            Map<String, String> m = new LinkedHashMap<>();
            for (MetadataEntry e : metadata) {
                String k = e.keyProperty().get() == null ? "" : e.keyProperty().get().trim();
                if (!k.isEmpty()) {
                    m.put(k, e.valueProperty().get() == null ? "" : e.valueProperty().get());
                }
            }
            String r = role.get() == null || role.get().isBlank() ? null : role.get().trim();
            return new RestoreInputs(r, m.isEmpty() ? null : m);
        }
    }

    /** One key of the restore metadata, editable. */
    public static final class MetadataEntry {
        private final StringProperty key;
        private final StringProperty value;

        public MetadataEntry(String key, String value) {
            this.key = new SimpleStringProperty(key);
            this.value = new SimpleStringProperty(value);
        }

        public StringProperty keyProperty() {
            return key;
        }

        public StringProperty valueProperty() {
            return value;
        }
    }

    /** One check of a member's validation and what the operator found. */
    public static final class CheckLine {
        private final String id;
        private final String text;
        private final ObjectProperty<CheckResult.Outcome> outcome = new SimpleObjectProperty<>(CheckResult.Outcome.NOT_DONE);

        CheckLine(String id, String text) {
            this.id = id;
            this.text = text;
        }

        public String id() {
            return id;
        }

        public String text() {
            return text;
        }

        public ObjectProperty<CheckResult.Outcome> outcomeProperty() {
            return outcome;
        }
    }

    /** A member's validation form. */
    public static final class MemberCheck {
        private final int member;
        private final List<CheckLine> lines;
        private final StringProperty notes = new SimpleStringProperty("");

        MemberCheck(int member, List<CheckLine> lines) {
            this.member = member;
            this.lines = List.copyOf(lines);
        }

        public int member() {
            return member;
        }

        public List<CheckLine> lines() {
            return lines;
        }

        public StringProperty notesProperty() {
            return notes;
        }

        Validation validation() {
            List<CheckResult> checks = new ArrayList<>();
            for (CheckLine l : lines) {
                checks.add(new CheckResult(l.id(), l.text(), l.outcomeProperty().get()));
            }
            return new Validation(checks, notes.get() == null ? "" : notes.get());
        }
    }

    /** A page of the wizard down its left side: its elapsed time, and whether it is done, on show or ahead. */
    public record StepTime(WizardStep step, String elapsed, boolean done, boolean current, boolean reachable) {
    }

    private static final Duration POLL_EVERY = Duration.ofSeconds(2);
    private static final Duration SKIP = Duration.ofMinutes(1);

    private final BrowseContext ctx;
    private final Rehearsal rehearsal;
    private final Consumer<String> opened;

    private final ReadOnlyObjectWrapper<DrillState> drill = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WizardStep> step = new ReadOnlyObjectWrapper<>(WizardStep.CHOOSE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StepTime> stepTimes = FXCollections.observableArrayList();
    private WizardStep furthest = WizardStep.CHOOSE;
    private Instant openedAt;

    // choose: what to restore
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<ResourceChoice> resources = FXCollections.observableArrayList();
    private final ObservableList<ResourceChoice> group = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Runbook> runbook = new ReadOnlyObjectWrapper<>();
    private List<ResourceChoice> allResources = List.of();
    private boolean titleEdited;
    private boolean settingTitle;
    private String pointAsked;
    private final ReadOnlyStringWrapper through = new ReadOnlyStringWrapper();

    // choose: from which recovery point
    private final ObservableList<MemberChoices> choices = FXCollections.observableArrayList();
    private final javafx.collections.ObservableMap<Integer, String> chosen = FXCollections.observableHashMap();

    // preflight
    private final ObservableList<MemberInputs> inputs = FXCollections.observableArrayList();

    // confirm
    private final ReadOnlyStringWrapper expected = new ReadOnlyStringWrapper("");
    private final StringProperty typed = new SimpleStringProperty("");

    // monitor
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper();
    private boolean polling;
    private Instant lastPoll;
    /** When this window moved the sandbox's clock on (its own clock's time), for the elapsed times of a rehearsal. */
    private final List<Instant> skips = new ArrayList<>();

    // validate, clean up, summary
    private final ObservableList<MemberCheck> checks = FXCollections.observableArrayList();
    private final BooleanProperty cleanUpConfirmed = new SimpleBooleanProperty();
    private final StringProperty cleanUpNotes = new SimpleStringProperty("");
    private final StringProperty summaryNotes = new SimpleStringProperty("");

    /** @param opened told the drill's ID once it is begun or taken up, so the screen's place follows it */
    public DrillWizardViewModel(BrowseContext ctx, Rehearsal rehearsal, Consumer<String> opened) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.rehearsal = rehearsal;
        this.opened = opened == null ? id -> { } : opened;
        filter.addListener((o, was, is) -> applyFilter());
        title.addListener((o, was, is) -> {
            if (!settingTitle) {
                titleEdited = true;
            }
        });
        group.addListener((javafx.collections.ListChangeListener<ResourceChoice>) c -> {
            if (!titleEdited) {
                settingTitle = true;
                title.set(defaultTitle());
                settingTitle = false;
            }
        });
        drill.addListener((o, was, is) -> refreshTimes());
        step.addListener((o, was, is) -> refreshTimes());
        now.addListener((o, was, is) -> refreshTimes());
    }

    // ------------------------------------------------------------------ starting

    /** A new drill: the resource and recovery point asked for (either may be null), nothing journaled yet. */
    public void startNew(String resourceArn, String pointArn) {
        startNew(resourceArn, pointArn, null);
    }

    /**
     * A new drill on a resource and one of its recovery points restored through {@code throughVaultArn}, a
     * restore-access vault that multi-party approval opened onto the point's air-gapped vault (null: the point's own vault).
     */
    public void startNew(String resourceArn, String pointArn, String throughVaultArn) {
        stopFollowing();
        through.set(pointArn == null ? null : throughVaultArn);
        furthest = WizardStep.CHOOSE;
        step.set(WizardStep.CHOOSE);
        drill.set(null);
        choices.clear();
        chosen.clear();
        inputs.clear();
        checks.clear();
        group.clear();
        runbook.set(null);
        typed.set("");
        expected.set("");
        cleanUpConfirmed.set(false);
        cleanUpNotes.set("");
        summaryNotes.set("");
        error.set(null);
        info.set(null);
        titleEdited = false;
        filter.set("");
        furthest = WizardStep.CHOOSE;
        step.set(WizardStep.CHOOSE);
        openedAt = ctx.clock().instant();
        skips.clear();
        now.set(openedAt);
        loadResources();
        pointAsked = pointArn;
        if (resourceArn != null) {
            allResources.stream().filter(r -> r.arn().equals(resourceArn)).findFirst().ifPresent(group::add);
        }
        refreshTimes();
    }

    /** Takes up a drill the service rebuilt (after a resume, or one this window runs): the page its state calls for. */
    public void take(DrillState state) {
        stopFollowing();
        error.set(null);
        info.set(null);
        typed.set("");
        openedAt = state.started();
        skips.clear();
        now.set(ctx.clock().instant());
        setDrill(state);
        loadResources();
        group.setAll(state.members().stream().map(m -> resourceOf(m.member())).toList());
        WizardStep at = stepFor(state);
        furthest = at;
        step.set(at);
        fillInputs(state);
        if (at == WizardStep.CHOOSE || at == WizardStep.PREFLIGHT) {
            loadChoices(state, null);
        }
        if (at == WizardStep.VALIDATE) {
            fillChecks(state);
        }
        if (at == WizardStep.CONFIRM) {
            expected.set(confirmation(state));
        }
        if (at == WizardStep.MONITOR) {
            follow();
        }
    }

    /** The page a drill's state calls for. */
    static WizardStep stepFor(DrillState s) {
        if (s.status() == null) {
            return WizardStep.CHOOSE;
        }
        return switch (s.status()) {
            case PREPARING -> s.members().stream().anyMatch(m -> m.recoveryPointArn() == null) ? WizardStep.CHOOSE
                    : s.members().stream().allMatch(m -> !m.preflight().isEmpty() && m.preflight().stream().noneMatch(p -> p.verdict() == Status.FAIL))
                    && s.steps().stream().anyMatch(r -> r.step() == dev.redoubt.drills.DrillStep.PREFLIGHT) ? WizardStep.CONFIRM
                    : WizardStep.PREFLIGHT;
            case RESTORING -> WizardStep.MONITOR;
            case VALIDATING -> s.members().stream().anyMatch(m -> "COMPLETED".equals(m.jobStatus()) && m.validation() == null) ? WizardStep.VALIDATE
                    : s.steps().stream().noneMatch(r -> r.step() == dev.redoubt.drills.DrillStep.CLEANUP) ? WizardStep.CLEAN_UP : WizardStep.SUMMARY;
            case AWAITING_SIGN_OFF, SIGNED_OFF, ABANDONED -> WizardStep.SIGN_OFF;
        };
    }

    // ------------------------------------------------------------------ page 1: choose

    private void loadResources() {
        EstateCatalog c = ctx.catalog();
        List<ResourceChoice> out = new ArrayList<>();
        if (c != null) {
            for (EstateIndex.ResourceRef r : c.index().protectedResources()) {
                out.add(choiceOf(c, r));
            }
        }
        out.sort(Comparator.comparing((ResourceChoice r) -> r.name().toLowerCase(Locale.ROOT)).thenComparing(ResourceChoice::arn));
        allResources = List.copyOf(out);
        applyFilter();
    }

    private static ResourceChoice choiceOf(EstateCatalog c, EstateIndex.ResourceRef r) {
        String arn = r.resource().resourceArn();
        String name = r.resource().resourceName() != null && !r.resource().resourceName().isBlank() ? r.resource().resourceName() : lastPart(arn);
        String type = r.resource().resourceType();
        String typeText = RestoreJobWords.resourceType(type);
        String accountName = c.accountName(r.ownerAccountId());
        int points = c.index().pointsOf(arn).size();
        String search = String.join("\n", arn, name, type == null ? "" : type, typeText, r.ownerAccountId(), accountName == null ? "" : accountName,
                r.ownerRegion()).toLowerCase(Locale.ROOT);
        return new ResourceChoice(arn, name, type, typeText, r.ownerAccountId(), accountName, r.ownerRegion(), points,
                r.resource().lastBackupTime(), search);
    }

    private ResourceChoice resourceOf(DrillMember m) {
        return allResources.stream().filter(r -> r.arn().equals(m.resourceArn())).findFirst()
                .orElse(new ResourceChoice(m.resourceArn(), m.resourceName(), m.resourceType(), RestoreJobWords.resourceType(m.resourceType()),
                        m.accountId(), null, m.region(), 0, null, ""));
    }

    private void applyFilter() {
        String[] words = filter.get() == null || filter.get().isBlank() ? new String[0] : filter.get().trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<ResourceChoice> out = new ArrayList<>();
        for (ResourceChoice r : allResources) {
            boolean all = true;
            for (String w : words) {
                all &= r.search().contains(w);
            }
            if (all) {
                out.add(r);
            }
        }
        resources.setAll(out);
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The protected resources matching the filter. */
    public ObservableList<ResourceChoice> resources() {
        return resources;
    }

    /** What the drill restores, in order (a recovery group when more than one). */
    public ObservableList<ResourceChoice> group() {
        return group;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ReadOnlyObjectProperty<Runbook> runbookProperty() {
        return runbook.getReadOnlyProperty();
    }

    public void add(ResourceChoice r) {
        if (r != null && drill.get() == null && group.stream().noneMatch(g -> g.arn().equals(r.arn()))) {
            group.add(r);
        }
    }

    /** Adds the resources whose filter text is exactly {@code names} (by name), in order: for tests and the command palette's words. */
    public void addByName(String... names) {
        for (String n : names) {
            allResources.stream().filter(r -> r.name().equals(n)).findFirst().ifPresent(this::add);
        }
    }

    public void remove(ResourceChoice r) {
        if (drill.get() == null) {
            group.remove(r);
        }
    }

    /** Moves a member one place earlier in the restore order. */
    public void moveUp(ResourceChoice r) {
        int i = group.indexOf(r);
        if (drill.get() == null && i > 0) {
            group.remove(i);
            group.add(i - 1, r);
        }
    }

    private String defaultTitle() {
        if (group.isEmpty()) {
            return "";
        }
        if (group.size() == 1) {
            return "Restore drill: " + group.get(0).name();
        }
        return "Restore drill: " + String.join(" + ", group.stream().map(ResourceChoice::name).toList());
    }

    /** Reads a runbook file: its recovery group becomes the drill's members, in its order. */
    public void openRunbook(Path file) {
        EstateCatalog c = ctx.catalog();
        run("Reading " + file.getFileName(), () -> {
            Runbook r = service().readRunbook(file);
            service().plan(c, r);
            return r;
        }, r -> {
            runbook.set(r);
            group.clear();
            for (Runbook.Member m : r.members()) {
                allResources.stream().filter(x -> x.arn().equals(m.resourceArn())).findFirst().ifPresent(group::add);
            }
            titleEdited = true;
            title.set(r.name());
            info.set("Runbook " + r.name() + " opened: " + group.size() + (group.size() == 1 ? " resource." : " resources, restored in this order."));
        }, "Could not open the runbook");
    }

    /** Writes the recovery group (with the roles and metadata set so far) as a runbook file the team reuses. */
    public void saveRunbook(Path file) {
        if (group.isEmpty()) {
            error.set("Add at least one resource before saving a runbook.");
            return;
        }
        List<Runbook.Member> members = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            ResourceChoice r = group.get(i);
            Runbook.Member before = runbook.get() == null ? null
                    : runbook.get().members().stream().filter(m -> m.resourceArn().equals(r.arn())).findFirst().orElse(null);
            MemberInputs in = i < inputs.size() ? inputs.get(i) : null;
            RestoreInputs set = in == null ? null : in.inputs();
            String role = set != null && set.iamRoleArn() != null ? set.iamRoleArn() : before == null ? null : before.iamRoleArn();
            Map<String, String> meta = set != null && set.metadata() != null ? set.metadata() : before == null ? null : before.metadata();
            members.add(new Runbook.Member(r.arn(), role, meta, before == null ? null : before.checks()));
        }
        String name = title.get() == null || title.get().isBlank() ? defaultTitle() : title.get().trim();
        Runbook r = new Runbook(name, runbook.get() == null ? "" : runbook.get().description(), members);
        run("Saving the runbook", () -> {
            service().writeRunbook(r, file);
            return file;
        }, f -> {
            runbook.set(r);
            info.set("Runbook saved to " + f + ".");
        }, "Could not save the runbook");
    }

    /** Opens the drill (journal: begin) and lists each member's recovery points. */
    public void begin() {
        Connection c = operator();
        EstateCatalog cat = ctx.catalog();
        if (c == null || cat == null) {
            error.set(c == null ? DrillWords.OPERATOR_NEEDED + "." : "Open the estate to restore from first.");
            return;
        }
        if (group.isEmpty()) {
            error.set("Choose at least one resource to restore.");
            return;
        }
        List<String> arns = group.stream().map(ResourceChoice::arn).toList();
        String name = title.get() == null || title.get().isBlank() ? defaultTitle() : title.get().trim();
        Runbook rb = runbook.get();
        boolean fromRunbook = rb != null && rb.members().stream().map(Runbook.Member::resourceArn).toList().equals(arns);
        run("Opening the drill", () -> {
            DrillPlan plan = fromRunbook ? service().plan(cat, new Runbook(name, rb.description(), rb.members())) : service().plan(cat, name, arns);
            DrillState s = service().begin(c, plan);
            return new Begun(s, choicesOf(cat, s));
        }, b -> {
            setDrill(b.state());
            showChoices(b.choices(), b.state());
            opened.accept(b.state().id());
        }, "Could not open the drill");
    }

    private record Begun(DrillState state, List<MemberChoices> choices) {
    }

    private List<MemberChoices> choicesOf(EstateCatalog cat, DrillState s) {
        List<MemberChoices> out = new ArrayList<>();
        for (int i = 0; i < s.members().size(); i++) {
            DrillMember m = s.members().get(i).member();
            out.add(new MemberChoices(i, m, service().choices(cat, m.resourceArn())));
        }
        return out;
    }

    private void loadChoices(DrillState s, Runnable then) {
        EstateCatalog cat = ctx.catalog();
        if (cat == null) {
            return;
        }
        run("Listing recovery points", () -> choicesOf(cat, s), list -> {
            showChoices(list, drill.get());
            if (then != null) {
                then.run();
            }
        }, "Could not list the recovery points");
    }

    private void showChoices(List<MemberChoices> list, DrillState s) {
        choices.setAll(list);
        for (MemberChoices mc : list) {
            MemberState ms = s == null || mc.member() >= s.members().size() ? null : s.members().get(mc.member());
            String pick = ms != null && ms.recoveryPointArn() != null ? ms.recoveryPointArn() : null;
            if (pick == null && pointAsked != null && mc.points().stream().anyMatch(p -> p.recoveryPointArn().equals(pointAsked))) {
                pick = pointAsked;
            }
            if (pick == null && !mc.points().isEmpty()) {
                pick = mc.points().stream().filter(RecoveryPointChoice::suggested).findFirst().orElse(mc.points().get(0)).recoveryPointArn();
            }
            if (pick != null) {
                chosen.put(mc.member(), pick);
            }
        }
    }

    /** Per member, the recovery points to choose from (empty before the drill is begun). */
    public ObservableList<MemberChoices> choices() {
        return choices;
    }

    /** The recovery point the wizard was opened on (null: none asked). */
    public String pointAsked() {
        return pointAsked;
    }

    /** The restore-access vault the asked point is restored through (null: its own vault). */
    public ReadOnlyStringProperty throughProperty() {
        return through.getReadOnlyProperty();
    }

    /** The recovery point chosen per member (the suggested one until the operator picks another). */
    public javafx.collections.ObservableMap<Integer, String> chosen() {
        return chosen;
    }

    public void choose(int member, String recoveryPointArn) {
        if (recoveryPointArn != null) {
            chosen.put(member, recoveryPointArn);
        }
    }

    /** Records each member's recovery point (journal: choose) and runs its preflight; then shows the preflight. */
    public void toPreflight() {
        DrillState s = drill.get();
        Connection c = operator();
        EstateCatalog cat = ctx.catalog();
        if (s == null || c == null || cat == null) {
            error.set(c == null ? DrillWords.OPERATOR_NEEDED + "." : "Begin the drill first.");
            return;
        }
        for (int i = 0; i < s.members().size(); i++) {
            if (chosen.get(i) == null) {
                error.set(s.members().get(i).member().resourceName() + " has no recovery point to restore from: remove it from the drill, or abandon it.");
                return;
            }
        }
        Map<Integer, String> picks = Map.copyOf(chosen);
        run("Running the preflight", () -> {
            DrillState at = s;
            for (int i = 0; i < at.members().size(); i++) {
                if (!picks.get(i).equals(at.members().get(i).recoveryPointArn())) {
                    String via = picks.get(i).equals(pointAsked) ? through.get() : null;
                    at = via == null ? service().choose(c, s.id(), i, picks.get(i), cat) : service().choose(c, s.id(), i, picks.get(i), via, cat);
                }
            }
            for (int i = 0; i < at.members().size(); i++) {
                at = service().preflight(c, s.id(), i, null, cat);
            }
            return at;
        }, at -> {
            setDrill(at);
            fillInputs(at);
            go(WizardStep.PREFLIGHT);
        }, "The preflight could not run");
    }

    // ------------------------------------------------------------------ page 2: preflight

    private void fillInputs(DrillState s) {
        List<MemberInputs> list = new ArrayList<>();
        for (int i = 0; i < s.members().size(); i++) {
            MemberState m = s.members().get(i);
            MemberInputs in = new MemberInputs(i);
            in.roleProperty().set(m.iamRoleArn() == null ? "" : m.iamRoleArn());
            if (m.metadata() != null) {
                new java.util.TreeMap<>(m.metadata()).forEach(in::add);
            }
            list.add(in);
        }
        inputs.setAll(list);
    }

    /** Per member, the restore role and metadata the next preflight and the restore use. */
    public ObservableList<MemberInputs> inputs() {
        return inputs;
    }

    /** Runs every member's preflight again with the role and metadata as edited. */
    public void runPreflightAgain() {
        DrillState s = drill.get();
        Connection c = operator();
        EstateCatalog cat = ctx.catalog();
        if (s == null || c == null || cat == null) {
            error.set(DrillWords.OPERATOR_NEEDED + ".");
            return;
        }
        List<RestoreInputs> set = inputs.stream().map(MemberInputs::inputs).toList();
        run("Running the preflight again", () -> {
            DrillState at = s;
            for (int i = 0; i < at.members().size(); i++) {
                at = service().preflight(c, s.id(), i, i < set.size() ? set.get(i) : null, cat);
            }
            return at;
        }, at -> {
            setDrill(at);
            fillInputs(at);
        }, "The preflight could not run");
    }

    /** True when every member's preflight ran and nothing failed (an item not known lets the operator go on). */
    public static boolean preflightPasses(DrillState s) {
        return s != null && !s.members().isEmpty() && s.members().stream()
                .allMatch(m -> !m.preflight().isEmpty() && m.preflight().stream().noneMatch(p -> p.verdict() == Status.FAIL));
    }

    /** What blocks the confirmation, in words; null when nothing does. */
    public String preflightBlocker() {
        DrillState s = drill.get();
        if (s == null) {
            return "Begin the drill first.";
        }
        for (MemberState m : s.members()) {
            if (m.preflight().isEmpty()) {
                return "The preflight of " + m.member().resourceName() + " has not run.";
            }
            for (PreflightItem p : m.preflight()) {
                if (p.verdict() == Status.FAIL) {
                    return m.member().resourceName() + ": " + p.title() + " fails. " + (p.fix() == null ? "" : p.fix());
                }
            }
        }
        return null;
    }

    public void toConfirm() {
        String blocker = preflightBlocker();
        if (blocker != null) {
            error.set(blocker);
            return;
        }
        expected.set(confirmation(drill.get()));
        typed.set("");
        go(WizardStep.CONFIRM);
    }

    private String confirmation(DrillState s) {
        try {
            return service().confirmationText(s);
        } catch (RuntimeException e) {
            return s.members().size() == 1 ? s.members().get(0).member().resourceName() : s.title();
        }
    }

    // ------------------------------------------------------------------ page 3: confirm

    /** What the operator must type: the resource's name, or the drill's title for a group. */
    public ReadOnlyStringProperty expectedProperty() {
        return expected.getReadOnlyProperty();
    }

    public StringProperty typedProperty() {
        return typed;
    }

    /** True when the typed text is the name asked for. */
    public BooleanBinding canStartProperty() {
        return Bindings.createBooleanBinding(() -> !busy.get() && !expected.get().isEmpty() && expected.get().equals(typed.get() == null ? "" : typed.get().trim()),
                typed, expected, busy);
    }

    /** Confirms with the typed name (journal: confirm) and starts the first restore (journal: start-restore); then follows it. */
    public void start() {
        DrillState s = drill.get();
        Connection c = operator();
        if (s == null || c == null) {
            error.set(DrillWords.OPERATOR_NEEDED + ".");
            return;
        }
        String text = typed.get() == null ? "" : typed.get().trim();
        run("Starting the restore", () -> service().confirmAndStart(c, s.id(), text), at -> {
            setDrill(at);
            go(WizardStep.MONITOR);
            follow();
        }, "The restore did not start");
    }

    // ------------------------------------------------------------------ page 4: monitor

    /** True while the screen reads the jobs every 2 seconds. */
    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    public void follow() {
        DrillState s = drill.get();
        following.set(s != null && s.status() == DrillStatus.RESTORING);
        lastPoll = null;
    }

    /** Stops reading the jobs (AWS cannot stop them; they run on). */
    public void stopFollowing() {
        following.set(false);
    }

    /**
     * The screen's heartbeat (every second or two while it is shown): the clock for the elapsed times,
     * and, while following, a poll of the jobs every 2 seconds, one at a time, in the background.
     */
    public void tick() {
        Instant t = ctx.clock().instant();
        now.set(t);
        if (!following.get() || polling || step.get() != WizardStep.MONITOR) {
            return;
        }
        if (lastPoll != null && Duration.between(lastPoll, t).compareTo(POLL_EVERY) < 0) {
            return;
        }
        poll();
    }

    /** Reads the jobs once now (DescribeRestoreJob through the service); a member's end is journaled by the service. */
    public void poll() {
        DrillState s = drill.get();
        Connection c = operator();
        if (s == null || c == null || polling) {
            return;
        }
        polling = true;
        lastPoll = ctx.clock().instant();
        ctx.actions().tasks().run("Following the restore jobs", false, work -> service().poll(c, s.id()), at -> {
            polling = false;
            setDrill(at);
            if (at.status() != DrillStatus.RESTORING) {
                following.set(false);
            }
        }, t -> {
            polling = false;
            following.set(false);
            error.set(text("Could not read the restore jobs", t) + " Press Follow again to retry.");
        });
    }

    /** True when the drill is a rehearsal in the sandbox, whose clock the screen may move. */
    public boolean canSkipAhead() {
        return rehearsal != null && rehearsalProperty().get();
    }

    /** A rehearsal only: moves the sandbox's clock a minute on, then reads the jobs. */
    public void skipAhead() {
        if (!canSkipAhead()) {
            return;
        }
        run("Skipping ahead a minute", () -> {
            rehearsal.skipAhead(SKIP);
            return Boolean.TRUE;
        }, ok -> {
            skips.add(ctx.clock().instant());
            lastPoll = null;
            poll();
        }, "Could not move the sandbox's clock");
    }

    /** How far this window moved the sandbox's clock on since {@code from} (a rehearsal's jobs run on that clock). */
    public Duration skippedSince(Instant from) {
        return SKIP.multipliedBy(skips.stream().filter(t -> from == null || !t.isBefore(from)).count());
    }

    /** True when every job ended: the restored data can be checked. */
    public boolean jobsEnded() {
        DrillState s = drill.get();
        return s != null && s.status() != DrillStatus.PREPARING && s.status() != DrillStatus.RESTORING;
    }

    public void toValidate() {
        if (!jobsEnded()) {
            error.set("Wait for the restore jobs to end first.");
            return;
        }
        fillChecks(drill.get());
        go(WizardStep.VALIDATE);
    }

    // ------------------------------------------------------------------ page 5: validate

    private void fillChecks(DrillState s) {
        List<MemberCheck> list = new ArrayList<>();
        Runbook rb = runbook.get();
        for (int i = 0; i < s.members().size(); i++) {
            MemberState m = s.members().get(i);
            if (!"COMPLETED".equals(m.jobStatus())) {
                continue;
            }
            String arn = m.member().resourceArn();
            List<String> extra = rb == null ? List.of()
                    : rb.members().stream().filter(x -> x.resourceArn().equals(arn)).findFirst().map(Runbook.Member::checks).orElse(List.of());
            List<CheckLine> lines = new ArrayList<>();
            for (Checklists.Item item : Checklists.forType(m.member().resourceType(), extra)) {
                CheckLine l = new CheckLine(item.id(), item.text());
                if (m.validation() != null) {
                    m.validation().checks().stream().filter(c -> c.id().equals(item.id())).findFirst()
                            .ifPresent(c -> l.outcomeProperty().set(c.outcome()));
                }
                lines.add(l);
            }
            MemberCheck mc = new MemberCheck(i, lines);
            if (m.validation() != null) {
                mc.notesProperty().set(m.validation().notes());
            }
            list.add(mc);
        }
        checks.setAll(list);
    }

    /** A validation form per member whose restore completed. */
    public ObservableList<MemberCheck> checks() {
        return checks;
    }

    /** Records a member's checks and notes (journal: validate); the service sends the outcome to AWS where the job takes it. */
    public void recordValidation(int member) {
        DrillState s = drill.get();
        Connection c = operator();
        MemberCheck form = checks.stream().filter(m -> m.member() == member).findFirst().orElse(null);
        if (s == null || c == null || form == null) {
            error.set(c == null ? DrillWords.OPERATOR_NEEDED + "." : "Nothing to validate for this resource.");
            return;
        }
        Validation v = form.validation();
        run("Recording the validation", () -> service().validate(c, s.id(), member, v), this::setDrill, "Could not record the validation");
    }

    /** True when every completed restore was validated. */
    public boolean validated() {
        DrillState s = drill.get();
        return s != null && s.members().stream().noneMatch(m -> "COMPLETED".equals(m.jobStatus()) && m.validation() == null);
    }

    public void toCleanUp() {
        if (!validated()) {
            error.set("Record the validation of every restored resource first.");
            return;
        }
        go(WizardStep.CLEAN_UP);
    }

    // ------------------------------------------------------------------ page 6: clean up

    /** What the drill created, to delete: each member's restored resource. */
    public List<String> createdResources() {
        DrillState s = drill.get();
        if (s == null) {
            return List.of();
        }
        return s.members().stream().map(MemberState::createdResourceArn).filter(Objects::nonNull).toList();
    }

    public BooleanProperty cleanUpConfirmedProperty() {
        return cleanUpConfirmed;
    }

    public StringProperty cleanUpNotesProperty() {
        return cleanUpNotes;
    }

    /** Records what was deleted and the operator's confirmation (journal: cleanup, one per member). */
    public void recordCleanUp() {
        DrillState s = drill.get();
        Connection c = operator();
        if (s == null || c == null) {
            error.set(DrillWords.OPERATOR_NEEDED + ".");
            return;
        }
        if (!cleanUpConfirmed.get() && !createdResources().isEmpty()) {
            error.set("Tick the confirmation once the restored resources are deleted.");
            return;
        }
        boolean confirmed = cleanUpConfirmed.get();
        String notes = cleanUpNotes.get() == null ? "" : cleanUpNotes.get();
        run("Recording the clean-up", () -> {
            DrillState at = s;
            for (int i = 0; i < at.members().size(); i++) {
                String created = at.members().get(i).createdResourceArn();
                at = service().cleanUp(c, s.id(), i, created == null ? List.of() : List.of(created), confirmed, notes);
            }
            return at;
        }, at -> {
            setDrill(at);
            go(WizardStep.SUMMARY);
        }, "Could not record the clean-up");
    }

    // ------------------------------------------------------------------ page 7: summary

    public StringProperty summaryNotesProperty() {
        return summaryNotes;
    }

    /** The restore-time target of the estate's audit (the console's threshold), or null without an estate. */
    public Duration rtoTarget() {
        EstateCatalog c = ctx.catalog();
        return c == null ? null : Duration.ofMinutes(c.index().thresholds().maxRestoreMinutes());
    }

    /** Closes the drill with the notes (journal: summary); it then waits for a second person's sign-off. */
    public void summarize() {
        DrillState s = drill.get();
        Connection c = operator();
        if (s == null || c == null) {
            error.set(DrillWords.OPERATOR_NEEDED + ".");
            return;
        }
        String notes = summaryNotes.get() == null ? "" : summaryNotes.get();
        run("Writing the summary", () -> service().summarize(c, s.id(), notes), at -> {
            setDrill(at);
            go(WizardStep.SIGN_OFF);
        }, "Could not write the summary");
    }

    // ------------------------------------------------------------------ the wizard's frame

    public ReadOnlyObjectProperty<DrillState> drillProperty() {
        return drill.getReadOnlyProperty();
    }

    public DrillState drill() {
        return drill.get();
    }

    /** The ID of the drill on show, null before it is begun. */
    public String drillId() {
        return drill.get() == null ? null : drill.get().id();
    }

    public ReadOnlyObjectProperty<WizardStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public WizardStep step() {
        return step.get();
    }

    /** Goes back to a page already reached, while nothing was started in AWS (choose, preflight, confirm). */
    public void show(WizardStep to) {
        DrillState s = drill.get();
        boolean preparing = s == null || s.status() == DrillStatus.PREPARING;
        if (to.ordinal() <= furthest.ordinal() && (to.ordinal() >= WizardStep.MONITOR.ordinal() || preparing)) {
            error.set(null);
            step.set(to);
        }
    }

    private void go(WizardStep to) {
        error.set(null);
        if (to.ordinal() > furthest.ordinal()) {
            furthest = to;
        }
        step.set(to);
    }

    /** Each page's elapsed time down the left side. */
    public ObservableList<StepTime> stepTimes() {
        return stepTimes;
    }

    private void refreshTimes() {
        DrillState s = drill.get();
        Instant t = now.get() == null ? ctx.clock().instant() : now.get();
        StepRecord last = s == null || s.steps().isEmpty() ? null : s.steps().get(s.steps().size() - 1);
        List<StepTime> out = new ArrayList<>();
        for (WizardStep w : WizardStep.values()) {
            Duration d = Duration.ZERO;
            boolean any = false;
            if (s != null) {
                for (StepRecord r : s.steps()) {
                    if (w.counts(r.step()) && r.duration() != null) {
                        d = d.plus(r.duration());
                        any = true;
                    }
                }
            }
            boolean current = w == step.get();
            if (current && !(s != null && s.status() != null && s.status().finished())) {
                Instant since = last != null ? last.time() : openedAt;
                if (since != null && t.isAfter(since)) {
                    d = d.plus(Duration.between(since, t));
                    any = true;
                }
            }
            boolean done = w.ordinal() < furthest.ordinal() || (s != null && s.status() == DrillStatus.SIGNED_OFF);
            out.add(new StepTime(w, any ? DrillWords.duration(d) : "", done, current, w.ordinal() <= furthest.ordinal()));
        }
        stepTimes.setAll(out);
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What went wrong, in words, on the page (null: nothing). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A line of good news on the page (a runbook saved). */
    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** True for a drill against the sandbox (or, before it begins, a connection to it). */
    public javafx.beans.binding.BooleanBinding rehearsalProperty() {
        return Bindings.createBooleanBinding(() -> {
            DrillState s = drill.get();
            if (s != null) {
                return s.rehearsal();
            }
            Connection c = ctx.workspace().connection();
            return c != null && "sandbox".equals(c.target().value());
        }, drill, ctx.workspace().connectionProperty());
    }

    /** Replaces the drill on show with a newer state of it (a sign-off done from the screen). */
    void updated(DrillState s) {
        if (s != null && drill.get() != null && s.id().equals(drill.get().id())) {
            setDrill(s);
        }
    }

    private void setDrill(DrillState s) {
        drill.set(s);
    }

    private DrillService service() {
        return ctx.actions().services().drills();
    }

    /** The signed-in operator, or null when nobody is signed in as an operator. */
    Connection operator() {
        Connection c = ctx.workspace().connection();
        return c != null && c.mode() == Mode.OPERATOR ? c : null;
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> void run(String title, Step<T> work, Consumer<T> done, String failure) {
        busy.set(true);
        error.set(null);
        ctx.actions().tasks().run(title, false, t -> work.run(), r -> {
            busy.set(false);
            done.accept(r);
        }, t -> {
            busy.set(false);
            error.set(text(failure, t));
        });
    }

    static String text(String what, Throwable t) {
        Notice n = FailureText.of(what, t, p -> { });
        return n.title() + ": " + n.text();
    }

    private static String lastPart(String arn) {
        int cut = Math.max(arn.lastIndexOf(':'), arn.lastIndexOf('/'));
        return cut >= 0 && cut < arn.length() - 1 ? arn.substring(cut + 1) : arn;
    }
}
