package dev.redoubt.sandbox;

import static dev.redoubt.sandbox.SandboxFixture.BACKUP;
import static dev.redoubt.sandbox.SandboxFixture.REGION;
import static dev.redoubt.sandbox.SandboxFixture.SECURITY;
import static dev.redoubt.sandbox.SandboxFixture.WORKLOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.DescribeRestoreJobResponse;
import software.amazon.awssdk.services.backup.model.InvalidRequestException;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RestoreJobStatus;
import software.amazon.awssdk.services.backup.model.RestoreValidationStatus;
import software.amazon.awssdk.services.backup.model.VaultState;
import software.amazon.awssdk.services.mpa.MpaClient;
import software.amazon.awssdk.services.mpa.model.SessionStatus;

/** The writes drills need, progressing on the sandbox's clock: restore jobs, validation, restore-access vaults through approval. */
class BackupWritesTest {
    private static final String LAG_ARN = "arn:aws:backup:eu-west-1:222222222222:backup-vault:central-lag";
    private static final String TEAM = "arn:aws:mpa:eu-west-1:333333333333:approval-team/team0001abcd";
    private static final String ROLE = "arn:aws:iam::222222222222:role/service-role/AWSBackupDefaultServiceRole";
    private static final String TESTING_JOB = "7D2A1C3B-0000-4000-8000-000000000001";
    private SandboxFixture fx;
    private BackupClient operator;

    @BeforeEach
    void start() throws Exception {
        fx = SandboxFixture.start();
        operator = fx.client(BackupClient.builder(), fx.operator(BACKUP), REGION);
    }

    @AfterEach
    void stop() {
        operator.close();
        fx.close();
    }

