package dev.redoubt.ui.scan;

import javafx.css.PseudoClass;

/** Style classes of scan.css, so the view never spells them twice. */
final class ScanStyles {
    static final String SCAN_SCREEN = "scan-screen";
    static final String PANE_SCROLL = "scan-pane-scroll";
    static final String EMPTY_ICON = "scan-empty-icon";
    static final String IDENTITY = "scan-identity";
    static final String BANNER = "scan-banner";
    static final String BANNER_TITLE = "scan-banner-title";
    static final String BANNER_WARNING = "scan-banner-warning";
    static final String BANNER_DANGER = "scan-banner-danger";
    static final String BANNER_INFO = "scan-banner-info";
    static final String CARD_ICON = "scan-card-icon";
    static final String FOOTER = "scan-footer";
    static final String BLOCKED = "scan-blocked";
    static final String TREE_BOX = "scan-tree-box";
    static final String ACCOUNT_TREE = "scan-account-tree";
    static final String KIND_ICON = "scan-kind-icon";
    static final String ACCOUNT_STATUS = "scan-account-status";
    static final String SIGNED_IN = "scan-signed-in";
    static final String REGION_LIST = "scan-region-list";
    static final String REGION_LINE = "scan-region-line";
    static final String REGION_SCROLL = "scan-region-scroll";
    static final String PERCENT = "scan-percent";
    static final String PROGRESS_TEXT = "scan-progress-text";
    static final String SCOPE_TABLE = "scan-scope-table";
    static final String STATE_ICON = "scan-state-icon";
    static final String STATE_WAITING = "scan-state-waiting";
    static final String STATE_READING = "scan-state-reading";
    static final String STATE_DONE = "scan-state-done";
    static final String STATE_ERRORS = "scan-state-errors";
    static final String STATE_CANCELLED = "scan-state-cancelled";
    static final String OUTCOME_ICON = "scan-outcome-icon";
    static final String OUTCOME_COMPLETE = "scan-outcome-complete";
    static final String OUTCOME_PARTIAL = "scan-outcome-partial";
    static final String OUTCOME_CANCELLED = "scan-outcome-cancelled";
    static final String CHIP_WARNING = "scan-chip-warning";
    static final String STATS = "scan-stats";
    static final String STAT = "scan-stat";
    static final String STAT_VALUE = "scan-stat-value";
    static final String STAT_LABEL = "scan-stat-label";
    static final String CAPTURE = "scan-capture";
    static final String FIELD_NAME = "scan-field-name";
    static final String COPYABLE = "scan-copyable";
    static final String ALL_READ = "scan-all-read";
    static final String UNREAD_TABLE = "scan-unread-table";

    /** An operator's identity line takes the warning colour. */
    static final PseudoClass OPERATOR = PseudoClass.getPseudoClass("operator");
    /** Tree lines for the root and units (bold). */
    static final PseudoClass UNIT = PseudoClass.getPseudoClass("unit");
    /** Progress bars of finished and stopped scopes. */
    static final PseudoClass FINISHED = PseudoClass.getPseudoClass("finished");
    static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");

    private ScanStyles() {
    }
}
