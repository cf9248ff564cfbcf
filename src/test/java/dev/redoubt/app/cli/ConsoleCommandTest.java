package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.app.ConsoleStart;
import dev.redoubt.journal.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** redoubt console: what the window is asked to open, and the bad input it refuses before any window appears. */
class ConsoleCommandTest {
    @TempDir
    Path dir;

    private final List<ConsoleStart> opened = new ArrayList<>();

    private CliRun run(String... args) {
        return CliRun.withConsole(dir.resolve("home"), opened::add, args);
    }

    @Test
    void opensTheDemoACaptureOrTheStartScreen() throws Exception {
        Path capture = dir.resolve("capture.json");
        try (var in = getClass().getResourceAsStream("/estates/minimal-estate.json")) {
            Files.copy(in, capture);
        }

        assertThat(run("console", "--demo").exitCode()).isZero();
        assertThat(run("console", "--estate", capture.toString()).exitCode()).isZero();
        assertThat(run("console").exitCode()).isZero();
        assertThat(run("console", "--demo", "--operator").exitCode()).isZero();

        assertThat(opened).extracting(ConsoleStart::kind).containsExactly(ConsoleStart.Kind.DEMO, ConsoleStart.Kind.ESTATE,
                ConsoleStart.Kind.START_SCREEN, ConsoleStart.Kind.DEMO);
        assertThat(opened.get(1).estate()).isEqualTo(capture.toAbsolutePath().normalize());
        assertThat(opened.get(0).mode()).isEqualTo(Mode.AUDITOR);
        assertThat(opened.get(3).mode()).isEqualTo(Mode.OPERATOR);
    }

    @Test
    void opensAProfileWithTheAccountsAndRegionsToScan() throws Exception {
        Path user = dir.resolve("home-user/.aws");
        Files.createDirectories(user);
        Files.writeString(user.resolve("config"), "[profile audit]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\nregion = eu-west-1\n");

        CliRun r = run("console", "--profile", "audit", "--accounts", "all", "--regions", "eu-west-1,us-east-1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(opened).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(ConsoleStart.Kind.PROFILE);
            assertThat(s.profile()).isEqualTo("audit");
            assertThat(s.accounts()).isEmpty();
            assertThat(s.regions()).containsExactly("eu-west-1", "us-east-1");
        });
    }

    @Test
    void refusesBadInputBeforeOpeningAnything() {
        CliRun missing = run("console", "--estate", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("nope.json: no such readable file");

        CliRun profile = run("console", "--profile", "nope");
        assertThat(profile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(profile.err()).contains("no profile named \"nope\"", "redoubt profiles");

        CliRun scope = run("console", "--demo", "--accounts", "all");
        assertThat(scope.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(scope.err()).contains("--accounts, --regions and --role choose what a --profile scans");

        assertThat(opened).isEmpty();
        assertThat(List.of(missing, profile, scope)).allMatch(CliRun::noStackTrace);
    }
}
