package dev.redoubt.ui.workspace;

import dev.redoubt.services.AuditRun;
import dev.redoubt.services.AuditService;
import dev.redoubt.services.Cancellation;
import dev.redoubt.services.CaptureTarget;
import dev.redoubt.services.Connection;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.services.EstateOrigin;
import dev.redoubt.services.EstateService;
import dev.redoubt.services.LoadedEstate;
import dev.redoubt.services.CredentialKind;
import dev.redoubt.services.ProfileInfo;
import dev.redoubt.services.ServiceFailure;
import dev.redoubt.services.ScanOutcome;
import dev.redoubt.services.ScanPlan;
import dev.redoubt.services.ScanService;
import dev.redoubt.services.Services;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Navigator;
import dev.redoubt.ui.signin.Browser;
import dev.redoubt.ui.signin.SignInViewModel;
import dev.redoubt.ui.tasks.BackgroundTasks;
import dev.redoubt.ui.tasks.RunningTask;
import dev.redoubt.ui.tasks.TaskContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The console's use cases that several screens start: open the demo, open a capture, sign in,
 * scan, refresh, apply changed suppressions. Each runs through the background tasks, keeps the
 * workspace up to date on the UI thread, and tells the outcome in a notice. No JavaFX nodes.
 */
public final class ConsoleActions {
    private final Services services;
    private final BackgroundTasks tasks;
    private final Workspace workspace;
    private final Notices notices;
    private final Navigator navigator;
    private final Browser browser;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<SignInViewModel> signInPrompt = new ReadOnlyObjectWrapper<>();
    private ScanPlan lastPlan;
    private boolean demoPrepared;
    private RunningTask scanTask;

    public ConsoleActions(Services services, BackgroundTasks tasks, Workspace workspace, Notices notices, Navigator navigator, Browser browser,
                          Clock clock) {
        this.services = services;
        this.tasks = tasks;
        this.workspace = workspace;
        this.notices = notices;
        this.navigator = navigator;
        this.browser = browser;
        this.clock = clock;
    }

