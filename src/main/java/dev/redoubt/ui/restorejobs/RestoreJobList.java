package dev.redoubt.ui.restorejobs;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.RestoreJob;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The restore jobs of an estate as rows (pure, for the background): every job of every account and
 * region read (ListRestoreJobs), one row per job ID, in scope; filtered by text and sorted by a column.
 */
public final class RestoreJobList {
    private RestoreJobList() {
    }

    /** Every restore job in scope (a vault scope keeps the jobs that restored from that vault), newest first. */
    public static List<RestoreJobRow> rows(EstateCatalog catalog, BrowseScope scope) {
        if (catalog == null) {
            return List.of();
        }
        EstateIndex index = catalog.index();
        Map<String, String> planNames = new HashMap<>();
        for (EstateIndex.TestPlanRef t : index.restoreTestingPlans()) {
            if (t.plan().restoreTestingPlanArn() != null) {
                planNames.put(t.plan().restoreTestingPlanArn(), t.plan().restoreTestingPlanName());
            }
        }
        Map<String, String> resourceNames = new HashMap<>();
        for (EstateIndex.ResourceRef r : index.protectedResources()) {
            if (r.resource().resourceName() != null && !r.resource().resourceName().isBlank()) {
                resourceNames.put(r.resource().resourceArn(), r.resource().resourceName());
            }
        }
        int target = index.thresholds().maxRestoreMinutes();
        BrowseScope s = scope == null ? BrowseScope.ALL : scope;
        List<RestoreJobRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EstateIndex.RegionRef where : index.regions()) {
            List<RestoreJob> jobs = where.data().restoreJobs();
            if (jobs == null) {
                continue;
            }
            for (RestoreJob j : jobs) {
                if (j == null) {
                    continue;
                }
                String account = j.accountId() != null ? j.accountId() : where.accountId();
                if (!s.includes(account, where.region(), j.backupVaultArn() == null ? "" : j.backupVaultArn())) {
                    continue;
                }
                if (j.restoreJobId() != null && !seen.add(where.accountId() + "/" + where.region() + "/" + j.restoreJobId())) {
                    continue;
                }
                rows.add(row(catalog, where, j, planNames, resourceNames, target));
            }
        }
        rows.sort(RestoreJobColumn.CREATED.order(false));
        return List.copyOf(rows);
    }

    /** The job with this ID, in any account and region (null when the capture has none such). */
    public static RestoreJobRow find(EstateCatalog catalog, String jobId) {
        if (catalog == null || jobId == null) {
            return null;
        }
        for (RestoreJobRow r : rows(catalog, BrowseScope.ALL)) {
            if (jobId.equals(r.jobId())) {
                return r;
            }
        }
        return null;
    }

    /** The jobs a restore testing plan started, newest first. */
    public static List<RestoreJobRow> ofTestingPlan(EstateCatalog catalog, String testingPlanArn) {
        if (catalog == null || testingPlanArn == null) {
            return List.of();
        }
        List<RestoreJobRow> out = new ArrayList<>();
        for (RestoreJobRow r : rows(catalog, BrowseScope.ALL)) {
            if (testingPlanArn.equals(r.testingPlanArn())) {
                out.add(r);
            }
        }
        return out;
    }

    /** The rows whose text holds every word of {@code text} (any case), in the column's order. */
    public static List<RestoreJobRow> view(List<RestoreJobRow> rows, String text, RestoreJobColumn column, boolean ascending) {
        String[] words = words(text);
        List<RestoreJobRow> out = new ArrayList<>();
        for (RestoreJobRow r : rows) {
            if (matches(r.search(), words)) {
                out.add(r);
            }
        }
        out.sort((column == null ? RestoreJobColumn.CREATED : column).order(column == null ? false : ascending));
        return out;
    }

    static String[] words(String text) {
        return text == null || text.isBlank() ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    }

    static boolean matches(String search, String[] words) {
        for (String w : words) {
            if (!search.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static RestoreJobRow row(EstateCatalog catalog, EstateIndex.RegionRef where, RestoreJob j, Map<String, String> planNames,
                                     Map<String, String> resourceNames, int target) {
        String account = j.accountId() != null ? j.accountId() : where.accountId();
        String accountName = catalog.accountName(account);
        Long minutes = j.creationDate() != null && j.completionDate() != null && !j.completionDate().isBefore(j.creationDate())
                ? Duration.between(j.creationDate(), j.completionDate()).toMinutes() : null;
        String planArn = j.createdBy() == null ? null : j.createdBy().restoreTestingPlanArn();
        String planName = planArn == null ? null : planNames.getOrDefault(planArn, nameOf(planArn));
        String resourceName = j.sourceResourceArn() == null ? null : resourceNames.getOrDefault(j.sourceResourceArn(), lastPart(j.sourceResourceArn()));
        RestoreJobRow draft = new RestoreJobRow(j, j.restoreJobId(), account, accountName, where.region(), j.resourceType(), j.recoveryPointArn(),
                j.backupVaultArn(), j.sourceResourceArn(), resourceName, j.creationDate(), j.completionDate(), minutes, target, planArn, planName, "");
        String search = String.join("\n", nz(j.restoreJobId()), account, nz(accountName), where.region(), nz(j.resourceType()), draft.resourceTypeText(),
                nz(j.recoveryPointArn()), nz(j.sourceResourceArn()), nz(resourceName), nz(j.backupVaultArn()), nz(j.createdResourceArn()), draft.statusText(),
                draft.validationText(), draft.createdByText(), nz(planArn), nz(j.statusMessage())).toLowerCase(Locale.ROOT);
        return new RestoreJobRow(j, j.restoreJobId(), account, accountName, where.region(), j.resourceType(), j.recoveryPointArn(),
                j.backupVaultArn(), j.sourceResourceArn(), resourceName, j.creationDate(), j.completionDate(), minutes, target, planArn, planName, search);
    }

    /** "shop_weekly_restore_test-4f2c..." of arn:...:restore-testing-plan:shop_weekly_restore_test-4f2c... */
    public static String nameOf(String arn) {
        Arn a = Arn.parse(arn);
        String resource = a == null ? arn : a.resource();
        int colon = resource.indexOf(':');
        return colon >= 0 ? resource.substring(colon + 1) : resource;
    }

    /** The last part of an ARN ("shop-orders" of arn:aws:rds:...:db:shop-orders). */
    static String lastPart(String arn) {
        int cut = Math.max(arn.lastIndexOf(':'), arn.lastIndexOf('/'));
        return cut >= 0 && cut < arn.length() - 1 ? arn.substring(cut + 1) : arn;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
