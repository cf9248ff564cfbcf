package dev.redoubt.journal;

import java.nio.file.Path;

/** What an export wrote, and the journal entry that records it. */
public record ExportResult(Path file, String sha256, long entries, long firstSeq, long lastSeq, long checkpoints, String keyFingerprint,
                           Entry recorded) {
}
