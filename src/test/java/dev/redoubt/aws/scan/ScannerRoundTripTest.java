package dev.redoubt.aws.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private ScanResult scanOne(Estate served, SandboxOptions options, Clock scanClock, Estate since) throws Exception {
        String account = served.accounts().get(1).id();
        try (Sandbox sandbox = Sandbox.start(options);
             Session session = open(sandbox, sandbox.credential(account, EstateGenerator.READ_ONLY_ROLE), "us-east-1")) {
            ScanRequest request = new ScanRequest(List.of(), false, null, List.of(), false, 8, 64, since);
            return new Scanner(scanClock, new EstateFile()).scan(session, request, ScanProgress.NONE, new AtomicBoolean());
        }
    }

    private static SandboxOptions serve(Estate e) {
        return SandboxOptions.forTests(e, Clock.fixed(e.capturedAt(), ZoneOffset.UTC)).withAsCaptured(true);
    }

    @Test
    void throttlingAndInjectedErrorsDoNotChangeTheCapture() throws Exception {
        Estate served = new EstateGenerator(new EstateFile()).generate(new GeneratorSpec(2, 1, 2, 200, 5, null));
        ScanResult clean = scanOne(served, serve(served), Clock.systemUTC(), null);
        ScanResult faulty = scanOne(served, serve(served).withFaults(0, 0.05, 0.05, 42), Clock.systemUTC(), null);
        // The one scope a member account cannot read (organizations:ListAccounts) is the same in both; nothing was lost to faults.
        assertThat(faulty.readErrors()).isEqualTo(clean.readErrors()).isEqualTo(1);
        assertThat(new EstateFile().writeString(faulty.estate())).doesNotContain("Throttling", "InternalFailure", "ServiceUnavailable");
        assertThat(faulty.apiCalls()).isEqualTo(clean.apiCalls());
        assertThat(CaptureComparison.differences(CaptureComparison.normalize(clean.estate(), Set.of()),
                CaptureComparison.normalize(faulty.estate(), Set.of()), 10)).isEmpty();
    }

    @Test
    void incrementalRefreshReadsOnlyWhatChangedAndEqualsAFullScan() throws Exception {
        EstateFile file = new EstateFile();
        Estate before = new EstateGenerator(file).generate(new GeneratorSpec(2, 1, 3, 600, 8, null));
        Clock atCapture = Clock.fixed(before.capturedAt(), ZoneOffset.UTC);
        ScanResult first = scanOne(before, serve(before), atCapture, null);

        ObjectNode tree = (ObjectNode) file.toTree(before);
        ObjectNode vault0 = (ObjectNode) tree.at("/Accounts/1/Regions/us-east-1/BackupVaults/0");
        ObjectNode fresh = ((ObjectNode) vault0.path("RecoveryPoints").get(0)).deepCopy();
        fresh.put("RecoveryPointArn", fresh.path("RecoveryPointArn").asText() + "-new");
        fresh.put("CreationDate", before.capturedAt().plusSeconds(3600).toString());
        ((ArrayNode) vault0.path("RecoveryPoints")).insert(0, fresh);
        vault0.put("NumberOfRecoveryPoints", vault0.path("NumberOfRecoveryPoints").asLong() + 1);
        ObjectNode vault1 = (ObjectNode) tree.at("/Accounts/1/Regions/us-east-1/BackupVaults/1");
        ((ArrayNode) vault1.path("RecoveryPoints")).remove(0);
        vault1.put("NumberOfRecoveryPoints", vault1.path("NumberOfRecoveryPoints").asLong() - 1);
        Estate after = file.fromTree(tree, "after");

        ScanResult full = scanOne(after, serve(after), atCapture, null);
        ScanResult incremental = scanOne(after, serve(after), atCapture, first.estate());
        assertThat(CaptureComparison.differences(CaptureComparison.normalize(full.estate(), Set.of()),
                CaptureComparison.normalize(incremental.estate(), Set.of()), 10)).isEmpty();
        long fullPoints = full.estate().accounts().get(0).regions().get("us-east-1").backupVaults().stream()
                .mapToLong(v -> v.recoveryPoints().size()).sum();
        assertThat(fullPoints).isGreaterThan(200);
        // Every vault is asked only for what is new and only the vault that lost a point is listed again in full (one call
        // more); no protected resource is described again, since no restore ran (one ListRestoreJobs call tells).
        int resources = full.estate().accounts().stream().filter(a -> a.regions() != null && !a.regions().isEmpty())
                .mapToInt(a -> a.regions().get("us-east-1").protectedResources().size()).sum();
        assertThat(resources).isPositive();
        assertThat(incremental.apiCalls()).isEqualTo(full.apiCalls() + 1 + 1 - resources);
    }
}
