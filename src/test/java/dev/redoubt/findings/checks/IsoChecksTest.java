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
import dev.redoubt.findings.Status;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ISO-07: a failing case, a passing case and an edge case (ISO-01..04 and ISO-08 have their own test classes). */
class IsoChecksTest {
    @Nested
    class Iso07 {
        final Iso07AirGappedKeyInWorkloadAccount check = new Iso07AirGappedKeyInWorkloadAccount();

        @Test
        void flagsAnAirGappedVaultKeyedInProduction() {
            EstateFixture f = new EstateFixture();
            ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
            lag.put("EncryptionKeyType", "CUSTOMER_MANAGED_KMS_KEY").put("EncryptionKeyArn", EstateFixture.arnOfKey(f.key(PROD, REGION)));
            assertThat(about(f.run(check), arnOf(lag)).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesAnAwsOwnedKeyOrAKeyOfTheBackupAccount() {
            EstateFixture f = new EstateFixture();
            ObjectNode owned = f.airGappedVault(BACKUP, REGION, "owned");
            ObjectNode keyed = f.airGappedVault(BACKUP, REGION, "keyed");
            keyed.put("EncryptionKeyType", "CUSTOMER_MANAGED_KMS_KEY").put("EncryptionKeyArn", EstateFixture.arnOfKey(f.key(BACKUP, REGION)));
            List<Result> results = f.run(check);
            assertThat(about(results, arnOf(owned)).status()).isEqualTo(Status.PASS);
            assertThat(about(results, arnOf(keyed)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void ignoresStandardVaultsKeyedInProduction() {
            EstateFixture f = new EstateFixture();
            f.vault(PROD, REGION, "local");
            assertThat(f.run(check)).isEmpty();
        }
    }

}
