package dev.redoubt.drills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.findings.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each preflight item judged from facts alone. */
class PreflightTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String KEY = "arn:aws:kms:eu-west-1:645019283746:key/k";

    private static Preflight.Facts facts(String keyState, Instant deleteAt, String role, String evidence, String vaultAccount,
                                         Map<String, String> metadata, String vaultType) {
        return new Preflight.Facts("rp", true, "COMPLETED", deleteAt, KEY, null, keyState, true, null, role, evidence, vaultAccount,
                "645019283746", "RDS", List.of("shop-orders"), metadata, vaultType, "northwind-dr", "arn:source", NOW, Duration.ofMinutes(35));
    }

    private static Preflight.Facts ok() {
        return facts("Enabled", null, "arn:aws:iam::645019283746:role/R", "completed restore job J", "645019283746",
                Map.of("DBInstanceIdentifier", "redoubt-drill-ab12-shop-orders"), "BACKUP_VAULT");
    }

    private static PreflightItem item(Preflight.Facts f, String id) {
        return Preflight.judge(f).stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSoundPointPassesEveryItem() {
        assertThat(Preflight.judge(ok())).extracting(PreflightItem::verdict).containsOnly(Status.PASS);
        assertThat(Preflight.passable(Preflight.judge(ok()))).isTrue();
    }

    @Test
    void theKeysStateDecidesAndAKeyNotReadIsUnknown() {
        assertThat(item(facts("Disabled", null, "r", "e", "645019283746", Map.of(), "BACKUP_VAULT"), "key-usable").verdict()).isEqualTo(Status.FAIL);
        PreflightItem pending = item(facts("PendingDeletion", null, "r", "e", "645019283746", Map.of(), "BACKUP_VAULT"), "key-usable");
        assertThat(pending.verdict()).isEqualTo(Status.FAIL);
        assertThat(pending.reason()).contains("pending deletion");
        assertThat(item(facts(null, null, "r", "e", "645019283746", Map.of(), "BACKUP_VAULT"), "key-usable").verdict()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aPointDeletedBeforeTheRestoreAndItsValidationWindowEndFails() {
        Instant soon = NOW.plus(Duration.ofHours(20));
        assertThat(item(facts("Enabled", soon, "r", "e", "645019283746", Map.of(), "BACKUP_VAULT"), "not-expiring").verdict()).isEqualTo(Status.FAIL);
        Instant later = NOW.plus(Duration.ofHours(25));
        assertThat(item(facts("Enabled", later, "r", "e", "645019283746", Map.of(), "BACKUP_VAULT"), "not-expiring").verdict()).isEqualTo(Status.PASS);
    }

    @Test
    void aRoleIsPassOnlyWhenSeenRestoringUnknownOtherwiseAndFailWhenNone() {
        assertThat(item(facts("Enabled", null, "arn:r", null, "645019283746", Map.of(), "BACKUP_VAULT"), "restore-role").verdict()).isEqualTo(Status.UNKNOWN);
        assertThat(item(facts("Enabled", null, null, null, "645019283746", Map.of(), "BACKUP_VAULT"), "restore-role").verdict()).isEqualTo(Status.FAIL);
    }

    @Test
    void aTargetNamedLikeProductionFailsAnotherAccountOrADrillNamePasses() {
        assertThat(item(facts("Enabled", null, "r", "e", "645019283746", Map.of("DBInstanceIdentifier", "shop-orders"), "BACKUP_VAULT"),
                "isolated-target").verdict()).isEqualTo(Status.FAIL);
        assertThat(item(facts("Enabled", null, "r", "e", "645019283746", Map.of("DBInstanceIdentifier", "shop-orders-copy"), "BACKUP_VAULT"),
                "isolated-target").verdict()).isEqualTo(Status.UNKNOWN);
        assertThat(item(facts("Enabled", null, "r", "e", "111122223333", Map.of("DBInstanceIdentifier", "shop-orders"), "BACKUP_VAULT"),
                "isolated-target").verdict()).isEqualTo(Status.PASS);
    }

    @Test
    void anAirGappedVaultNeedsApprovalFirstARestoreAccessVaultIsOpen() {
        PreflightItem lag = item(facts("Enabled", null, "r", "e", "645019283746", Map.of(), "LOGICALLY_AIR_GAPPED_BACKUP_VAULT"), "approval");
        assertThat(lag.verdict()).isEqualTo(Status.FAIL);
        assertThat(lag.reason()).contains("restore access must first be approved through multi-party approval").contains("northwind-dr");
        PreflightItem open = item(facts("Enabled", null, "r", "e", "645019283746", Map.of(), "RESTORE_ACCESS_BACKUP_VAULT"), "approval");
        assertThat(open.verdict()).isEqualTo(Status.PASS);
        assertThat(open.reason()).contains("arn:source");
    }

    @Test
    void refusedMetadataFailsWithAwsReason() {
        Preflight.Facts f = new Preflight.Facts("rp", true, "COMPLETED", null, KEY, null, "Enabled", false, "AccessDeniedException: not allowed", "r",
                "e", "645019283746", "645019283746", "RDS", List.of("shop-orders"), Map.of(), "BACKUP_VAULT", null, null, NOW, Duration.ZERO);
        PreflightItem m = item(f, "metadata");
        assertThat(m.verdict()).isEqualTo(Status.FAIL);
        assertThat(m.reason()).contains("AccessDeniedException: not allowed");
    }

    @Test
    void proposedMetadataTakesTheRunbooksOverAwsAndRenamesNameKeysForTheDrill() {
        Map<String, String> m = Preflight.propose(Map.of("DBInstanceIdentifier", "shop-orders", "DBName", "orders", "Engine", "postgres"),
                Map.of("DBInstanceClass", "db.t3.micro"), "ab12cd34");
        assertThat(m).containsEntry("DBInstanceIdentifier", "redoubt-drill-ab12cd34-shop-orders").containsEntry("DBName", "orders")
                .containsEntry("DBInstanceClass", "db.t3.micro").containsEntry("Engine", "postgres");
        assertThat(Preflight.propose(Map.of("targetTableName", "x".repeat(80)), null, "ab12cd34").get("targetTableName")).hasSize(63);
    }
}
