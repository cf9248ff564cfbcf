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

/** ENC-01, 02, 03: a failing case, a passing case and an edge case each (ENC-04 .. ENC-07 have their own test classes). */
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
}
