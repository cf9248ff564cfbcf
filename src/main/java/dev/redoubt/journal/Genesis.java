package dev.redoubt.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * What an interrupted creation of the journal may leave before the new database takes its name: the
 * key file, the half- or fully-built database beside the name, a sidecar and a high-water mark that
 * hold nothing but the first checkpoint (entry 0), and the pin. Anything more was a journal.
 */
final class Genesis {
    private Genesis() {
    }

    /** Null when the sidecar and mark could have been left by a creation; else what they hold that it would not have. */
    static String notLeftByACreation(JournalFiles files) throws IOException {
        List<String> lines = new Sidecar(files.sidecar()).read().lines();
        if (lines.size() > 1 || (lines.size() == 1 && !isFirst(lines.get(0)))) {
            return "its sidecar " + files.sidecar() + " holds checkpoints";
        }
        HighWaterMark.Read mark = new HighWaterMark(files.highWaterMark()).read();
        if (!mark.missing() && (mark.mark() == null || mark.mark().seq() > 0)) {
            return "its high-water mark " + files.highWaterMark() + (mark.mark() == null ? " is there" : " records entry " + mark.mark().seq());
        }
        return null;
    }

    /** True when the journal is missing because its creation was interrupted: the new database is there, and nothing more was recorded. */
    static boolean interrupted(JournalFiles files) throws IOException {
        return Files.isRegularFile(files.newDatabase()) && notLeftByACreation(files) == null;
    }

    private static boolean isFirst(String line) {
        try {
            Checkpoint cp = Checkpoint.parse(new ObjectMapper(), line);
            return cp.seq() == 0 && cp.head().equals(Canonical.ZERO_HASH);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
