package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.BackupPlan;
import dev.redoubt.estate.BackupSelection;
import dev.redoubt.estate.CopyJob;
import dev.redoubt.estate.Framework;
import dev.redoubt.estate.LegalHold;
import dev.redoubt.estate.ProtectedResource;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.ReportPlan;
import dev.redoubt.estate.RestoreTestingPlan;
import dev.redoubt.estate.RestoreTestingSelection;
import dev.redoubt.sandbox.World.Cell;
import dev.redoubt.sandbox.World.RestoreAccessEntry;
import dev.redoubt.sandbox.World.VaultEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.DescribeFrameworkRequest;
import software.amazon.awssdk.services.backup.model.DescribeGlobalSettingsRequest;
import software.amazon.awssdk.services.backup.model.DescribeProtectedResourceRequest;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointRequest;
import software.amazon.awssdk.services.backup.model.DescribeReportPlanRequest;
import software.amazon.awssdk.services.backup.model.DescribeRestoreJobRequest;
import software.amazon.awssdk.services.backup.model.GetBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.GetBackupVaultAccessPolicyRequest;
import software.amazon.awssdk.services.backup.model.GetBackupVaultNotificationsRequest;
import software.amazon.awssdk.services.backup.model.GetLegalHoldRequest;
import software.amazon.awssdk.services.backup.model.GetRecoveryPointRestoreMetadataRequest;
import software.amazon.awssdk.services.backup.model.GetRestoreTestingInferredMetadataRequest;
import software.amazon.awssdk.services.backup.model.GetRestoreTestingPlanRequest;
import software.amazon.awssdk.services.backup.model.GetRestoreTestingSelectionRequest;
import software.amazon.awssdk.services.backup.model.ListBackupPlansRequest;
import software.amazon.awssdk.services.backup.model.ListBackupSelectionsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsRequest;
import software.amazon.awssdk.services.backup.model.ListCopyJobsRequest;
import software.amazon.awssdk.services.backup.model.ListFrameworksRequest;
import software.amazon.awssdk.services.backup.model.ListLegalHoldsRequest;
import software.amazon.awssdk.services.backup.model.ListProtectedResourcesRequest;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.ListReportPlansRequest;
import software.amazon.awssdk.services.backup.model.ListRestoreAccessBackupVaultsRequest;
import software.amazon.awssdk.services.backup.model.ListRestoreJobsRequest;
import software.amazon.awssdk.services.backup.model.ListRestoreTestingPlansRequest;
import software.amazon.awssdk.services.backup.model.ListRestoreTestingSelectionsRequest;
import software.amazon.awssdk.services.backup.model.ListTagsRequest;

/** AWS Backup's read operations, answered from the caller's account and region of the served estate. */
final class BackupApi {
    static final String SERVICE = "backup";
    static final int MAX = 1000;
    static final String RESTORE_ACCESS = "RESTORE_ACCESS_BACKUP_VAULT";
    static final String AIR_GAPPED = "LOGICALLY_AIR_GAPPED_BACKUP_VAULT";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BackupApi() {
    }

    static AwsError notFound(String message) {
        return AwsError.service("ResourceNotFoundException", 400, message);
    }

    static AwsError invalidParameter(String message) {
        return AwsError.service("InvalidParameterValueException", 400, message);
    }

    static AwsError invalidRequest(String message) {
        return AwsError.service("InvalidRequestException", 400, message);
    }

    static Supplier<AwsError> badToken() {
        return () -> invalidParameter("The specified NextToken is not valid.");
    }

