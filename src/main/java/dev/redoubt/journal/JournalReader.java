package dev.redoubt.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Reads a journal without opening a session or writing anything, even beside it (for 'journal show'). */
public final class JournalReader {
    private JournalReader() {
    }

    /** Streams matching entries oldest first; false when there is no journal yet. */
    public static boolean forEach(JournalFiles files, EntryQuery query, Consumer<? super Entry> action) {
        if (!Sqlite.exists(files)) {
            return false;
        }
        try {
            return Sqlite.read(files, false, connections -> {
                try (Connection c = connections.open()) {
                    if (Schema.version(c) < 1) {
                        throw new JournalException(files.database() + ": not a Redoubt journal; check --journal");
                    }
                    EntryRows.forEach(c, query, action);
                    return true;
                }
            });
        } catch (SQLException e) {
            throw Sqlite.failure(files.database() + ": cannot be read", e);
        } catch (java.io.IOException e) {
            throw new JournalException(files.database() + ": cannot be read (" + e.getMessage() + ")", false, e);
        }
    }
}
