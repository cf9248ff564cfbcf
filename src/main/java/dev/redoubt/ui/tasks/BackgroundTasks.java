package dev.redoubt.ui.tasks;

import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * The one way screens run work: off the UI thread, on a bounded pool, with progress and cancel;
 * results and failures come back on the UI thread. The window uses {@link ExecutorBackgroundTasks#fx};
 * tests use {@link ExecutorBackgroundTasks#inline}, which runs everything at once on the caller's thread.
 */
public interface BackgroundTasks extends AutoCloseable {
    /**
     * Runs {@code work}; {@code onSuccess} or {@code onFailure} then runs on the UI thread.
     * A cancelled task still ends through one of them (a cancelled scan succeeds with what it read).
     */
    <T> RunningTask run(String title, boolean cancellable, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** The tasks now running, in the order they started (UI thread). */
    ObservableList<RunningTask> running();

    /** Stops taking work and interrupts what runs; called when the window closes. */
    @Override
    void close();
}
