package dev.redoubt.ui.findings;

/** Style classes of findings.css (the screen's own; the shared ones are in {@link dev.redoubt.ui.StyleClasses}). */
final class FindingsStyles {
    static final String STYLESHEET = "/dev/redoubt/ui/findings/findings.css";
    static final String SCREEN = "findings-screen";
    static final String HEADER = "findings-header";
    static final String COUNT = "findings-count";
    static final String FILTER_BAR = "filter-bar";
    static final String FILTER_MENU = "filter-menu";
    static final String FILTER_ACTIVE = "filter-active";
    static final String GROUP_LABEL = "group-label";
    static final String TABLE = "findings-table";
    static final String GROUP_ROW = "group";
    static final String PRIMARY = "finding-primary";
    static final String SECONDARY = "finding-secondary";
    static final String CHECK_ID = "check-id";
    static final String CHEVRON = "chevron";
    static final String GROUP_STATUS = "group-status";
    static final String PLACEHOLDER = "findings-placeholder";
    static final String DETAIL = "finding-detail";
    static final String DETAIL_TITLE = "detail-title";
    static final String SECTION = "detail-section";
    static final String SECTION_TITLE = "section-title";
    static final String FACT_NAME = "fact-name";
    static final String FACT_VALUE = "fact-value";
    static final String CODE_BLOCK = "code-block";
    static final String CODE = "code";
    static final String ARN_FIELD = "arn-field";
    static final String ACCEPTED_RISK = "accepted-risk";
    static final String EXPIRED_RISK = "expired-risk";
    static final String DIALOG = "findings-dialog";
    static final String FIELD_LABEL = "field-label";
    static final String PROBLEM = "dialog-problem";
    static final String EMPTY = "detail-empty";

    private FindingsStyles() {
    }
}
