package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * IMM-02 (MEDIUM). "Vaults locked in governance mode can have the lock removed by users with sufficient IAM permissions"
 * (Vault Lock, https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html); without ChangeableForDays the lock
 * can be changed at any time (PutBackupVaultLockConfiguration,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultLockConfiguration.html).
 */
class Imm02GovernanceModeLockTest {
    final Imm02GovernanceModeLock check = new Imm02GovernanceModeLock();

    @Test
    @DisplayName("FAIL (MEDIUM): governance mode (Locked, no LockDate); the fix re-puts the lock with --changeable-for-days and the vault's own bounds"
            + " (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultLockConfiguration.html)")
    void flagsAGovernanceModeLock() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        v.remove("LockDate");
        v.put("MinRetentionDays", 14).put("MaxRetentionDays", 730);
        Result r = about(f.run(check), arnOf(v));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(r.evidence().summary()).contains("backup:DeleteBackupVaultLockConfiguration");
        assertThat(r.remediation().awsCli()).isEqualTo("aws backup put-backup-vault-lock-configuration --region " + REGION
                + " --backup-vault-name v --min-retention-days 14 --max-retention-days 730 --changeable-for-days 3");
        assertThat(r.remediation().snippet()).contains("min_retention_days  = 14").contains("max_retention_days  = 730");
    }

    @Test
    void passesAnImmutableComplianceLock() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "v");
        assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: an unlocked vault gives no result (IMM-01's); a compliance lock still in its grace time passes (IMM-03's)")
    void judgesOnlyTheMode() {
        EstateFixture f = new EstateFixture();
        ObjectNode open = f.vault(BACKUP, REGION, "open");
        open.put("Locked", false).remove("LockDate");
        ObjectNode grace = f.vault(BACKUP, REGION, "grace");
        grace.put("LockDate", NOW.plus(Duration.ofDays(2)).toString());
        var results = f.run(check);
        assertThat(results).noneMatch(r -> r.resourceArn().equals(arnOf(open)));
        assertThat(about(results, arnOf(grace)).status()).isEqualTo(Status.PASS);
    }
}
