package dev.redoubt.ui.keys;

import java.util.List;
import java.util.Objects;
import javafx.scene.Parent;

/** Style classes of keys.css, the keys screen's own (the shared ones are in BrowseStyles). */
final class KeysStyles {
    static final String STYLESHEET = "/dev/redoubt/ui/keys/keys.css";
    static final String STATE_GOOD = "key-state-good";
    static final String STATE_WARN = "key-state-warn";
    static final String STATE_BAD = "key-state-bad";
    static final String STATE_UNKNOWN = "key-state-unknown";
    static final List<String> STATE_CLASSES = List.of(STATE_GOOD, STATE_WARN, STATE_BAD, STATE_UNKNOWN);
    static final String CELL_DETAIL = "key-cell-detail";
    static final String TABLE = "keys-table";
    static final String ANSWERS = "key-answers";
    static final String ANSWER = "key-answer";
    static final String QUESTION = "key-question";
    static final String ANSWER_TEXT = "key-answer-text";
    static final String WHO = "key-who";
    static final String WHY = "key-why";
    static final String REACH = "key-reach";
    static final String GRID_HEAD = "key-grid-head";
    static final String FINDING = "key-finding";
    static final String FINDING_TITLE = "key-finding-title";

    private KeysStyles() {
    }

    static void apply(Parent root) {
        String url = Objects.requireNonNull(KeysStyles.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
        if (!root.getStylesheets().contains(url)) {
            root.getStylesheets().add(url);
        }
    }

    static String state(String level) {
        return switch (level == null ? "" : level) {
            case "good" -> STATE_GOOD;
            case "warn" -> STATE_WARN;
            case "bad" -> STATE_BAD;
            default -> STATE_UNKNOWN;
        };
    }
}
