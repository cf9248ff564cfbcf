package dev.redoubt.ui.plans;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupPlan;
import dev.redoubt.estate.BackupRule;
import dev.redoubt.estate.BackupSelection;
import dev.redoubt.estate.CopyAction;
import dev.redoubt.estate.Lifecycle;
import dev.redoubt.estate.SelectionDocument;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.ScheduleWords;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The backup plans of an estate as rows and details (pure, for the background): in scope, filtered
 * by text, sorted by a column.
 */
public final class PlanList {
    private PlanList() {
    }

    /**
     * Every backup plan in scope, by name. A vault scope keeps the plans that back up into the vault
     * or copy to it, wherever they live.
     */
    public static List<PlanRow> rows(EstateCatalog catalog, BrowseScope scope) {
        if (catalog == null) {
            return List.of();
        }
        BrowseScope s = scope == null ? BrowseScope.ALL : scope;
        EstateIndex index = catalog.index();
        List<PlanRow> rows = new ArrayList<>();
        for (EstateIndex.PlanRef ref : index.plans()) {
            if (!inScope(index, ref, s)) {
                continue;
            }
            BackupPlan p = ref.plan();
            String account = ref.where().accountId();
            String accountName = catalog.accountName(account);
            List<BackupRule> rules = rules(p);
            Set<String> vaults = new LinkedHashSet<>();
            Set<String> copies = new LinkedHashSet<>();
            StringBuilder search = new StringBuilder();
            for (BackupRule r : rules == null ? List.<BackupRule>of() : rules) {
                if (r.targetBackupVaultName() != null) {
                    vaults.add(r.targetBackupVaultName());
                }
                if (r.targetLogicallyAirGappedBackupVaultArn() != null) {
                    vaults.add(vaultName(index, r.targetLogicallyAirGappedBackupVaultArn()));
                }
                for (CopyAction c : copyActions(r)) {
                    if (c.destinationBackupVaultArn() != null) {
                        copies.add(c.destinationBackupVaultArn());
                        search.append('\n').append(c.destinationBackupVaultArn());
                    }
                }
                search.append('\n').append(nz(r.ruleName())).append('\n').append(ScheduleWords.describe(r.scheduleExpression(), r.scheduleExpressionTimezone()));
            }
            String name = name(p);
            search.append('\n').append(nz(name)).append('\n').append(account).append('\n').append(nz(accountName)).append('\n')
                    .append(ref.where().region()).append('\n').append(nz(p.backupPlanArn())).append('\n').append(String.join("\n", vaults));
            rows.add(new PlanRow(p.backupPlanArn(), name, account, accountName, ref.where().region(), rules == null ? null : rules.size(),
                    List.copyOf(vaults), copies.size(), p.lastExecutionDate(), catalog.worstFailing(p.backupPlanArn()), p.deletionDate(),
                    search.toString().toLowerCase(Locale.ROOT)));
        }
        rows.sort(PlanColumn.NAME.order(true));
        return List.copyOf(rows);
    }

