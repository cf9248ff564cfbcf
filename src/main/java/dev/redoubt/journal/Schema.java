package dev.redoubt.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database schema as numbered migrations; PRAGMA user_version holds the number applied. A
 * migration only ever adds: entries, checkpoints and meta refuse UPDATE and DELETE by trigger.
 */
final class Schema {
    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "entries, checkpoints and meta, append-only", List.of(
                    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    "CREATE TABLE entries (seq INTEGER PRIMARY KEY, time TEXT NOT NULL, actor TEXT NOT NULL, session TEXT NOT NULL,"
                            + " mode TEXT NOT NULL, target TEXT NOT NULL, action TEXT NOT NULL, subject TEXT, details TEXT NOT NULL,"
                            + " prev TEXT NOT NULL, hash TEXT NOT NULL)",
                    "CREATE INDEX entries_time ON entries (time)",
                    "CREATE TABLE checkpoints (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, head TEXT NOT NULL, time TEXT NOT NULL,"
                            + " session TEXT NOT NULL, reason TEXT NOT NULL, key TEXT NOT NULL, signature TEXT NOT NULL)",
                    appendOnly("meta"), refuseDelete("meta"),
                    appendOnly("entries"), refuseDelete("entries"),
                    appendOnly("checkpoints"), refuseDelete("checkpoints"))));

    private Schema() {
    }

    static int latest() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    private static String appendOnly(String table) {
        return "CREATE TRIGGER " + table + "_no_update BEFORE UPDATE ON " + table
                + " BEGIN SELECT RAISE(ABORT, 'the journal is append-only: " + table + " cannot be changed'); END";
    }

    private static String refuseDelete(String table) {
        return "CREATE TRIGGER " + table + "_no_delete BEFORE DELETE ON " + table
                + " BEGIN SELECT RAISE(ABORT, 'the journal is append-only: " + table + " cannot be deleted'); END";
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Brings the database to the latest version in one immediate transaction; refuses a newer one. */
    static void migrate(Connection c, String where) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int current = version(c);
                if (current > latest()) {
                    throw new JournalException(where + ": written by a newer Redoubt (schema " + current + ", this one knows "
                            + latest() + "); use that version or newer");
                }
                for (Migration m : MIGRATIONS) {
                    if (m.version() > current) {
                        for (String sql : m.statements()) {
                            s.execute(sql);
                        }
                        s.execute("PRAGMA user_version = " + m.version());
                    }
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }
}
