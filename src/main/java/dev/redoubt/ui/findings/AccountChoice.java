package dev.redoubt.ui.findings;

/** An account the account filter offers: chosen by name, filtered by id. */
public record AccountChoice(String id, String name) {
    public String label() {
        return name == null || name.isBlank() || name.equals(id) ? id : name + " (" + id + ")";
    }
}
