package dev.redoubt.ui.workspace;

import java.util.List;
import java.util.Objects;

/** A message for the user that says what happened and what to do, with buttons for the remedies. */
public record Notice(Kind kind, String title, String text, List<Action> actions) {
    public enum Kind { INFO, SUCCESS, WARNING, ERROR }

    /** A remedy offered with the notice: its label and what pressing it does. */
    public record Action(String label, Runnable run) {
    }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        text = text == null ? "" : text;
        actions = List.copyOf(actions == null ? List.of() : actions);
    }

    public static Notice of(Kind kind, String title, String text, Action... actions) {
        return new Notice(kind, title, text, List.of(actions));
    }
}
