package dev.redoubt.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A journal in a temporary home, drafts to fill it, and a way in behind its back (plain JDBC, triggers dropped). */
final class Fixture {
    private Fixture() {
    }

    static JournalFiles files(Path home) {
        return new JournalFiles(home.resolve("journal.db"), home.resolve("keys"), home.resolve("settings.json"), home.resolve("native"));
    }

    static EntryDraft draft(int i) {
        EntryDraft d = EntryDraft.of("arn:aws:sts::111122223333:assumed-role/Auditor/alice", Mode.AUDITOR, Target.sandbox(), "scan",
                "arn:aws:backup:us-east-2:111122223333:backup-vault:vault-" + i);
        d.detailsObject().put("n", i).put("note", "entry \"" + i + "\"\n").putArray("regions").add("us-east-2").add("eu-west-1");
        return d;
    }

    static List<EntryDraft> drafts(int from, int count) {
        List<EntryDraft> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(draft(i));
        }
        return list;
    }

    /** Opens, appends {@code entries} (in batches of 7 and single appends), closes. */
    static void fill(JournalFiles files, Clock clock, int entries) {
        try (SqliteJournal j = SqliteJournal.open(files, clock)) {
            int i = 1;
            while (i <= entries) {
                if (i % 3 == 0 && i + 7 <= entries + 1) {
                    j.appendAll(drafts(i, 7));
                    i += 7;
                } else {
                    j.append(draft(i++));
                }
            }
        }
    }

    /** A connection outside the API with the append-only triggers dropped, as a tamperer would have. */
    static Connection tamper(JournalFiles files) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + files.database());
        try (Statement s = c.createStatement()) {
            for (String table : new String[] {"entries", "checkpoints", "meta"}) {
                s.execute("DROP TRIGGER IF EXISTS " + table + "_no_update");
                s.execute("DROP TRIGGER IF EXISTS " + table + "_no_delete");
            }
        }
        return c;
    }

    static void exec(JournalFiles files, String... sql) throws SQLException {
        try (Connection c = tamper(files); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
