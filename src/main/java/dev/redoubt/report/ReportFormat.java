package dev.redoubt.report;

/** The report formats of {@code redoubt audit --format}. */
public enum ReportFormat {
    JSON, CSV, HTML, SARIF;

    public ReportWriter writer() {
        return switch (this) {
            case JSON -> new JsonReport();
            case CSV -> new CsvReport();
            case HTML -> new HtmlReport();
            case SARIF -> new SarifReport();
        };
    }
}