    static void register(Handlers h) {
        h.read(SERVICE, "ListBackupVaults", ListBackupVaultsRequest.class, BackupApi::listBackupVaults);
        h.read(SERVICE, "DescribeBackupVault", DescribeBackupVaultRequest.class,
                (c, r) -> vaultView(c.world(), vault(c, r.backupVaultName(), r.backupVaultAccountId())));
        h.read(SERVICE, "GetBackupVaultAccessPolicy", GetBackupVaultAccessPolicyRequest.class, BackupApi::accessPolicy);
        h.read(SERVICE, "GetBackupVaultNotifications", GetBackupVaultNotificationsRequest.class, BackupApi::notifications);
        h.read(SERVICE, "ListRecoveryPointsByBackupVault", ListRecoveryPointsByBackupVaultRequest.class, BackupApi::listRecoveryPoints);
        h.read(SERVICE, "DescribeRecoveryPoint", DescribeRecoveryPointRequest.class, BackupApi::describeRecoveryPoint);
        h.read(SERVICE, "GetRecoveryPointRestoreMetadata", GetRecoveryPointRestoreMetadataRequest.class, BackupApi::restoreMetadata);
        h.read(SERVICE, "GetRestoreTestingInferredMetadata", GetRestoreTestingInferredMetadataRequest.class, BackupApi::inferredMetadata);
        h.read(SERVICE, "ListBackupPlans", ListBackupPlansRequest.class, BackupApi::listBackupPlans);
        h.read(SERVICE, "GetBackupPlan", GetBackupPlanRequest.class, BackupApi::getBackupPlan);
        h.read(SERVICE, "ListBackupSelections", ListBackupSelectionsRequest.class, BackupApi::listBackupSelections);
        h.read(SERVICE, "GetBackupSelection", GetBackupSelectionRequest.class, BackupApi::getBackupSelection);
        h.read(SERVICE, "ListProtectedResources", ListProtectedResourcesRequest.class,
                (c, r) -> list(c, cellList(c, cell -> cell.protectedResources), Page.size(r.maxResults(), MAX, MAX, "maxResults"),
                        r.nextToken(), "ListProtectedResources", "Results", p -> c.world().json(p)));
        h.read(SERVICE, "DescribeProtectedResource", DescribeProtectedResourceRequest.class, BackupApi::describeProtectedResource);
        h.read(SERVICE, "ListRestoreTestingPlans", ListRestoreTestingPlansRequest.class,
                (c, r) -> list(c, cellList(c, cell -> cell.restoreTestingPlans), Page.size(r.maxResults(), MAX, MAX, "maxResults"),
                        r.nextToken(), "ListRestoreTestingPlans", "RestoreTestingPlans", p -> c.world().json(p)));
        h.read(SERVICE, "GetRestoreTestingPlan", GetRestoreTestingPlanRequest.class, BackupApi::getRestoreTestingPlan);
        h.read(SERVICE, "ListRestoreTestingSelections", ListRestoreTestingSelectionsRequest.class, BackupApi::listRestoreTestingSelections);
        h.read(SERVICE, "GetRestoreTestingSelection", GetRestoreTestingSelectionRequest.class, BackupApi::getRestoreTestingSelection);
        h.read(SERVICE, "ListRestoreJobs", ListRestoreJobsRequest.class, BackupApi::listRestoreJobs);
        h.read(SERVICE, "DescribeRestoreJob", DescribeRestoreJobRequest.class,
                (c, r) -> restoreJob(c, r.restoreJobId()).view(c.estateNow()));
        h.read(SERVICE, "ListCopyJobs", ListCopyJobsRequest.class, BackupApi::listCopyJobs);
        h.read(SERVICE, "ListLegalHolds", ListLegalHoldsRequest.class,
                (c, r) -> list(c, cellList(c, cell -> cell.legalHolds), Page.size(r.maxResults(), MAX, MAX, "maxResults"),
                        r.nextToken(), "ListLegalHolds", "LegalHolds", p -> c.world().json(p)));
        h.read(SERVICE, "GetLegalHold", GetLegalHoldRequest.class, BackupApi::getLegalHold);
        h.read(SERVICE, "ListFrameworks", ListFrameworksRequest.class,
                (c, r) -> list(c, cellList(c, cell -> cell.frameworks), Page.size(r.maxResults(), MAX, MAX, "maxResults"),
                        r.nextToken(), "ListFrameworks", "Frameworks", f -> frameworkSummary(c, f)));
        h.read(SERVICE, "DescribeFramework", DescribeFrameworkRequest.class, BackupApi::describeFramework);
        h.read(SERVICE, "ListReportPlans", ListReportPlansRequest.class,
                (c, r) -> list(c, cellList(c, cell -> cell.reportPlans), Page.size(r.maxResults(), MAX, MAX, "maxResults"),
                        r.nextToken(), "ListReportPlans", "ReportPlans", p -> c.world().json(p)));
        h.read(SERVICE, "DescribeReportPlan", DescribeReportPlanRequest.class, BackupApi::describeReportPlan);
        h.read(SERVICE, "DescribeGlobalSettings", DescribeGlobalSettingsRequest.class, BackupApi::globalSettings);
        h.read(SERVICE, "ListRestoreAccessBackupVaults", ListRestoreAccessBackupVaultsRequest.class, BackupApi::listRestoreAccessVaults);
        h.read(SERVICE, "ListTags", ListTagsRequest.class, BackupApi::listTags);
        BackupWrites.register(h);
    }

