package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupRule;
import dev.redoubt.estate.CopyAction;
import dev.redoubt.estate.CopyJob;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.CopyRef;
import dev.redoubt.findings.EstateIndex.PlanRef;
import dev.redoubt.findings.EstateIndex.PointRef;
import dev.redoubt.findings.EstateIndex.ResourceRef;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a resource's copies are (checks.md, "Copies"): completed copy jobs and recovery points
 * of the resource in other vaults, and the copy actions its plans configure.
 */
final class Copies {
    private Copies() {
    }

    /** Where a copy went: its destination vault's account and region. */
    interface Destination {
        boolean accepts(String account, String region);

        default boolean acceptsArn(String vaultArn) {
            Arn a = Arn.parse(vaultArn);
            return a != null && accepts(a.account(), a.region());
        }
    }

    /** The most recent completed copy (job completion or recovery point creation) into a vault the destination accepts, within [since, at]; null when none. */
    static String recentCopy(EstateIndex x, ResourceRef r, Destination destinationVault, Instant since) {
        String best = null;
        Instant bestAt = null;
        for (CopyRef c : x.copiesOf(r.resource().resourceArn())) {
            CopyJob j = c.job();
            Instant when = j.completionDate() != null ? j.completionDate() : j.creationDate();
            if ("COMPLETED".equals(j.state()) && j.destinationBackupVaultArn() != null && destinationVault.acceptsArn(j.destinationBackupVaultArn())
                    && within(when, since, x.at()) && (bestAt == null || when.isAfter(bestAt))) {
                bestAt = when;
                best = "copy job " + j.copyJobId() + " COMPLETED " + when + " into " + j.destinationBackupVaultArn();
            }
        }
        for (PointRef p : x.pointsOf(r.resource().resourceArn())) {
            Instant when = p.point().creationDate();
            if (within(when, since, x.at()) && (bestAt == null || when.isAfter(bestAt)) && destinationVault.accepts(p.vault().accountId(), p.vault().region())) {
                bestAt = when;
                best = "recovery point " + p.point().recoveryPointArn() + " created " + when + " in " + p.vault().arn();
            }
        }
        return best;
    }

    private static boolean within(Instant when, Instant since, Instant at) {
        return when != null && !when.isBefore(since) && !when.isAfter(at);
    }

    /** The destination vault ARNs of copy actions in the plans that back the resource up, accepted by the predicate. */
    static Set<String> configuredCopies(EstateIndex x, ResourceRef r, Destination destinationVault) {
        Set<String> plans = new LinkedHashSet<>();
        Set<String> out = new LinkedHashSet<>();
        for (PointRef p : x.pointsOf(r.resource().resourceArn())) {
            if (p.point().createdBy() == null) {
                continue;
            }
            PlanRef plan = x.plan(p.point().createdBy().backupPlanArn(), p.point().createdBy().backupPlanId());
            if (plan == null || !plans.add(plan.plan().backupPlanArn()) || plan.plan().backupPlan() == null || plan.plan().backupPlan().rules() == null) {
                continue;
            }
            for (BackupRule rule : plan.plan().backupPlan().rules()) {
                if (rule.copyActions() == null) {
                    continue;
                }
                for (CopyAction a : rule.copyActions()) {
                    if (a.destinationBackupVaultArn() != null && destinationVault.acceptsArn(a.destinationBackupVaultArn())) {
                        out.add(a.destinationBackupVaultArn());
                    }
                }
            }
        }
        return out;
    }

    static Destination otherAccount(String account) {
        return (a, region) -> !a.isEmpty() && !a.equals(account);
    }

    static Destination otherRegion(String region) {
        return (account, r) -> !r.isEmpty() && !r.equals(region);
    }
}
