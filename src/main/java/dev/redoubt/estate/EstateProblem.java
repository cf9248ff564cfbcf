package dev.redoubt.estate;

/** One thing wrong in an estate: where (a JSON path), what, and whether it makes the estate unusable. */
public record EstateProblem(Severity severity, String path, String message) {
    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + path + ": " + message;
    }
}
