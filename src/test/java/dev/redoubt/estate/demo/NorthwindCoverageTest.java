package dev.redoubt.estate.demo;

import static dev.redoubt.estate.demo.DemoEstate.ESTATE;
import static dev.redoubt.estate.demo.DemoEstate.accountOf;
import static dev.redoubt.estate.demo.DemoEstate.isProduction;
import static dev.redoubt.estate.demo.DemoEstate.vault;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.estate.ApprovalSession;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.BackupPlan;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.CopyJob;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.ProtectedResource;
import dev.redoubt.estate.RestoreAccessVault;
import dev.redoubt.estate.RestoreJob;
import dev.redoubt.estate.RestoreTestingPlan;
import dev.redoubt.estate.demo.DemoEstate.Place;
import dev.redoubt.estate.demo.DemoEstate.PointAt;
import dev.redoubt.estate.demo.DemoEstate.VaultAt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The states docs/demo-coverage.md relies on, one test per facet: each check gets something to fail and to pass. */
class NorthwindCoverageTest {
    private static final Instant NOW = ESTATE.capturedAt();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void encryptionStates() {
        assertThat(DemoEstate.recoveryPoints().map(PointAt::point)).anyMatch(rp -> !rp.isEncrypted())
                .anyMatch(rp -> rp.isEncrypted());
        assertThat(vault("dev-scratch").encryptionKeyArn()).isNull();
        assertThat(DemoEstate.vaults().map(VaultAt::vault).filter(v -> v.vaultType().equals("BACKUP_VAULT")))
                .anyMatch(v -> v.encryptionKeyArn() != null && keyOf(v).keyMetadata().keyManager().equals("AWS"));
        assertThat(keyOf("central-eu-west-1").keyMetadata().keyManager()).isEqualTo("CUSTOMER");
        // ENC-04: the archive, a vault of the backup account, was created with a key of the production account shop-prod;
        // its copies are re-encrypted with that key, as every cross-account copy is with its destination vault's key
        assertThat(isProduction(accountOf(vault("central-archive").encryptionKeyArn()))).isTrue();
        assertThat(vault("central-archive").recoveryPoints()).isNotEmpty()
                .allMatch(rp -> vault("central-archive").encryptionKeyArn().equals(rp.encryptionKeyArn()));
        assertThat(vault("central-eu-west-1").recoveryPoints())
                .allMatch(rp -> vault("central-eu-west-1").encryptionKeyArn().equals(rp.encryptionKeyArn()));
        assertThat(isProduction(accountOf(vault("central-eu-west-1").encryptionKeyArn()))).isFalse();
        assertThat(keyOf("dev-nightly").keyMetadata()).satisfies(m -> {
            assertThat(m.keyState()).isEqualTo("PendingDeletion");
            assertThat(m.deletionDate()).isAfter(NOW);
        });
        assertThat(keyOf("legacy-crm").keyMetadata().keyState()).isEqualTo("Disabled");
        // ENC-05 (HIGH) and ENC-06 (no result): the US storefront's imported key material expires in 16 days
        assertThat(keyOf("shop-us").keyMetadata()).satisfies(m -> {
            assertThat(m.keyState()).isEqualTo("Enabled");
            assertThat(m.origin()).isEqualTo("EXTERNAL");
            assertThat(m.expirationModel()).isEqualTo("KEY_MATERIAL_EXPIRES");
            assertThat(m.validTo()).isBetween(NOW, NOW.plus(java.time.Duration.ofDays(30)));
        });
        assertThat(keyOf("central-eu-west-1").keyMetadata().keyState()).isEqualTo("Enabled");
        assertThat(keyOf("central-archive").keyRotationEnabled()).isFalse();
        assertThat(keyOf("central-eu-west-1").keyRotationEnabled()).isTrue();
        assertThat(statements(keyOf("central-us-east-1").policy())).anyMatch(s -> allowsAnyone(s) && !s.has("Condition"));
        assertThat(statements(keyOf("central-eu-west-1").policy())).noneMatch(NorthwindCoverageTest::allowsAnyone);
        assertThat(DemoEstate.keys().filter(k -> k.keyMetadata().keyManager().equals("AWS"))).isNotEmpty()
                .allSatisfy(k -> assertThat(statements(k.policy())).allMatch(s -> !allowsAnyone(s) || s.has("Condition")));
    }

