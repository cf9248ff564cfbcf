package dev.redoubt.journal;

import java.nio.file.Path;

/**
 * Where one journal lives: the database, its checkpoint sidecar and high-water mark beside it, the
 * folder holding the signing key, the settings file that pins the key's fingerprint, and the owner-only folder where
 * sqlite-jdbc extracts its native library (never the shared temporary directory).
 */
public record JournalFiles(Path database, Path keysDir, Path settingsFile, Path nativeLibraryDir) {
    public JournalFiles {
        database = database.toAbsolutePath().normalize();
    }

    /** The checkpoint sidecar: signed checkpoints as JSON lines, a file that only ever grows. */
    public Path sidecar() {
        return database.resolveSibling(database.getFileName() + ".checkpoints");
    }

    /** The high-water mark: the latest entry's seq and hash, signed, replaced as the journal grows (see HighWaterMark). */
    public Path highWaterMark() {
        return database.resolveSibling(database.getFileName() + ".head");
    }

    /** Where a new journal is built before it is moved to {@link #database()} in one step. */
    Path newDatabase() {
        return database.resolveSibling(database.getFileName() + ".new");
    }

    /** The lock that lets one process at a time create the journal. */
    Path creationLock() {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    /** The per-installation Ed25519 private key (PKCS#8, PEM), owner-only. */
    public Path privateKey() {
        return keysDir.resolve("journal-ed25519.key");
    }

    /** The same locations with another database (verify --journal FILE). */
    public JournalFiles withDatabase(Path other) {
        return new JournalFiles(other, keysDir, settingsFile, nativeLibraryDir);
    }
}
