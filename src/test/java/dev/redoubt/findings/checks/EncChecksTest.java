package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ENC-01 .. ENC-06: a failing case, a passing case and an edge case each (ENC-07: Enc07PublicKeyPolicyTest). */
class EncChecksTest {
    static final String VOL = EstateFixture.volume(PROD, REGION, "0abc");

    static String rpArn(ObjectNode p) {
        return p.get("RecoveryPointArn").asText();
    }

    static ObjectNode keyOf(EstateFixture f, ObjectNode vault) {
        String arn = vault.get("EncryptionKeyArn").asText();
        for (var k : f.region(EstateFixture.accountOf(vault), EstateFixture.regionOf(vault)).withArray("KmsKeys")) {
            if (k.get("KeyMetadata").get("Arn").asText().equals(arn)) {
                return (ObjectNode) k;
            }
        }
        throw new AssertionError(arn);
    }

    @Nested
    class Enc01 {
        final Enc01UnencryptedRecoveryPoint check = new Enc01UnencryptedRecoveryPoint();

        @Test
        void flagsAnUnencryptedRecoveryPoint() {
            EstateFixture f = new EstateFixture();
            ObjectNode p = f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW.minus(Duration.ofDays(1)));
            p.put("IsEncrypted", false).remove("EncryptionKeyArn");
            Result r = about(f.run(check), rpArn(p));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().field("RecoveryPoint.IsEncrypted")).isEqualTo("false");
            assertThat(r.remediation().awsCli()).startsWith("aws backup start-copy-job");
        }

        @Test
        void passesAnEncryptedRecoveryPoint() {
            EstateFixture f = new EstateFixture();
            ObjectNode p = f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW.minus(Duration.ofDays(1)));
            assertThat(about(f.run(check), rpArn(p)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void isUnknownWhenIsEncryptedWasNotRead() {
            EstateFixture f = new EstateFixture();
            ObjectNode p = f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW.minus(Duration.ofDays(1)));
            p.remove("IsEncrypted");
            assertThat(about(f.run(check), rpArn(p)).status()).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void isUnknownForTheVaultsPointsWhenTheirListingFailed() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            ObjectNode p = f.point(v, VOL, NOW.minus(Duration.ofDays(1)));
            p.put("IsEncrypted", false);
            f.region(BACKUP, REGION).putArray("ReadErrors").addObject().put("Scope", arnOf(v))
                    .put("Operation", "backup:ListRecoveryPointsByBackupVault").put("ErrorCode", "AccessDeniedException").put("Message", "no");
            Result r = about(f.run(check), rpArn(p));
            assertThat(r.status()).isEqualTo(Status.UNKNOWN);
            assertThat(r.evidence().summary()).contains("AccessDeniedException");
        }
    }

    @Nested
    class Enc02 {
        final Enc02VaultWithoutKey check = new Enc02VaultWithoutKey();

        @Test
        void flagsAVaultWithoutKey() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.remove("EncryptionKeyArn");
            assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesAVaultWithAKey() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void passesAnAirGappedVaultWithAnAwsOwnedKeyAndNoKeyArn() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.airGappedVault(BACKUP, REGION, "lag");
            assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.PASS);
        }
    }

    @Nested
    class Enc03 {
        final Enc03AwsManagedVaultKey check = new Enc03AwsManagedVaultKey();

        @Test
        void flagsAStandardVaultOnTheAwsManagedKey() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            ((ObjectNode) keyOf(f, v).get("KeyMetadata")).put("KeyManager", "AWS");
            Result r = about(f.run(check), arnOf(v));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().field("KeyMetadata.KeyManager")).isEqualTo("AWS");
        }

        @Test
        void passesACustomerManagedKey() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void exemptsAirGappedVaultsAndIsUnknownWhenTheKeyWasNotRead() {
            EstateFixture f = new EstateFixture();
            ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
            lag.put("EncryptionKeyArn", "arn:aws:kms:eu-west-1:" + BACKUP + ":key/x");
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.put("EncryptionKeyArn", "arn:aws:kms:eu-west-1:999999999999:key/unread");
            List<Result> results = f.run(check);
            assertThat(results).noneMatch(r -> arnOf(lag).equals(r.resourceArn()));
            assertThat(about(results, arnOf(v)).status()).isEqualTo(Status.UNKNOWN);
        }
    }

    @Nested
    class Enc04 {
        final Enc04SourceAccountKey check = new Enc04SourceAccountKey();

        @Test
        void flagsACopyThatKeptTheProductionKey() {
            EstateFixture f = new EstateFixture();
            ObjectNode prodKey = f.key(PROD, REGION);
            ObjectNode p = f.point(f.vault(BACKUP, REGION, "central"), VOL, NOW.minus(Duration.ofDays(1)));
            p.put("EncryptionKeyArn", EstateFixture.arnOfKey(prodKey));
            Result r = about(f.run(check), rpArn(p));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().field("KeyAccount")).isEqualTo(PROD);
        }

        @Test
        void passesARecoveryPointOnItsVaultsKey() {
            EstateFixture f = new EstateFixture();
            ObjectNode p = f.point(f.vault(BACKUP, REGION, "central"), VOL, NOW.minus(Duration.ofDays(1)));
            assertThat(about(f.run(check), rpArn(p)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void passesAnotherKeyOfTheBackupAccountAndSkipsUnencryptedPoints() {
            EstateFixture f = new EstateFixture();
            ObjectNode other = f.key(BACKUP, REGION);
            ObjectNode v = f.vault(BACKUP, REGION, "central");
            ObjectNode p = f.point(v, VOL, NOW.minus(Duration.ofDays(1)));
            p.put("EncryptionKeyArn", EstateFixture.arnOfKey(other));
            ObjectNode clear = f.point(v, VOL, NOW.minus(Duration.ofDays(2)));
            clear.put("IsEncrypted", false).remove("EncryptionKeyArn");
            List<Result> results = f.run(check);
            assertThat(about(results, rpArn(p)).status()).isEqualTo(Status.PASS);
            assertThat(results).noneMatch(r -> rpArn(clear).equals(r.resourceArn()));
        }
    }

    @Nested
    class Enc05 {
        final Enc05KeyDisabledOrPendingDeletion check = new Enc05KeyDisabledOrPendingDeletion();

        @Test
        void flagsAKeyPendingDeletionAndNamesItsVaults() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            ObjectNode key = keyOf(f, v);
            ((ObjectNode) key.get("KeyMetadata")).put("KeyState", "PendingDeletion").put("Enabled", false).put("DeletionDate", NOW.plus(Duration.ofDays(6)).toString());
            Result r = about(f.run(check), EstateFixture.arnOfKey(key));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().field("ProtectsVaults")).contains(arnOf(v));
            assertThat(r.remediation().awsCli()).contains("aws kms cancel-key-deletion");
        }

        @Test
        void passesAnEnabledKey() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            assertThat(about(f.run(check), EstateFixture.arnOfKey(keyOf(f, v))).status()).isEqualTo(Status.PASS);
        }

        @Test
        void judgesTheKeyOfRecoveryPointsTooAndIsUnknownForAKeyNotRead() {
            EstateFixture f = new EstateFixture();
            ObjectNode p = f.point(f.vault(BACKUP, REGION, "v"), VOL, NOW.minus(Duration.ofDays(1)));
            String foreign = "arn:aws:kms:eu-west-1:" + PROD + ":key/not-described";
            p.put("EncryptionKeyArn", foreign);
            f.region(PROD, REGION).putArray("ReadErrors").addObject().put("Scope", foreign).put("Operation", "kms:DescribeKey")
                    .put("ErrorCode", "AccessDeniedException");
            Result r = about(f.run(check), foreign);
            assertThat(r.status()).isEqualTo(Status.UNKNOWN);
            assertThat(r.evidence().field("ReadError.Operation")).isEqualTo("kms:DescribeKey");
        }
    }

    @Nested
    class Enc06 {
        final Enc06KeyRotationDisabled check = new Enc06KeyRotationDisabled();

        @Test
        void flagsACustomerKeyThatDoesNotRotate() {
            EstateFixture f = new EstateFixture();
            ObjectNode key = keyOf(f, f.vault(BACKUP, REGION, "v"));
            key.put("KeyRotationEnabled", false);
            assertThat(about(f.run(check), EstateFixture.arnOfKey(key)).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesARotatingKey() {
            EstateFixture f = new EstateFixture();
            ObjectNode key = keyOf(f, f.vault(BACKUP, REGION, "v"));
            assertThat(about(f.run(check), EstateFixture.arnOfKey(key)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void skipsAwsManagedKeysAndIsUnknownWhenRotationWasNotRead() {
            EstateFixture f = new EstateFixture();
            ObjectNode managed = keyOf(f, f.vault(BACKUP, REGION, "v"));
            ((ObjectNode) managed.get("KeyMetadata")).put("KeyManager", "AWS");
            managed.put("KeyRotationEnabled", false);
            ObjectNode unread = keyOf(f, f.vault(BACKUP, REGION, "w"));
            unread.remove("KeyRotationEnabled");
            List<Result> results = f.run(check);
            assertThat(results).noneMatch(r -> EstateFixture.arnOfKey(managed).equals(r.resourceArn()));
            assertThat(about(results, EstateFixture.arnOfKey(unread)).status()).isEqualTo(Status.UNKNOWN);
        }
    }
}
