package dev.redoubt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPathsTest {
    @Test
    void prefersRedoubtHome() {
        assertThat(AppPaths.resolveHome(Map.of("REDOUBT_HOME", "/data/r", "XDG_DATA_HOME", "/x"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/data/r"));
    }

    @Test
    void followsEachOperatingSystemsConvention() {
        assertThat(AppPaths.resolveHome(Map.of(), "Linux", "/home/u")).isEqualTo(Path.of("/home/u/.local/share/redoubt"));
        assertThat(AppPaths.resolveHome(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", "/home/u")).isEqualTo(Path.of("/xdg/redoubt"));
        assertThat(AppPaths.resolveHome(Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/u")).isEqualTo(Path.of("/home/u/.local/share/redoubt"));
        assertThat(AppPaths.resolveHome(Map.of(), "Mac OS X", "/Users/u")).isEqualTo(Path.of("/Users/u/Library/Application Support/Redoubt"));
        assertThat(AppPaths.resolveHome(Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "Windows 11", "C:/Users/u"))
                .isEqualTo(Path.of("C:/Users/u/AppData/Roaming", "Redoubt"));
    }

    @Test
    void createsItsFoldersOwnerOnly(@TempDir Path dir) throws IOException {
        AppPaths paths = new AppPaths(dir.resolve("home")).ensureCreated();
        for (Path p : new Path[] {paths.home(), paths.keysDir(), paths.capturesDir(), paths.logsDir()}) {
            assertThat(p).isDirectory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rwx------");
        }
        assertThat(paths.journalFile()).isEqualTo(paths.home().resolve("journal.db"));
    }
}
