package dev.redoubt.ui.browse;

import java.util.Objects;
import javafx.scene.Parent;

/** The browsing screens' shared stylesheet (browse.css) and its class names. */
public final class BrowseStyles {
    public static final String STYLESHEET = "/dev/redoubt/ui/browse/browse.css";
    public static final String SCREEN = "browse-screen";
    public static final String LIST_HEADER = "list-header";
    public static final String LIST_TITLE = "list-title";
    public static final String LIST_COUNT = "list-count";
    public static final String SCOPE_CHIP = "scope-chip";
    public static final String FILTER_BAR = "browse-filter-bar";
    public static final String TABLE = "browse-table";
    public static final String DETAIL = "browse-detail";
    public static final String DETAIL_KIND = "detail-kind";
    public static final String DETAIL_TITLE = "browse-detail-title";
    public static final String DETAIL_SUBTITLE = "detail-subtitle";
    public static final String SECTION = "browse-section";
    public static final String SECTION_TITLE = "browse-section-title";
    public static final String FACT_NAME = "browse-fact-name";
    public static final String FACT_VALUE = "browse-fact-value";
    public static final String MUTED = "browse-muted";
    public static final String ARN_LINK = "arn-link";
    public static final String SEVERITY = "severity";
    public static final String VERDICT_GOOD = "verdict-good";
    public static final String VERDICT_WARN = "verdict-warn";
    public static final String VERDICT_BAD = "verdict-bad";
    public static final String VERDICT_UNKNOWN = "verdict-unknown";
    public static final String PLACEHOLDER = "browse-placeholder";

    private BrowseStyles() {
    }

    /** Adds the shared stylesheet to a screen's root. */
    public static void apply(Parent root) {
        String url = Objects.requireNonNull(BrowseStyles.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
        if (!root.getStylesheets().contains(url)) {
            root.getStylesheets().add(url);
        }
        if (!root.getStyleClass().contains(SCREEN)) {
            root.getStyleClass().add(SCREEN);
        }
    }

    /** The class of a verdict's colour: good, warn, bad, unknown. */
    public static String verdict(String level) {
        return switch (level) {
            case "good" -> VERDICT_GOOD;
            case "warn" -> VERDICT_WARN;
            case "bad" -> VERDICT_BAD;
            default -> VERDICT_UNKNOWN;
        };
    }
}
