package dev.redoubt.sandbox;

import static dev.redoubt.sandbox.SandboxFixture.BACKUP;
import static dev.redoubt.sandbox.SandboxFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupException;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.VaultType;

/** Every AWS Backup read through the real SDK client, against the test estate served as of one hour after capture. */
class BackupReadsTest {
    private static SandboxFixture fx;
    private static BackupClient backup;
    private static final String STANDARD = "central-standard";
    private static final String LAG = "central-lag";

    @BeforeAll
    static void start() throws Exception {
        fx = SandboxFixture.start();
        backup = fx.client(BackupClient.builder(), fx.readOnly(BACKUP), REGION);
    }

    @AfterAll
    static void stop() {
        backup.close();
        fx.close();
    }

    @Test
    void listsVaultsWithTheirLockAndCountsShiftedToNow() {
        List<BackupVaultListMember> vaults = backup.listBackupVaults(r -> { }).backupVaultList();
        assertThat(vaults).extracting(BackupVaultListMember::backupVaultName).containsExactly(STANDARD, LAG);
        BackupVaultListMember standard = vaults.get(0);
        assertThat(standard.numberOfRecoveryPoints()).isEqualTo(14);
        assertThat(standard.locked()).isTrue();
        assertThat(standard.creationDate()).isEqualTo(Instant.parse("2025-01-20T10:30:00Z"));
        assertThat(vaults.get(1).vaultType()).isEqualTo(VaultType.LOGICALLY_AIR_GAPPED_BACKUP_VAULT);
        assertThat(backup.listBackupVaults(r -> r.byVaultType(VaultType.BACKUP_VAULT)).backupVaultList()).hasSize(1);
    }

    @Test
    void describesAVaultAndItsPolicyAndNotifications() {
        DescribeBackupVaultResponse v = backup.describeBackupVault(r -> r.backupVaultName(STANDARD));
        assertThat(v.minRetentionDays()).isEqualTo(7);
        assertThat(v.maxRetentionDays()).isEqualTo(365);
        assertThat(v.lockDate()).isEqualTo(Instant.parse("2025-03-01T01:00:00Z"));
        assertThat(backup.describeBackupVault(r -> r.backupVaultName(LAG)).mpaApprovalTeamArn()).contains("approval-team/team0001abcd");
        assertThat(backup.getBackupVaultAccessPolicy(r -> r.backupVaultName(STANDARD)).policy()).contains("DenyDelete");
        assertThat(backup.getBackupVaultNotifications(r -> r.backupVaultName(STANDARD)).backupVaultEventsAsStrings())
                .containsExactly("BACKUP_JOB_FAILED", "RESTORE_JOB_FAILED");
        assertThatThrownBy(() -> backup.getBackupVaultAccessPolicy(r -> r.backupVaultName(LAG))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> backup.getBackupVaultNotifications(r -> r.backupVaultName(LAG))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> backup.describeBackupVault(r -> r.backupVaultName("no-such-vault")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no-such-vault");
    }

    @Test
    void pagesRecoveryPointsWithMaxResultsAndNextToken() {
        ListRecoveryPointsByBackupVaultResponse first = backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(STANDARD).maxResults(5));
        assertThat(first.recoveryPoints()).hasSize(5);
        assertThat(first.nextToken()).isNotNull();
        List<RecoveryPointByBackupVault> all = backup.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(STANDARD).maxResults(5))
                .recoveryPoints().stream().toList();
        assertThat(all).hasSize(14).extracting(RecoveryPointByBackupVault::recoveryPointArn).doesNotHaveDuplicates();
        assertThat(all.get(0).calculatedLifecycle().deleteAt()).isEqualTo(Instant.parse("2026-12-30T06:00:00Z"));
        assertThat(all.get(0).createdBy().backupPlanId()).isEqualTo("8a1f6c2e-1111-4aaa-9bbb-0123456789ab");
    }

