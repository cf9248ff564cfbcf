package dev.redoubt.ui.restoretests;

import dev.redoubt.estate.RestoreTestingPlan;
import dev.redoubt.estate.RestoreTestingPointSelection;
import dev.redoubt.estate.RestoreTestingSelection;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.ScheduleWords;
import dev.redoubt.findings.Wildcards;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.plans.ConditionWords;
import dev.redoubt.ui.restorejobs.RestoreJobList;
import dev.redoubt.ui.restorejobs.RestoreJobRow;
import dev.redoubt.ui.restorejobs.RestoreJobWords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The restore testing plans of an estate as rows and details (pure, for the background): in scope,
 * filtered by text, sorted by a column; each with the outcome of its latest run.
 */
public final class TestPlanList {
    private TestPlanList() {
    }

    /**
     * Every restore testing plan in scope, by name. A vault scope keeps the plans of its account and
     * region whose recovery point selection takes the vault in.
     */
    public static List<TestPlanRow> rows(EstateCatalog catalog, BrowseScope scope) {
        if (catalog == null) {
            return List.of();
        }
        BrowseScope s = scope == null ? BrowseScope.ALL : scope;
        EstateIndex index = catalog.index();
        Map<String, List<RestoreJobRow>> jobs = jobsByPlan(catalog);
        List<TestPlanRow> rows = new ArrayList<>();
        for (EstateIndex.TestPlanRef t : index.restoreTestingPlans()) {
            if (!inScope(index, t, s)) {
                continue;
            }
            RestoreTestingPlan p = t.plan();
            String account = t.where().accountId();
            String accountName = catalog.accountName(account);
            String name = p.restoreTestingPlanName() != null ? p.restoreTestingPlanName() : RestoreJobList.nameOf(p.restoreTestingPlanArn());
            String schedule = ScheduleWords.describe(p.scheduleExpression(), p.scheduleExpressionTimezone());
            TestOutcome outcome = TestOutcome.of(jobs.getOrDefault(p.restoreTestingPlanArn(), List.of()), p.startWindowHours());
            Integer selections = p.selections() == null ? null : p.selections().size();
            String search = String.join("\n", nz(name), account, nz(accountName), t.where().region(), schedule, nz(p.scheduleExpression()),
                    nz(p.restoreTestingPlanArn()), outcome.text()).toLowerCase(Locale.ROOT);
            rows.add(new TestPlanRow(p.restoreTestingPlanArn(), name, account, accountName, t.where().region(), schedule, p.lastExecutionTime(),
                    selections, outcome, catalog.worstFailing(p.restoreTestingPlanArn()), search));
        }
        rows.sort(TestPlanColumn.NAME.order(true));
        return List.copyOf(rows);
    }

