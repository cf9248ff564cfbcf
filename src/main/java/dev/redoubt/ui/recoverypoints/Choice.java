package dev.redoubt.ui.recoverypoints;

/** One value a filter offers: what it matches ({@code value}, null for "any") and what the user reads. */
public record Choice(String value, String label) {
    @Override
    public String toString() {
        return label;
    }
}