    @Test
    void filtersRecoveryPointsByTypeResourceAndCreationTime() {
        assertThat(backup.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(STANDARD).byResourceType("RDS").maxResults(1))
                .recoveryPoints().stream().toList()).hasSize(3).allMatch(p -> p.resourceType().equals("RDS"));
        RecoveryPointByBackupVault some = backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(STANDARD)).recoveryPoints().get(2);
        assertThat(backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(STANDARD).byResourceArn(some.resourceArn())).recoveryPoints())
                .extracting(RecoveryPointByBackupVault::resourceArn).containsOnly(some.resourceArn());
        // served times are an hour ahead of the estate's: 2026-11-26T00:00Z served is 2026-11-25T23:00Z captured
        List<RecoveryPointByBackupVault> recent = backup.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(STANDARD)
                .byCreatedAfter(Instant.parse("2026-11-26T00:00:00Z")).maxResults(2)).recoveryPoints().stream().toList();
        assertThat(recent).isNotEmpty().allMatch(p -> p.creationDate().isAfter(Instant.parse("2026-11-26T00:00:00Z")));
        assertThat(recent.size()).isLessThan(14);
    }

    @Test
    void refusesPageSizesBeyondAwsMaximumAndForeignTokens() {
        assertThatThrownBy(() -> backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(STANDARD).maxResults(1001)))
                .isInstanceOf(BackupException.class).hasMessageContaining("less than or equal to 1000")
                .satisfies(e -> assertThat(((BackupException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        String token = backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(STANDARD).maxResults(2)).nextToken();
        assertThatThrownBy(() -> backup.listBackupVaults(r -> r.nextToken(token))).isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> backup.listBackupVaults(r -> r.nextToken("garbage"))).isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void describesARecoveryPointAndItsRestoreMetadata() {
        RecoveryPointByBackupVault ebs = backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(STANDARD).byResourceType("EBS"))
                .recoveryPoints().get(0);
        DescribeRecoveryPointResponse d = backup.describeRecoveryPoint(r -> r.backupVaultName(STANDARD).recoveryPointArn(ebs.recoveryPointArn()));
        assertThat(d.resourceArn()).isEqualTo(ebs.resourceArn());
        assertThat(d.isEncrypted()).isTrue();
        assertThat(d.vaultTypeAsString()).isEqualTo("BACKUP_VAULT");
        var meta = backup.getRecoveryPointRestoreMetadata(r -> r.backupVaultName(STANDARD).recoveryPointArn(ebs.recoveryPointArn()));
        assertThat(meta.resourceType()).isEqualTo("EBS");
        assertThat(meta.restoreMetadata()).containsKeys("availabilityZone", "volumeType", "encrypted");
        assertThat(backup.getRestoreTestingInferredMetadata(r -> r.backupVaultName(STANDARD).recoveryPointArn(ebs.recoveryPointArn()))
                .inferredMetadata()).containsKey("availabilityZone");
        assertThatThrownBy(() -> backup.describeRecoveryPoint(r -> r.backupVaultName(STANDARD).recoveryPointArn("arn:aws:ec2:eu-west-1::snapshot/snap-none")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void readsPlansAndSelections() {
        var plans = backup.listBackupPlans(r -> { }).backupPlansList();
        assertThat(plans).hasSize(1);
        assertThat(plans.get(0).backupPlanName()).isEqualTo("daily");
        GetBackupPlanResponse plan = backup.getBackupPlan(r -> r.backupPlanId(plans.get(0).backupPlanId()));
        assertThat(plan.backupPlan().rules().get(0).copyActions()).hasSize(1);
        assertThat(plan.lastExecutionDate()).isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
        var selections = backup.listBackupSelections(r -> r.backupPlanId(plan.backupPlanId())).backupSelectionsList();
        assertThat(selections).singleElement().satisfies(s -> assertThat(s.selectionName()).isEqualTo("tagged"));
        var selection = backup.getBackupSelection(r -> r.backupPlanId(plan.backupPlanId()).selectionId(selections.get(0).selectionId()));
        assertThat(selection.backupSelection().listOfTags()).hasSize(1);
        assertThatThrownBy(() -> backup.getBackupPlan(r -> r.backupPlanId("nope"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void readsProtectedResourcesRestoreTestingAndJobs() {
        var resources = backup.listProtectedResources(r -> { }).results();
        assertThat(resources).hasSize(4);
        assertThat(backup.describeProtectedResource(r -> r.resourceArn(resources.get(1).resourceArn())).resourceType()).isEqualTo("RDS");
        assertThat(backup.listRestoreTestingPlans(r -> { }).restoreTestingPlans()).singleElement()
                .satisfies(p -> assertThat(p.restoreTestingPlanName()).isEqualTo("weekly"));
        assertThat(backup.getRestoreTestingPlan(r -> r.restoreTestingPlanName("weekly")).restoreTestingPlan().recoveryPointSelection()
                .algorithmAsString()).isEqualTo("LATEST_WITHIN_WINDOW");
        assertThat(backup.listRestoreTestingSelections(r -> r.restoreTestingPlanName("weekly")).restoreTestingSelections()).hasSize(1);
        assertThat(backup.getRestoreTestingSelection(r -> r.restoreTestingPlanName("weekly").restoreTestingSelectionName("ebs"))
                .restoreTestingSelection().validationWindowHours()).isEqualTo(4);
        var jobs = backup.listRestoreJobs(r -> { }).restoreJobs();
        assertThat(jobs).singleElement().satisfies(j -> assertThat(j.validationStatusAsString()).isEqualTo("SUCCESSFUL"));
        assertThat(backup.describeRestoreJob(r -> r.restoreJobId(jobs.get(0).restoreJobId())).createdResourceArn()).contains("vol-");
        assertThat(backup.listRestoreJobs(r -> r.byStatus("FAILED")).restoreJobs()).isEmpty();
        assertThat(backup.listCopyJobs(r -> { }).copyJobs()).singleElement().satisfies(j -> assertThat(j.stateAsString()).isEqualTo("COMPLETED"));
    }

    @Test
    void readsLegalHoldsAuditSettingsAndTags() {
        assertThat(backup.listLegalHolds(r -> { }).legalHolds()).singleElement().satisfies(h -> assertThat(h.title()).isEqualTo("litigation-2026"));
        assertThat(backup.getLegalHold(r -> r.legalHoldId("lh-0001")).description()).isEqualTo("Hold for case 42");
        assertThat(backup.listFrameworks(r -> { }).frameworks()).singleElement().satisfies(f -> assertThat(f.numberOfControls()).isEqualTo(2));
        assertThat(backup.describeFramework(r -> r.frameworkName("rel09")).frameworkControls()).hasSize(2);
        assertThat(backup.listReportPlans(r -> { }).reportPlans()).singleElement().satisfies(p -> assertThat(p.reportPlanName()).isEqualTo("daily_jobs"));
        assertThat(backup.describeGlobalSettings(r -> { }).globalSettings()).containsEntry("isMpaEnabled", "true");
        assertThat(backup.listRestoreAccessBackupVaults(r -> r.backupVaultName(LAG)).restoreAccessBackupVaults()).isEmpty();
        String vaultArn = backup.describeBackupVault(r -> r.backupVaultName(STANDARD)).backupVaultArn();
        assertThat(backup.listTags(r -> r.resourceArn(vaultArn)).tags()).containsEntry("team", "backup").containsEntry("env", "prod");
    }
}
