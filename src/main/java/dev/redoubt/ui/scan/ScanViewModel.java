package dev.redoubt.ui.scan;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.Region;
import dev.redoubt.journal.Mode;
import dev.redoubt.services.Connection;
import dev.redoubt.services.Identity;
import dev.redoubt.services.ScanOutcome;
import dev.redoubt.services.ScanPlan;
import dev.redoubt.services.ScanReach;
import dev.redoubt.services.ScanStatus;
import dev.redoubt.services.ServiceFailure;
import dev.redoubt.services.UnreadScope;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Navigator;
import dev.redoubt.ui.workspace.ConsoleActions;
import dev.redoubt.ui.workspace.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
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
 * The scan screen's state and commands: choose the accounts (a tree by organizational unit), regions
 * and role to scan with and start; follow the scan (overall progress, pace, one row per account and
 * region) and cancel it; then tell how it went (summary, scopes that could not be read) and go on to the
 * overview or refresh. Subscribes to the workspace only while shown ({@link #activate}/{@link #deactivate});
 * the navigation badge is the one thing it keeps up to date all the time.
 */
public final class ScanViewModel {
    /** What the screen shows. */
    public enum Stage { NO_CONNECTION, CHOOSE, SCANNING, DONE }

    /** How the progress table is sorted. */
    public enum ScopeOrder {
        RUNNING_FIRST("Running first"), BY_ACCOUNT("By account");

        private final String label;

        ScopeOrder(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final String NOT_SIGNED_IN = "Sign in with a profile on the start screen to scan.";
    static final String LISTING = "Listing the accounts you can reach…";
    static final String NOT_LISTED = "The accounts could not be listed: try again.";
    static final String NO_ACCOUNT = "Check at least one account to scan.";
    static final String NO_REGION = "Check at least one region to scan.";
    static final String BUSY = "Wait for the task in the status bar to finish.";

    private final ConsoleActions actions;
    private final Workspace workspace;
    private final Navigator navigator;

    private final ReadOnlyObjectWrapper<Stage> stage = new ReadOnlyObjectWrapper<>(Stage.NO_CONNECTION);

    private final ReadOnlyStringWrapper identity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper identityDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper operator = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loadingReach = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper reachError = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AccountNode> accounts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AccountTree> shownAccounts = new ReadOnlyObjectWrapper<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper accountsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper regionsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper planText = new ReadOnlyStringWrapper("");
    private final ObservableList<RegionOption> regions = FXCollections.observableArrayList();
    private final ObservableList<RoleOption> roles = FXCollections.observableArrayList();
    private final ObjectProperty<RoleOption> role = new SimpleObjectProperty<>(RoleOption.AUTOMATIC);
    private final ReadOnlyBooleanWrapper roleChoice = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper startBlocked = new ReadOnlyStringWrapper(NOT_SIGNED_IN);

    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper percent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scopesText = new ReadOnlyStringWrapper("");
    private final ObservableList<ScopeRow> scopeRows = FXCollections.observableArrayList();
    private final ObjectProperty<ScopeOrder> scopeOrder = new SimpleObjectProperty<>(ScopeOrder.RUNNING_FIRST);
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper();
    private final ScanPace pace = new ScanPace();
    private ScanPace.Estimate estimate = ScanPace.Estimate.UNKNOWN;
    private ScanStatus lastStatus;
    /** How often the per-scope table is refreshed while a scan runs. */
    static final java.time.Duration TABLE_EVERY = java.time.Duration.ofSeconds(1);
    private java.time.Duration publishedAt;
    private String publishedPhase;

    private final ReadOnlyObjectWrapper<ScanSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ObservableList<UnreadRow> unread = FXCollections.observableArrayList();
    private final ObservableList<ReadRow> read = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canRefresh = new ReadOnlyBooleanWrapper();

    private final StringBinding badge;

    private final ChangeListener<Connection> onConnection = (o, a, c) -> connected(c);
    private final ChangeListener<ScanStatus> onProgress = (o, a, s) -> progressed(s);
    private final ChangeListener<ScanOutcome> onOutcome = (o, a, s) -> finished(s);
    private final InvalidationListener onBusyOrEstate = o -> busyOrEstateChanged();
    private final InvalidationListener onRegion = o -> reselect();

    private boolean active;
    private boolean reachPending;
    /** The connection the accounts were listed for, and the scan whose outcome is shown. */
    private Connection listedFor;
    private ScanOutcome shownOutcome;
    /** True when the user wants to choose what to scan rather than see the last scan's outcome. */
    private boolean choosing = true;
    private ScanReach reach;

    /** For wiring that cannot navigate (the buttons that go to other screens then do nothing). */
    public ScanViewModel(ConsoleActions actions) {
        this(actions, Navigator.NONE);
    }

    public ScanViewModel(ConsoleActions actions, Navigator navigator) {
        this.actions = actions;
        this.workspace = actions.workspace();
        this.navigator = navigator;
        ObservableValue<ScanStatus> running = workspace.scanProgressProperty();
        ObservableValue<ScanOutcome> done = workspace.scanProperty();
        badge = Bindings.createStringBinding(() -> badgeOf(running.getValue(), done.getValue()), running, done);
        filter.addListener((o, a, b) -> refilter());
        scopeOrder.addListener((o, a, b) -> publishScopes());
    }

    /** "45%" while a scan runs, "!" after one that left scopes unread or was cancelled, else "". */
    static String badgeOf(ScanStatus running, ScanOutcome done) {
        if (running != null) {
            return running.unitsKnown() == 0 ? "…" : (int) Math.floor(running.fraction() * 100) + "%";
        }
        if (done != null && done.outcome() != ScanOutcome.Outcome.COMPLETE) {
            return "!";
        }
        return "";
    }

    // ------------------------------------------------------------------ lifecycle

    /** Subscribes to the workspace and catches up with it (lists the accounts for a new sign-in). */
    public void activate() {
        if (active) {
            return;
        }
        active = true;
        workspace.connectionProperty().addListener(onConnection);
        workspace.scanProgressProperty().addListener(onProgress);
        workspace.scanProperty().addListener(onOutcome);
        workspace.busyProperty().addListener(onBusyOrEstate);
        workspace.estateProperty().addListener(onBusyOrEstate);
        connected(workspace.connection());
        finished(workspace.scan());
        progressed(workspace.scanProgressProperty().get());
    }

    public void deactivate() {
        if (!active) {
            return;
        }
        active = false;
        workspace.connectionProperty().removeListener(onConnection);
        workspace.scanProgressProperty().removeListener(onProgress);
        workspace.scanProperty().removeListener(onOutcome);
        workspace.busyProperty().removeListener(onBusyOrEstate);
        workspace.estateProperty().removeListener(onBusyOrEstate);
    }

    private void busyOrEstateChanged() {
        if (reachPending && !workspace.busy() && listedFor != null) {
            reachPending = false;
            loadReach(listedFor);
        }
        restage();
    }

    // ------------------------------------------------------------------ choosing what to scan

    private void connected(Connection c) {
        if (c == listedFor) {
            restage();
            return;
        }
        listedFor = c;
        choosing = true;
        reach = null;
        accounts.set(null);
        shownAccounts.set(null);
        regions.forEach(r -> r.selectedProperty().removeListener(onRegion));
        regions.clear();
        roles.clear();
        problems.clear();
        reachError.set("");
        describe(c, null);
        if (c == null) {
            loadingReach.set(false);
            restage();
            return;
        }
        if (workspace.busy()) {
            // A scan already runs (signed in and scanned at once): list the accounts once it is done, not beside it.
            reachPending = true;
            restage();
            return;
        }
        loadReach(c);
    }

    /** Lists again the accounts and regions the signed-in identity can scan (after a failure). */
    public void reloadReach() {
        Connection c = workspace.connection();
        if (c != null && !loadingReach.get()) {
            reachError.set("");
            loadReach(c);
        }
    }

    private void loadReach(Connection c) {
        loadingReach.set(true);
        restage();
        actions.tasks().run("Listing the accounts you can scan", false, ctx -> actions.services().scans().reach(c), r -> {
            if (c == listedFor) {
                loadingReach.set(false);
                reached(r);
            }
        }, t -> {
            if (c == listedFor) {
                loadingReach.set(false);
                String m = t instanceof ServiceFailure f ? f.getMessage() : t.getClass().getSimpleName() + ": " + t.getMessage();
                reachError.set("The accounts and regions you can scan could not be listed (" + m + ").");
                restage();
            }
        });
    }

    /** Shows what a sign-in can scan: every account and region checked, Redoubt's choice of role. */
    void reached(ScanReach r) {
        reach = r;
        AccountNode root = AccountTree.build(r);
        accounts.set(root);
        regions.forEach(o -> o.selectedProperty().removeListener(onRegion));
        List<RegionOption> options = new TreeSet<>(r.regions()).stream().map(RegionOption::new).toList();
        options.forEach(o -> o.selectedProperty().addListener(onRegion));
        regions.setAll(options);
        Map<String, Integer> byRole = new HashMap<>();
        for (ScanReach.AccountChoice a : r.accounts()) {
            for (String x : new TreeSet<>(a.roles())) {
                byRole.merge(x, 1, Integer::sum);
            }
        }
        List<RoleOption> found = new ArrayList<>();
        found.add(RoleOption.AUTOMATIC);
        byRole.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> found.add(RoleOption.of(e.getKey(), e.getValue(), r.accounts().size())));
        roles.setAll(found);
        role.set(RoleOption.AUTOMATIC);
        roleChoice.set(!byRole.isEmpty() && r.accounts().size() > 1);
        problems.setAll(r.problems());
        describe(workspace.connection(), r);
        refilter();
        reselect();
    }

    private void describe(Connection c, ScanReach r) {
        if (c == null) {
            identity.set("");
            identityDetail.set("");
            operator.set(false);
            return;
        }
        Identity id = c.identity();
        String who = id.principal() != null ? id.principal() : id.arn();
        boolean op = c.mode() == Mode.OPERATOR;
        operator.set(op);
        identity.set("Scanning as " + who + (id.roleName() != null ? " · " + id.roleName() : "") + ", "
                + (op ? "operator mode (a scan only reads)" : "read-only"));
        String account = id.accountId();
        if (r != null) {
            for (ScanReach.AccountChoice a : r.accounts()) {
                if (a.id().equals(id.accountId()) && a.name() != null && !a.name().isBlank()) {
                    account = a.name() + " (" + a.id() + ")";
                }
            }
        }
        identityDetail.set("Signed in with profile " + c.profileName() + " to " + account
                + (c.demo() ? " · the demo organization" : c.endpoint() != null ? " · endpoint " + c.endpoint() : ""));
    }

    /** Checks or unchecks an account, or every account under a unit or the root (only those shown, while filtered). */
    public void check(AccountNode node, boolean on) {
        AccountNode root = accounts.get();
        if (root == null || node == null) {
            return;
        }
        AccountTree shown = shownAccounts.get();
        AccountTree line = shown == null ? null : shown.find(node);
        List<AccountNode> targets = line != null ? line.accounts() : AccountTree.shown(node, "").accounts();
        targets.forEach(a -> a.check(on));
        root.recount();
        reselect();
    }

    /** Checks or unchecks the account with this ID. */
    public void checkAccount(String accountId, boolean on) {
        AccountNode n = findAccount(accounts.get(), accountId);
        if (n != null) {
            n.check(on);
            accounts.get().recount();
            reselect();
        }
    }

    private static AccountNode findAccount(AccountNode node, String id) {
        if (node == null) {
            return null;
        }
        if (id.equals(node.accountId())) {
            return node;
        }
        for (AccountNode c : node.children()) {
            AccountNode f = findAccount(c, id);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    public void selectAllRegions() {
        regions.forEach(r -> r.select(true));
    }

    public void selectNoRegions() {
        regions.forEach(r -> r.select(false));
    }

    private void refilter() {
        AccountNode root = accounts.get();
        if (root == null) {
            shownAccounts.set(null);
            filterHint.set("");
            return;
        }
        String f = filter.get() == null ? "" : filter.get().strip();
        AccountTree t = AccountTree.shown(root, f);
        shownAccounts.set(t);
        if (f.isEmpty()) {
            filterHint.set("");
        } else {
            int n = t.accounts().size();
            filterHint.set(n == 0 ? "No account matches \u201c" + f + "\u201d."
                    : ScanTexts.count(n, "account matches", "accounts match") + " \u201c" + f + "\u201d; checking a unit checks only those shown.");
        }
    }

    private void reselect() {
        AccountNode root = accounts.get();
        int accountsOn = root == null ? 0 : root.checkedAccounts();
        accountsText.set(root == null ? "" : selected(accountsOn, root.accountCount(), "account", "accounts"));
        long regionsOn = regions.stream().filter(RegionOption::selected).count();
        regionsText.set(regions.isEmpty() ? "" : selected(regionsOn, regions.size(), "region", "regions"));
        if (root == null || accountsOn == 0 || !regions.isEmpty() && regionsOn == 0) {
            planText.set("");
        } else {
            boolean allRegions = regionsOn == regions.size();
            planText.set("Reads " + ScanTexts.count(accountsOn, "account", "accounts") + " in "
                    + (allRegions ? accountsOn == 1 ? "its enabled regions" : "each one's enabled regions" : ScanTexts.count(regionsOn, "region", "regions")));
        }
        restage();
    }

    /** "All 7 accounts selected", "5 of 7 accounts selected", "1 account selected". */
    private static String selected(long on, long of, String one, String many) {
        if (on == of) {
            return (of == 1 ? "" : "All ") + ScanTexts.count(of, one, many) + " selected";
        }
        return ScanTexts.count(on) + " of " + ScanTexts.count(of, one, many) + " selected";
    }

    /** The scan as chosen: every account checked means all accounts (so accounts added later are included); the same for regions. */
    public ScanPlan plan() {
        AccountNode root = accounts.get();
        boolean allAccounts = root == null || root.checkedAccounts() == root.accountCount();
        List<String> ids = new ArrayList<>();
        if (!allAccounts) {
            collectChecked(root, ids);
        }
        boolean allRegions = regions.stream().allMatch(RegionOption::selected);
        List<String> names = allRegions ? List.of() : regions.stream().filter(RegionOption::selected).map(RegionOption::region).toList();
        RoleOption r = role.get();
        return new ScanPlan(ids, allAccounts, r == null ? null : r.role(), names, allRegions, ScanPlan.DEFAULT_IN_FLIGHT_PER_SCOPE,
                ScanPlan.DEFAULT_IN_FLIGHT, null);
    }

    private static void collectChecked(AccountNode node, List<String> out) {
        if (node.kind() == AccountNode.Kind.ACCOUNT) {
            if (node.checked()) {
                out.add(node.accountId());
            }
            return;
        }
        node.children().forEach(c -> collectChecked(c, out));
    }

    /** Starts the scan as chosen (nothing when {@link #canStartProperty()} is false). */
    public void startScan() {
        if (!canStart.get()) {
            return;
        }
        ScanPlan plan = plan();
        cancelRequested.set(false);
        actions.scan(plan);
    }

    /** Scans again as chosen (after a cancelled scan, whose capture a refresh cannot build on). */
    public void scanAgain() {
        startScan();
    }

    /** Back to choosing what to scan, from a finished scan's outcome. */
    public void newScan() {
        choosing = true;
        restage();
    }

    // ------------------------------------------------------------------ a scan running

    /** Takes the next snapshot of the running scan (null: none runs). */
    void progressed(ScanStatus s) {
        lastStatus = s;
        if (s == null) {
            publishedAt = null;
            publishedPhase = null;
            pace.reset();
            estimate = ScanPace.Estimate.UNKNOWN;
            cancelRequested.set(false);
            progress.set(-1);
            restage();
            return;
        }
        estimate = pace.update(s);
        progress.set(s.unitsKnown() == 0 ? -1 : s.fraction());
        percent.set(s.unitsKnown() == 0 ? "" : (int) Math.floor(s.fraction() * 100) + "%");
        progressText.set(progressLine(s, estimate));
        phaseText.set(cancelRequested.get() ? "Cancelling: waiting for the requests in flight. What was read is kept as a partial capture."
                : phaseWords(s));
        elapsedText.set("Running for " + ScanTexts.duration(s.elapsed()));
        // The table follows once a second (the totals above five times): redrawing dozens of rows five times a
        // second took the FX thread away from the user while the scan kept both cores busy.
        if (publishedAt == null || !s.phase().equals(publishedPhase) || s.elapsed().minus(publishedAt).compareTo(TABLE_EVERY) >= 0) {
            publishedAt = s.elapsed();
            publishedPhase = s.phase();
            publishScopes();
        }
        restage();
    }

    /** "1,234 of 5,678 units · 9,827 API calls · 48,311 recovery points · 310 calls/s · about 40 s left". */
    static String progressLine(ScanStatus s, ScanPace.Estimate e) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.unitsKnown() == 0 ? ScanTexts.count(s.unitsDone(), "unit", "units") + " done"
                : ScanTexts.count(s.unitsDone()) + " of " + ScanTexts.count(s.unitsKnown(), "unit", "units"));
        sb.append(" · ").append(ScanTexts.count(s.apiCalls(), "API call", "API calls"));
        sb.append(" · ").append(ScanTexts.count(s.recoveryPoints(), "recovery point", "recovery points"));
        if (s.readErrors() > 0) {
            sb.append(" · ").append(ScanTexts.count(s.readErrors(), "read error", "read errors"));
        }
        if (e.known() && s.apiCalls() > 0) {
            sb.append(" · ").append(ScanTexts.rate(e.callsPerSecond(), "calls"));
        }
        sb.append(" · ").append(e.timeLeft() != null ? ScanTexts.timeLeft(e.timeLeft()) : "estimating…");
        return sb.toString();
    }

    /** The phase in words. */
    static String phaseWords(ScanStatus s) {
        String phase = s.phase() == null ? "" : s.phase().toLowerCase(Locale.ROOT);
        return switch (phase) {
            case "signing-in" -> "Confirming who you are signed in as";
            case "organization" -> "Listing the organization's accounts";
            case "regions", "reading" -> "Reading backup vaults, plans and recovery points" + where(s);
            case "keys" -> "Reading the KMS keys that encrypt the vaults";
            case "identities" -> "Reading approvers' names from IAM Identity Center";
            case "assembling" -> "Writing the capture";
            case "done" -> "Read everything: keeping, journaling and auditing the capture";
            case "cancelled" -> "Cancelled: keeping what was read as a partial capture";
            default -> phase.isEmpty() ? "Scanning" : Character.toUpperCase(phase.charAt(0)) + phase.substring(1).replace('-', ' ');
        };
    }

    private static String where(ScanStatus s) {
        if (s.scopes().isEmpty()) {
            return "";
        }
        Set<String> accounts = new HashSet<>();
        Set<String> regions = new HashSet<>();
        s.scopes().forEach(x -> {
            accounts.add(x.accountId());
            regions.add(x.region());
        });
        return " in " + ScanTexts.count(accounts.size(), "account", "accounts") + " and " + ScanTexts.count(regions.size(), "region", "regions");
    }

    /**
     * Publishes {@code rows}, touching only the rows that changed when the list keeps its length (a
     * running scan changes a few scopes per snapshot): the table then redraws a few cells, not all.
     */
    static <T> void replaceChanged(ObservableList<T> list, List<T> rows) {
        if (list.size() > rows.size()) {
            list.setAll(rows);
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).equals(rows.get(i))) {
                list.set(i, rows.get(i));
            }
        }
        if (rows.size() > list.size()) {
            list.addAll(rows.subList(list.size(), rows.size()));
        }
    }

    private void publishScopes() {
        ScanStatus s = lastStatus;
        if (s == null) {
            return;
        }
        Comparator<ScopeRow> byAccount = Comparator.comparing((ScopeRow r) -> r.account().toLowerCase(Locale.ROOT))
                .thenComparing(ScopeRow::accountId).thenComparing(ScopeRow::region);
        Comparator<ScopeRow> order = scopeOrder.get() == ScopeOrder.BY_ACCOUNT ? byAccount
                : Comparator.comparingInt((ScopeRow r) -> runningRank(r.state())).thenComparing(byAccount);
        List<ScopeRow> rows = s.scopes().stream().map(ScopeRow::of).sorted(order).toList();
        replaceChanged(scopeRows, rows);
        Map<ScanStatus.State, Integer> n = new LinkedHashMap<>();
        rows.forEach(r -> n.merge(r.state(), 1, Integer::sum));
        if (rows.isEmpty()) {
            scopesText.set("");
            return;
        }
        List<String> parts = new ArrayList<>();
        if (n.containsKey(ScanStatus.State.READING)) {
            parts.add(ScanTexts.count(n.get(ScanStatus.State.READING)) + " reading");
        }
        if (n.containsKey(ScanStatus.State.WAITING)) {
            parts.add(ScanTexts.count(n.get(ScanStatus.State.WAITING)) + " waiting");
        }
        if (n.containsKey(ScanStatus.State.DONE)) {
            parts.add(ScanTexts.count(n.get(ScanStatus.State.DONE)) + " done");
        }
        if (n.containsKey(ScanStatus.State.CANCELLED)) {
            parts.add(ScanTexts.count(n.get(ScanStatus.State.CANCELLED)) + " not finished");
        }
        scopesText.set(ScanTexts.count(rows.size(), "account and region", "accounts and regions") + ": " + String.join(", ", parts));
    }

    private static int runningRank(ScanStatus.State s) {
        return switch (s) {
            case READING -> 0;
            case WAITING -> 1;
            case CANCELLED -> 2;
            case DONE -> 3;
        };
    }

    /** Stops the scan; what was read is kept as a partial capture. */
    public void cancel() {
        if (lastStatus == null || cancelRequested.get()) {
            return;
        }
        cancelRequested.set(true);
        phaseText.set("Cancelling: waiting for the requests in flight. What was read is kept as a partial capture.");
        actions.cancelScan();
    }

    // ------------------------------------------------------------------ after a scan

    void finished(ScanOutcome o) {
        if (o == shownOutcome) {
            restage();
            return;
        }
        shownOutcome = o;
        if (o == null) {
            summary.set(null);
            unread.clear();
            read.clear();
        } else {
            choosing = false;
            unread.setAll(unreadRows(o));
            read.setAll(readRows(o));
            summary.set(summaryOf(o));
        }
        restage();
    }

    /** The summary card of a finished scan; counts vaults and points by list sizes (no walk over the points). */
    static ScanSummary summaryOf(ScanOutcome o) {
        Estate e = o.estate();
        int vaults = 0;
        long points = 0;
        Set<String> regionNames = new TreeSet<>();
        for (Account a : e.accounts() == null ? List.<Account>of() : e.accounts()) {
            if (a.regions() == null) {
                continue;
            }
            for (Map.Entry<String, Region> r : a.regions().entrySet()) {
                regionNames.add(r.getKey());
                for (BackupVault v : r.getValue().backupVaults() == null ? List.<BackupVault>of() : r.getValue().backupVaults()) {
                    vaults++;
                    points += v.recoveryPoints() == null ? 0 : v.recoveryPoints().size();
                }
            }
        }
        int notFinished = (int) o.unread().stream().filter(UnreadScope::cancelled).count();
        int refused = o.unread().size() - notFinished;
        String file = o.capture() == null ? null : o.capture().toAbsolutePath().toString();
        String headline;
        String explanation;
        switch (o.outcome()) {
            case COMPLETE -> {
                headline = "Scan complete";
                explanation = "Everything in the chosen accounts and regions was read. The capture is kept, journaled and audited:"
                        + " the overview shows what it found.";
            }
            case PARTIAL -> {
                headline = "Scan finished: " + ScanTexts.count(o.unread().size(), "scope", "scopes") + " could not be read";
                explanation = "Everything else was read. The scopes below were refused or failed, each with AWS's reason;"
                        + " the checks that need them report UNKNOWN until a scan can read them.";
            }
            default -> {
                headline = "Scan cancelled: partial capture kept";
                explanation = "What was read before the cancel is kept as a partial capture"
                        + (file == null ? "" : " in " + o.capture().getFileName()) + ". "
                        + (notFinished == 0 ? "" : notFinished == 1 ? "The scope that was not finished is marked in it, so its checks report UNKNOWN. "
                        : "The " + ScanTexts.count(notFinished) + " scopes that were not finished are marked in it, so their checks report UNKNOWN. ")
                        + (refused == 0 ? "" : ScanTexts.count(refused, "scope was", "scopes were") + " refused or failed. ")
                        + "Scan again to read everything.";
            }
        }
        // the accounts read, not every account the capture lists (the signed-in one for the organization, a key's owner)
        return new ScanSummary(o.outcome(), headline, explanation, o.accountsScanned(), regionNames.size(), vaults, points, o.apiCalls(),
                ScanTexts.duration(o.elapsed()), file, o.sha256(), o.unread().size(), notFinished);
    }

    /** The scopes not read, refusals and failures first, then those a cancel left unfinished; by account and region. */
    static List<UnreadRow> unreadRows(ScanOutcome o) {
        Map<String, String> names = new HashMap<>();
        if (o.estate().accounts() != null) {
            o.estate().accounts().forEach(a -> {
                if (a.name() != null) {
                    names.put(a.id(), a.name());
                }
            });
        }
        return o.unread().stream().map(u -> UnreadRow.of(u, names.get(u.accountId())))
                .sorted(Comparator.comparing((UnreadRow r) -> r.reason() == UnreadRow.Reason.NOT_FINISHED)
                        .thenComparing(r -> r.account().toLowerCase(Locale.ROOT)).thenComparing(UnreadRow::region)
                        .thenComparing(r -> r.scope() == null ? "" : r.scope()))
                .toList();
    }

    /** Each account and region of the capture with what was read there, by account and region. */
    static List<ReadRow> readRows(ScanOutcome o) {
        Map<String, int[]> unreadIn = new HashMap<>();
        Set<String> unfinished = new HashSet<>();
        for (UnreadScope u : o.unread()) {
            String key = u.accountId() + "\u0000" + u.region();
            unreadIn.computeIfAbsent(key, k -> new int[1])[0]++;
            if (u.cancelled()) {
                unfinished.add(key);
            }
        }
        List<ReadRow> rows = new ArrayList<>();
        for (Account a : o.estate().accounts() == null ? List.<Account>of() : o.estate().accounts()) {
            if (a.regions() == null) {
                continue;
            }
            for (Map.Entry<String, Region> r : a.regions().entrySet()) {
                int vaults = 0;
                long points = 0;
                for (BackupVault v : r.getValue().backupVaults() == null ? List.<BackupVault>of() : r.getValue().backupVaults()) {
                    vaults++;
                    points += v.recoveryPoints() == null ? 0 : v.recoveryPoints().size();
                }
                String key = a.id() + "\u0000" + r.getKey();
                int[] n = unreadIn.get(key);
                rows.add(new ReadRow(a.id(), a.name(), r.getKey(), vaults, points, n == null ? 0 : n[0], unfinished.contains(key)));
            }
        }
        rows.sort(Comparator.comparing((ReadRow r) -> r.account().toLowerCase(Locale.ROOT)).thenComparing(ReadRow::region));
        return rows;
    }

    public void openOverview() {
        navigator.show(Destinations.OVERVIEW);
    }

    /** Reads only what changed since the capture on show. */
    public void refresh() {
        if (canRefresh.get()) {
            actions.refresh();
        }
    }

    public void goToStart() {
        navigator.show(Destinations.START);
    }

    // ------------------------------------------------------------------ what shows

    private void restage() {
        Connection c = workspace.connection();
        Stage next;
        if (lastStatus != null) {
            next = Stage.SCANNING;
        } else if (!choosing && summary.get() != null) {
            next = Stage.DONE;
        } else if (c != null) {
            next = Stage.CHOOSE;
        } else if (summary.get() != null) {
            next = Stage.DONE;
        } else {
            next = Stage.NO_CONNECTION;
        }
        stage.set(next);
        // A refresh builds on the capture on show: not on one a cancel left unfinished (scan it again whole instead).
        canRefresh.set(c != null && workspace.estate() != null && !workspace.busy() && summary.get() != null
                && summary.get().outcome() != ScanOutcome.Outcome.CANCELLED);
        String blocked = "";
        AccountNode root = accounts.get();
        if (c == null) {
            blocked = NOT_SIGNED_IN;
        } else if (loadingReach.get()) {
            blocked = LISTING;
        } else if (root == null) {
            blocked = reachError.get().isEmpty() ? LISTING : NOT_LISTED;
        } else if (root.checkedAccounts() == 0) {
            blocked = NO_ACCOUNT;
        } else if (!regions.isEmpty() && regions.stream().noneMatch(RegionOption::selected)) {
            blocked = NO_REGION;
        } else if (workspace.busy()) {
            blocked = BUSY;
        }
        startBlocked.set(blocked);
        canStart.set(blocked.isEmpty());
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public Stage stage() {
        return stage.get();
    }

    /** The navigation badge: "45%" while a scan runs, "!" after a partial or cancelled one. */
    public ObservableValue<String> badge() {
        return badge;
    }

    /** "Scanning as alice · AuditReadOnly, read-only". */
    public ReadOnlyStringProperty identityProperty() {
        return identity.getReadOnlyProperty();
    }

    /** "Signed in with profile alice to northwind-backup (536470192834)". */
    public ReadOnlyStringProperty identityDetailProperty() {
        return identityDetail.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingReachProperty() {
        return loadingReach.getReadOnlyProperty();
    }

    /** Why the accounts could not be listed ("" when they were). */
    public ReadOnlyStringProperty reachErrorProperty() {
        return reachError.getReadOnlyProperty();
    }

    /** What could not be read while listing accounts and regions (the list may be incomplete). */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The root of the account tree (all accounts), or null until listed. */
    public ReadOnlyObjectProperty<AccountNode> accountsProperty() {
        return accounts.getReadOnlyProperty();
    }

    /** The lines shown for the filter. */
    public ReadOnlyObjectProperty<AccountTree> shownAccountsProperty() {
        return shownAccounts.getReadOnlyProperty();
    }

    /** Text to find accounts by name, ID or organizational unit. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** "2 accounts match “prod”…", "No account matches “x”.", or "". */
    public ReadOnlyStringProperty filterHintProperty() {
        return filterHint.getReadOnlyProperty();
    }

    /** "All 7 accounts selected", "5 of 7 accounts selected". */
    public ReadOnlyStringProperty accountsTextProperty() {
        return accountsText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty regionsTextProperty() {
        return regionsText.getReadOnlyProperty();
    }

    /** "Reads 7 accounts in each one's enabled regions", "Reads 2 accounts in 1 region"; "" while nothing is chosen. */
    public ReadOnlyStringProperty planTextProperty() {
        return planText.getReadOnlyProperty();
    }

    public ObservableList<RegionOption> regions() {
        return regions;
    }

    /** Redoubt's own choice first, then each role found, the most widely available first. */
    public ObservableList<RoleOption> roles() {
        return roles;
    }

    public ObjectProperty<RoleOption> roleProperty() {
        return role;
    }

    /** True when there are roles to choose between (other accounts to scan through SSO roles). */
    public ReadOnlyBooleanProperty roleChoiceProperty() {
        return roleChoice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    /** Why the scan cannot start ("" when it can). */
    public ReadOnlyStringProperty startBlockedProperty() {
        return startBlocked.getReadOnlyProperty();
    }

    /** Done of known, 0 to 1; -1 while nothing is known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "45%", or "" while nothing is known yet. */
    public ReadOnlyStringProperty percentProperty() {
        return percent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedTextProperty() {
        return elapsedText.getReadOnlyProperty();
    }

    /** "6 accounts and regions: 2 reading, 1 waiting, 3 done". */
    public ReadOnlyStringProperty scopesTextProperty() {
        return scopesText.getReadOnlyProperty();
    }

    /** One row per account and region of the running scan, replaced as a whole with each snapshot. */
    public ObservableList<ScopeRow> scopeRows() {
        return scopeRows;
    }

    public ObjectProperty<ScopeOrder> scopeOrderProperty() {
        return scopeOrder;
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }

    /** The last snapshot's pace (for tests and tooltips). */
    public ScanPace.Estimate estimate() {
        return estimate;
    }

    /** The finished scan on show, or null. */
    public ReadOnlyObjectProperty<ScanSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<UnreadRow> unread() {
        return unread;
    }

    /** What the finished scan read, per account and region. */
    public ObservableList<ReadRow> read() {
        return read;
    }

    public ReadOnlyBooleanProperty canRefreshProperty() {
        return canRefresh.getReadOnlyProperty();
    }
}
