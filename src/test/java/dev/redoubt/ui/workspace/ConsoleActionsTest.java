package dev.redoubt.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.app.cli.CliRun;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.services.EstateOrigin;
import dev.redoubt.services.ScanOutcome;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleActionsTest {
    @TempDir
    Path dir;

    @Test
    void theDemoIsScannedThroughItsSandboxAndJudgedExactlyAsTheCommandLineJudgesIt() throws Exception {
        CliRun cli = CliRun.run(dir.resolve("cli-home"), "audit", "--demo", "--out", dir.resolve("demo.json").toString());
        String cliDigest = cli.err().lines().filter(l -> l.startsWith("Results SHA-256: ")).findFirst().orElseThrow()
                .substring("Results SHA-256: ".length());

        try (TestConsole console = TestConsole.create(dir.resolve("console"))) {
            console.actions.openDemo();

            assertThat(console.notices.shown()).as("notices").noneMatch(n -> n.kind() == Notice.Kind.ERROR);
            assertThat(console.workspace.connection().demo()).isTrue();
            assertThat(console.workspace.estate().origin().kind()).isEqualTo(EstateOrigin.Kind.DEMO);
            assertThat(console.workspace.scan().outcome()).isEqualTo(ScanOutcome.Outcome.COMPLETE);
            assertThat(console.workspace.scan().capture()).exists().hasParent(console.context.paths().capturesDir());
            assertThat(console.workspace.audit().digest()).isEqualTo(cliDigest);
            assertThat(console.visited).containsExactly(Destinations.OVERVIEW);
            assertThat(console.context.paths().home().resolve("demo/sso-cache")).isNotEmptyDirectory();
            assertThat(console.dir.resolve("user/.aws")).doesNotExist();
            assertThat(console.context.journal().read(new EntryQuery(null, null, null, null, 0)))
                    .extracting(e -> e.action()).containsSubsequence("sign-in", "scan", "audit");
        }
    }
}
