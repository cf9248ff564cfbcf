package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every --out (audit, scan, estate, journal export) and sandbox --write-aws-config: a device or a
 * named pipe is written through and stays what it was, a symbolic link is followed (the link stays),
 * a command never writes over its own input or Redoubt's journal, and a folder, a dangling link or a
 * link planted in /tmp by someone else is refused in one line. The real /dev/null is never the target
 * of a command here: a device node made in the temporary folder stands in for it.
 */
class OutputFilesTest {
    @TempDir
    Path dir;

    private final List<Path> fifos = new ArrayList<>();

    private Path home() {
        return dir.resolve("home");
    }

    private CliRun run(String... args) {
        return CliRun.run(home(), args);
    }

    private void assertBadInput(CliRun r, String... expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).as("one line: " + r.err()).hasSize(1);
        assertThat(r.err()).startsWith("redoubt: ").contains(expected);
        assertThat(r.noStackTrace()).isTrue();
    }

    private static String type(Path p) throws IOException, InterruptedException {
        Process stat = new ProcessBuilder("stat", "-c", "%F", p.toString()).redirectErrorStream(true).start();
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        stat.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static boolean make(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException noSuchTool) {
            return false;
        }
    }

    private Path fifo(String name) throws InterruptedException {
        Path f = dir.resolve(name);
        assumeTrue(make("mkfifo", f.toString()), "mkfifo is needed");
        fifos.add(f);
        return f;
    }

    /** Reads a named pipe to its end in a thread of its own (opening it blocks until a writer opens it). */
    private static CompletableFuture<byte[]> reader(Path fifo) {
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                read.complete(in.readAllBytes());
            } catch (Throwable e) {
                read.completeExceptionally(e);
            }
        }, "fifo-reader");
        t.setDaemon(true);
        t.start();
        return read;
    }

    /** A reader still waiting on a pipe that is still there is let go (it gets an empty stream). */
    @AfterEach
    void releaseReaders() {
        for (Path f : fifos) {
            try {
                if (Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
                    CompletableFuture.runAsync(() -> {
                        try (OutputStream ignored = Files.newOutputStream(f)) {
                            // opened and closed: the reader sees the end
                        } catch (IOException e) {
                            // nobody was waiting
                        }
                    }).get(5, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static boolean isFifoOrDevice(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.isOther() && !a.isRegularFile();
    }

    @Test
    void anAuditReportGoesThroughANamedPipeAndThePipeStays() throws Exception {
        CliRun regular = run("audit", "--demo", "--out", dir.resolve("report.json").toString());
        assertThat(regular.exitCode()).as(regular.err()).isZero();
        Path pipe = fifo("report.pipe");
        CompletableFuture<byte[]> read = reader(pipe);
        CliRun r = run("audit", "--demo", "--out", pipe.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.isRegularFile(pipe, LinkOption.NOFOLLOW_LINKS)).as("the pipe was replaced by a file").isFalse();
        assertThat(isFifoOrDevice(pipe)).isTrue();
        assertThat(read.get(30, TimeUnit.SECONDS)).as("what the reader got").isEqualTo(Files.readAllBytes(dir.resolve("report.json")));
    }

    @Test
    void anEstateAndAJournalExportGoThroughANamedPipe() throws Exception {
        Path pipe = fifo("estate.pipe");
        CompletableFuture<byte[]> read = reader(pipe);
        CliRun r = run("estate", "demo", "--out", pipe.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(isFifoOrDevice(pipe)).as("still a pipe").isTrue();
        assertThat(new String(read.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8)).startsWith("{").contains("\"Format\"");

        Path zipPipe = fifo("export.pipe");
        CompletableFuture<byte[]> zip = reader(zipPipe);
        CliRun e = run("journal", "export", "--out", zipPipe.toString());
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertThat(isFifoOrDevice(zipPipe)).as("still a pipe").isTrue();
        byte[] bytes = zip.get(30, TimeUnit.SECONDS);
        assertThat(e.out()).as("the sha256 printed is that of what went through the pipe").contains("sha256 " + sha256(bytes));
        Path copy = Files.write(dir.resolve("copy.zip"), bytes);
        CliRun v = run("journal", "verify", "--bundle", copy.toString());
        assertThat(v.exitCode()).as(v.err() + v.out()).isZero();
    }

    @Test
    void aDeviceStaysADeviceAndALinkToDevNullStaysALink() throws Exception {
        // A stand-in for /dev/null (the same device, 1:3) in the temporary folder, where replacing it would harm nothing.
        Path nullDevice = dir.resolve("null");
        assumeTrue(make("mknod", nullDevice.toString(), "c", "1", "3"), "mknod (root) is needed for a device node");
        assertThat(type(nullDevice)).isEqualTo("character special file");
        CliRun r = run("audit", "--demo", "--out", nullDevice.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(type(nullDevice)).isEqualTo("character special file");
        assertThat(Files.isRegularFile(nullDevice)).isFalse();

        // A link to the real /dev/null: before the fix the link itself was replaced (never /dev/null), after it /dev/null is written.
        Path link = Files.createSymbolicLink(dir.resolve("devnull"), Path.of("/dev/null"));
        CliRun l = run("estate", "demo", "--out", link.toString());
        assertThat(l.exitCode()).as(l.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/dev/null"));
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
        assertThat(type(Path.of("/dev/null"))).isEqualTo("character special file");
    }

    @Test
    void aSymbolicLinkIsFollowedToItsFileAndStaysALink() throws Exception {
        Path real = Files.createDirectories(dir.resolve("reports")).resolve("real.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.json"), Path.of("reports/real.json"));
        CliRun r = run("audit", "--demo", "--out", link.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
        assertThat(Files.readString(real)).startsWith("{").contains("\"redoubt-audit/1\"");
        try (var files = Files.list(dir.resolve("reports"))) {
            assertThat(files).as("no temporary file left").containsExactly(real);
        }
    }

    @Test
    void aFolderADanglingLinkAndALinkPlantedByAnotherUserAreRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        assertBadInput(run("audit", "--demo", "--out", folder.toString()), folder + ": ", "it is a folder");

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("nowhere/report.json"));
        assertBadInput(run("audit", "--demo", "--out", dangling.toString()), "which does not exist");
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(dir.resolve("nowhere")).doesNotExist();

        // As fs.protected_symlinks: a link someone else made in a folder anyone may write to (/tmp) is not followed.
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        assumeTrue(view != null && System.getProperty("user.name").equals("root"), "root is needed to make a link owned by another user");
        Path shared = Files.createDirectories(dir.resolve("shared-tmp"));
        assumeTrue(make("chmod", "1777", shared.toString()));
        Path victim = Files.writeString(dir.resolve("victim.conf"), "precious\n");
        Path planted = Files.createSymbolicLink(shared.resolve("report.json"), victim);
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.getFileAttributeView(planted, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setOwner(nobody);
        CliRun r = run("audit", "--demo", "--out", planted.toString());
        assertBadInput(r, "made in " + shared, "Redoubt does not follow it");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(Files.isSymbolicLink(planted)).isTrue();
    }

    @Test
    void aCommandNeverWritesOverItsOwnInputHoweverThePathIsSpelled() throws Exception {
        Path estate = dir.resolve("a.json");
        assertThat(run("estate", "demo", "--out", estate.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(estate);
        Files.createDirectories(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("b.json"), estate);
        for (Path same : List.of(estate, dir.resolve("sub/../a.json"), link)) {
            assertBadInput(run("audit", "--estate", estate.toString(), "--out", same.toString()),
                    same + ": --out names the file of --estate (" + estate + "), which this command reads", "Choose another file for --out");
        }
        assertThat(Files.readAllBytes(estate)).isEqualTo(before);
        assertThat(home().resolve("journal.db")).as("nothing was recorded").doesNotExist();

        Path settings = Files.writeString(dir.resolve("settings.json"), "{}");
        assertBadInput(run("audit", "--demo", "--settings", settings.toString(), "--out", settings.toString()), "--out names the file of --settings");
        assertThat(Files.readString(settings)).isEqualTo("{}");
        assertBadInput(run("scan", "--since-capture", estate.toString(), "--out", estate.toString()), "--out names the file of --since-capture");
        assertBadInput(run("audit", "--capture", dir.resolve("new.json").toString(), "--out", dir.resolve("sub/../new.json").toString()),
                "--out and --capture name the same file");
        assertThat(dir.resolve("new.json")).doesNotExist();
        assertBadInput(run("sandbox", "--estate", estate.toString(), "--port", "0", "--write-aws-config", estate.toString()),
                "--write-aws-config names the file of --estate");
        assertThat(Files.readAllBytes(estate)).isEqualTo(before);
    }

    @Test
    void noOutputReplacesTheJournal() throws Exception {
        CliRun first = run("journal", "export", "--out", dir.resolve("first.zip").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path db = home().resolve("journal.db");
        byte[] before = Files.readAllBytes(db);
        assertBadInput(run("estate", "demo", "--out", db.toString()), "--out names Redoubt's journal (" + db + ")");
        assertBadInput(run("journal", "export", "--out", db.toString()), "--out names Redoubt's journal");
        assertBadInput(run("audit", "--demo", "--out", home().resolve("settings.json").toString()), "--out names Redoubt's settings");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        CliRun v = run("journal", "verify");
        assertThat(v.exitCode()).as(v.err()).isZero();
    }
}
