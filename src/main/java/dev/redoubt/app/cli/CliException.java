package dev.redoubt.app.cli;

/** A failure to report in one line (what was wrong, where, what to do) with an exit code. */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final String detail;

    public CliException(int exitCode, String message) {
        this(exitCode, message, null, null);
    }

    public CliException(int exitCode, String message, String detail, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.detail = detail;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Extra lines shown with --verbose. */
    public String detail() {
        return detail;
    }
}