    // ---------------------------------------------------------------- helpers

    static <T> List<T> cellList(Call c, Function<Cell, List<T>> f) {
        Cell cell = c.cell();
        return cell == null ? List.of() : f.apply(cell);
    }

    static <T> ObjectNode list(Call c, List<T> all, int size, String token, String scope, String member, Function<T, JsonNode> map) {
        Page.Slice<T> slice = Page.of(all, size, token, scope + "/" + c.account() + "/" + c.region(), badToken());
        ObjectNode out = JSON.objectNode();
        ArrayNode items = out.putArray(member);
        for (T t : slice.items()) {
            items.add(map.apply(t));
        }
        if (slice.nextToken() != null) {
            out.put("NextToken", slice.nextToken());
        }
        return out;
    }

    /** A vault the caller may read: its own, or an air-gapped vault of another account named by BackupVaultAccountId. */
    static VaultEntry vault(Call c, String name, String accountId) {
        String account = accountId == null || accountId.isEmpty() ? c.account() : accountId;
        Cell cell = c.world().cell(account, c.region());
        VaultEntry v = cell == null ? null : cell.vaults.get(name);
        if (!account.equals(c.account())) {
            if (v == null || !AIR_GAPPED.equals(v.vaultType())) {
                throw AwsError.accessDenied("User: " + c.principal().arn() + " is not authorized to perform: backup:"
                        + "DescribeBackupVault on resource: arn:aws:backup:" + c.region() + ":" + account + ":backup-vault:" + name);
            }
        }
        if (v == null || BackupWrites.gone(c.world(), v)) {
            throw notFound("Backup vault " + Wire.printable(name) + " does not exist in account " + account + " in region " + c.region() + ".");
        }
        return v;
    }

    /** The state of a restore-access vault opened in the sandbox, from its approval session; null for other vaults. */
    static String openedVaultState(World world, VaultEntry v) {
        if (v.creationSession == null) {
            return null;
        }
        ApprovalTeam team = world.team(v.creationSession.teamArn());
        return switch (v.creationSession.status(world.estateNow(), team)) {
            case "APPROVED" -> "AVAILABLE";
            case "PENDING", "CREATING" -> "CREATING";
            default -> "FAILED";
        };
    }

    static boolean available(World world, VaultEntry v) {
        String opened = openedVaultState(world, v);
        return opened != null ? opened.equals("AVAILABLE") : "AVAILABLE".equals(v.json.path("VaultState").asText("AVAILABLE"));
    }

    /**
     * The recovery points a vault lists: its own, or, for an available restore-access vault whose own the
     * estate does not give (one opened in the sandbox), its source's.
     */
    static List<RecoveryPoint> points(World world, VaultEntry v) {
        if (!v.inheritsSourcePoints || !RESTORE_ACCESS.equals(v.vaultType())) {
            return v.points;
        }
        String source = v.sourceVaultArn != null ? v.sourceVaultArn : v.json.path("SourceBackupVaultArn").asText(null);
        VaultEntry src = source == null ? null : world.vaultByArn(source);
        return src == null || !available(world, v) ? List.of() : src.points;
    }

    static RecoveryPoint point(World world, VaultEntry v, String arn) {
        RecoveryPoint p = v.pointsByArn.get(arn);
        if (p == null && v.inheritsSourcePoints && RESTORE_ACCESS.equals(v.vaultType())) {
            String source = v.sourceVaultArn != null ? v.sourceVaultArn : v.json.path("SourceBackupVaultArn").asText(null);
            VaultEntry src = source == null ? null : world.vaultByArn(source);
            if (src != null && available(world, v)) {
                p = src.pointsByArn.get(arn);
            }
        }
        return p;
    }

    static ObjectNode pointView(World world, VaultEntry v, RecoveryPoint p) {
        ObjectNode out = world.json(p);
        if (!Objects.equals(p.backupVaultArn(), v.arn()) && p.backupVaultArn() != null) {
            out.put("SourceBackupVaultArn", p.backupVaultArn());
            out.put("BackupVaultName", v.name());
            out.put("BackupVaultArn", v.arn());
            out.put("VaultType", v.vaultType());
        }
        return out;
    }

