package dev.redoubt.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path dir;

    private static SafeFiles.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNewOrRegularFileIsReplacedAtomically() throws IOException {
        Path f = dir.resolve("sub/report.json");
        assertThat(OutputFile.write(f, text("one"), true)).isEqualTo(OutputFile.Way.REPLACE);
        assertThat(OutputFile.write(f, text("two"), true)).isEqualTo(OutputFile.Way.REPLACE);
        assertThat(Files.readString(f)).isEqualTo("two");
        assertThatThrownBy(() -> OutputFile.write(f, out -> {
            out.write('x');
            throw new IOException("disk full");
        }, true)).hasMessage("disk full");
        assertThat(Files.readString(f)).as("a failure leaves the old file").isEqualTo("two");
        try (var files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void aChainOfLinksIsFollowedToItsFileAndEveryLinkStays() throws IOException {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("store")).resolve("real.txt"), "old");
        Path inner = Files.createSymbolicLink(dir.resolve("inner"), Path.of("store/real.txt"));
        Path outer = Files.createSymbolicLink(dir.resolve("outer"), inner);
        assertThat(OutputFile.write(outer, text("new"), false)).isEqualTo(OutputFile.Way.REPLACE);
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(Files.isSymbolicLink(outer)).isTrue();
        assertThat(Files.isSymbolicLink(inner)).isTrue();
        assertThat(Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aLinkToANamedPipeIsWrittenThrough() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is needed");
        Path link = Files.createSymbolicLink(dir.resolve("to-pipe"), fifo);
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(OutputFile.write(link, text("through"), true)).isEqualTo(OutputFile.Way.THROUGH);
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("through");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void foldersLoopsAndDanglingLinksAreRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        assertThatThrownBy(() -> OutputFile.write(folder, text("x"), false)).isInstanceOf(OutputFile.Refused.class).hasMessageContaining("folder");
        Path toFolder = Files.createSymbolicLink(dir.resolve("to-folder"), folder);
        assertThatThrownBy(() -> OutputFile.write(toFolder, text("x"), false)).isInstanceOf(OutputFile.Refused.class)
                .hasMessageContaining("a symbolic link to a folder");
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThatThrownBy(() -> OutputFile.write(a, text("x"), false)).isInstanceOf(OutputFile.Refused.class).hasMessageContaining("circles");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("missing/file"));
        assertThatThrownBy(() -> OutputFile.write(dangling, text("x"), false)).isInstanceOf(OutputFile.Refused.class)
                .hasMessageContaining("which does not exist");
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void theSameFileIsRecognizedHoweverItIsSpelled() throws IOException {
        Path f = Files.writeString(dir.resolve("a.json"), "{}");
        Files.createDirectories(dir.resolve("sub"));
        assertThat(OutputFile.sameFile(f, dir.resolve("sub/../a.json"))).isTrue();
        assertThat(OutputFile.sameFile(f, Files.createSymbolicLink(dir.resolve("l.json"), f))).isTrue();
        assertThat(OutputFile.sameFile(f, Files.createLink(dir.resolve("hard.json"), f))).isTrue();
        assertThat(OutputFile.sameFile(f, dir.resolve("other.json"))).isFalse();
        assertThat(OutputFile.sameFile(f, null)).isFalse();
    }
}
