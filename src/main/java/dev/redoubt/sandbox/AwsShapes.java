package dev.redoubt.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.BackupPlan;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.EstateJson;
import dev.redoubt.estate.EstateProblem;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.Region;
import dev.redoubt.estate.RestoreTestingPlan;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.backup.model.CopyJob;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DescribeFrameworkResponse;
import software.amazon.awssdk.services.backup.model.DescribeProtectedResourceResponse;
import software.amazon.awssdk.services.backup.model.DescribeRestoreJobResponse;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.GetLegalHoldResponse;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.ReportPlan;
import software.amazon.awssdk.services.backup.model.RestoreAccessBackupVaultListMember;
import software.amazon.awssdk.services.backup.model.RestoreTestingPlanForGet;
import software.amazon.awssdk.services.backup.model.RestoreTestingSelectionForGet;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.mpa.model.GetApprovalTeamResponse;
import software.amazon.awssdk.services.mpa.model.GetSessionResponse;
import software.amazon.awssdk.services.organizations.model.Organization;

/**
 * Checks an estate against AWS's own shapes, as the SDK's models spell them: the members the estate keeps as free
 * JSON (a framework's controls, a report plan's settings, a team's policies, members a newer API added) must have
 * the types AWS gives them, and their timestamps the estate's range, or the sandbox could not serve them. Typed
 * members were checked when the file was read; this finds what only AWS's models know.
 */
public final class AwsShapes {
    /**
     * The estate's mapper, leaving out of an object's JSON the collections inside it that are checked on their own (an
     * account's regions, a vault's recovery points): reading a vault's shape must not write its 100,000 recovery points.
     */
    private static final ObjectMapper MAPPER = new EstateFile().mapper()
            .addMixIn(Account.class, AccountOnly.class)
            .addMixIn(BackupVault.class, VaultOnly.class)
            .addMixIn(BackupPlan.class, PlanOnly.class)
            .addMixIn(RestoreTestingPlan.class, PlanOnly.class);

    @JsonIgnoreProperties({"Regions", "Roles", "ReadErrors"})
    private abstract static class AccountOnly {
    }

    @JsonIgnoreProperties({"RecoveryPoints", "RestoreAccessBackupVaults"})
    private abstract static class VaultOnly {
    }

    @JsonIgnoreProperties({"Selections"})
    private abstract static class PlanOnly {
    }

    private AwsShapes() {
    }