    /** A point of a listing: {@link #pointView}'s JSON, left to be written straight from the record when it is the vault's own. */
    private static JsonNode listedPoint(World world, VaultEntry v, RecoveryPoint p) {
        if (Objects.equals(p.backupVaultArn(), v.arn()) || p.backupVaultArn() == null) {
            return RecordWire.node(p, world.mapper());
        }
        return pointView(world, v, p);
    }

    static ObjectNode vaultView(World world, VaultEntry v) {
        ObjectNode out = v.json.deepCopy();
        String opened = openedVaultState(world, v);
        if (opened != null) {
            out.put("VaultState", opened);
            out.put("NumberOfRecoveryPoints", opened.equals("AVAILABLE") ? points(world, v).size() : 0);
        } else if (RESTORE_ACCESS.equals(v.vaultType()) && v.inheritsSourcePoints) {
            out.put("NumberOfRecoveryPoints", out.path("NumberOfRecoveryPoints").asLong(points(world, v).size()));
        } else {
            out.put("NumberOfRecoveryPoints", v.numberOfRecoveryPoints());
        }
        return out;
    }

    // ---------------------------------------------------------------- vaults

    private static JsonNode listBackupVaults(Call c, ListBackupVaultsRequest r) {
        int size = Page.size(r.maxResults(), MAX, MAX, "maxResults");
        List<VaultEntry> vaults = new ArrayList<>();
        if (!Boolean.TRUE.equals(r.byShared())) {
            Cell cell = c.cell();
            if (cell != null) {
                for (VaultEntry v : cell.vaults.values()) {
                    if (BackupWrites.gone(c.world(), v)) {
                        continue;
                    }
                    if (r.byVaultTypeAsString() == null || r.byVaultTypeAsString().equals(v.vaultType())) {
                        vaults.add(v);
                    }
                }
            }
        }
        return list(c, vaults, size, r.nextToken(), "ListBackupVaults/" + r.byVaultTypeAsString() + "/" + r.byShared(),
                "BackupVaultList", v -> vaultView(c.world(), v));
    }

    private static JsonNode accessPolicy(Call c, GetBackupVaultAccessPolicyRequest r) {
        VaultEntry v = vault(c, r.backupVaultName(), null);
        if (v.accessPolicy == null || v.accessPolicy.isNull()) {
            throw notFound("Backup vault " + Wire.printable(r.backupVaultName()) + " has no access policy.");
        }
        ObjectNode out = JSON.objectNode();
        out.put("BackupVaultName", v.name());
        out.put("BackupVaultArn", v.arn());
        out.set("Policy", v.accessPolicy);
        return out;
    }

    private static JsonNode notifications(Call c, GetBackupVaultNotificationsRequest r) {
        VaultEntry v = vault(c, r.backupVaultName(), null);
        if (v.notifications == null || v.notifications.isNull()) {
            throw notFound("Backup vault " + Wire.printable(r.backupVaultName()) + " has no notification configuration.");
        }
        ObjectNode out = ((ObjectNode) v.notifications).deepCopy();
        out.put("BackupVaultName", v.name());
        out.put("BackupVaultArn", v.arn());
        return out;
    }

    private static JsonNode listRestoreAccessVaults(Call c, ListRestoreAccessBackupVaultsRequest r) {
        VaultEntry v = vault(c, r.backupVaultName(), null);
        List<RestoreAccessEntry> live = new ArrayList<>();
        for (RestoreAccessEntry e : v.restoreAccess) {
            if (!BackupWrites.revoked(c.world(), e)) {
                live.add(e);
            }
        }
        return list(c, live, Page.size(r.maxResults(), MAX, MAX, "maxResults"), r.nextToken(),
                "ListRestoreAccessBackupVaults/" + v.name(), "RestoreAccessBackupVaults", e -> BackupWrites.restoreAccessView(c.world(), e));
    }

    // ---------------------------------------------------------------- recovery points

