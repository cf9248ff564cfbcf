package dev.redoubt.drills;

/** One validation check of a restored resource ({@link Checklists}) and what the operator found. */
public record CheckResult(String id, String text, Outcome outcome) {
    public enum Outcome { PASSED, FAILED, NOT_DONE }
}
