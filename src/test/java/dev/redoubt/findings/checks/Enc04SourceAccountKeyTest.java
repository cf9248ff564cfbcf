package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.MGMT;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.AccountType;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ENC-04. The AWS pages that decide it:
 * "Encryption for backups in AWS Backup" (https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html):
 * types not fully managed by AWS Backup (EBS, EC2, RDS, ...) keep their source service's key;
 * "Creating backup copies across AWS accounts" (https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html):
 * a copy into another account is re-encrypted with the destination vault's key;
 * "Logically air-gapped vault" (https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html):
 * an AWS-owned key by default, a customer-managed key optionally.
 */
class Enc04SourceAccountKeyTest {
    static final String VOL = EstateFixture.volume(PROD, REGION, "0abc");
    final Enc04SourceAccountKey check = new Enc04SourceAccountKey();

    static String rpArn(ObjectNode p) {
        return p.get("RecoveryPointArn").asText();
    }

    /** A vault in {@code account} created with {@code key} (possibly another account's), as CreateBackupVault allows when the key policy does. */
    static ObjectNode vaultKeyedWith(EstateFixture f, String account, String name, ObjectNode key) {
        ObjectNode v = f.vault(account, REGION, name);
        v.put("EncryptionKeyArn", EstateFixture.arnOfKey(key));
        return v;
    }

    @Test
    @DisplayName("FAIL: a vault of the backup account keyed with a production account's key; its copies are re-encrypted with that key "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html)")
    void failsABackupAccountVaultKeyedInProduction() {
        EstateFixture f = new EstateFixture();
        ObjectNode prodKey = f.key(PROD, REGION);
        ObjectNode p = f.point(vaultKeyedWith(f, BACKUP, "archive", prodKey), VOL, NOW.minus(Duration.ofDays(1)));
        Result r = about(f.run(check), rpArn(p));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(r.evidence().field("KeyAccount")).isEqualTo(PROD);
        assertThat(r.evidence().field("KeyAccountRole")).isEqualTo("PRODUCTION");
        assertThat(r.evidence().summary()).contains("backup account " + BACKUP).contains(EstateFixture.arnOfKey(prodKey));
        // the vault's key cannot be changed: the fix is a new vault keyed outside the workloads
        assertThat(r.remediation().awsCli()).startsWith("aws backup create-backup-vault").contains(":" + BACKUP + ":key/");
        assertThat(r.remediation().action()).contains("cannot be changed").contains("create-cross-account-backup.html");
    }

    @Test
    @DisplayName("FAIL: an air-gapped vault keyed with its workload account's customer-managed key "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html)")
    void failsAnAirGappedVaultKeyedByAWorkloadAccount() {
        EstateFixture f = new EstateFixture();
        ObjectNode prodKey = f.key(PROD, REGION);
        ObjectNode lag = f.airGappedVault(PROD, REGION, "prod-airgap");
        lag.put("EncryptionKeyType", "CUSTOMER_MANAGED_KMS_KEY").put("EncryptionKeyArn", EstateFixture.arnOfKey(prodKey));
        ObjectNode p = f.point(lag, VOL, NOW.minus(Duration.ofDays(1)));
        Result r = about(f.run(check), rpArn(p));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("air-gapped vault");
        assertThat(r.remediation().awsCli()).startsWith("aws backup create-logically-air-gapped-backup-vault");
    }

