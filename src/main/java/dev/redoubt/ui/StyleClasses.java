package dev.redoubt.ui;

/** Style-class names defined in redoubt.css, so code never spells them twice (and never uses setStyle). */
public final class StyleClasses {
    public static final String SHELL = "redoubt-shell";
    public static final String TOP_BAR = "top-bar";
    public static final String PRODUCT_NAME = "product-name";
    public static final String TOP_BAR_ITEM = "top-bar-item";
    public static final String ESTATE_NAME = "estate-name";
    public static final String ESTATE_DETAIL = "estate-detail";
    public static final String MODE_BADGE = "mode-badge";
    public static final String MODE_AUDITOR = "mode-auditor";
    public static final String MODE_OPERATOR = "mode-operator";
    public static final String NAVIGATION_PANE = "navigation-pane";
    public static final String NAVIGATION_HEADING = "navigation-heading";
    public static final String NAVIGATION_LIST = "navigation-list";
    public static final String NAVIGATION_ENTRY = "navigation-entry";
    public static final String NAVIGATION_ICON = "navigation-icon";
    public static final String NAVIGATION_BADGE = "navigation-badge";
    public static final String CONTENT = "content";
    public static final String NOTICES = "notices";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_TEXT = "status-text";
    public static final String STATUS_TASK = "status-task";
    /** A screen's outer padding and its title line. */
    public static final String SCREEN = "screen";
    public static final String SCREEN_TITLE = "screen-title";
    public static final String SCREEN_SUBTITLE = "screen-subtitle";
    /** A white card with a border, for grouped content. */
    public static final String CARD = "card";
    public static final String CARD_TITLE = "card-title";
    /** Result and severity colours (text and chips). */
    public static final String STATUS_PASS = "status-pass";
    public static final String STATUS_FAIL = "status-fail";
    public static final String STATUS_UNKNOWN = "status-unknown";
    public static final String STATUS_SUPPRESSED = "status-suppressed";
    public static final String SEVERITY_CRITICAL = "severity-critical";
    public static final String SEVERITY_HIGH = "severity-high";
    public static final String SEVERITY_MEDIUM = "severity-medium";
    public static final String SEVERITY_LOW = "severity-low";
    public static final String SEVERITY_INFO = "severity-info";
    /** A small rounded label (status, severity, kind). */
    public static final String CHIP = "chip";
    /** Monospaced text: ARNs, commands, snippets. */
    public static final String MONO = "mono";
    /** Muted explanatory text under a control. */
    public static final String HINT = "hint";

    private StyleClasses() {
    }

    /** The chip class of a severity: the same colours on every screen. */
    public static String of(dev.redoubt.findings.Severity s) {
        return switch (s) {
            case CRITICAL -> SEVERITY_CRITICAL;
            case HIGH -> SEVERITY_HIGH;
            case MEDIUM -> SEVERITY_MEDIUM;
            case LOW -> SEVERITY_LOW;
            case INFO -> SEVERITY_INFO;
        };
    }

    /** The chip class of a result's status. */
    public static String of(dev.redoubt.findings.Status s) {
        return switch (s) {
            case PASS -> STATUS_PASS;
            case FAIL -> STATUS_FAIL;
            case UNKNOWN -> STATUS_UNKNOWN;
            case SUPPRESSED -> STATUS_SUPPRESSED;
        };
    }
}
