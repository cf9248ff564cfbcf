package dev.redoubt.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets a caller passes by mistake never reach the journal's files: they are redacted before anything is written. */
class SecretsTest {
    private static final List<String> SECRETS = List.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET1KEY", "FwoGZXIvYXdzEJr//////////wEaDSECRET2TOKEN",
            "hunter2-SECRET3", "ya29.SECRET4ACCESS", "1//SECRET5REFRESH", "SECRET6CLIENT", "SECRET7INVALUE");

    @TempDir
    Path home;

    @Test
    void secretsAreRedactedBeforeAnythingIsWritten() throws Exception {
        JournalFiles files = Fixture.files(home);
        Path zip = home.resolve("export.zip");
        try (SqliteJournal j = SqliteJournal.open(files, Clock.systemUTC())) {
            EntryDraft d = EntryDraft.of("arn:aws:sts::111122223333:assumed-role/Operator/bob", Mode.OPERATOR, Target.aws(), "sign-in",
                    "arn:aws:sts::111122223333:assumed-role/Operator/bob");
            ObjectNode creds = d.detailsObject().putObject("Credentials");
            creds.put("AccessKeyId", "ASIAEXAMPLEKEYID").put("SecretAccessKey", SECRETS.get(0)).put("SessionToken", SECRETS.get(1))
                    .put("Expiration", "2026-11-28T11:00:00Z");
            d.detailsObject().put("password", SECRETS.get(2));
            d.detailsObject().putArray("tokens").addObject().put("access_token", SECRETS.get(3)).put("refresh-token", SECRETS.get(4));
            d.detailsObject().putObject("oidc").put("clientSecret", SECRETS.get(5)).put("clientName", "redoubt");
            d.detailsObject().put("log", "export aws_secret_access_key=" + SECRETS.get(6));
            Entry e = j.append(d);
            assertThat(e.details()).contains("ASIAEXAMPLEKEYID", "redoubt", "[redacted]").doesNotContain("SECRET");
            assertThat(e.detailsTree().at("/Credentials/SecretAccessKey").asText()).isEqualTo(Redaction.REDACTED);
            // a draft whose subject is itself a secret is refused, not half-recorded
            assertThatThrownBy(() -> j.append(EntryDraft.of("offline", Mode.AUDITOR, Target.none(), "scan",
                    "https://x.s3.amazonaws.com/f?X-Amz-Security-Token=" + SECRETS.get(1)))).isInstanceOf(IllegalArgumentException.class);
            JournalExport.export(j, null, null, zip, "offline", Mode.AUDITOR);
        }
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                for (String secret : SECRETS) {
                    assertThat(raw).as(p + " holds " + secret).doesNotContain(secret);
                }
            }
        }
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            String entries = new String(z.getInputStream(z.getEntry("entries.jsonl")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(entries).contains("[redacted]");
            SECRETS.forEach(s -> assertThat(entries).doesNotContain(s));
        }
    }

    @Test
    void namesThatSaySecret() {
        for (String name : new String[] {"SecretAccessKey", "SessionToken", "Password", "AccessToken", "RefreshToken", "ClientSecret",
                "client_secret", "x-api-key", "PrivateKey", "Authorization", "aws_session_token"}) {
            assertThat(Redaction.isSecretName(name)).as(name).isTrue();
        }
        for (String name : new String[] {"AccessKeyId", "VaultName", "Expiration", "RecoveryPointArn", "NextToken", "tokenCount"}) {
            assertThat(Redaction.isSecretName(name)).as(name).isFalse();
        }
    }
}
