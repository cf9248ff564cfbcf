package dev.redoubt.findings.checks;

import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.RestoreTestingPointSelection;
import dev.redoubt.estate.RestoreTestingSelection;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.TestPlanRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Wildcards;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RST-03: a vault with recovery points, or a resource type in it, is not covered by any restore
 * testing selection of its account and region: IncludeVaults/ExcludeVaults leave the vault out,
 * or no selection has the resource type. Logically air-gapped and cross-account vaults are judged
 * too: the copies one would restore from after an attack are the ones that must be tested.
 * Reported per vault.
 */
public final class Rst03UntestedVault extends VaultCheck {
    public Rst03UntestedVault() {
        super("RST-03", Facet.RST, Severity.MEDIUM, "Vault or resource type not covered by any restore test",
                "Recovery points that no restore test selects are never proven restorable, often the isolated copies that matter most.",
                "RT selections, RecoveryPointSelection", "-", "backup:ListRestoreTestingPlans", "backup:ListRestoreTestingSelections");
    }

    @Override
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return !v.points().isEmpty();
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        Set<String> types = new java.util.TreeSet<>();
        for (RecoveryPoint p : v.points()) {
            if (p.resourceType() != null) {
                types.add(p.resourceType());
            }
        }
        List<String> plans = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (TestPlanRef t : x.restoreTestingPlans()) {
            if (!t.where().accountId().equals(v.accountId()) || !t.where().region().equals(v.region()) || !includes(t.plan().recoveryPointSelection(), v)) {
                continue;
            }
            plans.add(t.plan().restoreTestingPlanName());
            if (t.plan().selections() != null) {
                for (RestoreTestingSelection s : t.plan().selections()) {
                    if (s.protectedResourceType() != null) {
                        covered.add(s.protectedResourceType());
                    }
                }
            }
        }
        plans.sort(null);
        List<String> untested = types.stream().filter(type -> !covered.contains(type)).toList();
        String summary = plans.isEmpty() ? "No restore testing plan of " + v.accountId() + " " + v.region() + " selects this vault"
                : untested.isEmpty() ? "Selected by " + String.join(", ", plans) + " for every resource type (" + String.join(", ", types) + ")"
                : "Resource types not covered by any selection: " + String.join(", ", untested);
        Evidence e = Evidence.at(x.at(), summary).field("BackupVault.VaultType", v.vault().vaultType()).field("ResourceTypes", types)
                .field("SelectingPlans", plans).field("CoveredTypes", covered).build();
        if (!plans.isEmpty() && untested.isEmpty()) {
            return pass(v.scope(), e);
        }
        String type = untested.isEmpty() ? (types.isEmpty() ? "EBS" : types.iterator().next()) : untested.get(0);
        return fail(v.scope(), e, new Remediation(
                "Include the vault in a restore testing plan's IncludeVaults and add a selection for each resource type it holds (" + String.join(", ", untested.isEmpty() ? types : untested) + ").",
                "aws backup create-restore-testing-selection --region " + v.region() + " --restore-testing-plan-name <PLAN> --restore-testing-selection "
                        + "'{\"RestoreTestingSelectionName\":\"" + type.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_all\",\"ProtectedResourceType\":\"" + type
                        + "\",\"IamRoleArn\":\"arn:aws:iam::" + v.accountId() + ":role/service-role/AWSBackupDefaultServiceRole\",\"ProtectedResourceArns\":[\"*\"]}'",
                "CloudFormation",
                "RestoreTestingSelection:\n  Type: AWS::Backup::RestoreTestingSelection\n  Properties:\n    RestoreTestingPlanName: <PLAN>\n    RestoreTestingSelectionName: all_" + type.replaceAll("[^A-Za-z0-9_]", "_")
                        + "\n    ProtectedResourceType: " + type + "\n    IamRoleArn: arn:aws:iam::" + v.accountId() + ":role/service-role/AWSBackupDefaultServiceRole\n    ProtectedResourceArns: ['*']"));
    }

    static boolean includes(RestoreTestingPointSelection sel, VaultRef v) {
        if (sel == null || sel.includeVaults() == null) {
            return false;
        }
        boolean in = sel.includeVaults().stream().anyMatch(p -> Wildcards.matches(p, v.arn(), false) || Wildcards.matches(p, v.vault().backupVaultName(), false));
        boolean out = sel.excludeVaults() != null
                && sel.excludeVaults().stream().anyMatch(p -> Wildcards.matches(p, v.arn(), false) || Wildcards.matches(p, v.vault().backupVaultName(), false));
        return in && !out;
    }
}
