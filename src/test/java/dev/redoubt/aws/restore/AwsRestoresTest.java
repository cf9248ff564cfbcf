package dev.redoubt.aws.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.AwsClients;
import dev.redoubt.aws.AwsSettings;
import dev.redoubt.aws.ReadOnlyViolationException;
import dev.redoubt.drills.RestoreJobView;
import dev.redoubt.drills.RestoreMetadataView;
import dev.redoubt.drills.RestoreRequest;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.backup.model.BackupException;
import software.amazon.awssdk.services.backup.model.InvalidRequestException;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

/**
 * The restore calls of a drill through the one client factory, against the sandbox, with the real SDK:
 * metadata, a job that moves on the sandbox's clock, validation results, and refusals (the read-only
 * guard before anything is sent, AWS's AccessDeniedException for a read-only role, AWS's reasons for
 * a job that fails).
 */
class AwsRestoresTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String ACCOUNT = "222222222222";
    private static final String REGION = "eu-west-1";
    private static final String VAULT = "central-standard";
    private static final String ROLE = "arn:aws:iam::222222222222:role/service-role/AWSBackupDefaultServiceRole";
    /** The estate's restore testing job, COMPLETED. */
    private static final String TESTING_JOB = "7D2A1C3B-0000-4000-8000-000000000001";

    private Sandbox sandbox;
    private AwsClients operator;

    @BeforeEach
    void start() throws Exception {
        Estate estate;
        try (InputStream in = AwsRestoresTest.class.getResourceAsStream("/estates/sandbox-estate.json")) {
            estate = new EstateFile().read(in, "sandbox-estate.json");
        }
        sandbox = Sandbox.start(SandboxOptions.forTests(estate, Clock.fixed(NOW, ZoneOffset.UTC)));
        operator = clients("BackupOperator", AccessMode.OPERATOR);
    }

    @AfterEach
    void stop() {
        operator.close();
        sandbox.close();
    }

    private AwsClients clients(String role, AccessMode mode) {
        SandboxCredential c = sandbox.credential(ACCOUNT, role);
        return new AwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())),
                new AwsSettings(sandbox.endpoint(), mode, 1, Duration.ofSeconds(20), Duration.ofSeconds(10), 4));
    }

    private String point(String type, String keySuffix) {
        return operator.backup(REGION).listRecoveryPointsByBackupVault(r -> r.backupVaultName(VAULT).byResourceType(type)).recoveryPoints()
                .stream().filter(p -> p.encryptionKeyArn() != null && p.encryptionKeyArn().endsWith(keySuffix)).findFirst().orElseThrow()
                .recoveryPointArn();
    }

    private static RestoreRequest request(String point, String type, String role, Map<String, String> metadata, String token) {
        return new RestoreRequest(ACCOUNT, REGION, point, type, role, metadata, token);
    }

    @Test
    void readsTheRestoreMetadataAndWhatRestoreTestingInfersPerResourceType() {
        AwsRestores restores = new AwsRestores(operator);
        RestoreMetadataView ebs = restores.metadata(REGION, VAULT, ACCOUNT, point("EBS", "b001"));
        assertThat(ebs.resourceType()).isEqualTo("EBS");
        assertThat(ebs.restoreMetadata()).containsKeys("availabilityZone", "volumeType", "volumeSize", "encrypted", "kmsKeyId");
        assertThat(ebs.inferred()).containsKey("availabilityZone");
        RestoreMetadataView rds = restores.metadata(REGION, VAULT, ACCOUNT, point("RDS", "b001"));
        assertThat(rds.restoreMetadata()).containsKeys("DBInstanceIdentifier", "DBInstanceClass", "Engine");
        assertThat(rds.inferred()).isNotNull();
        RestoreMetadataView ddb = restores.metadata(REGION, VAULT, ACCOUNT, point("DynamoDB", "b001"));
        assertThat(ddb.restoreMetadata()).containsKey("targetTableName");
        assertThatThrownBy(() -> restores.metadata(REGION, VAULT, ACCOUNT, "arn:aws:backup:eu-west-1:222222222222:recovery-point:nope"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aStartedJobIsPendingThenRunningWithProgressThenCompletedWithTheResourceItCreated() {
        AwsRestores restores = new AwsRestores(operator);
        String point = point("EBS", "b001");
        String id = restores.start(request(point, "EBS", ROLE, Map.of("availabilityZone", "eu-west-1b", "volumeType", "gp3"), "drill-1/0"));
        assertThat(restores.start(request(point, "EBS", ROLE, Map.of("availabilityZone", "eu-west-1b"), "drill-1/0")))
                .as("a retry with the same idempotency token starts nothing new").isEqualTo(id);

        RestoreJobView pending = restores.describe(REGION, id);
        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(pending.ended()).isFalse();
        assertThat(pending.percentDone()).isEqualTo(0.0);
        assertThat(pending.creationDate()).isEqualTo(sandbox.clock().instant());
        assertThat(pending.iamRoleArn()).isEqualTo(ROLE);
        assertThat(pending.recoveryPointArn()).isEqualTo(point);
        assertThat(pending.accountId()).isEqualTo(ACCOUNT);
        assertThat(pending.createdResourceArn()).isNull();

        sandbox.advanceClock(Duration.ofMinutes(2));
        RestoreJobView running = restores.describe(REGION, id);
        assertThat(running.status()).isEqualTo("RUNNING");
        assertThat(running.percentDone()).isGreaterThan(0.0).isLessThan(100.0);
        assertThat(running.expectedCompletionMinutes()).isPositive();
        assertThat(running.completionDate()).isNull();

        sandbox.advanceClock(Duration.ofHours(1));
        RestoreJobView done = restores.describe(REGION, id);
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.ended()).isTrue();
        assertThat(done.percentDone()).isEqualTo(100.0);
        assertThat(done.createdResourceArn()).startsWith("arn:aws:ec2:eu-west-1:222222222222:volume/vol-");
        assertThat(done.completionDate()).isAfter(done.creationDate()).isBefore(sandbox.clock().instant());
        assertThat(done.resourceType()).isEqualTo("EBS");
    }

    @Test
    void validationResultsGoOnARestoreTestingJobAndAnOnDemandJobIsRefusedWithAwsReason() {
        AwsRestores restores = new AwsRestores(operator);
        restores.putValidation(REGION, TESTING_JOB, false, "row count 41 of 42");
        RestoreJobView validated = restores.describe(REGION, TESTING_JOB);
        assertThat(validated.validationStatus()).isEqualTo("FAILED");
        assertThat(validated.validationStatusMessage()).isEqualTo("row count 41 of 42");

        String id = restores.start(request(point("EBS", "b001"), "EBS", ROLE, Map.of(), "drill-2/0"));
        sandbox.advanceClock(Duration.ofHours(2));
        assertThatThrownBy(() -> restores.putValidation(REGION, id, true, "volume mounts"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("restore testing");
        assertThat(restores.describe(REGION, id).validationStatus()).isNull();
        assertThatThrownBy(() -> restores.describe(REGION, "00000000-0000-0000-0000-000000000000"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aJobFailsWithAwsReasonForADisabledKeyAnUnknownRoleAndNoRole() {
        AwsRestores restores = new AwsRestores(operator);
        String disabled = restores.start(request(point("EBS", "b002"), "EBS", ROLE, Map.of(), "k"));
        String unknown = restores.start(request(point("EBS", "b001"), "EBS", "arn:aws:iam::222222222222:role/drill-restore", Map.of(), "r"));
        String none = restores.start(request(point("EBS", "b001"), "EBS", null, Map.of(), "n"));
        sandbox.advanceClock(Duration.ofMinutes(5));
        RestoreJobView k = restores.describe(REGION, disabled);
        assertThat(k.status()).isEqualTo("FAILED");
        assertThat(k.ended()).isTrue();
        assertThat(k.statusMessage()).contains("is disabled").contains("DisabledException");
        assertThat(k.createdResourceArn()).isNull();
        assertThat(restores.describe(REGION, unknown).statusMessage())
                .isEqualTo("Access denied: The provided role arn:aws:iam::222222222222:role/drill-restore cannot be assumed by AWS Backup.");
        assertThat(restores.describe(REGION, none).statusMessage()).startsWith("Access denied:");
    }

    @Test
    void anAuditorsClientsRefuseEveryRestoreWriteBeforeARequestLeaves() {
        try (AwsClients auditor = clients("BackupOperator", AccessMode.AUDITOR)) {
            AwsRestores restores = new AwsRestores(auditor);
            String point = point("EBS", "b001");
            long before = sandbox.requestLog().lastSeq();
            assertThatThrownBy(() -> restores.start(request(point, "EBS", ROLE, Map.of(), "a")))
                    .isInstanceOf(ReadOnlyViolationException.class);
            assertThatThrownBy(() -> restores.putValidation(REGION, TESTING_JOB, true, "ok"))
                    .isInstanceOf(ReadOnlyViolationException.class);
            assertThat(sandbox.requestLog().since(before)).as("requests that reached the sandbox").isEmpty();
            // reads still go through
            assertThat(restores.describe(REGION, TESTING_JOB).status()).isEqualTo("COMPLETED");
            assertThat(restores.metadata(REGION, VAULT, ACCOUNT, point).restoreMetadata()).isNotEmpty();
        }
    }

    @Test
    void aReadOnlyRoleIsRefusedByAwsWithAccessDeniedNamingTheActionAndTheRecoveryPoint() {
        // clients that would send (operator mode) with credentials of the read-only role: AWS, not Redoubt, refuses (Backup models
        // no AccessDeniedException: the SDK gives a BackupException with that error code)
        try (AwsClients readOnlyRole = clients("AuditReadOnly", AccessMode.OPERATOR)) {
            AwsRestores restores = new AwsRestores(readOnlyRole);
            String point = point("EBS", "b001");
            assertThatThrownBy(() -> restores.start(request(point, "EBS", ROLE, Map.of(), "ro")))
                    .isInstanceOfSatisfying(BackupException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::222222222222:assumed-role/AuditReadOnly/"
                                + "redoubt-sandbox is not authorized to perform: backup:StartRestoreJob on resource: " + point
                                + " because no identity-based policy allows the backup:StartRestoreJob action");
                    });
            assertThatThrownBy(() -> restores.putValidation(REGION, TESTING_JOB, true, "ok"))
                    .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.getMessage())
                            .contains("backup:PutRestoreValidationResult"));
            assertThat(sandbox.requestLog().entries()).filteredOn(e -> e.operation().equals("StartRestoreJob")
                    || e.operation().equals("PutRestoreValidationResult")).extracting(e -> e.outcome()).containsOnly("AccessDeniedException");
        }
    }

    @Test
    void readsPercentDoneInAwsFormAndAsANumber() {
        assertThat(AwsRestores.percent("42.50%")).isEqualTo(42.5);
        assertThat(AwsRestores.percent("7")).isEqualTo(7.0);
        assertThat(AwsRestores.percent(null)).isNull();
        assertThat(AwsRestores.percent("n/a")).isNull();
    }
}
