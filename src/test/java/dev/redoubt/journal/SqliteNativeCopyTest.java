package dev.redoubt.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeCopyTest {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    private String savedPath;
    private String savedName;

    @BeforeEach
    void clear() {
        savedPath = System.clearProperty(PATH);
        savedName = System.clearProperty(NAME);
    }

    @AfterEach
    void restore() {
        System.clearProperty(PATH);
        System.clearProperty(NAME);
        if (savedPath != null) {
            System.setProperty(PATH, savedPath);
        }
        if (savedName != null) {
            System.setProperty(NAME, savedName);
        }
    }

    @Test
    void theLibraryIsCopiedOnceAndLoadedFromTheCopy(@TempDir Path dir) throws Exception {
        Sqlite.useKeptCopy(dir, true);

        assertThat(System.getProperty(PATH)).isEqualTo(dir.toString());
        Path copy = dir.resolve(System.getProperty(NAME));
        assertThat(copy).isRegularFile();
        assertThat(copy.getFileName().toString()).startsWith("libsqlitejdbc-").doesNotStartWith("sqlite-"); // the driver's clean-up leaves it
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(copy); // no temporary file left
        }
        long made = Files.getLastModifiedTime(copy).toMillis();

        System.clearProperty(PATH);
        System.clearProperty(NAME);
        Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(made - 60_000));
        Sqlite.useKeptCopy(dir, false); // a later run, even one that may not write: the copy is used as it is

        assertThat(System.getProperty(PATH)).isEqualTo(dir.toString());
        assertThat(Files.getLastModifiedTime(copy).toMillis()).isEqualTo(made - 60_000);
    }

    @Test
    void aCopyOfTheWrongSizeIsMadeAgain(@TempDir Path dir) throws Exception {
        Sqlite.useKeptCopy(dir, true);
        Path copy = dir.resolve(System.getProperty(NAME));
        long size = Files.size(copy);
        Files.write(copy, new byte[] {1, 2, 3});
        System.clearProperty(PATH);
        System.clearProperty(NAME);

        Sqlite.useKeptCopy(dir, true);

        assertThat(Files.size(copy)).isEqualTo(size);
        assertThat(System.getProperty(PATH)).isEqualTo(dir.toString());
    }

    @Test
    void aReaderThatMayNotWriteAndFindsNoCopyLeavesTheDriverToItsOwnWay(@TempDir Path dir) throws Exception {
        Sqlite.useKeptCopy(dir, false);

        assertThat(System.getProperty(PATH)).isNull();
        assertThat(System.getProperty(NAME)).isNull();
        try (var listing = Files.list(dir)) {
            assertThat(listing).isEmpty();
        }
    }

    @Test
    void aLibraryTheUserNamedWins(@TempDir Path dir) throws Exception {
        System.setProperty(PATH, "/elsewhere");

        Sqlite.useKeptCopy(dir, true);

        assertThat(System.getProperty(PATH)).isEqualTo("/elsewhere");
        try (var listing = Files.list(dir)) {
            assertThat(listing).isEmpty();
        }
    }
}
