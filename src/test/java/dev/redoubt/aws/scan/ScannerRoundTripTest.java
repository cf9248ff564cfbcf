package dev.redoubt.aws.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.ReadOnlyViolationException;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.aws.signin.Session;
import dev.redoubt.aws.signin.SignIn;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scan(sandbox(E)) = E, through the real SDK, the profile's endpoint_url and the auditor's guard. */
class ScannerRoundTripTest {
    @TempDir
    Path home;

    private Session open(Sandbox sandbox, SandboxCredential c, String region) throws IOException {
        Path config = Files.createDirectories(home.resolve(".aws")).resolve("config");
        Files.writeString(config, "[default]\nregion = " + region + "\naws_access_key_id = " + c.accessKeyId()
                + "\naws_secret_access_key = " + c.secretAccessKey() + "\nendpoint_url = " + sandbox.endpoint() + "\n");
        Map<String, String> env = Map.of("HOME", home.toString());
        SignIn signIn = new SignIn(new AwsConfigFiles(env, home), env, Clock.systemUTC());
        return signIn.open(signIn.profile("default"), AccessMode.AUDITOR);
    }

    @Test
    void scanningOneAccountGivesBackWhatTheSandboxServes() throws Exception {
        Estate served = new EstateGenerator(new EstateFile()).generate(new GeneratorSpec(2, 1, 3, 400, 11, null));
        String account = served.accounts().get(1).id();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests(served, Clock.fixed(served.capturedAt(), ZoneOffset.UTC)).withAsCaptured(true));
             Session session = open(sandbox, sandbox.credential(account, EstateGenerator.READ_ONLY_ROLE), "us-east-1")) {
            ScanResult result = new Scanner(Clock.systemUTC(), new EstateFile()).scan(session, ScanRequest.defaults(), ScanProgress.NONE, new AtomicBoolean());
            Estate expected = new Estate(served.format(), served.name(), served.capturedAt(), null, null,
                    served.accounts().stream().filter(a -> a.id().equals(account)).toList(), null);
            Set<String> notYetServed = Set.of("MpaApprovalTeams", "MpaSessions", "ReadErrors");
            JsonNode want = CaptureComparison.normalize(expected, notYetServed);
            JsonNode got = CaptureComparison.normalize(result.estate(), notYetServed);
            assertThat(CaptureComparison.differences(want.at("/Accounts/0/Regions"), got.at("/Accounts/0/Regions"), 20)).isEmpty();

            assertThat(sandbox.requestLog().entries()).isNotEmpty().allSatisfy(e -> assertThat(e.operation())
                    .as("every call of an auditor's scan is a read").matches("(Describe|Get|List).*"));
            long before = sandbox.requestLog().lastSeq();
            String rp = served.accounts().get(1).regions().get("us-east-1").backupVaults().get(0).recoveryPoints().get(0).recoveryPointArn();
            assertThatThrownBy(() -> session.clients().backup("us-east-1").startRestoreJob(r -> r.recoveryPointArn(rp)
                    .iamRoleArn("arn:aws:iam::" + account + ":role/restore").metadata(Map.of("x", "y"))))
                    .isInstanceOf(ReadOnlyViolationException.class);
            assertThat(sandbox.requestLog().since(before)).as("requests reaching the sandbox after the refused write").isEmpty();
        }
    }

    @Test
    void scanningEveryAccountOfTheDemoGivesTheDemoBack() throws Exception {
        Estate demo = NorthwindDemo.build();
        String management = demo.organization().masterAccountId();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)).withAsCaptured(true));
             Session session = open(sandbox, sandbox.credential(management, "AuditReadOnly"), "eu-west-1")) {
            ScanRequest request = new ScanRequest(List.of(), true, "AuditReadOnly", List.of(), true, 8, 64, null);
            ScanResult result = new Scanner(Clock.systemUTC(), new EstateFile()).scan(session, request, ScanProgress.NONE, new AtomicBoolean());
            JsonNode want = CaptureComparison.normalize(demo, Set.of());
            JsonNode got = CaptureComparison.normalize(result.estate(), Set.of());
            assertThat(CaptureComparison.differences(want, got, 20)).isEmpty();
            assertThat(result.readErrors()).isZero();
            assertThat(sandbox.requestLog().entries()).allSatisfy(e -> assertThat(e.operation()).matches("(Describe|Get|List|AssumeRole).*"));
        }
    }
}
