package dev.redoubt.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's sign-in with a profile is journaled whatever the profile's kind, and when it fails (docs/journal.md, `sign-in`). */
class SignInJournalTest {
    @TempDir
    Path dir;

    @Test
    void theWindowJournalsEverySignInWithAProfileWhateverItsKindAndOutcome() throws Exception {
        Estate demo = NorthwindDemo.build();
        Account backup = demo.accounts().stream().filter(a -> a.name().equals("northwind-backup")).findFirst().orElseThrow();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests(demo, Clock.systemUTC()))) {
            SandboxCredential c = sandbox.credential(demo.organization().masterAccountId(), "AuditReadOnly");
            Files.createDirectories(dir.resolve("user/.aws"));
            Files.writeString(dir.resolve("user/.aws/config"), String.join("\n",
                    "[profile keys]", "region = eu-west-1", "aws_access_key_id = " + c.accessKeyId(),
                    "aws_secret_access_key = " + c.secretAccessKey(), "endpoint_url = " + sandbox.endpoint(),
                    "[profile assumed]", "role_arn = arn:aws:iam::" + backup.id() + ":role/AuditReadOnly", "source_profile = keys",
                    "region = eu-west-1", "endpoint_url = " + sandbox.endpoint(),
                    "[profile refused]", "region = eu-west-1", "aws_access_key_id = " + c.accessKeyId(),
                    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGSECRET", "endpoint_url = " + sandbox.endpoint(), ""));
            try (TestConsole console = TestConsole.create(dir)) {
                console.actions.signIn("keys");
                console.actions.signIn("assumed");
                console.actions.signIn("refused");

                List<Entry> signIns = console.context.journal().read(new EntryQuery(null, null, "sign-in", null, 0));
                assertThat(signIns).extracting(e -> e.detailsTree().path("profile").asText()).containsExactly("keys", "assumed", "refused");
                assertThat(signIns).extracting(e -> e.detailsTree().path("outcome").asText()).containsExactly("ok", "ok", "failed");
                assertThat(signIns).allSatisfy(e -> assertThat(e.detailsTree().path("method").asText()).isEqualTo("profile"));
                assertThat(signIns.get(1).actor()).startsWith("arn:aws:sts::" + backup.id() + ":assumed-role/AuditReadOnly/");
                assertThat(signIns.get(2).detailsTree().path("error").asText()).contains("SignatureDoesNotMatch");
                assertThat(console.notices.shown()).anyMatch(n -> n.kind() == Notice.Kind.ERROR);
            }
        }
    }
}
