package dev.redoubt.app;

import dev.redoubt.services.ScanPlan;
import dev.redoubt.ui.Theme;
import dev.redoubt.ui.approvals.ApprovalsView;
import dev.redoubt.ui.approvals.ApprovalsViewModel;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.drills.DrillsView;
import dev.redoubt.ui.drills.DrillsViewModel;
import dev.redoubt.ui.drills.SecondPersonSignIn;
import dev.redoubt.ui.organization.OrganizationView;
import dev.redoubt.ui.organization.OrganizationViewModel;
import dev.redoubt.ui.findings.FindingsView;
import dev.redoubt.ui.findings.FindingsViewModel;
import dev.redoubt.ui.keys.KeysView;
import dev.redoubt.ui.keys.KeysViewModel;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.overview.OverviewView;
import dev.redoubt.ui.overview.OverviewViewModel;
import dev.redoubt.ui.plans.PlansView;
import dev.redoubt.ui.plans.PlansViewModel;
import dev.redoubt.ui.restorejobs.RestoreJobsView;
import dev.redoubt.ui.restorejobs.RestoreJobsViewModel;
import dev.redoubt.ui.restoretests.RestoreTestsView;
import dev.redoubt.ui.restoretests.RestoreTestsViewModel;
import dev.redoubt.ui.recoverypoints.RecoveryPointsView;
import dev.redoubt.ui.recoverypoints.RecoveryPointsViewModel;
import dev.redoubt.ui.scan.ScanView;
import dev.redoubt.ui.scan.ScanViewModel;
import dev.redoubt.ui.shell.ScreenEntry;
import dev.redoubt.ui.shell.ShellView;
import dev.redoubt.ui.shell.ShellViewModel;
import dev.redoubt.ui.shell.ShellWindow;
import dev.redoubt.ui.signin.SignInView;
import dev.redoubt.ui.start.StartView;
import dev.redoubt.ui.start.StartViewModel;
import dev.redoubt.ui.tasks.BackgroundTasks;
import dev.redoubt.ui.signin.Browser;
import dev.redoubt.ui.workspace.ConsoleActions;
import dev.redoubt.ui.workspace.Notices;
import dev.redoubt.ui.workspace.Workspace;
import atlantafx.base.theme.Styles;
import dev.redoubt.ui.palette.PaletteView;
import dev.redoubt.ui.palette.PaletteViewModel;
import dev.redoubt.ui.vaults.VaultsView;
import dev.redoubt.ui.vaults.VaultsViewModel;
import dev.redoubt.ui.workspace.Notice;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import dev.redoubt.ui.access.AccessView;
import dev.redoubt.ui.access.AccessViewModel;
import dev.redoubt.ui.workspace.DesktopNotifier;
import javafx.stage.Stage;

/**
 * The window's wiring: the shared workspace and actions, one view model per screen, the
 * navigation registry (one entry per screen) and the shell. Built once per window.
 */
public final class Console {
    private final ConsoleActions actions;
    private final ShellViewModel shell;
    private final ShellView view;
    private final Workspace workspace;

    private Console(ConsoleActions actions, ShellViewModel shell, ShellView view, Workspace workspace) {
        this.actions = actions;
        this.shell = shell;
        this.view = view;
        this.workspace = workspace;
    }

    /** Builds the console on the application context's services and {@code tasks}. */
    public static Console build(AppContext ctx, BackgroundTasks tasks, Browser browser) {
        return build(ctx, tasks, browser, new DesktopNotifications());
    }

