package dev.redoubt.ui.workspace;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The notices on show, newest last; the shell shows them and the user dismisses them. UI thread only. */
public final class Notices {
    private static final int MAX = 4;
    private final ObservableList<Notice> shown = FXCollections.observableArrayList();

    public ObservableList<Notice> shown() {
        return shown;
    }

    public void post(Notice notice) {
        shown.removeIf(n -> n.title().equals(notice.title()) && n.text().equals(notice.text()));
        shown.add(notice);
        while (shown.size() > MAX) {
            shown.remove(0);
        }
    }

    public void dismiss(Notice notice) {
        shown.remove(notice);
    }
}