    @Test
    void accessStates() {
        assertThat(vault("central-eu-west-1").accessPolicy().value()).hasValueSatisfying(p -> {
            assertThat(statements(p)).anyMatch(s -> deniesToAll(s, "backup:DeleteRecoveryPoint",
                    "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"));
            assertThat(statements(p)).anyMatch(s -> deniesToAll(s, "backup:DeleteBackupVault",
                    "backup:DeleteBackupVaultAccessPolicy", "backup:DeleteBackupVaultLockConfiguration"));
        });
        assertThat(vault("shop-prod").accessPolicy().value()).hasValueSatisfying(p -> assertThat(statements(p))
                .noneMatch(s -> deniesToAll(s, "backup:DeleteBackupVault")));
        assertThat(vault("erp-prod").accessPolicy().isNone()).isTrue();
        assertThat(vault("central-archive").accessPolicy().value()).hasValueSatisfying(p -> assertThat(statements(p))
                .noneMatch(s -> deniesToAll(s, "backup:PutBackupVaultAccessPolicy")));
        assertThat(vault("central-eu-central-1").accessPolicy().value().orElseThrow()).contains("arn:aws:iam::210987654321:root");
        assertThat(ESTATE.accounts()).noneMatch(a -> a.id().equals("210987654321"));
        // ACC-05: the archive key lets a production account decrypt; the central key does not
        assertThat(statements(keyOf("central-archive").policy()))
                .anyMatch(s -> s.path("Principal").path("AWS").asText().equals("arn:aws:iam::645019283746:root"));
        assertThat(keyOf("central-eu-west-1").policy()).doesNotContain("645019283746").doesNotContain("754192837465");
        assertThat(keyOf("erp-prod").grants()).anyMatch(g -> !g.granteePrincipal().contains("AWSServiceRoleForBackup"));
        assertThat(keyOf("central-eu-west-1").grants()).isNotEmpty()
                .allMatch(g -> g.granteePrincipal().contains("AWSServiceRoleForBackup"));
        assertThat(vault("central-eu-west-1").notifications().value()).hasValueSatisfying(n -> assertThat(n.backupVaultEvents())
                .contains("RECOVERY_POINT_MODIFIED", "BACKUP_JOB_COMPLETED", "COPY_JOB_FAILED", "RESTORE_JOB_COMPLETED")
                .doesNotContain("BACKUP_JOB_FAILED", "RESTORE_JOB_FAILED"));
        // ACC-08: a vault whose notifications list only deprecated events (PutBackupVaultNotifications), which AWS never sends
        assertThat(vault("erp-prod").notifications().value()).hasValueSatisfying(n ->
                assertThat(n.backupVaultEvents()).containsExactly("BACKUP_JOB_FAILED"));
        assertThat(vault("central-eu-central-1").notifications().value()).hasValueSatisfying(n ->
                assertThat(n.backupVaultEvents()).doesNotContain("RECOVERY_POINT_MODIFIED"));
        assertThat(vault("dev-nightly").notifications().isNone()).isTrue();
        assertThat(DemoEstate.places().filter(hasBackups())).anyMatch(p -> p.region().reportPlans().isEmpty())
                .anyMatch(p -> !p.region().reportPlans().isEmpty());
    }

    @Test
    void immutabilityStates() {
        assertThat(vault("dev-nightly").locked()).isFalse();
        assertThat(vault("shop-prod")).satisfies(v -> {
            assertThat(v.locked()).isTrue();
            assertThat(v.lockDate()).isNull();
        });
        assertThat(vault("central-eu-central-1").lockDate()).isAfter(NOW);
        assertThat(vault("central-eu-west-1").lockDate()).isBefore(NOW);
        assertThat(vault("erp-prod").minRetentionDays()).isLessThan(7);
        assertThat(vault("central-archive").maxRetentionDays()).isNull();
        assertThat(vault("central-eu-west-1")).satisfies(v -> {
            assertThat(v.minRetentionDays()).isGreaterThanOrEqualTo(7);
            assertThat(v.maxRetentionDays()).isNotNull();
        });
        assertThat(DemoEstate.recoveryPoints().map(PointAt::point))
                .anyMatch(rp -> rp.lifecycle() != null && rp.lifecycle().deleteAfterDays() < 35)
                .anyMatch(rp -> rp.lifecycle() != null && rp.lifecycle().deleteAfterDays() >= 35);
        assertThat(vault("central-archive").recoveryPoints()).isNotEmpty().allMatch(rp -> rp.lifecycle() == null);
        assertThat(vault("central-archive").lockDate()).isBefore(NOW);
        List<String> schedules = plans().flatMap(p -> p.backupPlan().rules().stream()).map(r -> r.scheduleExpression()).toList();
        assertThat(schedules).contains("cron(0 3 ? * * *)", "cron(0 5 ? * SUN *)", "cron(0 6 1 * ? *)");
        assertThat(plans().flatMap(p -> p.backupPlan().rules().stream()))
                .anyMatch(r -> r.lifecycle() != null && r.lifecycle().deleteAfterDays() < 35);
    }

