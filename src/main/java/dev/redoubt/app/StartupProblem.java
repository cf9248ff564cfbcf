package dev.redoubt.app;

import dev.redoubt.journal.JournalException;
import java.io.UncheckedIOException;

/** Why the window could not start, in words for the user, and what to do about it. */
record StartupProblem(String problem, String advice) {
    static StartupProblem of(Throwable t) {
        if (t instanceof JournalException j && j.integrity()) {
            return new StartupProblem(j.getMessage(), "Redoubt does not record into a journal that fails verification. Keep a copy of "
                    + "Redoubt's home, check it with 'redoubt journal verify', then start Redoubt again.");
        }
        if (t instanceof UncheckedIOException || t instanceof JournalException) {
            return new StartupProblem(t.getMessage(), "Fix the file (or its folder's permissions), then start Redoubt again. Nothing was changed.");
        }
        return new StartupProblem(t.getClass().getSimpleName() + ": " + t.getMessage(),
                "This is a defect in Redoubt. Run 'redoubt --debug console' from a terminal to see the details, and report them.");
    }
}
