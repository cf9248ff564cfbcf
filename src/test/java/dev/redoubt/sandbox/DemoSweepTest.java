package dev.redoubt.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.Region;
import dev.redoubt.estate.demo.NorthwindDemo;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.mpa.MpaClient;

/** Serves the Northwind demo and reads every vault, key and approval team of every account and region through the SDK. */
class DemoSweepTest {
    @Test
    void servesEveryVaultKeyAndTeamOfTheDemoWithoutAnInternalFailure() throws Exception {
        Estate demo = NorthwindDemo.build();
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)))) {
            int vaults = 0;
            for (Account account : demo.accounts()) {
                for (Map.Entry<String, Region> r : account.regions().entrySet()) {
                    String region = r.getKey();
                    try (BackupClient backup = fx.client(BackupClient.builder(), fx.readOnly(account.id()), region);
                         KmsClient kms = fx.client(KmsClient.builder(), fx.readOnly(account.id()), region);
                         MpaClient mpa = fx.client(MpaClient.builder(), fx.readOnly(account.id()), region)) {
                        for (BackupVault v : World.nonNull(r.getValue().backupVaults())) {
                            vaults++;
                            String name = v.backupVaultName();
                            assertThat(backup.describeBackupVault(q -> q.backupVaultName(name)).backupVaultArn()).isEqualTo(v.backupVaultArn());
                            long served = backup.listRecoveryPointsByBackupVaultPaginator(q -> q.backupVaultName(name).maxResults(500))
                                    .recoveryPoints().stream().count();
                            assertThat(served).as(name).isEqualTo(World.nonNull(v.recoveryPoints()).size());
                            try {
                                backup.getBackupVaultAccessPolicy(q -> q.backupVaultName(name));
                            } catch (ResourceNotFoundException none) {
                                assertThat(v.accessPolicy() == null || v.accessPolicy().isNone()).isTrue();
                            }
                        }
                        for (KmsKey k : World.nonNull(r.getValue().kmsKeys())) {
                            String arn = k.keyMetadata().arn();
                            assertThat(kms.describeKey(q -> q.keyId(arn)).keyMetadata().keyStateAsString()).isEqualTo(k.keyMetadata().keyState());
                            kms.getKeyPolicy(q -> q.keyId(arn));
                            try {
                                kms.getKeyRotationStatus(q -> q.keyId(arn));
                            } catch (KmsInvalidStateException pendingDeletion) {
                                assertThat(k.keyMetadata().keyState()).isEqualTo("PendingDeletion");
                            }
                        }
                        for (var team : mpa.listApprovalTeams(q -> { }).approvalTeams()) {
                            mpa.getApprovalTeam(q -> q.arn(team.arn()));
                            mpa.listSessionsPaginator(q -> q.approvalTeamArn(team.arn())).sessions().forEach(s ->
                                    mpa.getSession(q -> q.sessionArn(s.sessionArn())));
                        }
                        backup.listBackupPlans(q -> { });
                        backup.listRestoreTestingPlans(q -> { });
                        backup.listRestoreJobs(q -> { });
                        backup.listProtectedResources(q -> { });
                    }
                }
            }
            assertThat(vaults).isEqualTo(20);
        }
    }
}
