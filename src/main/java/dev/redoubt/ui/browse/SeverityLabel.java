package dev.redoubt.ui.browse;

import dev.redoubt.findings.Severity;
import dev.redoubt.ui.StyleClasses;
import javafx.scene.control.Label;

/** A severity as the console's coloured chip ("HIGH", as on the findings screen); "—" in muted text for none. */
public final class SeverityLabel {
    private SeverityLabel() {
    }

    public static Label of(Severity severity) {
        Label l = new Label();
        set(l, severity);
        return l;
    }

    /** Restyles a label (a table cell's) for another severity. */
    public static void set(Label l, Severity severity) {
        l.getStyleClass().removeIf(c -> c.startsWith("severity-") || c.equals(StyleClasses.CHIP) || c.equals(BrowseStyles.MUTED));
        if (severity == null) {
            l.setText(Formats.NONE);
            l.getStyleClass().add(BrowseStyles.MUTED);
            return;
        }
        l.setText(severity.name());
        l.getStyleClass().addAll(StyleClasses.CHIP, StyleClasses.of(severity));
    }
}