    @Test
    @DisplayName("PASS: the backup account's vault keyed in the backup account, and an air-gapped vault with an AWS-owned key "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html)")
    void passesKeysOutsideTheWorkloads() {
        EstateFixture f = new EstateFixture();
        ObjectNode own = f.point(f.vault(BACKUP, REGION, "central"), VOL, NOW.minus(Duration.ofDays(1)));
        ObjectNode owned = f.point(f.airGappedVault(BACKUP, REGION, "airgap"), VOL, NOW.minus(Duration.ofDays(1)));
        ObjectNode mgmtKeyed = f.point(vaultKeyedWith(f, BACKUP, "mgmt-keyed", f.key(MGMT, REGION)), VOL, NOW.minus(Duration.ofDays(1)));
        List<Result> results = f.run(check);
        assertThat(about(results, rpArn(own)).status()).isEqualTo(Status.PASS);
        assertThat(about(results, rpArn(own)).evidence().field("KeyAccountRole")).isEqualTo("BACKUP");
        assertThat(about(results, rpArn(owned)).status()).isEqualTo(Status.PASS);
        assertThat(about(results, rpArn(owned)).evidence().summary()).contains("AWS-owned");
        assertThat(about(results, rpArn(mgmtKeyed)).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("No result: a local EBS snapshot in the production account's own vault keeps the volume's key by design "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html)")
    void givesNoResultForLocalSnapshotsInAWorkloadAccount() {
        EstateFixture f = new EstateFixture();
        ObjectNode volumeKey = f.key(PROD, REGION);
        ObjectNode local = f.point(f.vault(PROD, REGION, "shop"), VOL, NOW.minus(Duration.ofDays(1)));
        local.put("EncryptionKeyArn", EstateFixture.arnOfKey(volumeKey)); // an EBS snapshot keeps the volume's key, not the vault's
        assertThat(f.run(check)).noneMatch(r -> rpArn(local).equals(r.resourceArn()));
    }

    @Test
    @DisplayName("Edge: a key of an account outside the organization counts as a workload account's; an unencrypted point is ENC-01's; "
            + "an encrypted point without EncryptionKeyArn is UNKNOWN (https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html)")
    void edgeCases() {
        EstateFixture f = new EstateFixture();
        ObjectNode v = f.vault(BACKUP, REGION, "central");
        ObjectNode foreign = f.point(v, VOL, NOW.minus(Duration.ofDays(1)));
        foreign.put("EncryptionKeyArn", "arn:aws:kms:eu-west-1:999999999999:key/not-ours");
        ObjectNode clear = f.point(v, VOL, NOW.minus(Duration.ofDays(2)));
        clear.put("IsEncrypted", false).remove("EncryptionKeyArn");
        ObjectNode unread = f.point(v, VOL, NOW.minus(Duration.ofDays(3)));
        unread.remove("EncryptionKeyArn");
        List<Result> results = f.run(check);
        Result r = about(results, rpArn(foreign));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.evidence().summary()).contains("outside the organization");
        assertThat(results).noneMatch(x -> rpArn(clear).equals(x.resourceArn()));
        assertThat(about(results, rpArn(unread)).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    @DisplayName("Edge: account roles come from the settings when set (checks.md, Account roles): a vault of an account marked BACKUP is judged, "
            + "a key of an account marked SECURITY passes (https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html)")
    void followsAccountRoleSettings() {
        EstateFixture f = new EstateFixture();
        ObjectNode mgmtKey = f.key(MGMT, REGION);
        ObjectNode prodKey = f.key(PROD, REGION);
        ObjectNode securityKeyed = f.point(vaultKeyedWith(f, BACKUP, "sec-keyed", mgmtKey), VOL, NOW.minus(Duration.ofDays(1)));
        ObjectNode inMgmt = f.point(vaultKeyedWith(f, MGMT, "vault", prodKey), VOL, NOW.minus(Duration.ofDays(1)));
        List<Result> defaults = f.run(check);
        assertThat(defaults).noneMatch(x -> rpArn(inMgmt).equals(x.resourceArn())); // the management account is not a backup account
        FindingsSettings roles = new FindingsSettings(Map.of(), Map.of(MGMT, AccountType.BACKUP), Map.of());
        assertThat(about(f.run(check, roles), rpArn(inMgmt)).status()).isEqualTo(Status.FAIL);
        FindingsSettings security = new FindingsSettings(Map.of(), Map.of(MGMT, AccountType.SECURITY), Map.of());
        Result r = about(f.run(check, security), rpArn(securityKeyed));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence().field("KeyAccountRole")).isEqualTo("SECURITY");
    }
}
