package dev.redoubt.journal;

import dev.redoubt.files.SafeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/** Opens journal databases the one way: WAL, full synchronous, a busy timeout, the native library under Redoubt's home. */
final class Sqlite {
    static final int BUSY_TIMEOUT_MS = 30_000;
    private static final String NATIVE_DIR_PROPERTY = "org.sqlite.tmpdir";

    private Sqlite() {
    }

    static Connection open(JournalFiles files, boolean readOnly) {
        prepareNativeLibrary(files);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        }
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + files.database());
            if (readOnly) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA query_only = true");
                }
            }
            return c;
        } catch (SQLException e) {
            throw failure(files.database() + ": cannot be opened", e);
        }
    }

    /**
     * sqlite-jdbc extracts its native library into org.sqlite.tmpdir when it first connects; a shared
     * temporary directory would let another local user swap the library, so it goes under Redoubt's
     * owner-only home. The driver reads only this system property, and only once per JVM.
     */
    private static void prepareNativeLibrary(JournalFiles files) {
        if (System.getProperty(NATIVE_DIR_PROPERTY) != null) {
            return;
        }
        try {
            SafeFiles.ownerOnlyDirectory(files.nativeLibraryDir());
        } catch (IOException e) {
            throw new JournalException(files.nativeLibraryDir() + ": cannot be created (" + e.getMessage() + "); check Redoubt's home", false, e);
        }
        System.setProperty(NATIVE_DIR_PROPERTY, files.nativeLibraryDir().toString());
    }

    static boolean exists(JournalFiles files) {
        return Files.isRegularFile(files.database());
    }

    /** A one-line message for a database failure, saying what to do for the common ones. */
    static JournalException failure(String what, SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        String advice;
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            advice = "another Redoubt process has held the journal for more than " + BUSY_TIMEOUT_MS / 1000 + " s; try again when it finishes";
        } else if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            advice = "the disk is full; free some space";
        } else if (code == SQLiteErrorCode.SQLITE_READONLY.code || code == SQLiteErrorCode.SQLITE_PERM.code
                || code == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            advice = "check the file's and its folder's permissions";
        } else if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new JournalException(what + ": the database file is damaged (" + e.getMessage()
                    + "); keep a copy for investigation and run 'redoubt journal verify'", true, e);
        } else {
            advice = "run again with --debug and report the output";
        }
        return new JournalException(what + " (" + e.getMessage() + "); " + advice, false, e);
    }
}
