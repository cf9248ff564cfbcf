package dev.redoubt.ui.findings;

import dev.redoubt.report.ReportFormat;
import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to write a report; the window's asks with a native file dialog, a test answers with a path. */
@FunctionalInterface
public interface ReportFileChooser {
    /** The file to write, or null when the user cancelled. */
    Path choose(Window owner, ReportFormat format, String suggestedName);

    /** The native "Save" dialog, with the format's extension. */
    static ReportFileChooser saveDialog() {
        return (owner, format, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the " + format + " report");
            chooser.setInitialFileName(suggestedName);
            String ext = suggestedName.substring(suggestedName.lastIndexOf('.') + 1);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format + " report (*." + ext + ")", "*." + ext));
            File file = chooser.showSaveDialog(owner);
            return file == null ? null : file.toPath();
        };
    }
}
