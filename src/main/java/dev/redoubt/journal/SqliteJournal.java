package dev.redoubt.journal;

import dev.redoubt.files.SafeFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.settings.SettingsFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The journal in SQLite ({@code journal.db}): every append reads the previous hash and writes inside
 * one immediate transaction, so several processes can append at once and the chain stays whole;
 * WAL with full synchronous writes makes an append durable when it returns. Checkpoints are signed
 * at session start and end and whenever an append crosses a multiple of {@value #CHECKPOINT_INTERVAL}.
 */
public final class SqliteJournal implements Journal {
    public static final int CHECKPOINT_INTERVAL = 100;
    static final int MAX_DETAILS_CHARS = 256 * 1024;
    private static final String PRIVATE_PEM = "PRIVATE KEY";
    private static final String PUBLIC_PEM = "PUBLIC KEY";

    private final JournalFiles files;
    private final Clock clock;
    private final Connection connection;
    private final Sidecar sidecar;
    private final HighWaterMark mark;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;
    private final String fingerprint;
    private final String session;
    private final ObjectMapper mapper = new ObjectMapper();
    private final MessageDigest digest = Canonical.sha256();
    private final StringBuilder canonical = new StringBuilder(1024);
    private final PreparedStatement insertEntry;
    private final PreparedStatement insertCheckpoint;
    private boolean closed;
    /** The mark as this process last wrote or checked it, so that an unchanged file need not be verified again. */
    private String lastMark;

    /**
     * The points of a journal's creation a crash can fall between, in order (tests stop a process at
     * each): the key file written, the new database built beside the journal's name, the sidecar
     * and the high-water mark written, the key pinned, the database moved to its name.
     */
    static final List<String> CREATION_STEPS = List.of("key-file", "database-built", "sidecar-written", "mark-written", "pinned", "moved");
    /** Called as creation passes each of {@link #CREATION_STEPS}; a test's child process halts there. */
    static volatile Consumer<String> creationStep = step -> { };
    /** One creation at a time in this JVM (the lock file orders processes, but not two channels of one JVM). */
    private static final Object CREATION = new Object();

    private SqliteJournal(JournalFiles files, Clock clock, Connection connection, KeyPair keys, String session) throws SQLException {
        this.files = files;
        this.clock = clock;
        this.connection = connection;
        this.sidecar = new Sidecar(files.sidecar());
        this.mark = new HighWaterMark(files.highWaterMark());
        this.publicKey = keys.getPublic();
        this.privateKey = keys.getPrivate();
        this.fingerprint = JournalKeys.fingerprint(publicKey);
        this.session = session;
        this.insertEntry = connection.prepareStatement("INSERT INTO entries (" + EntryRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertCheckpoint = connection.prepareStatement(
                "INSERT INTO checkpoints (seq, head, time, session, reason, key, signature) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    /**
     * Loads what opening a journal first needs, opening and writing nothing: the SQLite driver with its native library
     * (the driver compares its extracted copy byte by byte) and the JDK's Ed25519. The first journal use of a process
     * cost 0.9 s of CPU; a command that will journal calls this on a spare core while it works. Failures are left for
     * {@link #open} to report.
     */
    public static void prepare() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
            java.security.Signature sign = java.security.Signature.getInstance("Ed25519");
            sign.initSign(java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
            sign.update((byte) 0);
            sign.sign();
        } catch (Exception | LinkageError e) {
            // open() meets the same problem and reports it
        }
    }

    /**
     * Opens (creating on first use) the journal and starts this process's session with a signed
     * checkpoint. Creation is atomic: the new journal is built complete (schema, key, its first
     * checkpoint, sidecar, high-water mark, pin) beside its name and then moved there in one step, so
     * a crash leaves either no journal or a whole one. Later it refuses to append with a key that is
     * not the pinned one, or to a journal that no longer reaches its high-water mark.
     */
    public static SqliteJournal open(JournalFiles files, Clock clock) {
        try {
            SafeFiles.ownerOnlyDirectory(files.database().getParent());
            SafeFiles.ownerOnlyDirectory(files.keysDir());
        } catch (IOException e) {
            throw new JournalException(files.database().getParent() + ": cannot be created (" + e.getMessage() + ")", false, e);
        }
        String session = UUID.randomUUID().toString();
        boolean created = !Sqlite.exists(files) && create(files, clock, session);
        Connection c = Sqlite.open(files);
        try {
            Schema.migrate(c, files.database().toString());
            KeyPair keys = establishKey(c, files);
            SqliteJournal journal = new SqliteJournal(files, clock, c, keys, session);
            if (!created) {
                journal.checkpoint("session-start"); // a new journal's first checkpoint is this session's start
            }
            return journal;
        } catch (SQLException e) {
            closeQuietly(c);
            throw Sqlite.failure(files.database() + ": cannot be opened", e);
        } catch (IOException e) {
            closeQuietly(c);
            throw new JournalException(files.database() + ": cannot be opened (" + e.getMessage() + ")", false, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Creates the journal unless another process got there first (false then). Under a lock file,
     * so one process at a time; what an interrupted creation left (the key file, a half-built
     * database, a sidecar and a mark holding only the first checkpoint) is taken over or replaced.
     */
    private static boolean create(JournalFiles files, Clock clock, String session) {
        synchronized (CREATION) {
            try (FileChannel lockFile = FileChannel.open(files.creationLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                SafeFiles.ownerOnly(files.creationLock());
                try (FileLock lock = lockFile.lock()) {
                    if (Sqlite.exists(files)) {
                        return false;
                    }
                    build(files, clock, session);
                    return true;
                }
            } catch (SQLException e) {
                throw Sqlite.failure(files.database() + ": cannot be created", e);
            } catch (IOException e) {
                throw new JournalException(files.database() + ": cannot be created (" + e.getMessage() + "); check the folder's permissions and free space", false, e);
            }
        }
    }

    private static void build(JournalFiles files, Clock clock, String session) throws IOException, SQLException {
        SettingsFile settings = new SettingsFile(files.settingsFile());
        String where = files.database().toString();
        Optional<String> pin = KeyPin.read(settings);
        String left = Genesis.notLeftByACreation(files);
        if (left != null) {
            throw new JournalException(where + ": is new but " + left + ": the journal was deleted or replaced; restore it "
                    + "(or move those files away to start a new journal deliberately)", true, null);
        }
        KeyPair keys;
        if (Files.exists(files.privateKey())) {
            if (pin.isPresent() && !Files.exists(files.newDatabase())) {
                throw new JournalException(files.settingsFile() + ": pins journal key " + pin.get() + " but " + where + " is missing: the journal was "
                        + "deleted or moved; restore it, or remove \"journal\" from settings.json to start a new journal deliberately", true, null);
            }
            keys = readKeyFile(files.privateKey()); // left by a creation that was interrupted before the journal took its name
        } else if (pin.isPresent()) {
            throw new JournalException(files.settingsFile() + ": pins journal key " + pin.get() + " but " + where + " is new and the key is gone: "
                    + "the journal was deleted or moved; restore it, or remove \"journal\" from settings.json to start a new journal deliberately", true, null);
        } else {
            keys = JournalKeys.generate();
            writeKeyFile(files.privateKey(), keys);
        }
        creationStep.accept("key-file");
        String fp = JournalKeys.fingerprint(keys.getPublic());
        if (pin.isPresent() && !pin.get().equals(fp)) {
            throw new JournalException(files.privateKey() + ": its key " + fp + " is not the one pinned in settings.json (" + pin.get()
                    + "); restore the original key file", true, null);
        }
        String time = Canonical.time(clock.instant());
        Checkpoint genesis = signed(keys.getPrivate(), 0, Canonical.ZERO_HASH, time, session, "session-start", fp);
        Path building = files.newDatabase();
        removeQuietly(building);
        Files.createFile(building);
        SafeFiles.ownerOnly(building);
        try (Connection c = Sqlite.openNew(building, files)) {
            Schema.migrate(c, building.toString());
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try (PreparedStatement meta = c.prepareStatement("INSERT INTO meta (name, value) VALUES (?, ?)");
                     PreparedStatement cp = c.prepareStatement("INSERT INTO checkpoints (seq, head, time, session, reason, key, signature) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    meta.setString(1, "public_key");
                    meta.setString(2, Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
                    meta.executeUpdate();
                    meta.setString(1, "key_fingerprint");
                    meta.setString(2, fp);
                    meta.executeUpdate();
                    bind(cp, genesis.seq(), genesis.head(), genesis.time(), genesis.session(), genesis.reason(), genesis.key(), genesis.signature());
                    cp.executeUpdate();
                    s.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    rollback(s);
                    throw e;
                }
            }
        }
        creationStep.accept("database-built");
        HighWaterMark.replace(files.sidecar(), genesis.json() + "\n");
        creationStep.accept("sidecar-written");
        new HighWaterMark(files.highWaterMark()).write(signed(keys.getPrivate(), 0, Canonical.ZERO_HASH, time, session, HighWaterMark.REASON, fp));
        creationStep.accept("mark-written");
        if (pin.isEmpty()) {
            KeyPin.pin(settings, fp);
        }
        creationStep.accept("pinned");
        try {
            Files.move(building, files.database(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(building, files.database());
        }
        creationStep.accept("moved");
    }

    private static Checkpoint signed(PrivateKey key, long seq, String head, String time, String session, String reason, String fp) {
        Checkpoint unsigned = new Checkpoint(seq, head, time, session, reason, fp, "");
        return new Checkpoint(seq, head, time, session, reason, fp, JournalKeys.signText(key, unsigned.signedText()));
    }

    private static void removeQuietly(Path database) {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(Path.of(database + suffix));
            } catch (IOException ignored) {
                // best effort: what is left is taken over or replaced by the next creation
            }
        }
    }

    /** Checks the key the database stores against the pin and the key file, inside one immediate transaction. */
    private static KeyPair establishKey(Connection c, JournalFiles files) throws SQLException, IOException {
        SettingsFile settings = new SettingsFile(files.settingsFile());
        String where = files.database().toString();
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                String stored = EntryRows.meta(c, "public_key");
                if (stored == null) {
                    throw new JournalException(where + ": holds no journal key, so it is not a journal Redoubt finished creating; "
                            + "keep a copy, move it away and run again", true, null);
                }
                KeyPair keys = existingKey(files, stored, KeyPin.read(settings), where);
                s.execute("COMMIT");
                return keys;
            } catch (SQLException | IOException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static KeyPair existingKey(JournalFiles files, String stored, Optional<String> pin, String where) throws IOException {
        PublicKey pub;
        try {
            pub = JournalKeys.publicKey(Base64.getDecoder().decode(stored));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new JournalException(where + ": the stored public key is damaged; run 'redoubt journal verify' and keep a copy", true, e);
        }
        String fp = JournalKeys.fingerprint(pub);
        if (pin.isEmpty()) {
            throw new JournalException(files.settingsFile() + ": no longer pins the journal key (" + fp + "); restore settings.json, or, "
                    + "once you have checked the fingerprint against an outside record, add \"journal\": {\"keyFingerprint\": \"" + fp + "\"}", true, null);
        }
        if (!pin.get().equals(fp)) {
            throw new JournalException(where + ": its key " + fp + " is not the one pinned in settings.json (" + pin.get()
                    + "); the journal or its key was replaced: keep copies and run 'redoubt journal verify'", true, null);
        }
        KeyPair pair = readKeyFile(files.privateKey());
        byte[] probe = "redoubt journal key probe".getBytes(StandardCharsets.UTF_8);
        if (!JournalKeys.verify(pub, probe, JournalKeys.sign(pair.getPrivate(), probe))) {
            throw new JournalException(files.privateKey() + ": is not the journal's key (" + fp + "); restore the original key file", true, null);
        }
        return new KeyPair(pub, pair.getPrivate());
    }

    private static KeyPair readKeyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new JournalException(file + ": the journal's signing key is missing; restore it from a backup "
                    + "(verification still works without it, appending does not)", true, null);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            return new KeyPair(JournalKeys.publicKey(JournalKeys.fromPem(text, PUBLIC_PEM)),
                    JournalKeys.privateKey(JournalKeys.fromPem(text, PRIVATE_PEM)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new JournalException(file + ": not an Ed25519 key file (" + e.getMessage() + "); restore it from a backup", true, e);
        }
    }

    /** Owner-only from its first byte, written whole and synced before it takes its name. */
    private static void writeKeyFile(Path file, KeyPair keys) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        SafeFiles.ownerOnly(tmp);
        String text = JournalKeys.pem(PRIVATE_PEM, keys.getPrivate().getEncoded()) + JournalKeys.pem(PUBLIC_PEM, keys.getPublic().getEncoded());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file);
        }
    }

    @Override
    public synchronized Entry append(EntryDraft draft) {
        return appendAll(List.of(draft)).get(0);
    }

    @Override
    public synchronized List<Entry> appendAll(List<EntryDraft> drafts) {
        ensureOpen();
        if (drafts.isEmpty()) {
            return List.of();
        }
        List<String> details = new ArrayList<>(drafts.size());
        for (EntryDraft d : drafts) {
            details.add(prepare(d));
        }
        List<Entry> stored = new ArrayList<>(drafts.size());
        long before;
        long after;
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                EntryRows.Head head = EntryRows.head(connection);
                before = head.seq();
                String prev = head.hash();
                String lastTime = head.time();
                long seq = head.seq();
                for (int i = 0; i < drafts.size(); i++) {
                    EntryDraft d = drafts.get(i);
                    seq++;
                    // Never earlier than the entry before it, so time order is sequence order even if the clock steps back.
                    String now = Canonical.time(clock.instant());
                    String time = now.compareTo(lastTime) >= 0 ? now : lastTime;
                    String text = Canonical.entry(canonical, seq, time, d.actor(), session, d.mode().wire(), d.target().value(), d.action(),
                            d.subject(), details.get(i), prev, null);
                    String hash = Canonical.sha256Hex(digest, text);
                    bind(insertEntry, seq, time, d.actor(), session, d.mode().wire(), d.target().value(), d.action(), d.subject(),
                            details.get(i), prev, hash);
                    insertEntry.executeUpdate();
                    stored.add(new Entry(seq, java.time.Instant.parse(time), d.actor(), session, d.mode(), d.target().value(), d.action(),
                            d.subject(), details.get(i), prev, hash));
                    prev = hash;
                    lastTime = time;
                }
                after = seq;
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(s);
                throw e;
            }
        } catch (SQLException e) {
            throw Sqlite.failure(files.database() + ": the entry was not recorded", e);
        }
        try {
            if (before / CHECKPOINT_INTERVAL != after / CHECKPOINT_INTERVAL) {
                checkpoint("interval"); // which moves the high-water mark too
            } else {
                markHead();
            }
        } catch (JournalException e) {
            throw new JournalException("entries " + (before + 1) + " to " + after + " were recorded, but " + e.getMessage(), e.integrity(), e);
        }
        return stored;
    }

    /** Validates a draft and returns its redacted details as canonical JSON. */
    private String prepare(EntryDraft d) {
        for (String s : new String[] {d.actor(), d.subject()}) {
            if (s != null && Redaction.isSecretValue(s)) {
                throw new IllegalArgumentException("refusing to record a secret in an entry's actor or subject (action " + d.action() + ")");
            }
        }
        String details = Canonical.canonicalize(mapper, Redaction.redact(d.details().deepCopy()));
        if (details.length() > MAX_DETAILS_CHARS) {
            throw new IllegalArgumentException("details of " + d.action() + " are " + details.length() + " characters; the most is " + MAX_DETAILS_CHARS);
        }
        for (String s : new String[] {d.actor(), d.subject(), d.target().value(), details}) {
            if (s != null && !Canonical.wellFormed(s)) {
                throw new IllegalArgumentException("an entry's text has malformed Unicode (a lone surrogate) (action " + d.action() + ")");
            }
        }
        return details;
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    /** Signs the current head, appends it to the sidecar (synced), then records it in the database. */
    synchronized Checkpoint checkpoint(String reason) {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                EntryRows.Head head = EntryRows.head(connection);
                Checkpoint cp = signed(privateKey, head.seq(), head.hash(), Canonical.time(clock.instant()), session, reason, fingerprint);
                sidecar.append(cp.json());
                moveMark(head);
                bind(insertCheckpoint, cp.seq(), cp.head(), cp.time(), cp.session(), cp.reason(), cp.key(), cp.signature());
                insertCheckpoint.executeUpdate();
                s.execute("COMMIT");
                return cp;
            } catch (SQLException | IOException | RuntimeException e) {
                rollback(s);
                throw e;
            }
        } catch (SQLException e) {
            throw Sqlite.failure(files.database() + ": the checkpoint was not recorded", e);
        } catch (IOException e) {
            throw new JournalException(files.sidecar() + ": the checkpoint cannot be written (" + e.getMessage() + "); check the disk and permissions", false, e);
        }
    }

    /** Moves the high-water mark to the head, in a transaction of its own (after an append has committed). */
    private void markHead() {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                moveMark(EntryRows.head(connection));
                s.execute("COMMIT");
            } catch (SQLException | IOException | RuntimeException e) {
                rollback(s);
                throw e;
            }
        } catch (SQLException e) {
            throw Sqlite.failure(files.database() + ": the high-water mark was not moved", e);
        } catch (IOException e) {
            throw new JournalException(mark.file() + ": the high-water mark cannot be written (" + e.getMessage() + "); check the disk and permissions", false, e);
        }
    }

    /**
     * Checks the high-water mark against the journal and moves it forward to {@code head}; the caller
     * holds the database's write lock, so marks are written one at a time and {@code head} is
     * committed. A mark that is missing, not signed by the journal key, past the journal's end or
     * signing another hash than the journal holds is refused, never overwritten: it is the evidence.
     */
    private void moveMark(EntryRows.Head head) throws IOException, SQLException {
        HighWaterMark.Read read = mark.read();
        String advice = "; keep copies of the journal, its sidecar and " + mark.file().getFileName() + ", and run 'redoubt journal verify'";
        if (read.missing()) {
            throw new JournalException(mark.file() + ": the journal's high-water mark is missing, so entries cut from its end would go unnoticed; "
                    + "restore it from a backup of Redoubt's home" + advice, true, null);
        }
        if (read.mark() == null) {
            throw new JournalException(mark.file() + ": is not a high-water mark (" + read.malformed() + ")" + advice, true, null);
        }
        Checkpoint current = read.mark();
        if (!read.text().equals(lastMark) && !HighWaterMark.signedBy(current, publicKey, fingerprint)) {
            throw new JournalException(mark.file() + ": the high-water mark's signature does not verify with the journal key: it was forged or altered"
                    + advice, true, null);
        }
        if (current.seq() > head.seq()) {
            throw new JournalException(files.database() + ": truncated: the journal ends at entry " + head.seq() + ", but entry " + current.seq()
                    + " (hash " + current.head() + ") was recorded" + advice, true, null);
        }
        if (current.seq() > 0 && !current.head().equals(EntryRows.hashAt(connection, current.seq()))) {
            throw new JournalException(files.database() + ": entry " + current.seq() + " is not the one the high-water mark records (hash "
                    + current.head() + "): the journal was rewritten" + advice, true, null);
        }
        lastMark = read.text();
        if (head.seq() > current.seq()) {
            Checkpoint next = signed(privateKey, head.seq(), head.hash(), Canonical.time(clock.instant()), session, HighWaterMark.REASON, fingerprint);
            mark.write(next);
            lastMark = next.json() + "\n";
        }
    }

    private static void rollback(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the transaction is gone already (the connection failed); the original error says why
        }
    }

    @Override
    public synchronized List<Entry> read(EntryQuery query) {
        List<Entry> list = new ArrayList<>();
        forEach(query, list::add);
        return list;
    }

    @Override
    public synchronized void forEach(EntryQuery query, Consumer<? super Entry> action) {
        ensureOpen();
        try {
            EntryRows.forEach(connection, query, action);
        } catch (SQLException e) {
            throw Sqlite.failure(files.database() + ": cannot be read", e);
        }
    }

    @Override
    public String sessionId() {
        return session;
    }

    public String keyFingerprint() {
        return fingerprint;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public JournalFiles files() {
        return files;
    }

    Connection connection() {
        return connection;
    }

    Clock clock() {
        return clock;
    }

    String sign(String text) {
        return JournalKeys.signText(privateKey, text);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the journal is closed");
        }
    }

    /** Ends the session with a signed checkpoint and closes the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            checkpoint("session-end");
        } finally {
            closed = true;
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing after a failure: the failure is what gets reported
        }
    }
}
