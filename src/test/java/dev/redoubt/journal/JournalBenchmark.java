package dev.redoubt.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable appends per second, one at a time and in batches, and verification speed over 1,000,000
 * entries. Run with {@code ./mvnw -B verify -Pbench} or bench/journal.sh; prints lines starting with
 * "BENCH journal:". Goals (issue 3): 2,000 appends/s batched, 100,000 entries/s verified.
 */
@Tag("bench")
class JournalBenchmark {
    private static final int SINGLE = Integer.getInteger("bench.journal.single", 1_000);
    private static final int BATCHED = Integer.getInteger("bench.journal.batched", 50_000);
    private static final int BATCH = Integer.getInteger("bench.journal.batch", 100);
    private static final int VERIFIED = Integer.getInteger("bench.journal.verified", 1_000_000);

    @Test
    void appendsAndVerification(@TempDir Path dir) throws Exception {
        JournalFiles files = Fixture.files(dir.resolve("appends"));
        double single;
        double batched;
        try (SqliteJournal j = SqliteJournal.open(files, Clock.systemUTC())) {
            for (int i = 0; i < 50; i++) {
                j.append(Fixture.draft(i)); // warm-up
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < SINGLE; i++) {
                j.append(Fixture.draft(i));
            }
            single = SINGLE / secs(t0);
            t0 = System.nanoTime();
            for (int i = 0; i < BATCHED; i += BATCH) {
                j.appendAll(Fixture.drafts(i, BATCH));
            }
            batched = BATCHED / secs(t0);
        }
        System.out.printf(Locale.ROOT, "%nBENCH journal: durable appends, one per transaction: %,.0f appends/s (%,d appends, WAL, synchronous=FULL)%n",
                single, SINGLE);
        System.out.printf(Locale.ROOT, "BENCH journal: durable appends, batches of %d: %,.0f appends/s (%,d appends; goal 2,000)%n", BATCH, batched, BATCHED);

        JournalFiles big = Fixture.files(dir.resolve("big"));
        long t0 = System.nanoTime();
        build(big, VERIFIED);
        double built = secs(t0);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double cpu = 0;
        Verification v = null;
        for (int run = 0; run < 3; run++) { // the best of three: the first also warms up the JIT
            long c0 = os.getProcessCpuTime();
            t0 = System.nanoTime();
            v = JournalVerifier.verify(big, Optional.empty());
            double took = secs(t0);
            assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
            assertThat(v.entries()).isEqualTo(VERIFIED);
            if (took < best) {
                best = took;
                cpu = (os.getProcessCpuTime() - c0) / 1e9;
            }
        }
        System.out.printf(Locale.ROOT, "BENCH journal: verification: %,d entries and %,d checkpoints in %.2f s: %,.0f entries/s (goal 100,000; built in %.1f s)%n",
                v.entries(), v.checkpoints(), best, v.entries() / best, built);
        System.out.printf(Locale.ROOT, "BENCH journal: verification used %.1f s of CPU (%,.0f entries per CPU-second); %d processors, load average %.1f%n",
                cpu, v.entries() / cpu, Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
    }

    /**
     * Writes a journal of {@code n} entries the way the journal would, with a signed checkpoint every
     * 100 entries (the most it ever writes), but in one fast transaction: durable appends of a million
     * entries would measure the disk, not the verifier.
     */
    private static void build(JournalFiles files, int n) throws Exception {
        SqliteJournal.open(files, Clock.systemUTC()).close(); // schema, key, pin, the first checkpoints
        KeyPair keys;
        try (SqliteJournal j = SqliteJournal.open(files, Clock.systemUTC())) {
            keys = new KeyPair(j.publicKey(), readPrivate(files));
        }
        String fp = JournalKeys.fingerprint(keys.getPublic());
        MessageDigest md = Canonical.sha256();
        StringBuilder sb = new StringBuilder(1024);
        String session = "bench-session";
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Checkpoint> made = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + files.database()); Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous = OFF");
            s.execute("BEGIN");
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO entries (" + EntryRows.COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement cps = c.prepareStatement("INSERT INTO checkpoints (seq, head, time, session, reason, key, signature) VALUES (?,?,?,?,?,?,?)")) {
                String prev = Canonical.ZERO_HASH;
                com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                for (int seq = 1; seq <= n; seq++) {
                    EntryDraft d = Fixture.draft(seq);
                    String details = Canonical.canonicalize(mapper, d.details());
                    String time = Canonical.time(start.plusMillis(seq * 10L));
                    String hash = Canonical.sha256Hex(md, Canonical.entry(sb, seq, time, d.actor(), session, d.mode().wire(), d.target().value(),
                            d.action(), d.subject(), details, prev, null));
                    Object[] values = {seq, time, d.actor(), session, d.mode().wire(), d.target().value(), d.action(), d.subject(), details, prev, hash};
                    for (int k = 0; k < values.length; k++) {
                        ins.setObject(k + 1, values[k]);
                    }
                    ins.executeUpdate();
                    prev = hash;
                    if (seq % 100 == 0 || seq == n) {
                        made.add(new Checkpoint(seq, hash, time, session, "interval", fp, ""));
                    }
                }
                List<Checkpoint> signed = made.parallelStream().map(u -> new Checkpoint(u.seq(), u.head(), u.time(), u.session(), u.reason(), u.key(),
                        JournalKeys.signText(keys.getPrivate(), u.signedText()))).toList();
                StringBuilder sidecar = new StringBuilder();
                for (Checkpoint cp : signed) {
                    Object[] values = {cp.seq(), cp.head(), cp.time(), cp.session(), cp.reason(), cp.key(), cp.signature()};
                    for (int k = 0; k < values.length; k++) {
                        cps.setObject(k + 1, values[k]);
                    }
                    cps.executeUpdate();
                    sidecar.append(cp.json()).append('\n');
                }
                java.nio.file.Files.writeString(files.sidecar(), sidecar, java.nio.file.StandardOpenOption.APPEND);
            }
            s.execute("COMMIT");
        }
    }

    private static java.security.PrivateKey readPrivate(JournalFiles files) throws Exception {
        String text = java.nio.file.Files.readString(files.privateKey());
        return JournalKeys.privateKey(JournalKeys.fromPem(text, "PRIVATE KEY"));
    }

    private static double secs(long from) {
        return (System.nanoTime() - from) / 1e9;
    }
}