    public Services services() {
        return services;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Where screens send the user (the shell, with its history). */
    public Navigator navigator() {
        return navigator;
    }

    public Notices notices() {
        return notices;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /** The console's clock (today's date for expiries, "in 90 days"). */
    public Clock clock() {
        return clock;
    }

    /** The device-code sign-in waiting for the user's confirmation, or null; the shell shows it as a dialog. */
    public ReadOnlyObjectProperty<SignInViewModel> signInPromptProperty() {
        return signInPrompt.getReadOnlyProperty();
    }

    /** Builds the demo organization and loads what opening it needs, in the background, once per window. */
    public void prepareDemo() {
        if (demoPrepared) {
            return;
        }
        demoPrepared = true;
        tasks.run("Preparing the demo organization", false, ctx -> {
            services.demo().prepare();
            return Boolean.TRUE;
        }, ok -> { }, t -> { });
    }

    /** Starts the demo's sandbox, signs in through its SSO flow, scans it whole and shows the overview. */
    public void openDemo() {
        if (!start()) {
            return;
        }
        tasks.run("Opening the demo organization", true, ctx -> {
            Connection c = services.demo().connect(workspace.mode(), code -> { }, ctx.cancellation());
            ctx.post(() -> workspace.connected(c));
            ScanOutcome outcome = services.scans().scan(c, ScanPlan.everything(), CaptureTarget.inHome(), progress(ctx), ctx.cancellation());
            return audited(new LoadedEstate(outcome.estate(), new EstateOrigin(EstateOrigin.Kind.DEMO, outcome.capture(), c.profileName())),
                    outcome);
        }, this::shown, failed("Could not open the demo organization"));
    }

    /** Reads and audits a capture file, then shows the overview. */
    public void openCapture(Path file) {
        if (!start()) {
            return;
        }
        String name = String.valueOf(file.getFileName());
        tasks.run("Opening " + name, true, ctx -> {
            LoadedEstate loaded = services.estates().open(file, new EstateService.OpenProgress() {
                @Override
                public void reading(long done, long total) {
                    ctx.progress(done, total, EstateService.megabytes(done) + " of " + EstateService.megabytes(total) + " MB read");
                }

                @Override
                public void checking() {
                    ctx.progress(0, 0, "Checking the estate");
                }
            }, ctx.cancellation());
            ctx.progress(0, 0, "Running the checks");
            return audited(loaded, null, ctx.cancellation());
        }, this::shown, failed("Could not open " + name, "Opening cancelled"));
    }

    /**
     * Signs in with a profile (the SSO device-code sign-in first when it has none valid), then goes
     * to the scan screen to choose what to scan.
     */
    public void signIn(String profile) {
        signIn(profile, () -> navigator.show(Destinations.SCAN));
    }

    private void ssoSignIn(String profile, TaskContext ctx) {
        services.signIn().signInWithSso(profile, code -> ctx.post(() -> signInPrompt.set(
                new SignInViewModel(profile, code, ctx.cancellation(), browser, clock))), ctx.cancellation());
        ctx.post(() -> signInPrompt.set(null));
    }

    /**
     * Shows the SSO device-code sign-in (the same dialog as the first sign-in: the code large, copy, open the page,
     * cancel) for a sign-in that {@code ctx}'s task is making, e.g. a second person signing a drill off; null hides it.
     */
    public void promptSignIn(String who, dev.redoubt.services.DeviceCode code, TaskContext ctx) {
        ctx.post(() -> signInPrompt.set(code == null ? null : new SignInViewModel(who, code, ctx.cancellation(), browser, clock)));
    }

    /** Signs in and scans at once (redoubt console --profile). */
    public void signInAndScan(String profile, ScanPlan plan) {
        signIn(profile, () -> {
            scan(plan);
            navigator.show(Destinations.SCAN);
        });
    }

    private void signIn(String profile, Runnable then) {
        if (!start()) {
            return;
        }
        tasks.run("Signing in with " + profile, true, ctx -> {
            ProfileInfo info = services.signIn().profile(profile);
            boolean signedInNow = false;
            if (info.needsSignIn()) {
                ssoSignIn(profile, ctx);
                signedInNow = true;
            }
            try {
                return services.signIn().signIn(profile, workspace.mode());
            } catch (ServiceFailure f) {
                // A cached SSO sign-in that IAM Identity Center no longer honours (revoked, or from another session): sign in again.
                if (f.kind() != ServiceFailure.Kind.SIGN_IN_REQUIRED || info.kind() != CredentialKind.SSO || signedInNow) {
                    throw f;
                }
                ssoSignIn(profile, ctx);
                return services.signIn().signIn(profile, workspace.mode());
            }
        }, c -> {
            signInPrompt.set(null);
            workspace.busy(false);
            workspace.connected(c);
            services.estates().rememberProfile(profile);
            notices.post(Notice.of(Notice.Kind.SUCCESS, "Signed in", "As " + c.identity().arn() + " in " + modeWords(c) + "."));
            then.run();
        }, t -> {
            signInPrompt.set(null);
            failed("Could not sign in with " + profile).accept(t);
        });
    }

    /** Scans with the signed-in connection, keeps the capture in Redoubt's home, audits it and shows it. */
    public void scan(ScanPlan plan) {
        Connection c = workspace.connection();
        if (c == null) {
            notices.post(Notice.of(Notice.Kind.WARNING, "Sign in first", "Choose a profile on the start screen to scan with."));
            return;
        }
        if (!start()) {
            return;
        }
        lastPlan = plan;
        scanTask = tasks.run(plan.incremental() ? "Refreshing the capture" : "Scanning", true, ctx -> {
            ScanOutcome outcome = services.scans().scan(c, plan, CaptureTarget.inHome(), progress(ctx), ctx.cancellation());
            return audited(new LoadedEstate(outcome.estate(), c.demo()
                    ? new EstateOrigin(EstateOrigin.Kind.DEMO, outcome.capture(), c.profileName())
                    : EstateOrigin.live(c.profileName(), outcome.capture())), outcome);
        }, shown -> {
            scanTask = null;
            shown(shown);
        }, t -> {
            scanTask = null;
            failed("The scan failed").accept(t);
        });
    }

    /** Reads only what changed since the capture on show (the same accounts and regions as its scan). */
    public void refresh() {
        LoadedEstate on = workspace.estate();
        if (on == null || workspace.connection() == null) {
            notices.post(Notice.of(Notice.Kind.WARNING, "Nothing to refresh", "Refresh reads what changed since a scan: sign in and scan first."));
            return;
        }
        ScanPlan base = lastPlan != null ? lastPlan : ScanPlan.everything();
        scan(base.since(on.estate()));
    }

    /** Stops the running scan; what was read is kept as a partial capture. */
    public void cancelScan() {
        if (scanTask != null) {
            scanTask.cancel();
        }
    }

    /** Applies the suppressions file as it is now to the audit on show (after one was added or lifted). */
    public void suppressionsChanged() {
        AuditRun run = workspace.audit();
        if (run == null) {
            return;
        }
        tasks.run("Applying suppressions", false, ctx -> {
                    AuditRun again = services.audits().reapply(run, services.suppressions().load());
                    return new Audited(again, EstateCatalog.of(again));
                }, a -> workspace.audited(a.run(), a.catalog()), failed("Could not apply the suppressions"));
    }

    /** An estate, its audit and the scan behind it, ready to show. */
    private record Shown(LoadedEstate estate, AuditRun audit, EstateCatalog catalog, ScanOutcome scan) {
    }

    private record Audited(AuditRun run, EstateCatalog catalog) {
    }

    private Shown audited(LoadedEstate loaded, ScanOutcome scan) {
        return audited(loaded, scan, Cancellation.none());
    }

    /** Audits what was loaded and journals the audit; cancelled meanwhile, it is neither journaled nor shown. */
    private Shown audited(LoadedEstate loaded, ScanOutcome scan, Cancellation cancel) {
        AuditRun run;
        try {
            run = services.audits().audit(loaded.estate(), scan != null ? AuditService.subjectOf(scan) : AuditService.subjectOf(loaded), cancel);
        } catch (ServiceFailure f) {
            throw f.kind() == ServiceFailure.Kind.CANCELLED ? notOpened(loaded) : f;
        }
        if (cancel.isCancelled()) {
            throw notOpened(loaded);
        }
        services.audits().record(run, null, null, null);
        Path file = loaded.origin().file();
        if (file != null) {
            services.estates().rememberCapture(file, loaded.estate().name());
        }
        return new Shown(loaded, run, EstateCatalog.of(run), scan);
    }

    private static ServiceFailure notOpened(LoadedEstate loaded) {
        Path from = loaded.origin().file();
        return new ServiceFailure(ServiceFailure.Kind.CANCELLED, (from == null ? "the estate" : String.valueOf(from.getFileName()))
                + " was not opened: cancelled while its checks ran");
    }

    private void shown(Shown s) {
        workspace.busy(false);
        workspace.scanning(null);
        workspace.show(s.estate(), s.audit(), s.catalog(), s.scan());
        ScanOutcome scan = s.scan();
        if (scan != null && scan.outcome() == ScanOutcome.Outcome.CANCELLED) {
            notices.post(Notice.of(Notice.Kind.WARNING, "Scan cancelled: partial capture kept",
                    "What was read is kept in " + scan.capture().getFileName() + ". Scopes that were not finished are listed on the scan screen;"
                            + " their checks report UNKNOWN."));
            navigator.show(Destinations.SCAN);
            return;
        }
        if (scan != null && scan.outcome() == ScanOutcome.Outcome.PARTIAL) {
            notices.post(Notice.of(Notice.Kind.WARNING, scan.unread().size() + " scopes could not be read",
                    "Their checks report UNKNOWN. The scan screen lists each with AWS's reason.",
                    new Notice.Action("Show them", () -> navigator.show(Destinations.SCAN))));
        }
        navigator.show(Destinations.OVERVIEW);
    }

    private java.util.function.Consumer<Throwable> failed(String what) {
        return failed(what, null);
    }

    /**
     * A task's failure as a notice; with {@code whenCancelled}, a cancellation is told under that title, in the service's
     * words (which start with the file's name, kept as it is) and with the estate on show named as kept.
     */
    private java.util.function.Consumer<Throwable> failed(String what, String whenCancelled) {
        return t -> {
            workspace.busy(false);
            workspace.scanning(null);
            if (whenCancelled != null && t instanceof ServiceFailure f && f.kind() == ServiceFailure.Kind.CANCELLED) {
                notices.post(Notice.of(Notice.Kind.INFO, whenCancelled, f.getMessage() + "."
                        + (workspace.estate() != null ? " The estate you had open stays on show." : "")));
                return;
            }
            notices.post(FailureText.of(what, t, this::signIn));
        };
    }

    /** Only one opening, sign-in or scan at a time: the workspace holds one estate. */
    private boolean start() {
        if (workspace.busy()) {
            notices.post(Notice.of(Notice.Kind.INFO, "Busy", "Wait for the current task to finish, or cancel it in the status bar."));
            return false;
        }
        workspace.busy(true);
        return true;
    }

    /** Hands the scan's progress (a few snapshots a second, from the scan service) to the UI thread. */
    private ScanService.Listener progress(TaskContext ctx) {
        return status -> {
            ctx.progress(status.unitsDone(), status.unitsKnown(), String.format(Locale.ROOT, "%,d recovery points read", status.recoveryPoints()));
            ctx.post(() -> {
                if (workspace.busy()) {
                    workspace.scanning(status);
                }
            });
        };
    }

    private static String modeWords(Connection c) {
        return c.mode() == dev.redoubt.journal.Mode.OPERATOR ? "operator mode" : "auditor mode (read-only)";
    }
}
