package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** IMM-01 (HIGH, above IMM-02's governance lock). Vault Lock: https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html */
class Imm01VaultNotLockedTest {
    final Imm01VaultNotLocked check = new Imm01VaultNotLocked();

    static ObjectNode unlocked(EstateFixture f, String name) {
        ObjectNode v = f.vault(BACKUP, REGION, name);
        v.put("Locked", false).remove(List.of("LockDate", "MinRetentionDays", "MaxRetentionDays"));
        return v;
    }

    @Test
    @DisplayName("FAIL (HIGH): no Vault Lock; the fix is a compliance lock whose maximum fits the longest rule writing into the vault"
            + " (Vault Lock, https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html)")
    void flagsAnUnlockedVaultAsHigh() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = unlocked(f, "main");
        ObjectNode plan = f.plan(BACKUP, REGION, "yearly");
        ((ObjectNode) plan.get("BackupPlan").get("Rules").get(0).get("Lifecycle")).put("DeleteAfterDays", 800);
        ObjectNode brief = f.plan(BACKUP, REGION, "brief");
        ((ObjectNode) brief.get("BackupPlan").get("Rules").get(0).get("Lifecycle")).put("DeleteAfterDays", 3);
        Result r = about(f.run(check), arnOf(v));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.remediation().awsCli()).isEqualTo("aws backup put-backup-vault-lock-configuration --region " + REGION
                + " --backup-vault-name main --min-retention-days 7 --max-retention-days 800 --changeable-for-days 3");
        assertThat(r.remediation().action()).contains("raise these first: rule daily of plan brief (" + BACKUP + ", " + REGION + ") keeps 3 days");
    }

    @Test
    void passesALockedVault() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        Result r = about(f.run(check), arnOf(v));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().summary()).isEqualTo("The vault is locked (compliance mode)");
    }

    @Test
    @DisplayName("Edge: an air-gapped vault passes even without Locked in the capture: each one is equipped with Vault Lock's compliance mode"
            + " (Logically air-gapped vault, https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html);"
            + " a standard vault without Locked is UNKNOWN; restore-access vaults are not judged")
    void airGappedVaultsAreAlwaysLocked() {
        EstateFixture f = new EstateFixture();
        ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
        lag.remove(List.of("Locked", "LockDate"));
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        v.remove("Locked");
        ObjectNode ra = f.vault(PROD, REGION, "restore-access");
        ra.put("VaultType", "RESTORE_ACCESS_BACKUP_VAULT").put("Locked", false);
        List<Result> results = f.run(check);
        Result a = about(results, arnOf(lag));
        assertThat(a.status()).isEqualTo(Status.PASS);
        assertThat(a.evidence().summary()).isEqualTo("A logically air-gapped vault is always locked in compliance mode");
        assertThat(about(results, arnOf(v)).status()).isEqualTo(Status.UNKNOWN);
        assertThat(results).noneMatch(r -> arnOf(ra).equals(r.resourceArn()));
    }
}
