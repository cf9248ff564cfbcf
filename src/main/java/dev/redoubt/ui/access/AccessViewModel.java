package dev.redoubt.ui.access;

import dev.redoubt.approvals.AccessProgress;
import dev.redoubt.approvals.ApproverVote;
import dev.redoubt.approvals.JournaledRequest;
import dev.redoubt.approvals.Outcome;
import dev.redoubt.approvals.RequestPreflight;
import dev.redoubt.approvals.RequestedAccess;
import dev.redoubt.approvals.RestoreAccessGrant;
import dev.redoubt.approvals.RestoreAccessPoint;
import dev.redoubt.approvals.RevokeRequest;
import dev.redoubt.approvals.SessionView;
import dev.redoubt.approvals.VaultAccess;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.journal.Mode;
import dev.redoubt.services.ApprovalService;
import dev.redoubt.services.ApprovalTeams;
import dev.redoubt.services.ApprovalWords;
import dev.redoubt.services.Connection;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.services.Services;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.drills.DrillsViewModel;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.workspace.DesktopNotifier;
import dev.redoubt.ui.workspace.FailureText;
import dev.redoubt.ui.workspace.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The restore access screen's state: the air-gapped vaults a recovery may need; the restore-access
 * requests (from the journal, followed live); one request before it is sent (preflight, the comment the
 * approvers read) and after (its session's votes, time left and outcome, the recovery points it opens,
 * the revocation, and the MPA-07 warning while it stays open too long). Every request still waiting is
 * followed whichever screen is shown ({@link #tick()}), and the desktop is told when one ends. No nodes.
 */
public final class AccessViewModel {
    public enum Page { LIST, REQUEST, FOLLOW }

    public static final String REQUEST = "request";
    public static final String OPERATOR_NEEDED = "Sign in as an operator to request or revoke restore access";
    static final Duration POLL_SANDBOX = Duration.ofSeconds(2);
    static final Duration POLL_AWS = Duration.ofSeconds(10);
    public static final Duration SKIP = Duration.ofHours(1);

    /** The demo's part: its approver page and its clock (absent outside the demo). */
    public interface Sandbox {
        /** The approver page of the demo {@code connection} is signed in to, or null. */
        String approverPage(Connection connection);

        /** Moves the demo's clock on (a session's expiry runs on it). */
        void skipAhead(Duration by);

        static Sandbox of(Services services) {
            return new Sandbox() {
                @Override
                public String approverPage(Connection connection) {
                    return services.demo().approverPage(connection);
                }

                @Override
                public void skipAhead(Duration by) {
                    services.demo().advanceClock(by);
                }
            };
        }
    }

    /** An air-gapped vault restore access may be asked for. */
    public record VaultLine(String arn, String name, String accountText, String region, String teamArn, String teamText, String pointsText,
                            String accessText) {
    }

    /** A restore-access request as the list shows it. */
    public record RequestLine(String restoreAccessVaultArn, String sourceVaultName, Instant requested, String requester, String comment,
                              String statusText, String level) {
    }

    /** One approver's response in words. */
    public record VoteLine(String who, String responseText, Instant when) {
    }

    /** A recovery point the restore-access vault opens, and whether a drill can start on it. */
    public record PointLine(RestoreAccessPoint point, String resourceName, String typeText, String whyNoDrill) {
    }

    /** One request's page: what was asked, where the session stands, what it opens and its revocation. */
    public record AccessPage(String restoreAccessVaultArn, String restoreAccessVaultName, String sourceVaultArn, String sourceVaultName,
                             String teamArn, String teamName, String requester, Instant requested, String comment, String sessionArn,
                             String vaultState, Outcome outcome, String verdict, String level, String timeLeftText, String thresholdText,
                             List<VoteLine> votes, List<PointLine> points, Outcome revocation, String revocationText, List<VoteLine> revocationVotes,
                             String openTooLong, boolean following, Instant checked, String error) {
        /** True when restores may run through the vault and it may be revoked. */
        public boolean granted() {
            return outcome == Outcome.APPROVED && revocation != Outcome.APPROVED && !"DELETED".equals(vaultState);
        }

        /** True when a revocation may be asked (granted, and no revocation waiting or done). */
        public boolean revocable() {
            return granted() && revocation != Outcome.PENDING;
        }
    }

    /** What is known of one request while it is followed. */
    private static final class Tracker {
        final String ra;
        String lag;
        String session;
        String revokeSession;
        JournaledRequest journaled;
        VaultAccess vault;
        SessionView view;
        SessionView revocation;
        RestoreAccessGrant grant;
        List<RestoreAccessPoint> points = List.of();
        boolean following;
        boolean polling;
        Instant lastPoll;
        Instant checked;
        String error;

        Tracker(String ra) {
            this.ra = ra;
        }
    }

    private record Polled(AccessProgress progress, AccessProgress revocation, List<RestoreAccessPoint> points, RestoreAccessGrant grant) {
    }

    private final BrowseContext ctx;
    private final DesktopNotifier notifier;
    private final Sandbox sandbox;
    private final Map<String, Tracker> trackers = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.LIST);
    private final ObservableList<VaultLine> vaults = FXCollections.observableArrayList();
    private final ObservableList<RequestLine> requests = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RequestPreflight> preflight = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper requestVault = new ReadOnlyStringWrapper();
    private final StringProperty comment = new SimpleStringProperty("");
    private final StringProperty revokeComment = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<AccessPage> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper whyNotChange = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper whyNotRequest = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper rehearsal = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>();
    private List<JournaledRequest> journaled = List.of();
    private String shownRa;

    public AccessViewModel(BrowseContext ctx, DesktopNotifier notifier, Sandbox sandbox) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.notifier = notifier == null ? DesktopNotifier.NONE : notifier;
        this.sandbox = sandbox;
        whyNotChange.bind(Bindings.createStringBinding(() -> {
            Connection c = ctx.workspace().connection();
            return c == null ? "Sign in or open the demo to request restore access" : c.mode() != Mode.OPERATOR ? OPERATOR_NEEDED : null;
        }, ctx.workspace().connectionProperty()));
        whyNotRequest.bind(Bindings.createStringBinding(this::reasonNotToRequest, whyNotChange, preflight, comment));
        rehearsal.bind(Bindings.createBooleanBinding(() -> {
            Connection c = ctx.workspace().connection();
            return c != null && c.demo();
        }, ctx.workspace().connectionProperty()));
        ctx.workspace().connectionProperty().addListener((o, was, is) -> {
            if (was != null && is != was) {
                trackers.values().forEach(t -> t.following = false);
            }
        });
        ctx.workspace().catalogProperty().addListener((o, was, is) -> refreshVaults());
    }

    /** The target that opens the request page for an air-gapped vault. */
    public static String requestTarget(String airGappedVaultArn) {
        return REQUEST + "|" + airGappedVaultArn;
    }

    public BrowseContext context() {
        return ctx;
    }

    // ------------------------------------------------------------------ routing and lifecycle

    /** Shows what the shell asks: null the list, "request|ARN" a request for that air-gapped vault, else a restore-access vault's ARN. */
    public void open(String target) {
        problem.set(null);
        if (target == null || target.isBlank()) {
            page.set(Page.LIST);
            refresh();
            return;
        }
        if (target.startsWith(REQUEST + "|")) {
            openRequest(target.substring(REQUEST.length() + 1));
            return;
        }
        Arn a = Arn.parse(target);
        if (a == null || !a.resource().startsWith("backup-vault:")) {
            problem.set("'" + target + "' is not the ARN of a restore-access vault: open a request from the list.");
            page.set(Page.LIST);
            refresh();
            return;
        }
        shownRa = target;
        Tracker t = trackers.computeIfAbsent(target, Tracker::new);
        journaled.stream().filter(j -> target.equals(j.restoreAccessVaultArn())).findFirst().ifPresent(j -> adopt(t, j));
        revokeComment.set("");
        page.set(Page.FOLLOW);
        show();
        poll(t);
    }

    /** Shown: the list is read again (the journal may hold requests made on the command line). */
    public void activate() {
        refresh();
    }

    /** Reads the journal's requests and the estate's air-gapped vaults again. */
    public void refresh() {
        refreshVaults();
        ApprovalService svc = service();
        ctx.actions().tasks().run("Reading the restore access requests", false, work -> svc.requests(), list -> {
            journaled = list;
            for (JournaledRequest j : list) {
                Tracker t = j.restoreAccessVaultArn() == null ? null : trackers.get(j.restoreAccessVaultArn());
                if (t != null) {
                    adopt(t, j);
                }
            }
            rebuildRequests();
        }, e -> problem.set(FailureText.of("Could not read the journal's restore access requests", e, p -> { }).text()));
    }

    private void adopt(Tracker t, JournaledRequest j) {
        t.journaled = j;
        if (t.lag == null) {
            t.lag = j.sourceVaultArn();
        }
        if (t.session == null) {
            t.session = j.sessionArn();
        }
    }

    /**
     * The heartbeat (about every second, whichever screen is shown): the clock for the time left, and a
     * look at each request still waiting for its approvers, every 2 seconds in the demo and 10 against AWS.
     */
    public void tick() {
        Instant t = ctx.clock().instant();
        now.set(t);
        Connection c = ctx.workspace().connection();
        Duration every = c != null && c.demo() ? POLL_SANDBOX : POLL_AWS;
        for (Tracker tr : List.copyOf(trackers.values())) {
            if (tr.following && !tr.polling && (tr.lastPoll == null || Duration.between(tr.lastPoll, t).compareTo(every) >= 0)) {
                poll(tr);
            }
        }
        if (page.get() == Page.FOLLOW) {
            show();
        }
    }

    // ------------------------------------------------------------------ the list

    private void refreshVaults() {
        EstateCatalog cat = ctx.catalog();
        List<VaultLine> out = new ArrayList<>();
        if (cat != null) {
            EstateIndex x = cat.index();
            for (EstateIndex.VaultRef v : x.vaults()) {
                BackupVault b = v.vault();
                if (!RequestPreflight.AIR_GAPPED.equals(b.vaultType())) {
                    continue;
                }
                String teamArn = b.mpaApprovalTeamArn();
                ApprovalTeam team = teamArn == null ? null : x.approvalTeams().stream().map(EstateIndex.TeamRef::team)
                        .filter(tm -> teamArn.equals(tm.arn())).findFirst().orElse(null);
                String teamText = teamArn == null ? "No approval team: nobody can approve a request"
                        : team == null ? Formats.shortArn(teamArn) + " (not in this estate)"
                        : team.name() + " · " + ApprovalWords.threshold(ApprovalTeams.need(team), ApprovalTeams.size(team)) + " approvals";
                long open = b.restoreAccessBackupVaults() == null ? 0 : b.restoreAccessBackupVaults().stream()
                        .filter(r -> r != null && "AVAILABLE".equals(r.vaultState())).count();
                Long points = b.numberOfRecoveryPoints();
                out.add(new VaultLine(v.arn(), b.backupVaultName(), cat.accountName(v.accountId()) + " (" + v.accountId() + ")", v.region(), teamArn,
                        teamText, points == null ? "points " + Formats.NOT_READ : Formats.count(points) + (points == 1 ? " recovery point" : " recovery points"),
                        open == 0 ? "no restore access open when captured" : open + (open == 1 ? " restore access open" : " restore accesses open")
                                + " when captured"));
            }
        }
        out.sort(Comparator.comparing(VaultLine::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        vaults.setAll(out);
    }

    private void rebuildRequests() {
        List<RequestLine> out = new ArrayList<>();
        EstateCatalog cat = ctx.catalog();
        for (JournaledRequest j : journaled) {
            Tracker t = j.restoreAccessVaultArn() == null ? null : trackers.get(j.restoreAccessVaultArn());
            String status;
            String level;
            if (j.refused()) {
                status = "AWS refused it: " + Objects.toString(j.error(), "no reason given");
                level = "bad";
            } else {
                Outcome o = t != null && t.view != null ? t.view.outcome() : j.outcome();
                Outcome r = t != null && t.revocation != null ? t.revocation.outcome() : null;
                status = statusText(o, r, j.revokeRequested(), t == null ? null : t.view);
                level = o == Outcome.APPROVED ? (r == Outcome.APPROVED ? "neutral" : "good") : o == Outcome.PENDING ? "warn" : "bad";
            }
            out.add(new RequestLine(j.restoreAccessVaultArn(), vaultName(cat, j.sourceVaultArn()), j.requested(), j.requester(), j.comment(), status, level));
        }
        requests.setAll(out);
    }

    private static String statusText(Outcome o, Outcome revocation, boolean revokeAsked, SessionView view) {
        return switch (o) {
            case PENDING -> view == null ? "Waiting for approvers (as last seen)" : "Waiting for approvers: " + view.approvals() + " of "
                    + view.requiredApprovals() + " approvals";
            case APPROVED -> revocation == Outcome.APPROVED ? "Approved, then revoked"
                    : revocation == Outcome.PENDING || revokeAsked && revocation == null ? "Approved; revocation asked"
                    : revocation != null ? "Approved; revocation " + revocation.name().toLowerCase(Locale.ROOT) + ", access still open"
                    : "Approved: access open";
            case REJECTED -> "Rejected";
            case EXPIRED -> "Expired before enough approvers voted";
            case ENDED -> "Ended";
        };
    }

    // ------------------------------------------------------------------ the request

    private void openRequest(String lagArn) {
        requestVault.set(lagArn);
        preflight.set(null);
        comment.set("");
        page.set(Page.REQUEST);
        EstateCatalog cat = ctx.catalog();
        if (cat == null) {
            problem.set("Open an estate first: the preflight is judged from it.");
            return;
        }
        Connection c = ctx.workspace().connection();
        ApprovalService svc = service();
        run("Checking the request", () -> svc.preflight(c, cat, lagArn), preflight::set, "The preflight could not run");
    }

    /** Sends the request (CreateRestoreAccessBackupVault) with the comment, then follows it. */
    public void request() {
        Connection c = ctx.workspace().connection();
        String lag = requestVault.get();
        String why = reasonNotToRequest();
        if (why != null) {
            problem.set(why + ".");
            return;
        }
        String text = comment.get().strip();
        ApprovalService svc = service();
        run("Requesting restore access", () -> svc.request(c, lag, text), (RequestedAccess r) -> {
            String ra = r.request().restoreAccessVaultArn();
            Tracker t = trackers.computeIfAbsent(ra, Tracker::new);
            t.lag = lag;
            t.session = r.sessionArn();
            t.view = r.session();
            t.following = true;
            t.checked = ctx.clock().instant();
            t.lastPoll = t.checked;
            comment.set("");
            ctx.navigator().open(Place.of(Destinations.ACCESS, ra));
        }, "The request was not sent");
    }

    /** Why the request cannot be sent now (null: it can). */
    public ReadOnlyStringProperty whyNotRequestProperty() {
        return whyNotRequest.getReadOnlyProperty();
    }

    private String reasonNotToRequest() {
        if (whyNotChange.get() != null) {
            return whyNotChange.get();
        }
        RequestPreflight p = preflight.get();
        if (p == null) {
            return "Wait for the preflight";
        }
        if (!p.ok()) {
            return "The preflight failed: " + p.items().stream().filter(i -> i.status() == dev.redoubt.findings.Status.FAIL)
                    .map(i -> i.item().toLowerCase(Locale.ROOT)).reduce((a, b) -> a + ", " + b).orElse("");
        }
        if (comment.get() == null || comment.get().isBlank()) {
            return "Write a comment for the approvers: what is restored, why, and the ticket";
        }
        return null;
    }

    // ------------------------------------------------------------------ following

    /** Follows the shown request again (after a failure, or to see whether anything changed). */
    public void followAgain() {
        Tracker t = shownRa == null ? null : trackers.get(shownRa);
        if (t != null) {
            t.error = null;
            poll(t);
        }
    }

    /** Stops looking at the shown request (its session goes on in AWS). */
    public void stopFollowing() {
        Tracker t = shownRa == null ? null : trackers.get(shownRa);
        if (t != null) {
            t.following = false;
            show();
        }
    }

    private void poll(Tracker t) {
        Connection c = ctx.workspace().connection();
        if (c == null || t.polling) {
            return;
        }
        t.polling = true;
        t.lastPoll = ctx.clock().instant();
        ApprovalService svc = service();
        String session = t.session;
        String revokeSession = t.revokeSession;
        String lag = t.lag;
        EstateCatalog cat = ctx.catalog();
        Map<String, String> names = cat == null ? Map.of() : ApprovalTeams.people(cat.index());
        ctx.actions().tasks().run("Following the restore access request", false, work -> {
            AccessProgress p = svc.follow(c, t.ra, session, names);
            String source = lag != null ? lag : p.vault() == null ? null : p.vault().sourceVaultArn();
            List<RestoreAccessPoint> points = List.of();
            RestoreAccessGrant grant = null;
            String revoking = revokeSession;
            if (p.session().outcome() == Outcome.APPROVED) {
                if (p.vault() != null && "AVAILABLE".equals(p.vault().state())) {
                    try {
                        points = svc.points(c, t.ra);
                    } catch (RuntimeException e) {
                        points = List.of();
                    }
                }
                if (source != null) {
                    try {
                        grant = svc.grants(c, source).stream().filter(g -> t.ra.equals(g.restoreAccessVaultArn())).findFirst().orElse(null);
                    } catch (RuntimeException e) {
                        grant = null;
                    }
                }
                if (revoking == null && grant != null) {
                    revoking = grant.revokeSessionArn();
                }
            }
            AccessProgress r = revoking == null ? null : svc.follow(c, t.ra, revoking, names);
            return new Polled(p, r, points, grant);
        }, (Polled polled) -> {
            t.polling = false;
            t.error = null;
            t.checked = ctx.clock().instant();
            absorb(t, polled);
            rebuildRequests();
            show();
        }, e -> {
            t.polling = false;
            t.following = false;
            t.checked = ctx.clock().instant();
            t.error = FailureText.of("Could not read the request", e, p -> { }).text();
            show();
        });
    }

    private void absorb(Tracker t, Polled polled) {
        AccessProgress p = polled.progress();
        boolean wasApproved = t.view != null && t.view.outcome() == Outcome.APPROVED;
        t.view = p.session();
        if (p.vault() != null) {
            t.vault = p.vault();
            if (t.lag == null) {
                t.lag = p.vault().sourceVaultArn();
            }
        } else if (p.session().outcome() == Outcome.APPROVED && t.vault != null) {
            t.vault = new VaultAccess(t.vault.vaultArn(), t.vault.vaultName(), t.vault.vaultType(), "DELETED", t.vault.sessionArn(),
                    t.vault.approvalTeamArn(), t.vault.sourceVaultArn(), null);
        }
        if (t.session == null) {
            t.session = p.session().sessionArn();
        }
        if (!polled.points().isEmpty() || p.vault() == null || !"AVAILABLE".equals(p.vault().state())) {
            t.points = polled.points();
        }
        if (polled.grant() != null) {
            t.grant = polled.grant();
        }
        if (polled.revocation() != null) {
            t.revocation = polled.revocation().session();
            t.revokeSession = t.revocation.sessionArn();
        }
        Outcome o = t.view.outcome();
        Outcome r = t.revocation == null ? null : t.revocation.outcome();
        t.following = o == Outcome.PENDING || r == Outcome.PENDING;
        String name = vaultName(ctx.catalog(), t.lag);
        if (p.outcomeNew()) {
            String title = switch (o) {
                case APPROVED -> "Restore access approved";
                case REJECTED -> "Restore access rejected";
                case EXPIRED -> "Restore access request expired";
                default -> "Restore access request ended";
            };
            String text = p.session().why() + ". " + (o == Outcome.APPROVED ? "Restores from " + name + " may now run through "
                    + vaultName(ctx.catalog(), t.ra) + "." : "Nothing can be restored from " + name + " through this request.");
            tell(t, o == Outcome.APPROVED ? Notice.Kind.SUCCESS : Notice.Kind.WARNING, title, text);
        } else if (o == Outcome.APPROVED && !wasApproved && t.following) {
            show();
        }
        if (polled.revocation() != null && polled.revocation().outcomeNew()) {
            boolean done = r == Outcome.APPROVED;
            tell(t, done ? Notice.Kind.SUCCESS : Notice.Kind.WARNING, done ? "Restore access revoked" : "Revocation not approved",
                    done ? "The restore-access vault onto " + name + " is closed: nothing more can be restored through it."
                            : t.revocation.why() + ". The restore access onto " + name + " is still open.");
        }
    }

    private void tell(Tracker t, Notice.Kind kind, String title, String text) {
        notifier.notify(title, text);
        ctx.actions().notices().post(Notice.of(kind, title, text, new Notice.Action("Open", () -> ctx.navigator().open(Place.of(Destinations.ACCESS, t.ra)))));
    }

    // ------------------------------------------------------------------ revoke, rehearsal

    /** Asks the team to close the shown restore access (RevokeRestoreAccessBackupVault), then follows the revocation. */
    public void revoke() {
        Tracker t = shownRa == null ? null : trackers.get(shownRa);
        AccessPage p = shown.get();
        if (whyNotChange.get() != null) {
            problem.set(whyNotChange.get() + ".");
            return;
        }
        if (t == null || p == null || !p.revocable()) {
            problem.set("This restore access is not open, or its revocation is already asked.");
            return;
        }
        Connection c = ctx.workspace().connection();
        String why = revokeComment.get();
        ApprovalService svc = service();
        run("Revoking the restore access", () -> svc.revoke(c, t.ra, why), (RevokeRequest r) -> {
            t.revokeSession = r.sessionArn();
            if (r.grant() != null) {
                t.grant = r.grant();
            }
            t.following = true;
            revokeComment.set("");
            poll(t);
        }, "The revocation was not asked");
    }

    /** The demo's approver page for the signed-in connection, or null outside the demo. */
    public String approverPage() {
        Connection c = ctx.workspace().connection();
        return sandbox == null || c == null ? null : sandbox.approverPage(c);
    }

    /** Opens the demo's approver page in the browser (or says where it is). */
    public void openApproverPage() {
        String url = approverPage();
        if (url != null && !ctx.browser().open(url)) {
            ctx.actions().notices().post(Notice.of(Notice.Kind.INFO, "Open the approver page in a browser", url));
        }
    }

    /** In the demo: moves the sandbox's clock an hour on (a session expires on it), then looks again. */
    public void skipAhead() {
        if (sandbox == null || !rehearsal.get()) {
            return;
        }
        run("Skipping ahead an hour", () -> {
            sandbox.skipAhead(SKIP);
            return Boolean.TRUE;
        }, ok -> followAgain(), "Could not move the sandbox's clock");
    }

    /** Opens the drill wizard on a recovery point restored through the shown restore-access vault. */
    public void drill(PointLine point) {
        if (point == null || point.whyNoDrill() != null || shownRa == null) {
            return;
        }
        ctx.navigator().open(Place.of(Destinations.DRILLS,
                DrillsViewModel.newDrillTarget(point.point().resourceArn(), point.point().recoveryPointArn(), shownRa)));
    }

    // ------------------------------------------------------------------ the page

    private void show() {
        Tracker t = shownRa == null ? null : trackers.get(shownRa);
        shown.set(t == null ? null : page(t));
    }

    private AccessPage page(Tracker t) {
        EstateCatalog cat = ctx.catalog();
        Instant at = now.get() == null ? ctx.clock().instant() : now.get();
        SessionView s = t.view;
        JournaledRequest j = t.journaled;
        Outcome o = s != null ? s.outcome() : j != null ? j.outcome() : Outcome.PENDING;
        String teamArn = s != null ? s.approvalTeamArn() : t.vault == null ? null : t.vault.approvalTeamArn();
        String teamName = s != null && s.approvalTeamName() != null ? s.approvalTeamName() : teamName(cat, teamArn);
        Outcome r = t.revocation == null ? null : t.revocation.outcome();
        String state = t.vault == null ? null : t.vault.state();
        String verdict;
        String level;
        String left = null;
        if (s == null) {
            verdict = t.error != null ? "Redoubt could not read this request's session." : "Reading the request's session…";
            level = t.error != null ? "unknown" : "warn";
        } else {
            switch (o) {
                case PENDING -> {
                    Duration d = s.timeLeft(at);
                    left = d == null ? "expiry " + Formats.NOT_READ : d.isZero() ? "the voting window has closed" : Formats.duration(d) + " left to vote";
                    verdict = "Waiting for approvers: " + s.approvals() + " of " + s.requiredApprovals() + " required approvals"
                            + (s.rejections() == 0 ? "" : ", " + s.rejections() + " rejected") + " · " + left + ".";
                    level = "warn";
                }
                case APPROVED -> {
                    String when = s.completed() == null ? "" : " " + Formats.dateTime(s.completed(), ctx.clock().getZone());
                    verdict = r == Outcome.APPROVED ? "Approved" + when + ", then revoked: nothing more can be restored through this vault."
                            : "DELETED".equals(state) ? "Approved" + when + "; the restore-access vault is gone."
                            : "Approved" + when + " (" + s.approvals() + " of " + s.requiredApprovals() + "): restores from "
                            + vaultName(cat, t.lag) + " may run through " + vaultName(cat, t.ra) + ".";
                    level = r == Outcome.APPROVED || "DELETED".equals(state) ? "unknown" : "good";
                }
                default -> {
                    verdict = s.why() + ". Nothing can be restored through this request; ask again with what the approvers need to know.";
                    level = "bad";
                }
            }
        }
        List<PointLine> points = new ArrayList<>();
        for (RestoreAccessPoint p : t.points) {
            String name = resourceName(cat, p.resourceArn());
            String why = whyNotChange.get() != null ? whyNotChange.get()
                    : cat == null || cat.index().protectedResources().stream().noneMatch(pr -> pr.resource().resourceArn().equals(p.resourceArn()))
                    ? "The resource is not in this estate's capture: scan its account to drill it"
                    : !"COMPLETED".equals(p.status()) ? "The recovery point is " + Objects.toString(p.status(), "in an unknown state").toLowerCase(Locale.ROOT)
                    : null;
            points.add(new PointLine(p, name, dev.redoubt.ui.restorejobs.RestoreJobWords.resourceType(p.resourceType()), why));
        }
        String revocationText = null;
        if (t.revocation != null) {
            revocationText = switch (r) {
                case PENDING -> "Revocation waiting for approvers: " + t.revocation.approvals() + " of " + t.revocation.requiredApprovals()
                        + " approvals" + (t.revocation.timeLeft(at) == null ? "" : " · " + Formats.duration(t.revocation.timeLeft(at)) + " left to vote");
                case APPROVED -> "Revoked" + (t.revocation.completed() == null ? "" : " " + Formats.dateTime(t.revocation.completed(), ctx.clock().getZone()))
                        + ": the restore-access vault is closed";
                default -> "Revocation " + r.name().toLowerCase(Locale.ROOT) + ": " + t.revocation.why() + ". The access is still open";
            };
        } else if (t.grant != null && t.grant.revokeStatus() != null) {
            revocationText = "Revocation " + t.grant.revokeStatus().toLowerCase(Locale.ROOT)
                    + (t.grant.revokeMessage() == null ? "" : ": " + t.grant.revokeMessage());
        }
        String tooLong = openTooLong(t, o, r, at, cat);
        return new AccessPage(t.ra, vaultName(cat, t.ra), t.lag, vaultName(cat, t.lag), teamArn, teamName,
                s != null && s.requesterArn() != null ? s.requesterArn() : j == null ? null : j.requester(),
                s != null && s.initiated() != null ? s.initiated() : j == null ? null : j.requested(),
                s != null && s.requesterComment() != null ? s.requesterComment() : j == null ? null : j.comment(),
                t.session, state, o, verdict, level, left, s == null ? null : s.requiredApprovals() + " of " + s.numberOfApprovers(),
                votes(cat, s), List.copyOf(points), r, revocationText, votes(cat, t.revocation), tooLong, t.following, t.checked, t.error);
    }

    private static String openTooLong(Tracker t, Outcome o, Outcome r, Instant at, EstateCatalog cat) {
        int days = cat == null ? 7 : cat.index().thresholds().restoreAccessMaxAgeDays();
        Instant opened = t.grant != null && t.grant.approved() != null ? t.grant.approved() : t.view == null ? null : t.view.completed();
        return openTooLong(o, r, t.vault == null ? null : t.vault.state(), opened, at, days);
    }

    /**
     * MPA-07 while a request's page is open: approved {@code opened}, longer ago than {@code days} (the estate's
     * restoreAccessMaxAgeDays) and not revoked; or its revocation ended without closing it. Null when neither.
     */
    static String openTooLong(Outcome o, Outcome revocation, String vaultState, Instant opened, Instant at, int days) {
        if (o != Outcome.APPROVED || revocation == Outcome.APPROVED || revocation == Outcome.PENDING || "DELETED".equals(vaultState)) {
            return null;
        }
        if (revocation != null) {
            return "The revocation " + revocation.name().toLowerCase(Locale.ROOT) + ": the restore access is still open (MPA-07). "
                    + "Ask again, and tell the approvers why.";
        }
        if (opened == null || !opened.isBefore(at.minus(Duration.ofDays(days)))) {
            return null;
        }
        return "Open for " + Formats.duration(Duration.between(opened, at)) + ", longer than the " + days + " days the estate allows (MPA-07): "
                + "revoke it once the restore is done, so the air-gapped copy is out of reach again.";
    }

    private static List<VoteLine> votes(EstateCatalog cat, SessionView s) {
        if (s == null) {
            return List.of();
        }
        Map<String, String> people = cat == null ? Map.of() : ApprovalTeams.people(cat.index());
        List<VoteLine> out = new ArrayList<>();
        for (ApproverVote v : s.responses()) {
            String who = v.identityId() != null ? people.getOrDefault(v.identityId(), v.identityId()) : Objects.toString(v.approverId(), Formats.NOT_READ);
            out.add(new VoteLine(who, ApprovalWords.response(v.response()), v.at()));
        }
        return out;
    }

    private static String vaultName(EstateCatalog cat, String arn) {
        if (arn == null) {
            return Formats.NOT_READ;
        }
        EstateIndex.VaultRef v = cat == null ? null : cat.index().vault(arn);
        if (v != null && v.vault().backupVaultName() != null) {
            return v.vault().backupVaultName();
        }
        int i = arn.indexOf("backup-vault:");
        return i < 0 ? arn : arn.substring(i + "backup-vault:".length());
    }

    private static String teamName(EstateCatalog cat, String arn) {
        if (arn == null || cat == null) {
            return arn;
        }
        return cat.index().approvalTeams().stream().map(EstateIndex.TeamRef::team).filter(t -> arn.equals(t.arn()) && t.name() != null)
                .map(ApprovalTeam::name).findFirst().orElse(arn);
    }

    private static String resourceName(EstateCatalog cat, String arn) {
        if (arn == null) {
            return Formats.NOT_READ;
        }
        if (cat != null) {
            for (var r : cat.index().protectedResources()) {
                if (arn.equals(r.resource().resourceArn()) && r.resource().resourceName() != null) {
                    return r.resource().resourceName();
                }
            }
        }
        return Formats.shortArn(arn);
    }

    private <T> void run(String title, java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done, String failure) {
        busy.set(true);
        problem.set(null);
        ctx.actions().tasks().run(title, false, w -> work.call(), v -> {
            busy.set(false);
            done.accept(v);
        }, e -> {
            busy.set(false);
            problem.set(FailureText.of(failure, e, p -> { }).text());
        });
    }

    private ApprovalService service() {
        return ctx.actions().services().approvals();
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ObservableList<VaultLine> vaults() {
        return vaults;
    }

    public ObservableList<RequestLine> requests() {
        return requests;
    }

    public ReadOnlyObjectProperty<RequestPreflight> preflightProperty() {
        return preflight.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestVaultProperty() {
        return requestVault.getReadOnlyProperty();
    }

    /** The air-gapped vault the request page is for, by name. */
    public String requestVaultName() {
        return vaultName(ctx.catalog(), requestVault.get());
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty revokeCommentProperty() {
        return revokeComment;
    }

    public ReadOnlyObjectProperty<AccessPage> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whyNotChangeProperty() {
        return whyNotChange.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rehearsalProperty() {
        return rehearsal.getReadOnlyProperty();
    }

    /** How many requests this console follows that still wait for their approvers (the navigation's badge). */
    public long waiting() {
        return trackers.values().stream().filter(t -> t.view != null && t.view.outcome() == Outcome.PENDING).count();
    }
}
