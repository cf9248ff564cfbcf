package dev.redoubt.ui.tasks;

import dev.redoubt.services.Cancellation;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A task the status bar shows while it runs: its title, progress (-1 while unknown), latest
 * message, and a cancel that asks the work to stop. Properties change on the UI thread only.
 */
public final class RunningTask {
    private final String title;
    private final boolean cancellable;
    private final Cancellation cancellation;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper();

    RunningTask(String title, boolean cancellable, Cancellation cancellation) {
        this.title = title;
        this.cancellable = cancellable;
        this.cancellation = cancellation;
    }

    public String title() {
        return title;
    }

    public boolean cancellable() {
        return cancellable;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }

    /** Asks the work to stop; it keeps what it did (a scan saves what it read). Call on the UI thread. */
    public void cancel() {
        if (cancellable && !cancelRequested.get()) {
            cancelRequested.set(true);
            message.set("Cancelling…");
            cancellation.cancel();
        }
    }

    void update(double fraction, String text) {
        progress.set(fraction);
        if (text != null && !cancelRequested.get()) {
            message.set(text);
        }
    }
}