    private String point(String type, String keySuffix) {
        return operator.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName("central-standard").byResourceType(type))
                .recoveryPoints().stream().filter(p -> p.encryptionKeyArn().endsWith(keySuffix)).findFirst().orElseThrow()
                .recoveryPointArn();
    }

    private DescribeRestoreJobResponse job(String id) {
        return operator.describeRestoreJob(r -> r.restoreJobId(id));
    }

    @Test
    void aRestoreJobMovesPendingRunningCompletedOnTheSandboxClock() {
        String rp = point("EBS", "b001");
        String id = operator.startRestoreJob(r -> r.recoveryPointArn(rp).metadata(Map.of("availabilityZone", "eu-west-1a"))
                .iamRoleArn("arn:aws:iam::222222222222:role/service-role/AWSBackupDefaultServiceRole")).restoreJobId();
        DescribeRestoreJobResponse pending = job(id);
        assertThat(pending.status()).isEqualTo(RestoreJobStatus.PENDING);
        assertThat(pending.percentDone()).isEqualTo("0.00%");
        assertThat(pending.creationDate()).isEqualTo(fx.sandbox.clock().instant());
        assertThatThrownBy(() -> operator.putRestoreValidationResult(r -> r.restoreJobId(id).validationStatus(RestoreValidationStatus.SUCCESSFUL)))
                .isInstanceOf(InvalidRequestException.class);
        fx.sandbox.advanceClock(Duration.ofMinutes(2));
        DescribeRestoreJobResponse running = job(id);
        assertThat(running.status()).isEqualTo(RestoreJobStatus.RUNNING);
        assertThat(running.percentDone()).isNotEqualTo("0.00%").endsWith("%");
        fx.sandbox.advanceClock(Duration.ofHours(1));
        DescribeRestoreJobResponse done = job(id);
        assertThat(done.status()).isEqualTo(RestoreJobStatus.COMPLETED);
        assertThat(done.percentDone()).isEqualTo("100.00%");
        assertThat(done.createdResourceArn()).startsWith("arn:aws:ec2:eu-west-1:222222222222:volume/vol-");
        assertThat(done.completionDate()).isBefore(fx.sandbox.clock().instant());
        assertThat(operator.listRestoreJobs(r -> r.byStatus(RestoreJobStatus.COMPLETED)).restoreJobs()).hasSize(2);
        // an on-demand job takes no validation result, even completed: only restore testing jobs do
        assertThatThrownBy(() -> operator.putRestoreValidationResult(r -> r.restoreJobId(id).validationStatus(RestoreValidationStatus.SUCCESSFUL)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("restore testing");
        operator.putRestoreValidationResult(r -> r.restoreJobId(TESTING_JOB).validationStatus(RestoreValidationStatus.SUCCESSFUL)
                .validationStatusMessage("smoke test passed"));
        assertThat(job(TESTING_JOB).validationStatus()).isEqualTo(RestoreValidationStatus.SUCCESSFUL);
        assertThat(job(TESTING_JOB).validationStatusMessage()).isEqualTo("smoke test passed");
        String again = operator.startRestoreJob(r -> r.recoveryPointArn(rp).metadata(Map.of()).iamRoleArn(ROLE).idempotencyToken("t-1"))
                .restoreJobId();
        assertThat(operator.startRestoreJob(r -> r.recoveryPointArn(rp).metadata(Map.of()).iamRoleArn(ROLE).idempotencyToken("t-1"))
                .restoreJobId()).isEqualTo(again);
    }

    @Test
    void aRestoreFromDataUnderADisabledOrDeletedKeyFailsAsKmsWould() {
        String disabled = operator.startRestoreJob(r -> r.recoveryPointArn(point("EBS", "b002")).metadata(Map.of()).iamRoleArn(ROLE))
                .restoreJobId();
        String deleting = operator.startRestoreJob(r -> r.recoveryPointArn(point("EBS", "b003")).metadata(Map.of()).iamRoleArn(ROLE))
                .restoreJobId();
        fx.sandbox.advanceClock(Duration.ofMinutes(5));
        assertThat(job(disabled).status()).isEqualTo(RestoreJobStatus.FAILED);
        assertThat(job(disabled).statusMessage()).contains("is disabled").contains("DisabledException");
        assertThat(job(deleting).status()).isEqualTo(RestoreJobStatus.FAILED);
        assertThat(job(deleting).statusMessage()).contains("pending deletion").contains("KMSInvalidStateException");
        assertThat(job(deleting).createdResourceArn()).isNull();
    }

    @Test
    void aRestoreWithoutARoleOrWithARoleTheAccountDoesNotHaveFailsAsAccessDenied() {
        String rp = point("EBS", "b001");
        String none = operator.startRestoreJob(r -> r.recoveryPointArn(rp).metadata(Map.of())).restoreJobId();
        String unknown = operator.startRestoreJob(r -> r.recoveryPointArn(rp).metadata(Map.of())
                .iamRoleArn("arn:aws:iam::222222222222:role/NoSuchRestoreRole")).restoreJobId();
        String otherAccount = operator.startRestoreJob(r -> r.recoveryPointArn(rp).metadata(Map.of())
                .iamRoleArn("arn:aws:iam::444444444444:role/service-role/AWSBackupDefaultServiceRole")).restoreJobId();
        String declared = operator.startRestoreJob(r -> r.recoveryPointArn(rp).metadata(Map.of())
                .iamRoleArn("arn:aws:iam::222222222222:role/BackupOperator")).restoreJobId();
        String disabledKeyUnknownRole = operator.startRestoreJob(r -> r.recoveryPointArn(point("EBS", "b002")).metadata(Map.of())
                .iamRoleArn("arn:aws:iam::222222222222:role/NoSuchRestoreRole")).restoreJobId();
        assertThat(job(unknown).status()).as("accepted, then fails once it runs").isEqualTo(RestoreJobStatus.PENDING);
        fx.sandbox.advanceClock(Duration.ofHours(1));
        assertThat(job(none).status()).isEqualTo(RestoreJobStatus.FAILED);
        assertThat(job(none).statusMessage()).startsWith("Access denied:").contains("IamRoleArn");
        assertThat(job(none).iamRoleArn()).isNull();
        assertThat(job(unknown).status()).isEqualTo(RestoreJobStatus.FAILED);
        assertThat(job(unknown).statusMessage()).isEqualTo("Access denied: The provided role "
                + "arn:aws:iam::222222222222:role/NoSuchRestoreRole cannot be assumed by AWS Backup.");
        assertThat(job(unknown).createdResourceArn()).isNull();
        assertThat(job(otherAccount).status()).isEqualTo(RestoreJobStatus.FAILED);
        assertThat(job(declared).status()).isEqualTo(RestoreJobStatus.COMPLETED);
        assertThat(job(disabledKeyUnknownRole).statusMessage()).as("the role is assumed before the key is used").contains("cannot be assumed");
    }

    @Test
    void aRestoreAccessVaultOpensOnlyOnceEnoughApproversApprove() {
        try (BackupClient workload = fx.client(BackupClient.builder(), fx.operator(WORKLOAD), REGION);
             BackupClient backupReader = fx.client(BackupClient.builder(), fx.readOnly(BACKUP), REGION);
             MpaClient mpa = fx.client(MpaClient.builder(), fx.readOnly(SECURITY), REGION)) {
            var created = workload.createRestoreAccessBackupVault(r -> r.sourceBackupVaultArn(LAG_ARN).backupVaultName("drill-access")
                    .requesterComment("quarterly drill"));
            assertThat(created.vaultState()).isEqualTo(VaultState.CREATING);
            String ra = created.restoreAccessBackupVaultArn();
            assertThat(ra).isEqualTo("arn:aws:backup:eu-west-1:444444444444:backup-vault:drill-access");
            var described = workload.describeBackupVault(r -> r.backupVaultName("drill-access"));
            assertThat(described.vaultTypeAsString()).isEqualTo("RESTORE_ACCESS_BACKUP_VAULT");
            assertThat(described.sourceBackupVaultArn()).isEqualTo(LAG_ARN);
            assertThat(workload.listRecoveryPointsByBackupVault(r -> r.backupVaultName("drill-access")).recoveryPoints()).isEmpty();

            var pending = mpa.listSessions(r -> r.approvalTeamArn(TEAM)).sessions().stream()
                    .filter(s -> s.status() == SessionStatus.PENDING).toList();
            assertThat(pending).singleElement().satisfies(s -> {
                assertThat(s.requesterAccountId()).isEqualTo(WORKLOAD);
                assertThat(s.protectedResourceArn()).isEqualTo(LAG_ARN);
            });
            String session = pending.get(0).sessionArn();
            assertThat(described.mpaSessionArn()).isEqualTo(session);
            fx.sandbox.vote(session, "alice", true);
            assertThat(mpa.getSession(r -> r.sessionArn(session)).status()).isEqualTo(SessionStatus.PENDING);
            assertThatThrownBy(() -> fx.sandbox.vote(session, "alice", true)).hasMessageContaining("already");
            fx.sandbox.vote(session, "bob", true);
            assertThat(mpa.getSession(r -> r.sessionArn(session)).status()).isEqualTo(SessionStatus.APPROVED);

            assertThat(workload.describeBackupVault(r -> r.backupVaultName("drill-access")).vaultState()).isEqualTo(VaultState.AVAILABLE);
            var points = workload.listRecoveryPointsByBackupVault(r -> r.backupVaultName("drill-access")).recoveryPoints();
            assertThat(points).hasSize(3).allSatisfy(p -> {
                assertThat(p.backupVaultArn()).isEqualTo(ra);
                assertThat(p.sourceBackupVaultArn()).isEqualTo(LAG_ARN);
            });
            assertThat(backupReader.listRestoreAccessBackupVaults(r -> r.backupVaultName("central-lag")).restoreAccessBackupVaults())
                    .singleElement().satisfies(m -> {
                        assertThat(m.restoreAccessBackupVaultArn()).isEqualTo(ra);
                        assertThat(m.vaultState()).isEqualTo(VaultState.AVAILABLE);
                        assertThat(m.approvalDate()).isNotNull();
                    });
            String restored = workload.startRestoreJob(r -> r.recoveryPointArn(points.get(0).recoveryPointArn()).metadata(Map.of())
                    .iamRoleArn("arn:aws:iam::444444444444:role/service-role/AWSBackupDefaultServiceRole")).restoreJobId();
            fx.sandbox.advanceClock(Duration.ofHours(2));
            assertThat(workload.describeRestoreJob(r -> r.restoreJobId(restored)).status()).isEqualTo(RestoreJobStatus.COMPLETED);

            // revoking goes through the same team; once approved the vault is gone
            operator.revokeRestoreAccessBackupVault(r -> r.backupVaultName("central-lag").restoreAccessBackupVaultArn(ra));
            var member = backupReader.listRestoreAccessBackupVaults(r -> r.backupVaultName("central-lag")).restoreAccessBackupVaults().get(0);
            assertThat(member.latestRevokeRequest().statusAsString()).isEqualTo("PENDING");
            String revoke = member.latestRevokeRequest().mpaSessionArn();
            fx.sandbox.vote(revoke, "bob", true);
            fx.sandbox.vote(revoke, "carol", true);
            assertThat(backupReader.listRestoreAccessBackupVaults(r -> r.backupVaultName("central-lag")).restoreAccessBackupVaults()).isEmpty();
            assertThat(workload.listBackupVaults(r -> { }).backupVaultList()).isEmpty();
        }
    }

    @Test
    void aRejectedOrExpiredSessionLeavesTheVaultFailed() {
        try (BackupClient workload = fx.client(BackupClient.builder(), fx.operator(WORKLOAD), REGION)) {
            workload.createRestoreAccessBackupVault(r -> r.sourceBackupVaultArn(LAG_ARN).backupVaultName("rejected"));
            String first = fx.sandbox.pendingSessions().get(0);
            fx.sandbox.vote(first, "alice", false);
            assertThat(workload.describeBackupVault(r -> r.backupVaultName("rejected")).vaultState()).isEqualTo(VaultState.CREATING);
            fx.sandbox.vote(first, "carol", false);
            assertThat(workload.describeBackupVault(r -> r.backupVaultName("rejected")).vaultState()).isEqualTo(VaultState.FAILED);
            assertThatThrownBy(() -> fx.sandbox.vote(first, "bob", true)).hasMessageContaining("no longer pending");

            workload.createRestoreAccessBackupVault(r -> r.sourceBackupVaultArn(LAG_ARN).backupVaultName("expired"));
            fx.sandbox.advanceClock(Duration.ofHours(25));
            assertThat(workload.describeBackupVault(r -> r.backupVaultName("expired")).vaultState()).isEqualTo(VaultState.FAILED);
            assertThat(fx.sandbox.pendingSessions()).isEmpty();
            assertThatThrownBy(() -> fx.sandbox.vote(first, "dave", true)).hasMessageContaining("not an approver");
        }
    }

    @Test
    void servesTimestampsVerbatimWhenAsCaptured() throws Exception {
        Clock clock = Clock.fixed(SandboxFixture.NOW, ZoneOffset.UTC);
        try (SandboxFixture verbatim = SandboxFixture.start(SandboxOptions.forTests(SandboxFixture.estate("sandbox-estate.json"), clock)
                .withAsCaptured(true));
             BackupClient backup = verbatim.client(BackupClient.builder(), verbatim.readOnly(BACKUP), REGION)) {
            assertThat(verbatim.sandbox.timeOffset()).isZero();
            assertThat(backup.describeBackupVault(r -> r.backupVaultName("central-standard")).creationDate())
                    .isEqualTo(Instant.parse("2025-01-20T09:30:00Z"));
            RecoveryPointByBackupVault p = backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName("central-standard")).recoveryPoints().get(0);
            RecoveryPointByBackupVault shifted = operator.listRecoveryPointsByBackupVault(r -> r.backupVaultName("central-standard"))
                    .recoveryPoints().get(0);
            assertThat(Duration.between(p.creationDate(), shifted.creationDate())).isEqualTo(Duration.ofHours(1));
        }
    }
}
