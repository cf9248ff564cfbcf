package dev.redoubt.ui.overview;

/** Style-class names of overview.css, so the view never spells them twice. */
final class OverviewStyles {
    static final String OVERVIEW = "overview";
    static final String EMPTY = "overview-empty";
    static final String EMPTY_ICON = "overview-empty-icon";
    static final String BANNER = "overview-banner";
    static final String BANNER_TITLE = "overview-banner-title";
    static final String TILE = "score-tile";
    static final String OVERALL_TILE = "overall-tile";
    static final String TILE_NAME = "tile-name";
    static final String TILE_STRONG = "tile-strong";
    static final String FACET_CODE = "facet-code";
    static final String FACET_GRID = "facet-grid";
    static final String SCORE = "score";
    static final String SCORE_BIG = "score-big";
    static final String BAR = "score-bar";
    static final String BAR_TRACK = "score-bar-track";
    static final String BAR_FILL = "score-bar-fill";
    static final String BAND_NONE = "band-none";
    static final String BAND_POOR = "band-poor";
    static final String BAND_FAIR = "band-fair";
    static final String BAND_GOOD = "band-good";
    static final String DIGEST = "results-digest";
    static final String HEAT_GRID = "heat-grid";
    static final String HEAT_HEADER = "heat-header";
    static final String HEAT_FACET_NAME = "heat-facet-name";
    static final String HEAT_CELL = "heat-cell";
    static final String HEAT_QUIET = "heat-quiet";
    static final String HEAT_SCORE = "heat-score";
    static final String HEAT_DETAIL = "heat-detail";
    static final String HEAT_SWATCH = "heat-swatch";
    static final String SWATCH = "swatch";
    static final String ACCOUNT_NAME = "account-name";
    static final String ACCOUNT_ID = "account-id";
    static final String FAILURE_LIST = "failure-list";
    static final String FAILURE_ROW = "failure-row";
    static final String FAILURE_TITLE = "failure-title";
    static final String CHECK_ID = "check-id";
    static final String ALL_GOOD = "all-good";
    static final String WARNING_LINE = "warning-line";
    static final String NOTE = "overview-note";
    static final String CHART = "recovery-point-chart";
    static final String CHART_GRID_LINE = "chart-grid-line";
    static final String CHART_AXIS_LABEL = "chart-axis-label";
    static final String CHART_BAR = "chart-segment";
    static final String CHART_COLUMN = "chart-column";
    static final String CHART_EMPTY = "chart-empty";
    static final String CHART_LEGEND = "chart-legend-flow";
    static final String LEGEND_TEXT = "legend-text";
    static final String SERIES = "series-";
    static final String SERIES_OTHERS = "series-others";
    static final String COVERAGE_LINE = "coverage-line";
    static final String COVERAGE_TABLE = "coverage-table";
    static final String NUMBER = "number";
    static final String SHORTFALL = "shortfall";
    static final String UNREAD_GROUP = "unread-group";
    static final String AWS_MESSAGE = "aws-message";
    static final String DRILLS_HEADLINE = "drills-headline";
    static final String REHEARSAL_CHIP = "rehearsal";

    private OverviewStyles() {
    }
}