    /** The console with {@code desktop} telling the operator what ends while they work elsewhere (an approval session). */
    public static Console build(AppContext ctx, BackgroundTasks tasks, Browser browser, DesktopNotifier desktop) {
        Workspace workspace = ctx.own(new Workspace());
        Notices notices = new Notices();
        ShellViewModel shell = new ShellViewModel(AppVersion.version(), workspace, tasks, notices, ctx.clock());
        ConsoleActions actions = new ConsoleActions(ctx.services(), tasks, workspace, notices, shell, browser, ctx.clock());

        StartViewModel start = new StartViewModel(actions, ctx.clock());
        ScanViewModel scan = new ScanViewModel(actions, shell);
        FindingsViewModel findings = new FindingsViewModel(actions);
        OverviewViewModel overview = new OverviewViewModel(actions, query -> {
            findings.open(query);
            shell.select(Destinations.FINDINGS);
        });

        BrowseContext browse = new BrowseContext(actions, shell, browser);
        OrganizationViewModel organization = new OrganizationViewModel(browse);
        VaultsViewModel vaults = new VaultsViewModel(browse);
        KeysViewModel keys = new KeysViewModel(browse, query -> {
            findings.open(query);
            shell.select(Destinations.FINDINGS);
        });
        PlansViewModel plans = new PlansViewModel(browse);
        RestoreTestsViewModel restoreTests = new RestoreTestsViewModel(browse);
        RestoreJobsViewModel restoreJobs = new RestoreJobsViewModel(browse);
        RecoveryPointsViewModel recoveryPoints = new RecoveryPointsViewModel(browse);
        DrillsViewModel drills = new DrillsViewModel(browse, new SecondPersonSignIn(ctx.services(), workspace),
                SecondPersonSignIn.rehearsal(ctx.services()));

        ApprovalsViewModel approvals = new ApprovalsViewModel(browse);
        AccessViewModel access = new AccessViewModel(browse, desktop, AccessViewModel.Sandbox.of(ctx.services()));
        // Requests waiting for their approvers are followed whichever screen is shown.
        Timeline heartbeat = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> access.tick()));
        heartbeat.setCycleCount(Timeline.INDEFINITE);
        heartbeat.play();
        ctx.own(() -> heartbeat.stop());

        var hasEstate = workspace.estateProperty().isNotNull();
        List<ScreenEntry> screens = List.of(
                ScreenEntry.of(Destinations.START, () -> new StartView(start)),
                new ScreenEntry(Destinations.SCAN, () -> new ScanView(scan), scan.badge(),
                        Bindings.createBooleanBinding(() -> workspace.connection() != null || workspace.scanProgressProperty().get() != null,
                                workspace.connectionProperty(), workspace.scanProgressProperty())),
                new ScreenEntry(Destinations.OVERVIEW, () -> new OverviewView(overview), overview.badgeProperty(), hasEstate),
                new ScreenEntry(Destinations.FINDINGS, () -> new FindingsView(findings), findings.failingBadge(), hasEstate),
                new ScreenEntry(Destinations.ORGANIZATION, () -> new OrganizationView(organization), organization.badge(), hasEstate,
                        organization::open),
                new ScreenEntry(Destinations.VAULTS, () -> new VaultsView(vaults), vaults.badge(), hasEstate, vaults::open),
                new ScreenEntry(Destinations.RECOVERY_POINTS, () -> new RecoveryPointsView(recoveryPoints), recoveryPoints.badge(), hasEstate,
                        recoveryPoints::open),
                new ScreenEntry(Destinations.KEYS, () -> new KeysView(keys), keys.badge(), hasEstate, keys::open),
                new ScreenEntry(Destinations.PLANS, () -> new PlansView(plans), null, hasEstate, plans::open),
                new ScreenEntry(Destinations.RESTORE_TESTS, () -> new RestoreTestsView(restoreTests), null, hasEstate, restoreTests::open),
                new ScreenEntry(Destinations.RESTORE_JOBS, () -> new RestoreJobsView(restoreJobs), null, hasEstate, restoreJobs::open),
                new ScreenEntry(Destinations.DRILLS, () -> new DrillsView(drills), drills.badge(), null, drills::open),
                new ScreenEntry(Destinations.APPROVALS, () -> new ApprovalsView(approvals), null, hasEstate, approvals::open),
                new ScreenEntry(Destinations.ACCESS, () -> new AccessView(access), null, null, access::open));
        screens.forEach(s -> shell.addDestination(s.destination(), s.badge(), s.available(), s.route()));
        ShellView view = new ShellView(shell, screens);
        actions.signInPromptProperty().addListener((o, old, prompt) -> {
            if (prompt != null) {
                SignInView dialog = new SignInView(prompt);
                view.showModal(dialog.root());
            } else {
                view.hideModal();
            }
        });
        PaletteViewModel palette = new PaletteViewModel(browse);
        PaletteView paletteView = new PaletteView(palette);
        Runnable openPalette = () -> {
            if (palette.show()) {
                view.showModal(paletteView.root());
                paletteView.focus();
            } else {
                notices.post(Notice.of(Notice.Kind.INFO, "Nothing to search yet", "Open the demo, a capture or a scan first."));
            }
        };
        palette.openProperty().addListener((o, was, open) -> {
            if (!open && view.showsModal(paletteView.root())) {
                view.hideModal();
            }
        });
        view.addShortcut(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), openPalette);
        Button search = new Button("Jump to…", new FontIcon(Material2OutlinedMZ.SEARCH));
        search.setId("openPalette");
        search.getStyleClass().addAll(Styles.FLAT);
        search.setTooltip(new Tooltip("Jump to an account, vault, key or resource by name, ID or ARN (Ctrl+K)"));
        search.setFocusTraversable(false);
        search.disableProperty().bind(workspace.catalogProperty().isNull());
        search.setOnAction(e -> openPalette.run());
        view.addHeaderAction(search);
        shell.select(Destinations.START);
        return new Console(actions, shell, view, workspace);
    }

    /** Shows the console in {@code stage}. */
    public Scene show(Stage stage) {
        return new ShellWindow(shell, view).show(stage);
    }

    /** Goes where 'redoubt console' asked: the demo, a capture, or a profile to sign in with and scan. */
    public void open(ConsoleStart start) {
        switch (start.kind()) {
            case START_SCREEN -> { }
            case DEMO -> actions.openDemo();
            case ESTATE -> actions.openCapture(start.estate());
            case PROFILE -> actions.signInAndScan(start.profile(), new ScanPlan(start.accounts(), start.accounts().isEmpty(), start.role(),
                    start.regions(), start.regions().isEmpty(), ScanPlan.DEFAULT_IN_FLIGHT_PER_SCOPE, ScanPlan.DEFAULT_IN_FLIGHT, null));
        }
    }

    public ConsoleActions actions() {
        return actions;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public ShellView view() {
        return view;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Applies the theme once per process, before the first scene. */
    public static void applyTheme() {
        Theme.applyBaseTheme();
    }
}
