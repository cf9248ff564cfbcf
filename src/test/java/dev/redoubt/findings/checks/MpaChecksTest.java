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
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** MPA-01, 02, 04, 06, 07: a failing case, a passing case and an edge case each (MPA-03 has its own test class). */
class MpaChecksTest {
    static String teamArn(ObjectNode t) {
        return t.get("Arn").asText();
    }

    @Nested
    class Mpa01 {
        final Mpa01AirGappedVaultWithoutTeam check = new Mpa01AirGappedVaultWithoutTeam();

        @Test
        void flagsAnAirGappedVaultWithoutTeam() {
            EstateFixture f = new EstateFixture();
            ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
            lag.remove("MpaApprovalTeamArn");
            assertThat(about(f.run(check), arnOf(lag)).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesAnAirGappedVaultWithTeam() {
            EstateFixture f = new EstateFixture();
            ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
            assertThat(about(f.run(check), arnOf(lag)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void ignoresStandardVaults() {
            EstateFixture f = new EstateFixture();
            f.vault(BACKUP, REGION, "v");
            assertThat(f.run(check)).isEmpty();
        }
    }

    @Nested
    class Mpa02 {
        final Mpa02MpaNotEnabled check = new Mpa02MpaNotEnabled();
        final String account = EstateFixture.accountArn(BACKUP);

        @Test
        void flagsMpaDisabledWhereAirGappedVaultsExist() {
            EstateFixture f = new EstateFixture();
            f.airGappedVault(BACKUP, REGION, "lag");
            ((ObjectNode) f.region(BACKUP, REGION).get("GlobalSettings")).put("isMpaEnabled", "false");
            assertThat(about(f.run(check), account).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void passesMpaEnabled() {
            EstateFixture f = new EstateFixture();
            f.airGappedVault(BACKUP, REGION, "lag");
            assertThat(about(f.run(check), account).status()).isEqualTo(Status.PASS);
        }

        @Test
        void isUnknownWithoutGlobalSettingsAndSilentWithoutAirGappedVaults() {
            EstateFixture f = new EstateFixture();
            f.vault(EstateFixture.PROD, REGION, "v");
            ((ObjectNode) f.region(EstateFixture.PROD, REGION).get("GlobalSettings")).put("isMpaEnabled", "false");
            f.airGappedVault(BACKUP, REGION, "lag");
            f.region(BACKUP, REGION).remove("GlobalSettings");
            List<Result> results = f.run(check);
            assertThat(results).hasSize(1);
            assertThat(about(results, account).status()).isEqualTo(Status.UNKNOWN);
        }
    }

    @Nested
    class Mpa04 {
        final Mpa04UnsafeApprovalThreshold check = new Mpa04UnsafeApprovalThreshold();

        Status judge(int m, int n) {
            EstateFixture f = new EstateFixture();
            ObjectNode t = f.team(BACKUP, REGION, "recovery");
            t.put("NumberOfApprovers", n);
            ((ObjectNode) t.get("ApprovalStrategy").get("MofN")).put("MinApprovalsRequired", m);
            return about(f.run(check), teamArn(t)).status();
        }

        @Test
        void flagsOneApprovalOrAllApprovers() {
            assertThat(judge(1, 3)).isEqualTo(Status.FAIL);
            assertThat(judge(2, 2)).isEqualTo(Status.FAIL);
        }

        @Test
        void passesTwoOfThree() {
            assertThat(judge(2, 3)).isEqualTo(Status.PASS);
        }

        @Test
        void countsApproversWhenNumberOfApproversIsAbsent() {
            EstateFixture f = new EstateFixture();
            ObjectNode t = f.team(BACKUP, REGION, "recovery");
            t.remove("NumberOfApprovers");
            ((ObjectNode) t.get("ApprovalStrategy").get("MofN")).put("MinApprovalsRequired", 3);
            assertThat(about(f.run(check), teamArn(t)).status()).isEqualTo(Status.FAIL);
        }
    }

    @Nested
    class Mpa06 {
        final Mpa06PendingTeamChange check = new Mpa06PendingTeamChange();

        @Test
        void flagsAPendingTeamChange() {
            EstateFixture f = new EstateFixture();
            ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
            lag.putObject("LatestMpaApprovalTeamUpdate").put("Status", "PENDING").put("MpaSessionArn", "arn:aws:mpa:eu-west-1:1:session/t/s")
                    .put("InitiationDate", NOW.minus(Duration.ofDays(2)).toString());
            Result r = about(f.run(check), arnOf(lag));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.remediation().awsCli()).contains("aws mpa get-session");
        }

        @Test
        void passesACompletedChangeOrNone() {
            EstateFixture f = new EstateFixture();
            ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
            ObjectNode done = f.airGappedVault(BACKUP, REGION, "done");
            done.putObject("LatestMpaApprovalTeamUpdate").put("Status", "APPROVED");
            List<Result> results = f.run(check);
            assertThat(about(results, arnOf(lag)).status()).isEqualTo(Status.PASS);
            assertThat(about(results, arnOf(done)).status()).isEqualTo(Status.PASS);
        }

        @Test
        void flagsAFailedChangeOnAStandardVaultWithATeam() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.putObject("LatestMpaApprovalTeamUpdate").put("Status", "FAILED");
            assertThat(about(f.run(check), arnOf(v)).status()).isEqualTo(Status.FAIL);
        }
    }

    @Nested
    class Mpa07 {
        final Mpa07RestoreAccessLeftOpen check = new Mpa07RestoreAccessLeftOpen();
        final String ra = "arn:aws:backup:eu-west-1:" + EstateFixture.PROD + ":backup-vault:restore-access-1";

        ObjectNode access(EstateFixture f, Duration age) {
            ObjectNode lag = f.airGappedVault(BACKUP, REGION, "lag");
            ObjectNode a = lag.withArray("RestoreAccessBackupVaults").addObject();
            a.put("RestoreAccessBackupVaultArn", ra).put("VaultState", "AVAILABLE").put("CreationDate", NOW.minus(age).toString())
                    .put("ApprovalDate", NOW.minus(age).toString());
            return a;
        }

        @Test
        void flagsRestoreAccessOpenForMoreThanSevenDays() {
            EstateFixture f = new EstateFixture();
            access(f, Duration.ofDays(57));
            Result r = about(f.run(check), ra);
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.remediation().awsCli()).startsWith("aws backup revoke-restore-access-backup-vault");
        }

        @Test
        void passesRecentRestoreAccess() {
            EstateFixture f = new EstateFixture();
            access(f, Duration.ofDays(3));
            assertThat(about(f.run(check), ra).status()).isEqualTo(Status.PASS);
        }

        @Test
        void flagsAFailedRevokeEvenWhenRecent() {
            EstateFixture f = new EstateFixture();
            access(f, Duration.ofDays(1)).putObject("LatestRevokeRequest").put("Status", "FAILED").put("StatusMessage", "session expired");
            assertThat(about(f.run(check), ra).evidence().summary()).contains("FAILED (session expired)");
        }
    }
}
