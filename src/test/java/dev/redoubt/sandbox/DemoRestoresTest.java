package dev.redoubt.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.Region;
import dev.redoubt.estate.demo.NorthwindDemo;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.RestoreJobStatus;

/**
 * Restores in the demo behave as AWS's: the demo has recovery points under a disabled key (the legacy
 * CRM account, being closed), and restoring one fails with KMS's reason; a restore of the shop's
 * database with the role that backed it up completes.
 */
class DemoRestoresTest {
    private record Found(String account, String region, String vault, RecoveryPoint point) {
    }

    @Test
    void aPointUnderTheDemosDisabledKeyFailsToRestoreWithKmsReasonAndTheShopsDatabaseRestores() throws Exception {
        Estate demo = NorthwindDemo.build();
        List<Found> underDisabled = new ArrayList<>();
        Found orders = null;
        for (Account a : demo.accounts()) {
            for (Map.Entry<String, Region> r : a.regions().entrySet()) {
                List<String> disabled = World.nonNull(r.getValue().kmsKeys()).stream().map(KmsKey::keyMetadata)
                        .filter(m -> "Disabled".equals(m.keyState())).map(m -> m.arn()).toList();
                for (BackupVault v : World.nonNull(r.getValue().backupVaults())) {
                    for (RecoveryPoint p : World.nonNull(v.recoveryPoints())) {
                        if ("COMPLETED".equals(p.status()) && disabled.contains(p.encryptionKeyArn())) {
                            underDisabled.add(new Found(a.id(), r.getKey(), v.backupVaultName(), p));
                        }
                        if (p.resourceArn() != null && p.resourceArn().endsWith(":db:shop-orders") && "COMPLETED".equals(p.status())
                                && (orders == null || p.creationDate().isAfter(orders.point().creationDate()))) {
                            orders = new Found(a.id(), r.getKey(), v.backupVaultName(), p);
                        }
                    }
                }
            }
        }
        assertThat(underDisabled).as("recovery points under a disabled key in the demo").isNotEmpty();
        assertThat(underDisabled).allSatisfy(f -> assertThat(demo.accounts().stream().filter(a -> a.id().equals(f.account()))
                .findFirst().orElseThrow().name()).as("a story place that is not production").doesNotContain("prod"));
        assertThat(orders).isNotNull();
        Found bad = underDisabled.get(0);
        Found good = orders;
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.forTests(demo, Clock.fixed(demo.capturedAt(), ZoneOffset.UTC)));
             BackupClient legacy = fx.client(BackupClient.builder(), fx.operator(bad.account()), bad.region());
             BackupClient shop = fx.client(BackupClient.builder(), fx.operator(good.account()), good.region())) {
            String failing = legacy.startRestoreJob(q -> q.recoveryPointArn(bad.point().recoveryPointArn()).iamRoleArn(bad.point().iamRoleArn())
                    .metadata(Map.of())).restoreJobId();
            String restoring = shop.startRestoreJob(q -> q.recoveryPointArn(good.point().recoveryPointArn())
                    .iamRoleArn(good.point().iamRoleArn()).metadata(Map.of("DBInstanceIdentifier", "redoubt-drill-shop-orders"))).restoreJobId();
            fx.sandbox.advanceClock(Duration.ofHours(2));
            var failed = legacy.describeRestoreJob(q -> q.restoreJobId(failing));
            assertThat(failed.status()).isEqualTo(RestoreJobStatus.FAILED);
            assertThat(failed.statusMessage()).contains("is disabled").contains("DisabledException").contains(bad.point().encryptionKeyArn());
            var done = shop.describeRestoreJob(q -> q.restoreJobId(restoring));
            assertThat(done.status()).isEqualTo(RestoreJobStatus.COMPLETED);
            assertThat(done.createdResourceArn()).endsWith(":db:redoubt-drill-shop-orders");
        }
    }
}