    @Test
    void isolationStates() {
        List<CopyJob> jobs = DemoEstate.places().flatMap(p -> p.region().copyJobs().stream()).toList();
        assertThat(jobs).anyMatch(j -> j.state().equals("COMPLETED") && j.creationDate().isAfter(NOW.minus(Duration.ofDays(7)))
                && !Objects.equals(accountOf(j.destinationBackupVaultArn()), j.accountId()));
        assertThat(jobs).anyMatch(j -> j.state().equals("COMPLETED") && !j.destinationBackupVaultArn().contains(":eu-west-1:"));
        // erp-daily's copies never completed
        assertThat(jobs).filteredOn(j -> j.createdBy().backupPlanName().equals("erp-daily")).isNotEmpty()
                .allMatch(j -> j.state().equals("FAILED"));
        assertThat(vault("central-airgap-eu-west-1").recoveryPoints()).anyMatch(rp -> rp.creationDate().isAfter(NOW.minus(Duration.ofDays(7))));
        assertThat(vault("erp-airgap").recoveryPoints()).isNotEmpty()
                .allMatch(rp -> rp.creationDate().isBefore(NOW.minus(Duration.ofDays(7))));
        assertThat(vault("erp-airgap")).satisfies(v -> {
            assertThat(v.encryptionKeyType()).isEqualTo("CUSTOMER_MANAGED_KMS_KEY");
            assertThat(isProduction(accountOf(v.encryptionKeyArn()))).isTrue();
        });
        assertThat(vault("central-airgap-keyed").encryptionKeyArn()).contains(":427365019283:");
        assertThat(DemoEstate.vaults()).anyMatch(v -> v.place().account().state().equals("PENDING_CLOSURE"))
                .anyMatch(v -> v.place().account().state().equals("ACTIVE"));
    }

    @Test
    void restoreStates() {
        assertThat(DemoEstate.places().filter(hasBackups())).anyMatch(p -> p.region().restoreTestingPlans().isEmpty());
        List<RestoreTestingPlan> testPlans = DemoEstate.places().flatMap(p -> p.region().restoreTestingPlans().stream()).toList();
        assertThat(testPlans).anyMatch(p -> p.lastExecutionTime() != null && p.lastExecutionTime().isAfter(NOW.minus(Duration.ofDays(30))))
                .anyMatch(p -> p.lastExecutionTime() != null && p.lastExecutionTime().isBefore(NOW.minus(Duration.ofDays(30))))
                .anyMatch(p -> p.lastExecutionTime() == null);
        List<RestoreJob> tests = DemoEstate.places().flatMap(p -> p.region().restoreJobs().stream())
                .filter(j -> j.createdBy() != null).toList();
        assertThat(tests).anyMatch(j -> j.status().equals("FAILED"))
                .anyMatch(j -> "FAILED".equals(j.validationStatus()))
                .anyMatch(j -> "FAILED".equals(j.deletionStatus()))
                .anyMatch(j -> "SUCCESSFUL".equals(j.validationStatus()) && "SUCCESSFUL".equals(j.deletionStatus()));
        List<ProtectedResource> resources = DemoEstate.places().flatMap(p -> p.region().protectedResources().stream()).toList();
        assertThat(resources).anyMatch(r -> r.latestRestoreExecutionTimeMinutes() != null && r.latestRestoreExecutionTimeMinutes() > 720)
                .anyMatch(r -> r.latestRestoreExecutionTimeMinutes() != null && r.latestRestoreExecutionTimeMinutes() <= 720)
                .anyMatch(r -> r.latestRestoreJobCreationDate() == null)
                .anyMatch(r -> r.lastBackupTime().isBefore(NOW.minus(Duration.ofHours(26))))
                .anyMatch(r -> r.lastBackupTime().isAfter(NOW.minus(Duration.ofHours(26))));
    }