    /** The rows whose text holds every word of {@code text} (any case), in the column's order. */
    public static List<PlanRow> view(List<PlanRow> rows, String text, PlanColumn column, boolean ascending) {
        String[] words = text == null || text.isBlank() ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<PlanRow> out = new ArrayList<>();
        for (PlanRow r : rows) {
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
        out.sort((column == null ? PlanColumn.NAME : column).order(column == null || ascending));
        return out;
    }

    /** The plan with this ARN in full; null when the capture holds none such. */
    public static PlanDetail detail(EstateCatalog catalog, String arn) {
        if (catalog == null || arn == null) {
            return null;
        }
        EstateIndex index = catalog.index();
        EstateIndex.PlanRef ref = index.plan(arn, null);
        if (ref == null) {
            return null;
        }
        BackupPlan p = ref.plan();
        String account = ref.where().accountId();
        String region = ref.where().region();
        List<BackupRule> rules = rules(p);
        List<PlanDetail.Rule> ruleDetails = null;
        if (rules != null) {
            ruleDetails = new ArrayList<>();
            for (BackupRule r : rules) {
                if (r != null) {
                    ruleDetails.add(rule(catalog, ref, r));
                }
            }
        }
        List<PlanDetail.Selection> selections = null;
        if (p.selections() != null) {
            selections = new ArrayList<>();
            for (BackupSelection s : p.selections()) {
                if (s != null) {
                    selections.add(selection(s));
                }
            }
        }
        JsonNode advanced = p.advancedBackupSettings() != null ? p.advancedBackupSettings()
                : p.backupPlan() == null ? null : p.backupPlan().advancedBackupSettings();
        return new PlanDetail(p.backupPlanArn(), name(p), p.backupPlanId(), p.versionId(), account, catalog.accountName(account), region,
                p.creationDate(), p.lastExecutionDate(), p.deletionDate(), ruleDetails, selections, advancedSettings(advanced),
                catalog.resultsFor(p.backupPlanArn()), catalog.worstFailing(p.backupPlanArn()));
    }

    private static PlanDetail.Rule rule(EstateCatalog catalog, EstateIndex.PlanRef ref, BackupRule r) {
        EstateIndex index = catalog.index();
        String account = ref.where().accountId();
        String region = ref.where().region();
        String targetArn;
        String targetName = r.targetBackupVaultName();
        EstateIndex.VaultRef target = null;
        if (r.targetLogicallyAirGappedBackupVaultArn() != null) {
            targetArn = r.targetLogicallyAirGappedBackupVaultArn();
            target = index.vault(targetArn);
            targetName = vaultName(index, targetArn);
        } else {
            target = vaultNamed(index, account, region, targetName);
            targetArn = target != null ? target.arn() : targetName == null ? null : vaultArn(ref, targetName);
        }
        List<PlanDetail.Copy> copies = new ArrayList<>();
        for (CopyAction c : copyActions(r)) {
            String arn = c.destinationBackupVaultArn();
            Arn parsed = Arn.parse(arn);
            String copyAccount = parsed == null ? null : parsed.account();
            String copyRegion = parsed == null ? null : parsed.region();
            EstateIndex.VaultRef to = index.vault(arn);
            String kind = to == null ? null : to.isAirGapped() ? "logically air-gapped vault" : null;
            copies.add(new PlanDetail.Copy(arn, vaultName(index, arn), kind, copyAccount, copyAccount == null ? null : catalog.accountName(copyAccount),
                    copyRegion, where(account, region, copyAccount, copyRegion), coldAfter(c.lifecycle()), deleteAfter(c.lifecycle())));
        }
        return new PlanDetail.Rule(r.ruleName(), r.ruleId(), ScheduleWords.describe(r.scheduleExpression(), r.scheduleExpressionTimezone()),
                r.scheduleExpression(), ScheduleWords.zone(r.scheduleExpressionTimezone()),
                r.startWindowMinutes() == null ? "not given (AWS's default is 8 hours)" : "within " + minutes(r.startWindowMinutes()) + " of the scheduled time",
                r.completionWindowMinutes() == null ? "not given (AWS's default is 7 days)" : "within " + minutes(r.completionWindowMinutes()) + " of the start",
                coldAfter(r.lifecycle()), deleteAfter(r.lifecycle()),
                Boolean.TRUE.equals(r.enableContinuousBackup()) ? "On: point-in-time restore, for the resources that support it" : "Off",
                targetName, targetArn, target != null, List.copyOf(copies), r.recoveryPointTags() == null ? Map.of() : r.recoveryPointTags());
    }

    private static PlanDetail.Selection selection(BackupSelection s) {
        SelectionDocument d = s.backupSelection();
        if (d == null) {
            return new PlanDetail.Selection(null, s.selectionId(), null, List.of(), List.of(), List.of(), List.of(), s.creationDate());
        }
        return new PlanDetail.Selection(d.selectionName(), s.selectionId(), d.iamRoleArn(), d.resources() == null ? List.of() : d.resources(),
                d.notResources() == null ? List.of() : d.notResources(), ConditionWords.of(d.listOfTags()), ConditionWords.of(d.conditions()),
                s.creationDate());
    }

    /** When recovery points move to cold storage: "After 30 days"; "Never". */
    static String coldAfter(Lifecycle l) {
        if (l == null || l.moveToColdStorageAfterDays() == null) {
            return "Never";
        }
        return "After " + days(l.moveToColdStorageAfterDays())
                + (Boolean.TRUE.equals(l.optInToArchiveForSupportedResources()) ? " (archive tier, for the resources that support it)" : "");
    }

    /** How long recovery points are kept: "35 days, then deleted"; "No expiry: kept until someone deletes them". */
    static String deleteAfter(Lifecycle l) {
        if (l != null && l.deleteAfterDays() != null) {
            return days(l.deleteAfterDays()) + ", then deleted";
        }
        if (l != null && l.deleteAfterEvent() != null) {
            return "Until " + l.deleteAfterEvent() + " (as written), then deleted";
        }
        return "No expiry: kept until someone deletes them";
    }

    /** "1 hour", "8 hours", "1 hour 30 minutes", "7 days". */
    static String minutes(long minutes) {
        if (minutes % 1440 == 0 && minutes > 0) {
            return days(minutes / 1440);
        }
        if (minutes < 60) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        return (h == 1 ? "1 hour" : h + " hours") + (m == 0 ? "" : m == 1 ? " 1 minute" : " " + m + " minutes");
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : String.format(Locale.ROOT, "%,d days", n);
    }

    private static String where(String account, String region, String toAccount, String toRegion) {
        if (toAccount == null || toRegion == null) {
            return "unknown";
        }
        boolean otherAccount = !toAccount.equals(account);
        boolean otherRegion = !toRegion.equals(region);
        if (otherAccount && otherRegion) {
            return "another account and region";
        }
        if (otherAccount) {
            return "another account, same region";
        }
        if (otherRegion) {
            return "same account, another region";
        }
        return "same account and region";
    }

    private static List<String> advancedSettings(JsonNode settings) {
        List<String> out = new ArrayList<>();
        if (settings == null || settings.isNull() || !settings.isArray()) {
            if (settings != null && !settings.isNull()) {
                out.add(settings + " (as written)");
            }
            return out;
        }
        for (JsonNode s : settings) {
            JsonNode type = s.get("ResourceType");
            JsonNode options = s.get("BackupOptions");
            if (type == null || options == null || !options.isObject()) {
                out.add(s + " (as written)");
                continue;
            }
            List<String> parts = new ArrayList<>();
            options.fields().forEachRemaining(e -> parts.add(e.getKey() + " " + e.getValue().asText()));
            out.add(type.asText() + ": " + String.join(", ", parts));
        }
        return out;
    }

    private static boolean inScope(EstateIndex index, EstateIndex.PlanRef ref, BrowseScope s) {
        if (s.vaultArn() == null) {
            return s.includesRegion(ref.where().accountId(), ref.where().region());
        }
        EstateIndex.VaultRef v = index.vault(s.vaultArn());
        for (BackupRule r : Objects.requireNonNullElse(rules(ref.plan()), List.<BackupRule>of())) {
            if (s.vaultArn().equals(r.targetLogicallyAirGappedBackupVaultArn())) {
                return true;
            }
            if (v != null && v.accountId().equals(ref.where().accountId()) && v.region().equals(ref.where().region())
                    && Objects.equals(v.vault().backupVaultName(), r.targetBackupVaultName())) {
                return true;
            }
            for (CopyAction c : copyActions(r)) {
                if (s.vaultArn().equals(c.destinationBackupVaultArn())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static EstateIndex.VaultRef vaultNamed(EstateIndex index, String account, String region, String name) {
        if (name == null) {
            return null;
        }
        for (EstateIndex.VaultRef v : index.vaults()) {
            if (name.equals(v.vault().backupVaultName()) && account.equals(v.accountId()) && region.equals(v.region())) {
                return v;
            }
        }
        return null;
    }

    /** The vault's ARN as AWS builds it: arn:PARTITION:backup:REGION:ACCOUNT:backup-vault:NAME, the partition from the plan's ARN. */
    private static String vaultArn(EstateIndex.PlanRef ref, String name) {
        Arn plan = Arn.parse(ref.plan().backupPlanArn());
        String partition = plan == null ? "aws" : plan.partition();
        return "arn:" + partition + ":backup:" + ref.where().region() + ":" + ref.where().accountId() + ":backup-vault:" + name;
    }

    /** The vault's name: from the capture, else the last part of its ARN. */
    private static String vaultName(EstateIndex index, String arn) {
        EstateIndex.VaultRef v = index.vault(arn);
        if (v != null && v.vault().backupVaultName() != null) {
            return v.vault().backupVaultName();
        }
        if (arn == null) {
            return null;
        }
        int colon = arn.lastIndexOf(':');
        return colon >= 0 ? arn.substring(colon + 1) : arn;
    }

    private static String name(BackupPlan p) {
        if (p.backupPlan() != null && p.backupPlan().backupPlanName() != null) {
            return p.backupPlan().backupPlanName();
        }
        return p.backupPlanId() != null ? p.backupPlanId() : p.backupPlanArn();
    }

    private static List<BackupRule> rules(BackupPlan p) {
        return p.backupPlan() == null ? null : p.backupPlan().rules() == null ? List.of()
                : p.backupPlan().rules().stream().filter(Objects::nonNull).toList();
    }

    private static List<CopyAction> copyActions(BackupRule r) {
        return r == null || r.copyActions() == null ? List.of() : r.copyActions().stream().filter(Objects::nonNull).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
