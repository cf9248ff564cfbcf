package dev.redoubt.sandbox;

import static dev.redoubt.sandbox.SandboxFixture.BACKUP;
import static dev.redoubt.sandbox.SandboxFixture.REGION;
import static dev.redoubt.sandbox.SandboxFixture.WORKLOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupException;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RestoreJobStatus;

/** Injected latency and transient failures (reproducible by seed, retried by the SDK) and the /_sandbox control surface. */
class FaultsAndControlTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SandboxOptions options() {
        return SandboxOptions.forTests(SandboxFixture.estate("sandbox-estate.json"), Clock.fixed(SandboxFixture.NOW, ZoneOffset.UTC));
    }

    private static BackupClient patientClient(SandboxFixture fx) {
        return BackupClient.builder().endpointOverride(fx.sandbox.endpoint()).region(Region.of(REGION))
                .credentialsProvider(fx.readOnly(BACKUP))
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(60))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(8)
                                .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                                .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5))).build()))
                .build();
    }

    @Test
    void everyRequestThrottledFailsAfterTheSdksRetries() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(options().withFaults(0, 1.0, 0, 1));
             BackupClient backup = fx.client(BackupClient.builder(), fx.readOnly(BACKUP), REGION)) {
            assertThatThrownBy(() -> backup.listBackupVaults(r -> { })).isInstanceOf(BackupException.class)
                    .satisfies(e -> assertThat(((BackupException) e).awsErrorDetails().errorCode()).isEqualTo("ThrottlingException"))
                    .satisfies(e -> assertThat(((BackupException) e).numAttempts()).isEqualTo(3));
            assertThat(fx.sandbox.requestLog().entries()).hasSize(3).allSatisfy(e -> assertThat(e.outcome()).isEqualTo("ThrottlingException"));
        }
    }

    @Test
    void transientFailuresAreReproducibleBySeedAndTheSdkRetriesThrough() throws Exception {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (SandboxFixture fx = SandboxFixture.start(options().withFaults(0, 0.25, 0.15, 42));
                 BackupClient backup = patientClient(fx)) {
                for (int i = 0; i < 8; i++) {
                    assertThat(backup.listBackupVaults(r -> { }).backupVaultList()).hasSize(2);
                }
                runs.add(fx.sandbox.requestLog().entries().stream().map(e -> e.status() + " " + e.outcome()).toList());
            }
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1));
        assertThat(runs.get(0)).contains("400 ThrottlingException").anyMatch(o -> o.startsWith("500 ") || o.startsWith("503 "))
                .filteredOn(o -> o.startsWith("200")).hasSize(8);
    }

    @Test
    void addsLatencyToEachRequest() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(options().withFaults(300, 0, 0, 1));
             BackupClient backup = fx.client(BackupClient.builder(), fx.readOnly(BACKUP), REGION)) {
            backup.listBackupVaults(r -> { });
            long t0 = System.nanoTime();
            backup.listBackupVaults(r -> { });
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    private static JsonNode call(SandboxFixture fx, String method, String path, String body) throws Exception {
        HttpResponse<String> r = raw(fx, method, path, body, "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> raw(SandboxFixture fx, String method, String path, String body, String type) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(URI.create(fx.sandbox.endpoint() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theControlSurfaceMovesTheClockAndReadsTheRequestLog() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(options());
             BackupClient operator = fx.client(BackupClient.builder(), fx.operator(BACKUP), REGION)) {
            assertThat(call(fx, "GET", "/_sandbox/health", null).path("regions").toString()).contains("eu-west-1");
            assertThat(call(fx, "GET", "/_sandbox/clock", null).path("offsetSeconds").asLong()).isEqualTo(3600);
            String rp = operator.listRecoveryPointsByBackupVault(r -> r.backupVaultName("central-standard").byResourceType("EBS"))
                    .recoveryPoints().get(0).recoveryPointArn();
            String job = operator.startRestoreJob(r -> r.recoveryPointArn(rp).metadata(Map.of())
                    .iamRoleArn("arn:aws:iam::222222222222:role/service-role/AWSBackupDefaultServiceRole")).restoreJobId();
            assertThat(call(fx, "POST", "/_sandbox/clock/advance?seconds=7200", "{}").path("advancedSeconds").asLong()).isEqualTo(7200);
            assertThat(operator.describeRestoreJob(r -> r.restoreJobId(job)).status()).isEqualTo(RestoreJobStatus.COMPLETED);

            JsonNode log = call(fx, "GET", "/_sandbox/requests?since=0", null);
            assertThat(log.path("requests").findValuesAsText("operation")).containsSubsequence("ListRecoveryPointsByBackupVault",
                    "StartRestoreJob", "DescribeRestoreJob");
            assertThat(log.path("requests").get(1).path("principal").asText()).isEqualTo("arn:aws:sts::222222222222:assumed-role/BackupOperator/redoubt-sandbox");
            long last = log.path("lastSeq").asLong();
            assertThat(call(fx, "GET", "/_sandbox/requests?since=" + last, null).path("requests")).isEmpty();

            assertThat(raw(fx, "POST", "/_sandbox/clock/advance?seconds=1", null, null).statusCode()).isEqualTo(415);
            assertThat(raw(fx, "GET", "/_sandbox/nothing", null, null).statusCode()).isEqualTo(404);
            assertThat(raw(fx, "POST", "/_sandbox/clock/advance?seconds=x", "{}", "application/json").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void theControlSurfaceAddsAndDeletesRecoveryPointsAndVotes() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(options());
             BackupClient backup = fx.client(BackupClient.builder(), fx.readOnly(BACKUP), REGION);
             BackupClient workload = fx.client(BackupClient.builder(), fx.operator(WORKLOAD), REGION)) {
            Instant created = Instant.parse("2026-11-28T09:30:00Z");
            String arn = call(fx, "POST", "/_sandbox/recovery-points", """
                    {"AccountId": "222222222222", "Region": "eu-west-1", "BackupVaultName": "central-standard",
                     "RecoveryPoint": {"ResourceArn": "arn:aws:ec2:eu-west-1:222222222222:volume/vol-new", "ResourceType": "EBS",
                                       "CreationDate": "2026-11-28T09:30:00Z", "BackupSizeInBytes": 1024}}""").path("RecoveryPointArn").asText();
            RecoveryPointByBackupVault added = backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName("central-standard")
                    .byResourceArn("arn:aws:ec2:eu-west-1:222222222222:volume/vol-new")).recoveryPoints().get(0);
            assertThat(added.recoveryPointArn()).isEqualTo(arn);
            assertThat(added.creationDate()).isEqualTo(created);
            assertThat(backup.describeBackupVault(r -> r.backupVaultName("central-standard")).numberOfRecoveryPoints()).isEqualTo(15);
            call(fx, "DELETE", "/_sandbox/recovery-points?account=222222222222&region=eu-west-1&vault=central-standard&arn=" + arn, null);
            assertThat(backup.describeBackupVault(r -> r.backupVaultName("central-standard")).numberOfRecoveryPoints()).isEqualTo(14);

            workload.createRestoreAccessBackupVault(r -> r.sourceBackupVaultArn("arn:aws:backup:eu-west-1:222222222222:backup-vault:central-lag"));
            JsonNode pending = call(fx, "GET", "/_sandbox/sessions", null);
            assertThat(pending).hasSize(1);
            String session = pending.get(0).asText();
            call(fx, "POST", "/_sandbox/sessions/approve", "{\"SessionArn\": \"" + session + "\", \"UserName\": \"carol\"}");
            call(fx, "POST", "/_sandbox/sessions/approve", "{\"SessionArn\": \"" + session + "\", \"UserName\": \"alice\"}");
            assertThat(call(fx, "GET", "/_sandbox/sessions", null)).isEmpty();
            HttpResponse<String> refused = raw(fx, "POST", "/_sandbox/sessions/reject", "{\"SessionArn\": \"" + session + "\", \"UserName\": \"bob\"}",
                    "application/json");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("no longer pending");
        }
    }
}
