package dev.redoubt.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles made to hurt the verifier: entries that inflate to gigabytes (with sizes that lie), too many
 * entries, names that climb out of the zip or carry terminal escapes, names twice. Each is one
 * verification failure, quickly and in bounded memory (the test JVM has a 2 GB heap; a bomb is 4 GiB).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileBundleTest {
    @TempDir
    Path dir;
    Path export;
    String fingerprint;

    @BeforeEach
    void export() {
        JournalFiles files = Fixture.files(dir.resolve("home"));
        export = dir.resolve("export.zip");
        try (SqliteJournal j = SqliteJournal.open(files, Clock.systemUTC())) {
            j.appendAll(Fixture.drafts(1, 5));
            fingerprint = JournalExport.export(j, null, null, export, "offline", Mode.AUDITOR).keyFingerprint();
        }
        assertThat(BundleVerifier.verify(export, Optional.of(fingerprint)).ok()).isTrue();
    }

    private Problem failure(Path zip) {
        Verification v = BundleVerifier.verify(zip, Optional.of(fingerprint));
        assertThat(v.ok()).as("verifies").isFalse();
        assertThat(v.problem().message()).doesNotContain("\n").doesNotContain("\u001b");
        return v.problem();
    }

    @Test
    void entriesThatInflateToGigabytesBehindASignedManifestAreRefused() throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        ZipBomb.copyOf(export, JournalExport.ENTRIES).bomb(JournalExport.ENTRIES, 4 * ZipBomb.GIB).write(bomb);
        assertThat(bomb.toFile().length()).isLessThan(8L << 20);
        try (ZipFile z = new ZipFile(bomb.toFile()); InputStream in = z.getInputStream(z.getEntry(JournalExport.ENTRIES))) {
            assertThat(z.getEntry(JournalExport.ENTRIES).getSize()).as("the declared size lies").isEqualTo(1024);
            byte[] first = in.readNBytes(32 << 20);
            assertThat(first).hasSize(32 << 20);
            int nonZero = 0;
            for (byte b : first) {
                nonZero += b == 0 ? 0 : 1;
            }
            assertThat(nonZero).as("the bomb inflates to zeros, past its declared 1 KiB").isZero();
        }
        Problem p = failure(bomb);
        assertThat(p.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(p.message()).contains("entries.jsonl line 1 is longer than");
    }

    @Test
    void aManifestOrReadmeThatInflatesToGigabytesIsRefused() throws IOException {
        for (String name : new String[] {JournalExport.MANIFEST, JournalExport.README, JournalExport.CHECKPOINTS, JournalExport.PUBLIC_KEY}) {
            Path bomb = dir.resolve(name + ".zip");
            ZipBomb.copyOf(export, name).bomb(name, 4 * ZipBomb.GIB).write(bomb);
            Problem p = failure(bomb);
            assertThat(p.kind()).as(p.message()).isEqualTo(Problem.Kind.MALFORMED);
            assertThat(p.message()).as(name).containsAnyOf(name + " is larger than", name + " line 1 is longer than");
        }
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnyIsRead() throws IOException {
        Path zip = dir.resolve("many.zip");
        ZipBomb b = ZipBomb.copyOf(export);
        for (int i = 0; i < 20_000; i++) {
            b.put("x/" + i, new byte[0]);
        }
        b.write(zip);
        Problem p = failure(zip);
        assertThat(p.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(p.message()).contains("holds 20006 files; an export holds 6");
    }

    @Test
    void namesOutsideTheExportAreRefusedAndQuotedSafely() throws IOException {
        for (String name : new String[] {"../../outside.txt", "/etc/cron.d/x", "entries.jsonl/../evil", "\u001b[2J\u0007clear"}) {
            Path zip = dir.resolve("named.zip");
            ZipBomb.copyOf(export).put(name, "x".getBytes(StandardCharsets.UTF_8)).write(zip);
            Problem p = failure(zip);
            assertThat(p.kind()).isEqualTo(Problem.Kind.MALFORMED);
            assertThat(p.message()).as(name).contains("holds files the export did not write");
        }
        assertThat(failure(dir.resolve("named.zip")).message()).contains("\\u001b[2J\\u0007clear");
    }

    @Test
    void aNameTwiceIsRefused() throws IOException {
        Path zip = dir.resolve("twice.zip");
        ZipBomb.copyOf(export).put(JournalExport.ENTRIES, "{}\n".getBytes(StandardCharsets.UTF_8)).write(zip);
        Problem p = failure(zip);
        assertThat(p.kind()).isEqualTo(Problem.Kind.MALFORMED);
        assertThat(p.message()).contains("holds entries.jsonl twice");
    }
}