    @Test
    void approvalStates() {
        List<BackupVault> airGapped = DemoEstate.vaults().map(VaultAt::vault)
                .filter(v -> v.vaultType().equals("LOGICALLY_AIR_GAPPED_BACKUP_VAULT")).toList();
        assertThat(airGapped).anyMatch(v -> v.mpaApprovalTeamArn() == null).anyMatch(v -> v.mpaApprovalTeamArn() != null)
                .anyMatch(v -> "AWS_OWNED_KMS_KEY".equals(v.encryptionKeyType()));
        assertThat(DemoEstate.places().filter(p -> p.region().backupVaults().stream()
                .anyMatch(v -> v.vaultType().equals("LOGICALLY_AIR_GAPPED_BACKUP_VAULT"))))
                .anyMatch(p -> p.region().globalSettings().get("isMpaEnabled").equals("true"))
                .anyMatch(p -> p.region().globalSettings().get("isMpaEnabled").equals("false"));
        List<ApprovalTeam> teams = DemoEstate.places().flatMap(p -> p.region().mpaApprovalTeams().stream()).toList();
        assertThat(teams).anyMatch(t -> t.approvers().stream().anyMatch(a -> !a.primaryIdentityStatus().equals("ACCEPTED")))
                .anyMatch(t -> t.approvalStrategy().mofN().minApprovalsRequired() < 2)
                .anyMatch(t -> t.approvalStrategy().mofN().minApprovalsRequired().equals(t.numberOfApprovers()))
                .anyMatch(t -> t.status().equals("ACTIVE") && t.approvalStrategy().mofN().minApprovalsRequired() >= 2
                        && t.approvalStrategy().mofN().minApprovalsRequired() < t.numberOfApprovers()
                        && t.approvers().stream().allMatch(a -> a.primaryIdentityStatus().equals("ACCEPTED")));
        List<ApprovalSession> sessions = DemoEstate.places().flatMap(p -> p.region().mpaSessions().stream()).toList();
        assertThat(sessions).extracting(ApprovalSession::status).contains("PENDING", "APPROVED", "FAILED");
        assertThat(sessions).anyMatch(s -> "EXPIRED".equals(s.statusCode()));
        assertThat(airGapped).anyMatch(v -> v.latestMpaApprovalTeamUpdate() != null
                && v.latestMpaApprovalTeamUpdate().status().equals("PENDING"))
                .anyMatch(v -> v.latestMpaApprovalTeamUpdate() != null && v.latestMpaApprovalTeamUpdate().status().equals("APPROVED"));
        List<RestoreAccessVault> access = vault("central-airgap-eu-west-1").restoreAccessBackupVaults();
        assertThat(access).anyMatch(a -> a.creationDate().isBefore(NOW.minus(Duration.ofDays(7))) && a.latestRevokeRequest() != null)
                .anyMatch(a -> a.creationDate().isAfter(NOW.minus(Duration.ofDays(7))) && a.latestRevokeRequest() == null);
        assertThat(access).allSatisfy(a -> assertThat(vaultByArn(a.restoreAccessBackupVaultArn())).satisfies(v -> {
            assertThat(v.vaultType()).isEqualTo("RESTORE_ACCESS_BACKUP_VAULT");
            assertThat(v.sourceBackupVaultArn()).isEqualTo(vault("central-airgap-eu-west-1").backupVaultArn());
        }));
    }

    @Test
    void legalHoldsAndFrameworks() {
        assertThat(DemoEstate.places().flatMap(p -> p.region().legalHolds().stream())).extracting(h -> h.status())
                .contains("ACTIVE", "CANCELED");
        assertThat(DemoEstate.places().flatMap(p -> p.region().frameworks().stream())).isNotEmpty();
    }

    private static Predicate<Place> hasBackups() {
        return p -> p.region().backupVaults().stream().anyMatch(v -> !v.recoveryPoints().isEmpty());
    }

    private static Stream<BackupPlan> plans() {
        return DemoEstate.places().flatMap(p -> p.region().backupPlans().stream());
    }

    private static KmsKey keyOf(String vaultName) {
        return keyOf(vault(vaultName));
    }

    private static KmsKey keyOf(BackupVault vault) {
        return DemoEstate.key(vault.encryptionKeyArn()).orElseThrow();
    }

    private static BackupVault vaultByArn(String arn) {
        return DemoEstate.vaults().map(VaultAt::vault).filter(v -> v.backupVaultArn().equals(arn)).findFirst().orElseThrow();
    }

    private static List<JsonNode> statements(String policy) {
        try {
            return toList(JSON.readTree(policy).path("Statement"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(array::get).toList();
    }

    private static boolean allowsAnyone(JsonNode statement) {
        JsonNode principal = statement.path("Principal");
        return statement.path("Effect").asText().equals("Allow")
                && (principal.asText().equals("*") || principal.path("AWS").asText().equals("*"));
    }

    private static boolean deniesToAll(JsonNode statement, String... actions) {
        JsonNode principal = statement.path("Principal");
        boolean everyone = principal.asText().equals("*") || principal.path("AWS").asText().equals("*");
        List<String> named = statement.path("Action").isArray() ? toList(statement.path("Action")).stream().map(JsonNode::asText).toList()
                : List.of(statement.path("Action").asText());
        return statement.path("Effect").asText().equals("Deny") && everyone && named.containsAll(List.of(actions));
    }
}
