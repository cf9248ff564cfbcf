package dev.redoubt.ui.restorejobs;

import dev.redoubt.ui.StyleClasses;
import dev.redoubt.ui.browse.BrowseStyles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** How the restore screens draw a job's status, validation and duration: coloured chips, the same on every screen. */
public final class RestoreJobNodes {
    private RestoreJobNodes() {
    }

    /** "Completed" in green, "Failed" and "Aborted" in red, "Running" in blue; the AWS message on hover. */
    public static Node status(RestoreJobRow r) {
        String s = r.job().status();
        String style = s == null ? null : switch (s) {
            case "COMPLETED" -> StyleClasses.STATUS_PASS;
            case "FAILED", "ABORTED" -> StyleClasses.STATUS_FAIL;
            case "PENDING", "RUNNING" -> StyleClasses.STATUS_SUPPRESSED;
            default -> StyleClasses.STATUS_UNKNOWN;
        };
        return chip(r.statusText(), style, r.job().statusMessage());
    }

    /** "Passed" in green, "Failed" and "Timed out" in red, "Not validated" in grey; "—" for a restore by hand. */
    public static Node validation(RestoreJobRow r) {
        String v = r.job().validationStatus();
        if (v == null && r.validationText().equals("—")) {
            return muted("—");
        }
        String style = v == null ? StyleClasses.STATUS_UNKNOWN : switch (v) {
            case "SUCCESSFUL" -> StyleClasses.STATUS_PASS;
            case "FAILED", "TIMED_OUT" -> StyleClasses.STATUS_FAIL;
            case "VALIDATING" -> StyleClasses.STATUS_SUPPRESSED;
            default -> StyleClasses.STATUS_UNKNOWN;
        };
        String tip = r.job().validationStatusMessage() != null ? r.job().validationStatusMessage()
                : v == null ? "Validation is optional and run by the plan's owner: nobody posted a result for this job." : null;
        return chip(r.validationText(), style, tip);
    }

    /** "47 min", or "19 h" with a red "over the 12 h target" chip beside it. */
    public static Node duration(RestoreJobRow r) {
        return duration(r, false);
    }

    /** As {@link #duration(RestoreJobRow)}; {@code brief}: the chip says "over target", the target on hover (for table cells). */
    public static Node duration(RestoreJobRow r, boolean brief) {
        if (r.minutes() == null) {
            return muted(r.durationText());
        }
        Label took = new Label(RestoreJobWords.minutes(r.minutes()));
        if (!r.overTarget()) {
            took.setTooltip(new Tooltip("Within the " + RestoreJobWords.minutes((long) r.targetMinutes()) + " restore-time target"));
            return took;
        }
        String target = "over the " + RestoreJobWords.minutes((long) r.targetMinutes()) + " target";
        Label over = new Label(brief ? "over target" : target);
        over.getStyleClass().addAll(StyleClasses.CHIP, StyleClasses.STATUS_FAIL);
        over.setTooltip(new Tooltip("Took " + RestoreJobWords.minutes(r.minutes()) + ": " + target + " (maxRestoreMinutes)"));
        if (brief) {
            VBox box = new VBox(2, took, over);
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        }
        HBox box = new HBox(6, took, over);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Node chip(String text, String style, String tooltip) {
        Label l = new Label(text);
        if (style != null) {
            l.getStyleClass().addAll(StyleClasses.CHIP, style);
        } else {
            l.getStyleClass().add(BrowseStyles.MUTED);
        }
        if (tooltip != null) {
            l.setTooltip(new Tooltip(tooltip));
        }
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(BrowseStyles.MUTED);
        return l;
    }
}