    private static JsonNode listRecoveryPoints(Call c, ListRecoveryPointsByBackupVaultRequest r) {
        World w = c.world();
        VaultEntry v = vault(c, r.backupVaultName(), r.backupVaultAccountId());
        int size = Page.size(r.maxResults(), MAX, MAX, "maxResults");
        Instant before = w.toEstate(r.byCreatedBefore());
        Instant after = w.toEstate(r.byCreatedAfter());
        Predicate<RecoveryPoint> filter = p -> (r.byResourceArn() == null || r.byResourceArn().equals(p.resourceArn()))
                && (r.byResourceType() == null || r.byResourceType().equals(p.resourceType()))
                && (r.byBackupPlanId() == null || (p.createdBy() != null && r.byBackupPlanId().equals(p.createdBy().backupPlanId())))
                && (before == null || (p.creationDate() != null && p.creationDate().isBefore(before)))
                && (after == null || (p.creationDate() != null && p.creationDate().isAfter(after)))
                && (r.byParentRecoveryPointArn() == null || r.byParentRecoveryPointArn().equals(p.parentRecoveryPointArn()));
        boolean filtered = r.byResourceArn() != null || r.byResourceType() != null || r.byBackupPlanId() != null || before != null
                || after != null || r.byParentRecoveryPointArn() != null;
        String scope = "ListRecoveryPointsByBackupVault/" + v.arn() + "/" + r.byResourceArn() + "/" + r.byResourceType() + "/"
                + r.byBackupPlanId() + "/" + before + "/" + after + "/" + r.byParentRecoveryPointArn();
        List<RecoveryPoint> all = points(w, v);
        Page.Slice<JsonNode> slice = filtered
                ? Page.filtered(all, filter, p -> listedPoint(w, v, p), size, r.nextToken(), scope, badToken())
                : map(Page.of(all, size, r.nextToken(), scope, badToken()), p -> listedPoint(w, v, p));
        ObjectNode out = JSON.objectNode();
        ArrayNode items = out.putArray("RecoveryPoints");
        slice.items().forEach(items::add);
        if (slice.nextToken() != null) {
            out.put("NextToken", slice.nextToken());
        }
        return out;
    }

    private static <T, R> Page.Slice<R> map(Page.Slice<T> s, Function<T, R> f) {
        List<R> out = new ArrayList<>(s.items().size());
        for (T t : s.items()) {
            out.add(f.apply(t));
        }
        return new Page.Slice<>(out, s.nextToken());
    }

    static RecoveryPoint pointOrThrow(Call c, VaultEntry v, String arn) {
        RecoveryPoint p = point(c.world(), v, arn);
        if (p == null) {
            throw notFound("Recovery point " + Wire.printable(arn) + " does not exist in backup vault " + Wire.printable(v.name()) + ".");
        }
        return p;
    }

    private static JsonNode describeRecoveryPoint(Call c, DescribeRecoveryPointRequest r) {
        VaultEntry v = vault(c, r.backupVaultName(), r.backupVaultAccountId());
        ObjectNode out = pointView(c.world(), v, pointOrThrow(c, v, r.recoveryPointArn()));
        if (!out.has("VaultType")) {
            out.put("VaultType", v.vaultType());
        }
        return out;
    }

    private static JsonNode restoreMetadata(Call c, GetRecoveryPointRestoreMetadataRequest r) {
        VaultEntry v = vault(c, r.backupVaultName(), r.backupVaultAccountId());
        RecoveryPoint p = pointOrThrow(c, v, r.recoveryPointArn());
        ObjectNode out = JSON.objectNode();
        out.put("BackupVaultArn", v.arn());
        out.put("RecoveryPointArn", p.recoveryPointArn());
        out.put("ResourceType", p.resourceType());
        out.set("RestoreMetadata", RestoreMetadata.of(p, c.world()));
        return out;
    }

    private static JsonNode inferredMetadata(Call c, GetRestoreTestingInferredMetadataRequest r) {
        VaultEntry v = vault(c, r.backupVaultName(), r.backupVaultAccountId());
        RecoveryPoint p = pointOrThrow(c, v, r.recoveryPointArn());
        ObjectNode out = JSON.objectNode();
        out.set("InferredMetadata", RestoreMetadata.inferred(p));
        return out;
    }

    // ---------------------------------------------------------------- plans

    private static BackupPlan plan(Call c, String id) {
        for (BackupPlan p : cellList(c, cell -> cell.plans)) {
            if (Objects.equals(p.backupPlanId(), id)) {
                return p;
            }
        }
        throw notFound("Backup plan " + Wire.printable(String.valueOf(id)) + " does not exist.");
    }

