package dev.redoubt.ui.tasks;

import dev.redoubt.services.Cancellation;

/** What running work may do: report progress, hand updates to the UI thread, and see whether it was cancelled. */
public interface TaskContext {
    /** Progress so far ({@code total} 0: not known yet); coalesced, so calling it often is cheap. */
    void progress(long done, long total, String message);

    /** Runs {@code update} on the UI thread, in order; the caller keeps the rate reasonable (a few a second). */
    void post(Runnable update);

    /** The task's cancellation, to hand to services. */
    Cancellation cancellation();

    default boolean isCancelled() {
        return cancellation().isCancelled();
    }
}
