package dev.redoubt.aws.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsConfigFilesTest {
    @Test
    void theFilesAreParsedOnceWhileTheyStayAsTheyWere(@TempDir Path home) throws Exception {
        Path config = Files.writeString(home.resolve("config"), "[profile a]\nregion = eu-west-1\n");
        AwsConfigFiles files = new AwsConfigFiles(Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString()), home);

        assertThat(files.profileFile()).isSameAs(files.profileFile());
        assertThat(files.profile("a")).isPresent();
    }

    @Test
    void aChangedFileIsReadAgain(@TempDir Path home) throws Exception {
        Path config = Files.writeString(home.resolve("config"), "[profile a]\nregion = eu-west-1\n");
        Path credentials = home.resolve("credentials");
        AwsConfigFiles files = new AwsConfigFiles(Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentials.toString()), home);
        var first = files.profileFile();
        assertThat(files.profile("b")).isEmpty();

        Files.writeString(config, "[profile b]\nregion = eu-west-2\n"); // the same size, as `aws configure` might leave it
        Files.setLastModifiedTime(config, FileTime.fromMillis(Files.getLastModifiedTime(config).toMillis() + 2_000));
        assertThat(files.profile("b")).isPresent();
        assertThat(files.profile("a")).isEmpty();

        Files.writeString(credentials, "[c]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n"); // a file that appears
        assertThat(files.profile("c")).isPresent();
        assertThat(files.profileFile()).isNotSameAs(first);
    }
}