    private static JsonNode listBackupPlans(Call c, ListBackupPlansRequest r) {
        List<BackupPlan> plans = new ArrayList<>();
        for (BackupPlan p : cellList(c, cell -> cell.plans)) {
            if (p.deletionDate() == null || Boolean.TRUE.equals(r.includeDeleted())) {
                plans.add(p);
            }
        }
        return list(c, plans, Page.size(r.maxResults(), MAX, MAX, "maxResults"), r.nextToken(), "ListBackupPlans/" + r.includeDeleted(),
                "BackupPlansList", p -> {
                    ObjectNode o = c.world().json(p);
                    if (p.backupPlan() != null && p.backupPlan().backupPlanName() != null) {
                        o.put("BackupPlanName", p.backupPlan().backupPlanName());
                    }
                    return o;
                });
    }

    private static JsonNode getBackupPlan(Call c, GetBackupPlanRequest r) {
        BackupPlan p = plan(c, r.backupPlanId());
        if (r.versionId() != null && !r.versionId().equals(p.versionId())) {
            throw notFound("Backup plan " + Wire.printable(r.backupPlanId()) + " has no version " + Wire.printable(r.versionId()) + ".");
        }
        ObjectNode out = c.world().json(p);
        out.remove("Selections");
        out.remove("Tags");
        return out;
    }

    private static JsonNode listBackupSelections(Call c, ListBackupSelectionsRequest r) {
        BackupPlan p = plan(c, r.backupPlanId());
        return list(c, World.nonNull(p.selections()), Page.size(r.maxResults(), MAX, MAX, "maxResults"), r.nextToken(),
                "ListBackupSelections/" + p.backupPlanId(), "BackupSelectionsList", s -> {
                    ObjectNode o = c.world().json(s);
                    if (s.backupSelection() != null) {
                        JsonNode doc = o.get("BackupSelection");
                        o.set("SelectionName", doc.get("SelectionName"));
                        o.set("IamRoleArn", doc.get("IamRoleArn"));
                    }
                    o.remove("BackupSelection");
                    return o;
                });
    }

    private static JsonNode getBackupSelection(Call c, GetBackupSelectionRequest r) {
        BackupPlan p = plan(c, r.backupPlanId());
        for (BackupSelection s : World.nonNull(p.selections())) {
            if (Objects.equals(s.selectionId(), r.selectionId())) {
                return c.world().json(s);
            }
        }
        throw notFound("Backup selection " + Wire.printable(r.selectionId()) + " does not exist in plan " + Wire.printable(r.backupPlanId()) + ".");
    }

    private static JsonNode describeProtectedResource(Call c, DescribeProtectedResourceRequest r) {
        for (ProtectedResource p : cellList(c, cell -> cell.protectedResources)) {
            if (Objects.equals(p.resourceArn(), r.resourceArn())) {
                return c.world().json(p);
            }
        }
        throw notFound("Resource " + Wire.printable(r.resourceArn()) + " is not protected by AWS Backup.");
    }

    // ---------------------------------------------------------------- restore testing

    private static RestoreTestingPlan restoreTestingPlan(Call c, String name) {
        for (RestoreTestingPlan p : cellList(c, cell -> cell.restoreTestingPlans)) {
            if (Objects.equals(p.restoreTestingPlanName(), name)) {
                return p;
            }
        }
        throw notFound("Restore testing plan " + Wire.printable(String.valueOf(name)) + " does not exist.");
    }

    private static JsonNode getRestoreTestingPlan(Call c, GetRestoreTestingPlanRequest r) {
        ObjectNode plan = c.world().json(restoreTestingPlan(c, r.restoreTestingPlanName()));
        plan.remove("Selections");
        plan.remove("Tags");
        ObjectNode out = JSON.objectNode();
        out.set("RestoreTestingPlan", plan);
        return out;
    }

    private static JsonNode listRestoreTestingSelections(Call c, ListRestoreTestingSelectionsRequest r) {
        RestoreTestingPlan p = restoreTestingPlan(c, r.restoreTestingPlanName());
        return list(c, World.nonNull(p.selections()), Page.size(r.maxResults(), MAX, MAX, "maxResults"), r.nextToken(),
                "ListRestoreTestingSelections/" + p.restoreTestingPlanName(), "RestoreTestingSelections", s -> c.world().json(s));
    }

