package dev.redoubt.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    @TempDir
    Path home;
    JournalFiles files;
    final SqliteJournalTest.MutableClock clock = new SqliteJournalTest.MutableClock(Instant.parse("2026-11-01T00:00:00Z"));

    @BeforeEach
    void fill() {
        files = Fixture.files(home);
        try (SqliteJournal j = SqliteJournal.open(files, clock)) {
            for (int i = 1; i <= 150; i++) {
                clock.set(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * i));
                j.append(Fixture.draft(i));
            }
        }
    }

    private ExportResult export(Instant from, Instant to, Path out) {
        try (SqliteJournal j = SqliteJournal.open(files, clock)) {
            return JournalExport.export(j, from, to, out, "offline", Mode.AUDITOR);
        }
    }

    @Test
    void aFullExportVerifiesOnItsOwnAndHoldsTheRecordOfItsMaking() throws IOException {
        Path zip = home.resolve("all.zip");
        ExportResult r = export(null, null, zip);
        assertThat(r.entries()).isEqualTo(151);
        assertThat(r.recorded().seq()).isEqualTo(151);
        assertThat(r.recorded().action()).isEqualTo("export");
        assertThat(r.recorded().detailsTree().path("file").asText()).isEqualTo(zip.toString());
        Verification v = BundleVerifier.verify(zip, Optional.of(r.keyFingerprint()));
        assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        assertThat(v.entries()).isEqualTo(151);
        assertThat(v.headHash()).isEqualTo(r.recorded().hash());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(new String(z.getInputStream(z.getEntry("README.txt")).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("openssl pkeyutl -verify", r.keyFingerprint());
        }
        assertThat(JournalVerifier.verify(files, Optional.empty()).ok()).isTrue();
    }

    @Test
    void aRangeExportVerifiesToo() throws IOException {
        Path zip = home.resolve("range.zip");
        ExportResult r = export(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"), zip);
        assertThat(r.firstSeq()).isEqualTo(24);
        assertThat(r.lastSeq()).isEqualTo(96);
        Verification v = BundleVerifier.verify(zip, Optional.empty());
        assertThat(v.ok()).as(String.valueOf(v.problem())).isTrue();
        assertThat(v.entries()).isEqualTo(73);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(z.getInputStream(z.getEntry("manifest.json")));
            assertThat(manifest.path("headSeq").asLong()).as("the journal's head when exported, past the range").isEqualTo(151);
            assertThat(manifest.path("headHash").asText()).isEqualTo(r.recorded().hash());
        }
    }

    @Test
    void tamperingWithAnExportIsCaught() throws IOException {
        Path zip = home.resolve("all.zip");
        ExportResult r = export(null, null, zip);
        assertThat(problem(zip, "entries.jsonl", t -> t.replace("vault-42\"", "vault-43\""))).satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.ALTERED);
            assertThat(p.seq()).isEqualTo(42);
        });
        assertThat(problem(zip, "entries.jsonl", t -> t.substring(0, t.lastIndexOf('\n', t.length() - 2) + 1)).kind())
                .isEqualTo(Problem.Kind.TRUNCATED);
        assertThat(problem(zip, "entries.jsonl", t -> dropLine(t, 10)).kind()).isEqualTo(Problem.Kind.MISSING);
        assertThat(problem(zip, "manifest.json", t -> t.replace("\"lastSeq\":151", "\"lastSeq\":150")).kind())
                .isEqualTo(Problem.Kind.BAD_SIGNATURE);
        assertThat(problem(zip, "README.txt", t -> t + "trust me\n").kind()).isEqualTo(Problem.Kind.ALTERED);
        assertThat(problem(zip, "checkpoints.jsonl", t -> t.replaceFirst("\"seq\":100", "\"seq\":101")).kind())
                .isEqualTo(Problem.Kind.BAD_SIGNATURE);
        assertThat(problem(zip, "manifest.sig", t -> "").kind()).isEqualTo(Problem.Kind.MISSING_SIGNATURE);
        var other = JournalKeys.generate();
        assertThat(problem(zip, "public-key.pem", t -> JournalKeys.pem("PUBLIC KEY", other.getPublic().getEncoded())).kind())
                .isEqualTo(Problem.Kind.KEY_NOT_PINNED);
        assertThat(BundleVerifier.verify(zip, Optional.of("sha256:" + "00".repeat(32))).problem().kind()).isEqualTo(Problem.Kind.KEY_NOT_PINNED);
        assertThat(BundleVerifier.verify(zip, Optional.of(r.keyFingerprint())).ok()).isTrue();
        Path notZip = Files.writeString(home.resolve("not.zip"), "hello");
        assertThat(BundleVerifier.verify(notZip, Optional.empty()).problem().kind()).isEqualTo(Problem.Kind.MALFORMED);
    }

    private static String dropLine(String text, int index) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.remove(index);
        return String.join("\n", lines) + "\n";
    }

    /** Rewrites one file of the export with {@code change} and returns what verification says. */
    private Problem problem(Path zip, String name, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                contents.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        contents.put(name, change.apply(new String(contents.get(name), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        Path changed = home.resolve("changed-" + name + ".zip");
        try (OutputStream out = Files.newOutputStream(changed); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : contents.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Verification v = BundleVerifier.verify(changed, Optional.empty());
        assertThat(v.ok()).as("tampered " + name).isFalse();
        return v.problem();
    }
}
