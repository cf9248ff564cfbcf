package dev.redoubt.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void updatesOneMemberAndKeepsTheRest() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"thresholds\": {\"minRetentionDays\": 35}, \"future\": [1, 2]}");
        SettingsFile settings = new SettingsFile(file);
        settings.update(s -> s.putObject("journal").put("keyFingerprint", "sha256:ab"));
        settings.update(s -> s.withObject("/journal").put("other", true));
        var read = settings.read();
        assertThat(read.at("/thresholds/minRetentionDays").asInt()).isEqualTo(35);
        assertThat(read.at("/future/1").asInt()).isEqualTo(2);
        assertThat(read.at("/journal/keyFingerprint").asText()).isEqualTo("sha256:ab");
        assertThat(read.at("/journal/other").asBoolean()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new SettingsFile(dir.resolve("none.json")).read().isEmpty()).isTrue();
    }

    @Test
    void refusesToRewriteABrokenFile() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"thresholds\": \n");
        SettingsFile settings = new SettingsFile(file);
        assertThatThrownBy(() -> settings.update(s -> s.put("x", 1))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("settings.json: line 2, column 1: not valid JSON; fix the file");
        assertThat(Files.readString(file)).isEqualTo("{\"thresholds\": \n");
        Files.writeString(file, "[1]");
        assertThatThrownBy(settings::read).hasMessageContaining("not a JSON object");
    }
}