    private static JsonNode getRestoreTestingSelection(Call c, GetRestoreTestingSelectionRequest r) {
        RestoreTestingPlan p = restoreTestingPlan(c, r.restoreTestingPlanName());
        for (RestoreTestingSelection s : World.nonNull(p.selections())) {
            if (Objects.equals(s.restoreTestingSelectionName(), r.restoreTestingSelectionName())) {
                ObjectNode out = JSON.objectNode();
                out.set("RestoreTestingSelection", c.world().json(s));
                return out;
            }
        }
        throw notFound("Restore testing selection " + Wire.printable(r.restoreTestingSelectionName()) + " does not exist.");
    }

    // ---------------------------------------------------------------- jobs

    static RestoreJobEntry restoreJob(Call c, String id) {
        for (RestoreJobEntry j : cellList(c, cell -> cell.restoreJobs)) {
            if (j.id().equals(id)) {
                return j;
            }
        }
        throw notFound("Restore job " + Wire.printable(String.valueOf(id)) + " does not exist.");
    }

    private static JsonNode listRestoreJobs(Call c, ListRestoreJobsRequest r) {
        World w = c.world();
        Instant now = c.estateNow();
        List<ObjectNode> jobs = new ArrayList<>();
        for (RestoreJobEntry j : cellList(c, cell -> cell.restoreJobs)) {
            ObjectNode v = j.view(now);
            if (eq(r.byAccountId(), v, "AccountId") && eq(r.byResourceType(), v, "ResourceType") && eq(r.byStatusAsString(), v, "Status")
                    && eq(r.byParentJobId(), v, "ParentJobId")
                    && (r.byRestoreTestingPlanArn() == null || r.byRestoreTestingPlanArn().equals(v.path("CreatedBy").path("RestoreTestingPlanArn").asText(null)))
                    && within(v, "CreationDate", w.toEstate(r.byCreatedAfter()), w.toEstate(r.byCreatedBefore()))
                    && within(v, "CompletionDate", w.toEstate(r.byCompleteAfter()), w.toEstate(r.byCompleteBefore()))) {
                jobs.add(v);
            }
        }
        return list(c, jobs, Page.size(r.maxResults(), MAX, MAX, "maxResults"), r.nextToken(),
                "ListRestoreJobs/" + r.toBuilder().nextToken(null).maxResults(null).build(), "RestoreJobs", j -> j);
    }

    private static JsonNode listCopyJobs(Call c, ListCopyJobsRequest r) {
        World w = c.world();
        List<ObjectNode> jobs = new ArrayList<>();
        for (CopyJob j : cellList(c, cell -> cell.copyJobs)) {
            ObjectNode v = w.json(j);
            if (eq(r.byResourceArn(), v, "ResourceArn") && eq(r.byStateAsString(), v, "State") && eq(r.byResourceType(), v, "ResourceType")
                    && eq(r.byDestinationVaultArn(), v, "DestinationBackupVaultArn") && eq(r.byAccountId(), v, "AccountId")
                    && eq(r.byParentJobId(), v, "ParentJobId") && eq(r.byMessageCategory(), v, "MessageCategory")
                    && eq(r.bySourceRecoveryPointArn(), v, "SourceRecoveryPointArn")
                    && within(v, "CreationDate", w.toEstate(r.byCreatedAfter()), w.toEstate(r.byCreatedBefore()))
                    && within(v, "CompletionDate", w.toEstate(r.byCompleteAfter()), w.toEstate(r.byCompleteBefore()))) {
                jobs.add(v);
            }
        }
        return list(c, jobs, Page.size(r.maxResults(), MAX, MAX, "maxResults"), r.nextToken(), "ListCopyJobs/" + r.toBuilder().nextToken(null).maxResults(null).build(),
                "CopyJobs", j -> j);
    }

    private static boolean eq(String wanted, JsonNode item, String member) {
        return wanted == null || wanted.equals(item.path(member).asText(null));
    }

    private static boolean within(JsonNode item, String member, Instant after, Instant before) {
        if (after == null && before == null) {
            return true;
        }
        JsonNode t = item.get(member);
        if (t == null || t.isNull()) {
            return false;
        }
        Instant i = Instant.parse(t.asText());
        return (after == null || i.isAfter(after)) && (before == null || i.isBefore(before));
    }

    // ---------------------------------------------------------------- legal holds, audit, settings, tags

