package dev.redoubt.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * What a feature asks the journal to record; the journal adds the sequence number, time, session
 * and hash. {@code details} is a JSON object whose shape depends on the action (docs/journal.md);
 * members named like secrets (SecretAccessKey, SessionToken, Password, ...) are redacted on append.
 */
public record EntryDraft(String actor, Mode mode, Target target, String action, String subject, JsonNode details) {
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public EntryDraft {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an entry needs an actor (the caller's ARN, \"sandbox\" or \"offline\")");
        }
        if (mode == null || target == null) {
            throw new IllegalArgumentException("an entry needs a mode and a target");
        }
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action \"" + action + "\" is not a lower-case, dash-separated name");
        }
        if (details == null) {
            details = JsonNodeFactory.instance.objectNode();
        }
        if (!details.isObject()) {
            throw new IllegalArgumentException("details must be a JSON object, not " + details.getNodeType());
        }
        details = details.deepCopy(); // the caller may go on changing its node; the draft must not change with it
    }

    /** A draft with an empty details object, to fill in with {@link #details()}'s {@code put} methods. */
    public static EntryDraft of(String actor, Mode mode, Target target, String action, String subject) {
        return new EntryDraft(actor, mode, target, action, subject, JsonNodeFactory.instance.objectNode());
    }

    /** The details object (a copy of what was given; changing it changes this draft). */
    public ObjectNode detailsObject() {
        return (ObjectNode) details;
    }
}
