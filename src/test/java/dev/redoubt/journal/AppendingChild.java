package dev.redoubt.journal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A separate JVM that appends to a journal and prints "ok SEQ HASH" for each append once it has
 * returned (so the parent knows which appends were promised durable): {@code HOME COUNT TAG}, a
 * COUNT of 0 appends until killed. Every fifth append is a batch of three.
 */
public final class AppendingChild {
    private AppendingChild() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        long count = Long.parseLong(args[1]);
        String tag = args[2];
        PrintStream out = System.out;
        try (SqliteJournal j = SqliteJournal.open(Fixture.files(home), Clock.systemUTC())) {
            for (long i = 0; count == 0 || i < count; i++) {
                List<Entry> stored = i % 5 == 4
                        ? j.appendAll(List.of(draft(tag, i, 0), draft(tag, i, 1), draft(tag, i, 2)))
                        : List.of(j.append(draft(tag, i, 0)));
                for (Entry e : stored) {
                    out.println("ok " + e.seq() + " " + e.hash());
                }
                out.flush();
            }
        }
    }

    private static EntryDraft draft(String tag, long i, int part) {
        EntryDraft d = EntryDraft.of("sandbox", Mode.OPERATOR, Target.sandbox(), "drill-step", tag + "-" + i + "-" + part);
        d.detailsObject().put("tag", tag).put("i", i).put("part", part);
        return d;
    }
}
