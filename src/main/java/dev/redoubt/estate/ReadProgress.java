package dev.redoubt.estate;

/**
 * Told how far the read of a capture file has come, every {@link EstateFile#PROGRESS_STEP} bytes and once at the end.
 * Returning false stops the read: it then throws {@link EstateReadStopped}.
 */
@FunctionalInterface
public interface ReadProgress {
    /** {@code done} bytes of {@code total} read so far; false to stop reading. */
    boolean at(long done, long total);
}
