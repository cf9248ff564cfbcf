package dev.redoubt.app.cli;

import dev.redoubt.services.ScanService;
import java.io.PrintStream;
import java.util.Locale;

/** A live progress line on a terminal, twice a second at most; nothing when output is redirected. */
final class TerminalProgress {
    private TerminalProgress() {
    }

    /** {@code err}: standard error as given (the line's own cursor controls must reach the terminal). */
    static ScanService.Listener of(PrintStream err) {
        if (System.console() == null) {
            return ScanService.Listener.NONE;
        }
        long[] last = {0};
        return status -> {
            long now = System.nanoTime();
            synchronized (last) {
                if (now - last[0] < 500_000_000L) {
                    return;
                }
                last[0] = now;
            }
            err.printf(Locale.ROOT, "\r\033[KScanning: %,d of %,d units done, %,d recovery points", status.unitsDone(), status.unitsKnown(),
                    status.recoveryPoints());
        };
    }

    /**
     * What a step that takes a while is doing ("Reading capture.json (303.4 MiB)..."), on one line a terminal shows until
     * the next note or {@link #clear}; nothing when standard error is redirected.
     */
    static void note(PrintStream err, String what) {
        if (System.console() != null) {
            err.print("\r\033[K" + Columns.truncate(what, 100));
            err.flush();
        }
    }

    static void clear(PrintStream err) {
        if (System.console() != null) {
            err.print("\r\033[K");
        }
    }
}
