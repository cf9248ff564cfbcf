package dev.redoubt.ui;

/** Style-class names defined in redoubt.css, so code never spells them twice (and never uses setStyle). */
public final class StyleClasses {
    public static final String SHELL = "redoubt-shell";
    public static final String TOP_BAR = "top-bar";
    public static final String PRODUCT_NAME = "product-name";
    public static final String TOP_BAR_ITEM = "top-bar-item";
    public static final String MODE_BADGE = "mode-badge";
    public static final String NAVIGATION_PANE = "navigation-pane";
    public static final String NAVIGATION_HEADING = "navigation-heading";
    public static final String NAVIGATION_LIST = "navigation-list";
    public static final String NAVIGATION_ENTRY = "navigation-entry";
    public static final String NAVIGATION_ICON = "navigation-icon";
    public static final String SOON_BADGE = "soon-badge";
    public static final String CONTENT = "content";
    public static final String WELCOME = "welcome";
    public static final String WELCOME_TITLE = "welcome-title";
    public static final String WELCOME_TEXT = "welcome-text";
    public static final String WELCOME_HINT = "welcome-hint";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_TEXT = "status-text";

    private StyleClasses() {
    }
}