    private static JsonNode getLegalHold(Call c, GetLegalHoldRequest r) {
        for (LegalHold l : cellList(c, cell -> cell.legalHolds)) {
            if (Objects.equals(l.legalHoldId(), r.legalHoldId())) {
                return c.world().json(l);
            }
        }
        throw notFound("Legal hold " + Wire.printable(String.valueOf(r.legalHoldId())) + " does not exist.");
    }

    private static ObjectNode frameworkSummary(Call c, Framework f) {
        ObjectNode o = c.world().json(f);
        JsonNode controls = o.remove("FrameworkControls");
        o.put("NumberOfControls", controls != null && controls.isArray() ? controls.size() : 0);
        return o;
    }

    private static JsonNode describeFramework(Call c, DescribeFrameworkRequest r) {
        for (Framework f : cellList(c, cell -> cell.frameworks)) {
            if (Objects.equals(f.frameworkName(), r.frameworkName())) {
                return c.world().json(f);
            }
        }
        throw notFound("Framework " + Wire.printable(String.valueOf(r.frameworkName())) + " does not exist.");
    }

    private static JsonNode describeReportPlan(Call c, DescribeReportPlanRequest r) {
        for (ReportPlan p : cellList(c, cell -> cell.reportPlans)) {
            if (Objects.equals(p.reportPlanName(), r.reportPlanName())) {
                ObjectNode out = JSON.objectNode();
                out.set("ReportPlan", c.world().json(p));
                return out;
            }
        }
        throw notFound("Report plan " + Wire.printable(String.valueOf(r.reportPlanName())) + " does not exist.");
    }

    private static JsonNode globalSettings(Call c, DescribeGlobalSettingsRequest r) {
        Cell cell = c.cell();
        if (cell == null || cell.globalSettings == null) {
            throw invalidRequest("This action is only available to the management account of an organization in AWS Organizations.");
        }
        ObjectNode out = JSON.objectNode();
        out.set("GlobalSettings", c.world().mapper().valueToTree(cell.globalSettings));
        return out;
    }

    private static JsonNode listTags(Call c, ListTagsRequest r) {
        String arn = r.resourceArn();
        dev.redoubt.estate.Arn parsed = dev.redoubt.estate.Arn.parse(arn);
        if (parsed == null) {
            throw invalidParameter("Invalid ARN " + Wire.printable(String.valueOf(arn)));
        }
        if (!parsed.account().equals(c.account())) {
            throw AwsError.accessDenied("User: " + c.principal().arn() + " is not authorized to perform: backup:ListTags on resource: "
                    + Wire.printable(arn));
        }
        Map<String, String> tags = null;
        boolean found = false;
        Cell cell = c.cell();
        if (cell != null) {
            for (VaultEntry v : cell.vaults.values()) {
                if (arn.equals(v.arn())) {
                    found = true;
                    tags = v.tags;
                } else if (arn.startsWith("arn:aws:backup:") && v.pointsByArn.containsKey(arn)) {
                    found = true;
                    tags = v.pointsByArn.get(arn).tags();
                }
            }
            for (BackupPlan p : cell.plans) {
                if (arn.equals(p.backupPlanArn())) {
                    found = true;
                    tags = p.tags();
                }
            }
            for (RestoreTestingPlan p : cell.restoreTestingPlans) {
                if (arn.equals(p.restoreTestingPlanArn())) {
                    found = true;
                    tags = p.tags();
                }
            }
            for (Framework f : cell.frameworks) {
                found |= arn.equals(f.frameworkArn());
            }
            for (ReportPlan p : cell.reportPlans) {
                found |= arn.equals(p.reportPlanArn());
            }
            for (LegalHold l : cell.legalHolds) {
                found |= arn.equals(l.legalHoldArn());
            }
        }
        if (!found) {
            throw notFound("Resource " + Wire.printable(arn) + " does not exist.");
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(tags == null ? List.of() : tags.entrySet());
        Page.Slice<Map.Entry<String, String>> slice = Page.of(entries, Page.size(r.maxResults(), MAX, MAX, "maxResults"), r.nextToken(),
                "ListTags/" + arn, badToken());
        ObjectNode out = JSON.objectNode();
        ObjectNode t = out.putObject("Tags");
        slice.items().forEach(e -> t.put(e.getKey(), e.getValue()));
        if (slice.nextToken() != null) {
            out.put("NextToken", slice.nextToken());
        }
        return out;
    }
}