    /** The rows whose text holds every word of {@code text} (any case), in the column's order. */
    public static List<TestPlanRow> view(List<TestPlanRow> rows, String text, TestPlanColumn column, boolean ascending) {
        String[] words = text == null || text.isBlank() ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<TestPlanRow> out = new ArrayList<>();
        for (TestPlanRow r : rows) {
            boolean all = true;
            for (String w : words) {
                if (!r.search().contains(w)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                out.add(r);
            }
        }
        out.sort((column == null ? TestPlanColumn.NAME : column).order(column == null || ascending));
        return out;
    }

    /** The plan with this ARN in full; null when the capture holds none such. */
    public static TestPlanDetail detail(EstateCatalog catalog, String arn) {
        if (catalog == null || arn == null) {
            return null;
        }
        for (EstateIndex.TestPlanRef t : catalog.index().restoreTestingPlans()) {
            if (arn.equals(t.plan().restoreTestingPlanArn())) {
                return detail(catalog, t);
            }
        }
        return null;
    }

    private static TestPlanDetail detail(EstateCatalog catalog, EstateIndex.TestPlanRef t) {
        RestoreTestingPlan p = t.plan();
        String account = t.where().accountId();
        List<RestoreJobRow> jobs = RestoreJobList.ofTestingPlan(catalog, p.restoreTestingPlanArn());
        TestPlanDetail.PointSelection points = null;
        RestoreTestingPointSelection sel = p.recoveryPointSelection();
        if (sel != null) {
            points = new TestPlanDetail.PointSelection(algorithm(sel.algorithm()), sel.includeVaults(), sel.excludeVaults(),
                    types(sel.recoveryPointTypes()), sel.selectionWindowDays() == null ? "not given (AWS's default is 30 days)"
                            : "recovery points of the last " + days(sel.selectionWindowDays()));
        }
        List<TestPlanDetail.Selection> selections = null;
        if (p.selections() != null) {
            selections = new ArrayList<>();
            for (RestoreTestingSelection s : p.selections()) {
                if (s == null) {
                    continue;
                }
                selections.add(new TestPlanDetail.Selection(s.restoreTestingSelectionName(), RestoreJobWords.resourceType(s.protectedResourceType()),
                        s.iamRoleArn(), s.protectedResourceArns() == null ? List.of() : s.protectedResourceArns(),
                        ConditionWords.of(s.protectedResourceConditions()),
                        s.validationWindowHours() == null ? "not given" : hours(s.validationWindowHours()),
                        s.restoreMetadataOverrides() == null ? Map.of() : s.restoreMetadataOverrides(), s.creationTime()));
            }
        }
        String startWindow = p.startWindowHours() == null ? "not given (AWS's default is 24 hours)"
                : "within " + hours(p.startWindowHours()) + " of the scheduled time";
        String name = p.restoreTestingPlanName() != null ? p.restoreTestingPlanName() : RestoreJobList.nameOf(p.restoreTestingPlanArn());
        return new TestPlanDetail(p.restoreTestingPlanArn(), name, account, catalog.accountName(account), t.where().region(),
                ScheduleWords.describe(p.scheduleExpression(), p.scheduleExpressionTimezone()), p.scheduleExpression(),
                ScheduleWords.zone(p.scheduleExpressionTimezone()), startWindow, p.creationTime(), p.lastExecutionTime(), p.lastUpdateTime(), points,
                selections, jobs, TestOutcome.of(jobs, p.startWindowHours()), catalog.index().thresholds().maxRestoreMinutes(),
                catalog.resultsFor(p.restoreTestingPlanArn()), catalog.worstFailing(p.restoreTestingPlanArn()));
    }

    private static boolean inScope(EstateIndex index, EstateIndex.TestPlanRef t, BrowseScope s) {
        if (!s.includesRegion(t.where().accountId(), t.where().region())) {
            return false;
        }
        if (s.vaultArn() == null) {
            return true;
        }
        EstateIndex.VaultRef v = index.vault(s.vaultArn());
        RestoreTestingPointSelection sel = t.plan().recoveryPointSelection();
        if (sel == null || sel.includeVaults() == null) {
            return false;
        }
        String name = v == null ? null : v.vault().backupVaultName();
        boolean in = sel.includeVaults().stream().anyMatch(p -> Wildcards.matches(p, s.vaultArn(), false) || Wildcards.matches(p, name, false));
        boolean out = sel.excludeVaults() != null
                && sel.excludeVaults().stream().anyMatch(p -> Wildcards.matches(p, s.vaultArn(), false) || Wildcards.matches(p, name, false));
        return in && !out;
    }

    private static Map<String, List<RestoreJobRow>> jobsByPlan(EstateCatalog catalog) {
        Map<String, List<RestoreJobRow>> out = new HashMap<>();
        for (RestoreJobRow r : RestoreJobList.rows(catalog, BrowseScope.ALL)) {
            if (r.testingPlanArn() != null) {
                out.computeIfAbsent(r.testingPlanArn(), k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    static String algorithm(String algorithm) {
        if (algorithm == null) {
            return "not given";
        }
        return switch (algorithm) {
            case "LATEST_WITHIN_WINDOW" -> "the latest recovery point within the window";
            case "RANDOM_WITHIN_WINDOW" -> "a random recovery point within the window";
            default -> algorithm + " (as written)";
        };
    }

    private static String types(List<String> types) {
        if (types == null || types.isEmpty()) {
            return "not given";
        }
        List<String> words = new ArrayList<>();
        for (String t : types) {
            words.add(switch (t == null ? "" : t) {
                case "SNAPSHOT" -> "snapshots";
                case "CONTINUOUS" -> "continuous backups";
                default -> String.valueOf(t);
            });
        }
        return String.join(" and ", words);
    }

    private static String days(int n) {
        return n == 1 ? "day" : n + " days";
    }

    private static String hours(int n) {
        return n == 1 ? "1 hour" : n + " hours";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
