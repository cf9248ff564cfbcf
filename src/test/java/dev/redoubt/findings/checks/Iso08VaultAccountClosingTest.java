package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ISO-08. The AWS pages that decide it:
 * "AWS Backup Vault Lock" (https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html): "If you do not reopen your account
 * during those 90 days, AWS deletes the contents of your backup vault, even if AWS Backup Vault Lock was in place";
 * "CloseAccount" (https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html): PENDING_CLOSURE, then SUSPENDED,
 * resources deleted after 90 days;
 * "Monitor the state of your AWS accounts" (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_account_state.html).
 */
class Iso08VaultAccountClosingTest {
    final Iso08VaultAccountClosing check = new Iso08VaultAccountClosing();

    @Test
    @DisplayName("FAIL HIGH: an account PENDING_CLOSURE holds a vault; reported on the organizations account ARN with the region in Region "
            + "(https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html)")
    void flagsAnAccountPendingClosureWithVaults() {
        EstateFixture f = new EstateFixture();
        f.point(f.vault(PROD, REGION, "local"), CopyFixtures.VOL, NOW);
        f.account(PROD).put("State", "PENDING_CLOSURE");
        Result r = about(f.run(check), EstateFixture.accountArn(PROD));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.severity()).isEqualTo(Severity.HIGH);
        assertThat(r.region()).isEqualTo(REGION);
        assertThat(r.resourceArn()).isEqualTo("arn:aws:organizations::" + EstateFixture.MGMT + ":account/" + EstateFixture.ORG + "/" + PROD);
        assertThat(r.evidence().summary()).contains("1 recovery point(s)").contains("locked or not, 90 days");
        assertThat(r.remediation().action()).contains("Reopen the account through AWS Support");
    }

    @Test
    @DisplayName("PASS: an ACTIVE account holding vaults "
            + "(https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_account_state.html)")
    void passesAnActiveAccount() {
        EstateFixture f = new EstateFixture();
        f.vault(PROD, REGION, "local");
        assertThat(about(f.run(check), EstateFixture.accountArn(PROD)).status()).isEqualTo(Status.PASS);
    }

    @Test
    @DisplayName("Edge: the legacy Status SUSPENDED (a closed account) is read when State is absent; accounts without vaults give no result "
            + "(https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html)")
    void readsTheLegacyStatusWhenStateIsAbsentAndSkipsAccountsWithoutVaults() {
        EstateFixture f = new EstateFixture();
        f.vault(PROD, REGION, "local");
        f.account(PROD).put("Status", "SUSPENDED").remove("State");
        f.region(BACKUP, REGION);
        List<Result> results = f.run(check);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).status()).isEqualTo(Status.FAIL);
    }

    @Test
    @DisplayName("Edge: without an organization the account is reported as arn:aws:iam::<id>:root (checks.md, \"What a result is about\")")
    void withoutAnOrganizationTheAccountIsItsRootArn() {
        EstateFixture f = new EstateFixture();
        f.vault(PROD, REGION, "local");
        f.root().remove("Organization");
        f.account(PROD).put("State", "SUSPENDED");
        Result r = about(f.run(check), "arn:aws:iam::" + PROD + ":root");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.region()).isEqualTo(REGION);
    }
}