    /** The problems, each an error at the JSON path of the member that does not fit. */
    public static List<EstateProblem> check(Estate estate) {
        List<EstateProblem> out = new ArrayList<>();
        if (estate.organization() != null) {
            fit(out, "$.Organization", estate.organization(), Organization::builder);
        }
        List<Account> accounts = World.nonNull(estate.accounts());
        for (int ai = 0; ai < accounts.size(); ai++) {
            Account a = accounts.get(ai);
            String ap = "$.Accounts[" + ai + "]";
            if (a == null) {
                continue;
            }
            fit(out, ap, a, software.amazon.awssdk.services.organizations.model.Account::builder);
            if (a.regions() == null) {
                continue;
            }
            for (Map.Entry<String, Region> e : a.regions().entrySet()) {
                if (e.getValue() != null) {
                    region(out, ap + ".Regions." + e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }

    private static void region(List<EstateProblem> out, String rp, Region r) {
        List<BackupVault> vaults = World.nonNull(r.backupVaults());
        for (int i = 0; i < vaults.size(); i++) {
            BackupVault v = vaults.get(i);
            String vp = rp + ".BackupVaults[" + i + "]";
            fit(out, vp, v, DescribeBackupVaultResponse::builder);
            List<RecoveryPoint> points = World.nonNull(v.recoveryPoints());
            for (int j = 0; j < points.size(); j++) {
                RecoveryPoint p = points.get(j);
                // Typed members were checked on reading; only free JSON can miss AWS's shape (and there are many points).
                if (p.aggregatedScanResult() != null || p.unknown() != null) {
                    fit(out, vp + ".RecoveryPoints[" + j + "]", p, RecoveryPointByBackupVault::builder);
                }
            }
            all(out, vp + ".RestoreAccessBackupVaults", v.restoreAccessBackupVaults(), RestoreAccessBackupVaultListMember::builder);
        }
        List<KmsKey> keys = World.nonNull(r.kmsKeys());
        for (int i = 0; i < keys.size(); i++) {
            KmsKey k = keys.get(i);
            String kp = rp + ".KmsKeys[" + i + "]";
            if (k.keyMetadata() != null) {
                fit(out, kp + ".KeyMetadata", k.keyMetadata(), KeyMetadata::builder);
            }
            all(out, kp + ".Aliases", k.aliases(), AliasListEntry::builder);
            all(out, kp + ".Grants", k.grants(), GrantListEntry::builder);
        }
        List<BackupPlan> plans = World.nonNull(r.backupPlans());
        for (int i = 0; i < plans.size(); i++) {
            String pp = rp + ".BackupPlans[" + i + "]";
            fit(out, pp, plans.get(i), GetBackupPlanResponse::builder);
            all(out, pp + ".Selections", plans.get(i).selections(), GetBackupSelectionResponse::builder);
        }
        all(out, rp + ".ProtectedResources", r.protectedResources(), DescribeProtectedResourceResponse::builder);
        List<RestoreTestingPlan> tests = World.nonNull(r.restoreTestingPlans());
        for (int i = 0; i < tests.size(); i++) {
            String tp = rp + ".RestoreTestingPlans[" + i + "]";
            fit(out, tp, tests.get(i), RestoreTestingPlanForGet::builder);
            all(out, tp + ".Selections", tests.get(i).selections(), RestoreTestingSelectionForGet::builder);
        }
        all(out, rp + ".RestoreJobs", r.restoreJobs(), DescribeRestoreJobResponse::builder);
        all(out, rp + ".CopyJobs", r.copyJobs(), CopyJob::builder);
        all(out, rp + ".LegalHolds", r.legalHolds(), GetLegalHoldResponse::builder);
        all(out, rp + ".Frameworks", r.frameworks(), DescribeFrameworkResponse::builder);
        all(out, rp + ".ReportPlans", r.reportPlans(), ReportPlan::builder);
        all(out, rp + ".MpaApprovalTeams", r.mpaApprovalTeams(), GetApprovalTeamResponse::builder);
        all(out, rp + ".MpaSessions", r.mpaSessions(), GetSessionResponse::builder);
    }

    private static void all(List<EstateProblem> out, String listPath, List<?> list, Supplier<? extends SdkPojo> shape) {
        List<?> items = World.nonNull(list);
        for (int i = 0; i < items.size(); i++) {
            fit(out, listPath + "[" + i + "]", items.get(i), shape);
        }
    }

    /** Reads the object's JSON into its AWS shape, as serving it would; what does not fit is an error at its path. */
    private static void fit(List<EstateProblem> out, String path, Object record, Supplier<? extends SdkPojo> shape) {
        if (record == null) {
            return;
        }
        JsonNode json = MAPPER.valueToTree(record);
        try {
            ShapeWalker.toSdk(shape.get(), json, AwsShapes::inRange);
        } catch (ShapeWalker.ShapeException e) {
            String where = e.path() == null || e.path().isEmpty() ? path : path + "." + e.path();
            out.add(new EstateProblem(EstateProblem.Severity.ERROR, where, e.getMessage() + " (AWS's shape of this member)"));
        }
    }

    private static Instant inRange(Instant t) {
        if (!EstateJson.inRange(t)) {
            throw new DateTimeException(t + " " + "is outside the timestamps an estate may hold (" + EstateJson.RANGE + ")");
        }
        return t;
    }
}
