package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import java.time.Duration;

/** A production volume backed up locally by a plan, and the copies the ISO tests add to it. */
final class CopyFixtures {
    static final String VOL = EstateFixture.volume(PROD, REGION, "0iso");

    private CopyFixtures() {
    }

    /** A production volume with a local backup (6 hours old) in a production vault made by a daily plan; returns the plan. */
    static ObjectNode local(EstateFixture f) {
        f.resource(PROD, REGION, VOL);
        ObjectNode v = f.vault(PROD, REGION, "local");
        ObjectNode plan = f.plan(PROD, REGION, "daily");
        ObjectNode p = f.point(v, VOL, NOW.minus(Duration.ofHours(6)));
        p.putObject("CreatedBy").put("BackupPlanArn", plan.get("BackupPlanArn").asText()).put("BackupPlanId", plan.get("BackupPlanId").asText());
        return plan;
    }

    static void copyAction(ObjectNode plan, String destinationVaultArn) {
        ((ObjectNode) plan.get("BackupPlan").get("Rules").get(0)).withArray("CopyActions").addObject().put("DestinationBackupVaultArn", destinationVaultArn);
    }

    /** A copy job of the volume (listed in the production account) into the vault, created {@code ago} and finished 20 minutes later. */
    static ObjectNode copyJob(EstateFixture f, String destinationVaultArn, String state, Duration ago) {
        ObjectNode j = f.region(PROD, REGION).withArray("CopyJobs").addObject();
        j.put("CopyJobId", "copy-" + Math.abs(destinationVaultArn.hashCode()) + state + ago.toHours()).put("ResourceArn", VOL).put("State", state)
                .put("DestinationBackupVaultArn", destinationVaultArn).put("CreationDate", NOW.minus(ago).toString())
                .put("CompletionDate", NOW.minus(ago).plus(Duration.ofMinutes(20)).toString());
        return j;
    }

    /** A restore-access vault (a view of an air-gapped vault) in the account and region. */
    static ObjectNode restoreAccessVault(EstateFixture f, String account, String region, String name) {
        ObjectNode v = f.airGappedVault(account, region, name);
        v.put("VaultType", "RESTORE_ACCESS_BACKUP_VAULT");
        return v;
    }
}
