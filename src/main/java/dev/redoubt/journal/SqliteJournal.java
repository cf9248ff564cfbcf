package dev.redoubt.journal;

import dev.redoubt.files.SafeFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.settings.SettingsFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

    private SqliteJournal(JournalFiles files, Clock clock, Connection connection, KeyPair keys) throws SQLException {
        this.files = files;
        this.clock = clock;
        this.connection = connection;
        this.sidecar = new Sidecar(files.sidecar());
        this.publicKey = keys.getPublic();
        this.privateKey = keys.getPrivate();
        this.fingerprint = JournalKeys.fingerprint(publicKey);
        this.session = UUID.randomUUID().toString();
        this.insertEntry = connection.prepareStatement("INSERT INTO entries (" + EntryRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertCheckpoint = connection.prepareStatement(
                "INSERT INTO checkpoints (seq, head, time, session, reason, key, signature) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    /**
     * Opens (creating on first use) the journal and starts this process's session with a signed
     * checkpoint. On creation it makes the Ed25519 key and pins its fingerprint in the settings; later
     * it refuses to append with a key that is not the pinned one.
     */
    public static SqliteJournal open(JournalFiles files, Clock clock) {
        try {
            SafeFiles.ownerOnlyDirectory(files.database().getParent());
            SafeFiles.ownerOnlyDirectory(files.keysDir());
        } catch (IOException e) {
            throw new JournalException(files.database().getParent() + ": cannot be created (" + e.getMessage() + ")", false, e);
        }
        boolean existed = Sqlite.exists(files);
        Connection c = Sqlite.open(files, false);
        try {
            if (!existed) {
                SafeFiles.ownerOnly(files.database());
            }
            Schema.migrate(c, files.database().toString());
            KeyPair keys = establishKey(c, files);
            SqliteJournal journal = new SqliteJournal(files, clock, c, keys);
            journal.checkpoint("session-start");
            return journal;
        } catch (SQLException e) {
            closeQuietly(c);
            throw Sqlite.failure(files.database() + ": cannot be opened", e);
        } catch (IOException e) {
            closeQuietly(c);
            throw new JournalException(files.database() + ": cannot be opened (" + e.getMessage() + ")", false, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            if (!existed) {
                removeNew(files); // a database this call created and could not set up is not a journal; leave nothing behind
            }
            throw e;
        }
    }

    private static void removeNew(JournalFiles files) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(Path.of(files.database() + suffix));
            } catch (IOException ignored) {
                // best effort: the error being thrown is what matters
            }
        }
    }

    /** Finds, checks or (for a new journal) creates the signing key, inside one immediate transaction. */
    private static KeyPair establishKey(Connection c, JournalFiles files) throws SQLException, IOException {
        SettingsFile settings = new SettingsFile(files.settingsFile());
        String where = files.database().toString();
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                String stored = EntryRows.meta(c, "public_key");
                Optional<String> pin = KeyPin.read(settings);
                KeyPair keys;
                if (stored != null) {
                    keys = existingKey(files, stored, pin, where);
                } else {
                    keys = newKey(c, files, settings, pin, where);
                }
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

    private static KeyPair newKey(Connection c, JournalFiles files, SettingsFile settings, Optional<String> pin, String where)
            throws SQLException, IOException {
        long entries;
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM entries")) {
            entries = rs.next() ? rs.getLong(1) : 0;
        }
        if (entries > 0) {
            throw new JournalException(where + ": has entries but no key; the journal was tampered with: keep a copy and run 'redoubt journal verify'", true, null);
        }
        if (!new Sidecar(files.sidecar()).read().lines().isEmpty()) {
            throw new JournalException(where + ": is new but its sidecar " + files.sidecar() + " holds checkpoints: the journal was deleted or "
                    + "replaced; restore it (or move the sidecar away to start a new journal deliberately)", true, null);
        }
        KeyPair keys;
        if (Files.exists(files.privateKey())) {
            keys = readKeyFile(files.privateKey()); // left by a creation that was interrupted before it committed
        } else if (pin.isPresent()) {
            throw new JournalException(files.settingsFile() + ": pins journal key " + pin.get() + " but " + where + " is new and the key is gone: "
                    + "the journal was deleted or moved; restore it, or remove \"journal\" from settings.json to start a new journal deliberately", true, null);
        } else {
            keys = JournalKeys.generate();
            writeKeyFile(files.privateKey(), keys);
        }
        String fp = JournalKeys.fingerprint(keys.getPublic());
        if (pin.isPresent() && !pin.get().equals(fp)) {
            throw new JournalException(files.privateKey() + ": its key " + fp + " is not the one pinned in settings.json (" + pin.get()
                    + "); restore the original key file", true, null);
        }
        if (pin.isEmpty()) {
            KeyPin.pin(settings, fp);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta (name, value) VALUES (?, ?)")) {
            ps.setString(1, "public_key");
            ps.setString(2, Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
            ps.executeUpdate();
            ps.setString(1, "key_fingerprint");
            ps.setString(2, fp);
            ps.executeUpdate();
        }
        return keys;
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
        if (before / CHECKPOINT_INTERVAL != after / CHECKPOINT_INTERVAL) {
            try {
                checkpoint("interval");
            } catch (JournalException e) {
                throw new JournalException("entries " + (before + 1) + " to " + after + " were recorded, but " + e.getMessage(), e.integrity(), e);
            }
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
                Checkpoint unsigned = new Checkpoint(head.seq(), head.hash(), Canonical.time(clock.instant()), session, reason, fingerprint, "");
                Checkpoint cp = new Checkpoint(unsigned.seq(), unsigned.head(), unsigned.time(), session, reason, fingerprint,
                        JournalKeys.signText(privateKey, unsigned.signedText()));
                sidecar.append(cp.json());
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
