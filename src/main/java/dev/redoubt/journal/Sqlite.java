package dev.redoubt.journal;

import dev.redoubt.files.SafeFiles;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Opens journal databases the one way: writers with WAL, full synchronous and a busy timeout; readers
 * read-only, writing nothing beside the database; the native library under Redoubt's home.
 */
final class Sqlite {
    static final int BUSY_TIMEOUT_MS = 30_000;
    private static final String NATIVE_DIR_PROPERTY = "org.sqlite.tmpdir";
    private static final String LIB_PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String LIB_NAME_PROPERTY = "org.sqlite.lib.name";

    private Sqlite() {
    }

    /** The journal for appending (WAL: readers and other writers go on while it writes). */
    static Connection open(JournalFiles files) {
        prepareNativeLibrary(files, false);
        try {
            return writer(files.database(), SQLiteConfig.JournalMode.WAL);
        } catch (SQLException e) {
            throw failure(files.database() + ": cannot be opened", e);
        }
    }

    /** A new journal's database while it is built beside the journal's name: a rollback journal (no -wal beside it), full sync. */
    static Connection openNew(Path building, JournalFiles files) throws SQLException {
        prepareNativeLibrary(files, false);
        return writer(building, SQLiteConfig.JournalMode.DELETE);
    }

    private static Connection writer(Path database, SQLiteConfig.JournalMode mode) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalMode(mode);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        return config.createConnection("jdbc:sqlite:" + database);
    }

    /**
     * A read-only connection. {@code immutable}: SQLite reads the file as it is, with no locks and no
     * -wal or -shm beside it (see {@link #read}); otherwise it shares the WAL of the processes that
     * have the journal open, which may create those two files.
     */
    private static Connection connect(Path database, boolean immutable) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(true);
        Connection c;
        if (immutable) {
            config.setOpenMode(SQLiteOpenMode.OPEN_URI);
            c = config.createConnection("jdbc:sqlite:" + database.toUri() + "?immutable=1");
        } else {
            c = config.createConnection("jdbc:sqlite:" + database);
        }
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA query_only = true");
        }
        return c;
    }

    /** Opens read-only connections for one reading. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    /** A reading of the journal through connections it opens (the verifier opens several, one per segment). */
    @FunctionalInterface
    interface Reading<T> {
        T read(Connections connections) throws SQLException, IOException;
    }

    /**
     * Reads the journal without writing anything beside it, so that 'journal verify' and 'show' work
     * in a read-only home and leave a home unchanged, byte for byte. When no process holds
     * uncheckpointed writes (no -wal file, or an empty one) the database file is read as immutable:
     * no -wal, no -shm, no lock. If the files changed meanwhile (another process opened the journal and
     * wrote), what was read may be torn: {@code again} reads it again sharing that process's WAL, as
     * it does from the start when a -wal file holds writes; else it fails asking to run again.
     */
    static <T> T read(JournalFiles files, boolean again, Reading<T> reading) throws SQLException, IOException {
        prepareNativeLibrary(files, true);
        Path db = files.database();
        Path wal = Path.of(db + "-wal");
        String before = state(db, wal);
        if (before.endsWith(" wal:0")) {
            T result;
            try {
                result = reading.read(() -> connect(db, true));
            } catch (SQLException | IOException | RuntimeException e) {
                if (before.equals(state(db, wal))) {
                    throw e;
                }
                if (!again) {
                    throw new JournalException(db + ": changed while it was read (another Redoubt process wrote to it); run again", false, e);
                }
                return reading.read(() -> connect(db, false));
            }
            if (!again || before.equals(state(db, wal))) {
                return result;
            }
        }
        return reading.read(() -> connect(db, false));
    }

    /** The database's identity, size and modification time, and the -wal file's size (0 when there is none). */
    private static String state(Path db, Path wal) throws IOException {
        BasicFileAttributes a = Files.readAttributes(db, BasicFileAttributes.class);
        long walSize;
        String walTime = "";
        try {
            BasicFileAttributes w = Files.readAttributes(wal, BasicFileAttributes.class);
            walSize = w.size();
            walTime = w.lastModifiedTime().toString();
        } catch (NoSuchFileException e) {
            walSize = 0;
        }
        return a.fileKey() + " " + a.size() + " " + a.lastModifiedTime() + " " + walTime + " wal:" + walSize;
    }

    /**
     * sqlite-jdbc extracts its native library into org.sqlite.tmpdir when it first connects; a shared
     * temporary directory would let another local user swap the library, so it goes under Redoubt's
     * owner-only home. The driver reads only this system property, and only once per JVM.
     */
    private static void prepareNativeLibrary(JournalFiles files, boolean readOnly) {
        if (System.getProperty(NATIVE_DIR_PROPERTY) != null) {
            return;
        }
        Path dir = files.nativeLibraryDir();
        try {
            if (!readOnly) {
                SafeFiles.ownerOnlyDirectory(dir);
            } else if (!writableByIntent(dir)) {
                // Reading a home nobody may write to (or that has no such folder yet): a folder of this user's own,
                // made owner-only with a name nobody could have taken before, in the temporary directory.
                dir = Files.createTempDirectory("redoubt-native-", ownerOnlyFolder());
                dir.toFile().deleteOnExit(); // after the library sqlite-jdbc extracts into it and deletes on exit (registered later, run earlier)
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new JournalException(dir + ": cannot be created (" + e.getMessage() + "); check Redoubt's home", false, e);
        }
        useKeptCopy(dir, !readOnly);
        System.setProperty(NATIVE_DIR_PROPERTY, dir.toString());
    }

    /**
     * Has sqlite-jdbc load its native library from a copy kept in {@code dir} (the owner-only folder above) under a
     * name of its version, made once ({@code mayWrite}) and reused by later runs while its size is the library's. Left
     * to itself the driver writes a new copy on every run and compares it with the one in the jar byte by byte, about
     * 0.15 s of CPU in each command that journals. Anything unexpected leaves the driver to its own way.
     */
    static void useKeptCopy(Path dir, boolean mayWrite) {
        if (System.getProperty(LIB_PATH_PROPERTY) != null || System.getProperty(LIB_NAME_PROPERTY) != null) {
            return; // the user's choice
        }
        Path tmp = null;
        try {
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
            java.net.URL url = SQLiteJDBCLoader.class.getResource(resource);
            if (url == null) {
                return;
            }
            java.net.URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            String name = "libsqlitejdbc-" + SQLiteJDBCLoader.getVersion() + "-" + LibraryLoaderUtil.getNativeLibName();
            Path copy = dir.resolve(name);
            if (size <= 0 || !(Files.isRegularFile(copy, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.size(copy) == size)) {
                if (!mayWrite || size <= 0) {
                    return;
                }
                tmp = Files.createTempFile(dir, "libsqlitejdbc-", ".tmp");
                try (java.io.InputStream in = connection.getInputStream()) {
                    Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                if (Files.size(tmp) != size) {
                    return;
                }
                Files.move(tmp, copy, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                tmp = null;
            }
            System.setProperty(LIB_PATH_PROPERTY, dir.toString());
            System.setProperty(LIB_NAME_PROPERTY, name);
        } catch (IOException | RuntimeException e) {
            // the driver extracts its library as usual
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a stray temporary file in Redoubt's own folder
                }
            }
        }
    }

    /** A folder that exists and that its permissions let its owner write to (root can write anywhere; a read-only home stays unwritten). */
    private static boolean writableByIntent(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            return false;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        return posix == null || posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
    }

    private static FileAttribute<?>[] ownerOnlyFolder() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
        }
        return new FileAttribute<?>[0];
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
