package dev.redoubt.ui.browse;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.navigation.Navigator;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.signin.Browser;
import dev.redoubt.ui.workspace.ConsoleActions;
import dev.redoubt.ui.workspace.Notice;
import dev.redoubt.ui.workspace.Workspace;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the browsing screens share: the workspace and its catalog, the navigator (links go
 * through it, so back returns), and the browser for "Open in the AWS console". No nodes.
 */
public final class BrowseContext {
    private final ConsoleActions actions;
    private final Navigator navigator;
    private final Browser browser;

    public BrowseContext(ConsoleActions actions, Navigator navigator, Browser browser) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.browser = Objects.requireNonNull(browser, "browser");
    }

    /** The user's browser (a page outside the console: the AWS console, the sandbox's approver page). */
    public Browser browser() {
        return browser;
    }

    public ConsoleActions actions() {
        return actions;
    }

    public Workspace workspace() {
        return actions.workspace();
    }

    public Navigator navigator() {
        return navigator;
    }

    public Clock clock() {
        return actions.clock();
    }

    /** The catalog of the estate on show, or null when none is open. */
    public EstateCatalog catalog() {
        return workspace().catalog();
    }

    public Optional<Place> placeFor(String arnOrId) {
        return Links.placeFor(catalog(), arnOrId);
    }

    /** Goes to the page of an ARN or account ID; false when the console has none for it. */
    public boolean openArn(String arnOrId) {
        Optional<Place> place = placeFor(arnOrId);
        return place.isPresent() && navigator.open(place.get());
    }

    /** The AWS console page of an ARN (a recovery point's under its vault). */
    public Optional<String> consoleUrl(String arn) {
        EstateCatalog c = catalog();
        if (c != null && arn != null) {
            EstateIndex.PointRef p = c.point(arn);
            if (p != null && p.vault().vault().backupVaultName() != null) {
                return Optional.of(AwsConsoleUrls.recoveryPoint(p.vault().region(), p.vault().vault().backupVaultName(), arn));
            }
        }
        return AwsConsoleUrls.of(arn);
    }

    /** Opens the AWS console page in the user's browser, or says why not. */
    public void openInAwsConsole(String arn) {
        Optional<String> url = consoleUrl(arn);
        if (url.isEmpty()) {
            actions.notices().post(Notice.of(Notice.Kind.INFO, "No AWS console page", "The AWS console has no page Redoubt knows for " + arn + "."));
            return;
        }
        if (!browser.open(url.get())) {
            actions.notices().post(Notice.of(Notice.Kind.WARNING, "Could not open a browser",
                    "Open this address in a browser: " + url.get()));
        }
    }
}
