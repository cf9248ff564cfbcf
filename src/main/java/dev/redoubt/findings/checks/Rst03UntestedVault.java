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
 * testing selection: no restore testing plan's IncludeVaults/ExcludeVaults take the vault in, or no
 * selection of those plans has the resource type. Logically air-gapped and cross-account vaults are
 * judged too: the copies one would restore from after an attack are the ones that must be tested. A
 * plan covers the vaults of its own account and region; an air-gapped vault shared with another
 * account (AWS RAM) is also covered by a plan of that account that names the vault's ARN. Types restore
 * testing does not support (Redshift, Timestream, VMware, SAP HANA, Storage Gateway, ...: a selection
 * accepts only Aurora, DocumentDB, DynamoDB, EBS, EC2, EFS, FSx, Neptune, RDS and S3,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingSelectionForCreate.html)
 * give no result; a vault holding only those gives none. Only COMPLETED, unexpired recovery points
 * count (restore testing cannot restore the others). Reported per vault.
 */
public final class Rst03UntestedVault extends VaultCheck {
    public Rst03UntestedVault() {
        super("RST-03", Facet.RST, Severity.MEDIUM, "Vault or resource type not covered by any restore test",
                "Recovery points that no restore test selects are never proven restorable, often the isolated copies that matter most.",
                "RT selections, RecoveryPointSelection", "-", "backup:ListRestoreTestingPlans", "backup:ListRestoreTestingSelections");
    }

    @Override
    boolean appliesTo(EstateIndex x, VaultRef v) {
        return !testableTypes(x, v).isEmpty();
    }

    /** The restore-testing-supported resource types of the vault's COMPLETED, unexpired recovery points. */
    private static Set<String> testableTypes(EstateIndex x, VaultRef v) {
        Set<String> types = new java.util.TreeSet<>();
        for (RecoveryPoint p : v.points()) {
            if (p.resourceType() != null && Copies.unexpired(p, x.at()) && ProtectedResources.restoreTestingSupported(p.resourceType())) {
                types.add(p.resourceType());
            }
        }
        return types;
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        Set<String> types = testableTypes(x, v);
        Set<String> unsupported = new java.util.TreeSet<>();
        for (RecoveryPoint p : v.points()) {
            if (p.resourceType() != null && !ProtectedResources.restoreTestingSupported(p.resourceType())) {
                unsupported.add(p.resourceType());
            }
        }
        List<String> plans = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (TestPlanRef t : x.restoreTestingPlans()) {
            if (!t.where().region().equals(v.region()) || !covers(t, v)) {
                continue;
            }
            plans.add(t.plan().restoreTestingPlanName() + (t.where().accountId().equals(v.accountId()) ? "" : " (" + t.where().accountId() + ")"));
            if (t.plan().selections() != null) {
                for (RestoreTestingSelection s : t.plan().selections()) {
                    if (s.protectedResourceType() != null) {
                        covered.add(s.protectedResourceType());
                    }
                }
            }
        }
        plans.sort(null);
        List<String> untested = types.stream().filter(type -> covered.stream().noneMatch(type::equalsIgnoreCase)).toList();
        String summary = plans.isEmpty() ? "No restore testing plan selects this vault (" + String.join(", ", types) + " recovery points)"
                : untested.isEmpty() ? "Selected by " + String.join(", ", plans) + " for every resource type (" + String.join(", ", types) + ")"
                : "Resource types not covered by any selection: " + String.join(", ", untested);
        if (!unsupported.isEmpty()) {
            summary += "; not judged, restore testing does not support them: " + String.join(", ", unsupported);
        }
        Evidence e = Evidence.at(x.at(), summary).field("BackupVault.VaultType", v.vault().vaultType()).field("ResourceTypes", types)
                .field("SelectingPlans", plans).field("CoveredTypes", covered).field("TypesRestoreTestingDoesNotSupport", unsupported).build();
        if (!plans.isEmpty() && untested.isEmpty()) {
            return pass(v.scope(), e);
        }
        List<String> missing = untested.isEmpty() ? List.copyOf(types) : untested;
        String type = missing.get(0);
        return fail(v.scope(), e, new Remediation(
                "Include the vault in a restore testing plan's IncludeVaults and add a selection for each resource type it holds (" + String.join(", ", missing) + ").",
                "aws backup create-restore-testing-selection --region " + sh(v.region()) + " --restore-testing-plan-name <PLAN> --restore-testing-selection "
                        + sh("{\"RestoreTestingSelectionName\":" + json(type.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_all")
                        + ",\"ProtectedResourceType\":" + json(type) + ",\"IamRoleArn\":"
                        + json("arn:aws:iam::" + v.accountId() + ":role/service-role/AWSBackupDefaultServiceRole") + ",\"ProtectedResourceArns\":[\"*\"]}"),
                "CloudFormation",
                "RestoreTestingSelection:\n  Type: AWS::Backup::RestoreTestingSelection\n  Properties:\n    RestoreTestingPlanName: <PLAN>\n    RestoreTestingSelectionName: all_" + type.replaceAll("[^A-Za-z0-9_]", "_")
                        + "\n    ProtectedResourceType: " + yaml(type) + "\n    IamRoleArn: " + yaml("arn:aws:iam::" + v.accountId() + ":role/service-role/AWSBackupDefaultServiceRole")
                        + "\n    ProtectedResourceArns: ['*']"));
    }

    /** A plan of the vault's account that includes it, or (air-gapped vaults, shared through AWS RAM) a plan of another account that names its ARN. */
    private static boolean covers(TestPlanRef t, VaultRef v) {
        if (t.where().accountId().equals(v.accountId())) {
            return includes(t.plan().recoveryPointSelection(), v);
        }
        RestoreTestingPointSelection sel = t.plan().recoveryPointSelection();
        return v.isAirGapped() && sel != null && sel.includeVaults() != null
                && sel.includeVaults().stream().anyMatch(p -> p != null && p.startsWith("arn:") && p.contains(":" + v.accountId() + ":") && Wildcards.matches(p, v.arn(), false))
                && (sel.excludeVaults() == null || sel.excludeVaults().stream().noneMatch(p -> Wildcards.matches(p, v.arn(), false)));
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
