package dev.redoubt.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.aws.restore.AwsRestores;
import dev.redoubt.drills.CheckResult;
import dev.redoubt.drills.DrillMember;
import dev.redoubt.drills.DrillPlan;
import dev.redoubt.drills.DrillReplay;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.DrillStep;
import dev.redoubt.drills.DrillSummary;
import dev.redoubt.drills.DrillText;
import dev.redoubt.drills.MemberState;
import dev.redoubt.drills.Preflight;
import dev.redoubt.drills.PreflightItem;
import dev.redoubt.drills.RecoveryPointChoice;
import dev.redoubt.drills.ResourceHistory;
import dev.redoubt.drills.RestoreJobView;
import dev.redoubt.drills.RestoreMetadataView;
import dev.redoubt.drills.RestoreRequest;
import dev.redoubt.drills.Runbook;
import dev.redoubt.drills.RunbookFile;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.drills.Validation;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.BackupPlan;
import dev.redoubt.estate.BackupSelection;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.KeyMetadata;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.RestoreJob;
import dev.redoubt.estate.RestoreTestingPlan;
import dev.redoubt.estate.RestoreTestingSelection;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.Journal;
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.SqliteJournal;
import dev.redoubt.report.DrillApprovals;
import dev.redoubt.report.DrillReport;
import dev.redoubt.settings.SettingsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Restore drills, the same for the command line and the window: plan, run step by step (each step
 * journaled as it happens, through {@link ActivityJournal}), rebuild a drill from its entries, resume
 * or abandon it, sign it off with a second identity, report it. A drill against the sandbox is a
 * rehearsal. Every method that changes AWS refuses an auditor connection (ServiceFailure READ_ONLY)
 * before anything is journaled; a refusal by AWS is journaled as the step's failure, with AWS's reason,
 * and returned in the state (never thrown), so the window shows it in place.
 *
 * <p>AWS has no API to stop a restore job once started: a drill can only stop following it (abandon),
 * and the job runs to its end in AWS. Docs: docs/drills.md.
 */
public final class DrillService {
    /** How often a resource should be drilled when the team has not said (settings: drills.cadenceDays). */
    public static final int DEFAULT_CADENCE_DAYS = 180;
    /** What a drill's sign-off says when the signer writes nothing. */
    public static final String DEFAULT_STATEMENT = "I reviewed this drill's steps, timings and evidence and accept it as recorded.";

    /** Writes a drill's report as self-contained HTML (report.DrillReport; a test may give its own). */
    @FunctionalInterface
    public interface ReportWriter {
        String html(DrillState drill, List<Entry> entries, String journalKeyFingerprint);
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final ActivityJournal journal;
    private final SettingsFile settings;
    private final ReportWriter reports;
    private final Object lock = new Object();

    public DrillService(Clock clock, ActivityJournal journal, SettingsFile settings) {
        this(clock, journal, settings, dev.redoubt.report.DrillReport::html);
    }

    public DrillService(Clock clock, ActivityJournal journal, SettingsFile settings, ReportWriter reports) {
        this.clock = clock;
        this.journal = journal;
        this.settings = settings;
        this.reports = reports;
    }

    // ---------------------------------------------------------------- reading (no AWS call; auditors too)

    /** Every drill in the journal, newest first. */
    public List<DrillSummary> list() {
        return states().stream().map(DrillReplay::summary).toList();
    }

    /** Every drill rebuilt from the journal, newest first. */
    public List<DrillState> all() {
        return states();
    }

    /** One drill rebuilt from the journal; {@code id} may be a unique prefix. BAD_INPUT when none or ambiguous. */
    public DrillState show(String id) {
        return load(id).state;
    }

    /** The journal entries of one drill, oldest first (for its report and its page). */
    public List<Entry> entries(String id) {
        return load(id).entries;
    }

    /**
     * The approval behind each restore-access vault the drill restored through, as the journal holds it now: the
     * request, the votes and outcome seen, the revocation (empty when the drill restored from its points' own vaults).
     * Context for its report and its page; the drill itself is rebuilt from its steps alone.
     */
    public List<dev.redoubt.approvals.RestoreAccessApproval> approvals(String id) {
        Loaded d = load(id);
        return DrillApprovals.approvals(d.entries, approvalEntries(d.entries));
    }

    /** What a drill's report holds: its own entries and the approval entries of the restore-access vaults it restored through, oldest first. */
    public List<Entry> reportEntries(String id) {
        return reportEntries(load(id));
    }

    private List<Entry> reportEntries(Loaded d) {
        List<Entry> out = new ArrayList<>(d.entries);
        out.addAll(DrillApprovals.select(d.entries, approvalEntries(d.entries)));
        out.sort(Comparator.comparingLong(Entry::seq));
        return out;
    }

    private List<Entry> approvalEntries(List<Entry> drillEntries) {
        if (DrillApprovals.restoreAccessVaults(drillEntries).isEmpty()) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try {
            for (String action : DrillApprovals.ACTIONS) {
                out.addAll(journal.journal().read(new EntryQuery(null, null, action, null, 0)));
            }
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
        return out;
    }

    /** Drills begun and neither signed off nor abandoned, newest first. */
    public List<DrillState> unfinished() {
        return states().stream().filter(s -> !s.status().finished()).toList();
    }

    /** Drill history of every protected resource of the estate (and every drilled resource), overdue first. */
    public List<ResourceHistory> history(EstateIndex index) {
        List<DrillState> drills = states();
        Map<String, String[]> resources = new LinkedHashMap<>();
        for (EstateIndex.ResourceRef r : index.protectedResources()) {
            if (r.resource().resourceArn() != null) {
                resources.put(r.resource().resourceArn(), new String[] {r.resource().resourceName(), r.resource().resourceType()});
            }
        }
        for (DrillState d : drills) {
            for (MemberState m : d.members()) {
                resources.putIfAbsent(m.member().resourceArn(), new String[] {m.member().resourceName(), m.member().resourceType()});
            }
        }
        int cadence = cadenceDays();
        List<ResourceHistory> out = new ArrayList<>();
        for (Map.Entry<String, String[]> r : resources.entrySet()) {
            out.add(history(index, drills, cadence, r.getKey(), r.getValue()[0], r.getValue()[1]));
        }
        out.sort(Comparator.comparing((ResourceHistory h) -> !h.overdue())
                .thenComparing(h -> h.dueAt() == null ? Instant.MIN : h.dueAt())
                .thenComparing(h -> h.resourceName() == null ? h.resourceArn() : h.resourceName()));
        return out;
    }

    /** Drill history of one resource. */
    public ResourceHistory history(EstateIndex index, String resourceArn) {
        List<DrillState> drills = states();
        String name = null;
        String type = null;
        for (EstateIndex.ResourceRef r : index.protectedResources()) {
            if (resourceArn.equals(r.resource().resourceArn())) {
                name = r.resource().resourceName();
                type = r.resource().resourceType();
            }
        }
        for (DrillState d : drills) {
            for (MemberState m : d.members()) {
                if (resourceArn.equals(m.member().resourceArn()) && name == null) {
                    name = m.member().resourceName();
                    type = m.member().resourceType();
                }
            }
        }
        return history(index, drills, cadenceDays(), resourceArn, name, type);
    }

    private ResourceHistory history(EstateIndex index, List<DrillState> drills, int cadence, String arn, String name, String type) {
        Instant lastVerified = null;
        String verifiedDrill = null;
        Duration rto = null;
        Instant lastRehearsal = null;
        String rehearsalDrill = null;
        int count = 0;
        for (DrillState d : drills) {
            MemberState m = d.members().stream().filter(x -> arn.equals(x.member().resourceArn())).findFirst().orElse(null);
            if (m == null) {
                continue;
            }
            count++;
            if (d.verified()) {
                Instant at = d.ended() != null ? d.ended() : d.started();
                if (lastVerified == null || at.isAfter(lastVerified)) {
                    lastVerified = at;
                    verifiedDrill = d.id();
                    rto = m.rto();
                }
            } else if (d.rehearsal() && d.status() != DrillStatus.ABANDONED && (lastRehearsal == null || d.started().isAfter(lastRehearsal))) {
                lastRehearsal = d.started();
                rehearsalDrill = d.id();
            }
        }
        Instant due = lastVerified == null ? null : lastVerified.plus(Duration.ofDays(cadence));
        boolean overdue = due == null || index.at().isAfter(due);
        Duration target = Duration.ofMinutes(index.thresholds().maxRestoreMinutes());
        return new ResourceHistory(arn, name != null ? name : DrillText.lastPart(arn), type, lastVerified, verifiedDrill, rto, target, cadence,
                due, overdue, lastRehearsal, rehearsalDrill, count);
    }

    public int cadenceDays() {
        JsonNode n = settings.read().path("drills").path("cadenceDays");
        if (n.canConvertToInt() && n.asInt() >= 1 && n.asInt() <= 3650) {
            return n.asInt();
        }
        return DEFAULT_CADENCE_DAYS;
    }

    /** Sets how often each resource should be drilled (days, 1 to 3650); journaled. */
    public void setCadenceDays(Actor actor, int days) {
        if (days < 1 || days > 3650) {
            throw bad("a drill cadence is 1 to 3650 days, not " + days, "field", "cadenceDays");
        }
        int before = cadenceDays();
        journal.drillCadence(actor, settings.file().toString(), days, before);
        try {
            settings.update(s -> {
                JsonNode d = s.get("drills");
                ObjectNode drills = d != null && d.isObject() ? (ObjectNode) d : s.putObject("drills");
                drills.put("cadenceDays", days);
            });
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    // ---------------------------------------------------------------- planning (no AWS call)

    /** The recovery points a resource could be restored from, the suggested one first. */
    public List<RecoveryPointChoice> choices(EstateCatalog catalog, String resourceArn) {
        List<EstateIndex.PointRef> points = new ArrayList<>(catalog.index().pointsOf(resourceArn));
        if (points.isEmpty() && resource(catalog.index(), resourceArn) == null) {
            throw bad(resourceArn + " is not a resource in this estate; choose one of its protected resources", "resource", resourceArn);
        }
        Instant now = clock.instant();
        points.sort(Comparator.comparing((EstateIndex.PointRef p) -> p.point().creationDate() == null ? Instant.MIN : p.point().creationDate()).reversed());
        List<RecoveryPointChoice> out = new ArrayList<>();
        boolean suggested = false;
        for (EstateIndex.PointRef p : points) {
            RecoveryPoint rp = p.point();
            String note = null;
            boolean ok = "COMPLETED".equals(rp.status());
            if (!ok) {
                note = "Its status is " + String.valueOf(rp.status()).toLowerCase(Locale.ROOT).replace('_', ' ');
            } else if (catalog.worstFailing(rp.recoveryPointArn()) != null) {
                note = "A finding about it fails (" + catalog.worstFailing(rp.recoveryPointArn()).name().toLowerCase(Locale.ROOT) + ")";
                ok = false;
            } else if (p.vault().isAirGapped()) {
                note = "In an air-gapped vault: restore access must first be approved";
                ok = false;
            }
            boolean suggest = ok && !suggested;
            suggested |= suggest;
            Instant created = rp.creationDate();
            out.add(new RecoveryPointChoice(rp.recoveryPointArn(), p.vault().arn(), p.vault().vault().backupVaultName(), p.vault().accountId(),
                    p.vault().region(), created, created == null ? null : Duration.between(created, now), rp.status(),
                    rp.encryptionKeyArn() != null ? rp.encryptionKeyArn() : p.vault().vault().encryptionKeyArn(), suggest, note));
        }
        out.sort(Comparator.comparing((RecoveryPointChoice c) -> !c.suggested()));
        return out;
    }

    /** A one-off drill of these resources, restored in this order. */
    public DrillPlan plan(EstateCatalog catalog, String title, List<String> resourceArns) {
        if (resourceArns == null || resourceArns.isEmpty()) {
            throw bad("a drill restores at least one resource; choose one", "resource", null);
        }
        List<DrillMember> members = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String arn : resourceArns) {
            if (seen.contains(arn)) {
                throw bad(arn + " is listed twice; a drill restores each resource once", "resource", arn);
            }
            seen.add(arn);
            members.add(member(catalog.index(), members.size(), arn));
        }
        String t = title == null || title.isBlank() ? "Restore of " + String.join(", ", members.stream().map(DrillMember::resourceName).toList())
                : title.strip();
        return new DrillPlan(t, null, members, Map.of());
    }

    /** A drill of a runbook's recovery group. BAD_INPUT when a member is not in the estate. */
    public DrillPlan plan(EstateCatalog catalog, Runbook runbook) {
        List<DrillMember> members = new ArrayList<>();
        Map<String, Runbook.Member> from = new LinkedHashMap<>();
        for (Runbook.Member m : runbook.members()) {
            members.add(member(catalog.index(), members.size(), m.resourceArn()));
            from.put(m.resourceArn(), m);
        }
        return new DrillPlan(runbook.name(), runbook.name(), members, from);
    }

    /** Reads a runbook file. BAD_INPUT with the file, where, what is wrong and what to do. */
    public Runbook readRunbook(Path file) {
        try {
            return RunbookFile.read(file);
        } catch (RunbookFile.Problem p) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, p.getMessage(), ServiceFailure.facts("file", String.valueOf(file),
                    "where", p.where(), "problem", p.problem()), p);
        }
    }

    /** Writes a runbook file (atomically). */
    public void writeRunbook(Runbook runbook, Path file) {
        try {
            RunbookFile.write(runbook, file);
        } catch (IOException e) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, file + ": cannot be written (" + e.getMessage()
                    + "); choose a folder you may write to", ServiceFailure.facts("file", String.valueOf(file)), e);
        }
    }

    /** A runbook of a drill's plan, to save and reuse: its members in order with the role and metadata its preflight settled on. */
    public Runbook runbookOf(String drillId) {
        Loaded d = load(drillId);
        List<Runbook.Member> members = new ArrayList<>();
        for (int i = 0; i < d.state.members().size(); i++) {
            MemberState m = d.state.members().get(i);
            Runbook.Member fixed = d.runbook(i);
            members.add(new Runbook.Member(m.member().resourceArn(), m.iamRoleArn() != null ? m.iamRoleArn() : fixed == null ? null : fixed.iamRoleArn(),
                    fixed == null ? Map.of() : fixed.metadata(), fixed == null ? List.of() : fixed.checks()));
        }
        return new Runbook(d.state.runbookName() != null ? d.state.runbookName() : d.state.title(), null, members);
    }

    // ---------------------------------------------------------------- running (operator)

    /** Opens a drill (journal: begin). A rehearsal when the connection is the sandbox's. */
    public DrillState begin(Connection operator, DrillPlan plan) {
        requireOperator(operator);
        if (plan.members().isEmpty()) {
            throw bad("a drill restores at least one resource; choose one", "resource", null);
        }
        synchronized (lock) {
            String id = newId();
            ObjectNode d = JSON.objectNode();
            d.put("drill", id).put("step", DrillStep.BEGIN.spelling()).put("outcome", "ok").put("rehearsal", rehearsal(operator)).put("durationMs", 0);
            d.put("title", plan.title());
            if (plan.runbookName() != null) {
                d.put("runbook", plan.runbookName());
            }
            ArrayNode members = d.putArray("members");
            for (DrillMember m : plan.members()) {
                ObjectNode o = members.addObject();
                o.put("order", m.order()).put("resourceArn", m.resourceArn()).put("resourceType", m.resourceType())
                        .put("resourceName", m.resourceName()).put("accountId", m.accountId()).put("region", m.region());
                Runbook.Member fixed = plan.fromRunbook().get(m.resourceArn());
                if (fixed != null) {
                    ObjectNode rb = o.putObject("runbook");
                    if (fixed.iamRoleArn() != null) {
                        rb.put("iamRoleArn", fixed.iamRoleArn());
                    }
                    ObjectNode md = rb.putObject("metadata");
                    fixed.metadata().forEach(md::put);
                    ArrayNode checks = rb.putArray("checks");
                    fixed.checks().forEach(checks::add);
                }
            }
            journal.drillStep(operator.actor(), plan.members().get(0).resourceArn(), d);
            return show(id);
        }
    }

    /** Chooses the recovery point of a member (journal: choose). */
    public DrillState choose(Connection operator, String drillId, int member, String recoveryPointArn, EstateCatalog catalog) {
        return choose(operator, drillId, member, recoveryPointArn, null, catalog);
    }

    /**
     * Chooses the recovery point of a member through a restore-access vault (journal: choose, with
     * {@code vaultArn} the restore-access vault and {@code sourceVaultArn} the air-gapped vault): the point
     * is one of the air-gapped vault's, restored through the vault its approvers opened. The restore-access
     * vault is read from AWS (it may be newer than the capture) and must be AVAILABLE and open onto the
     * point's vault. {@code restoreAccessVaultArn} null: the point's own vault.
     */
    public DrillState choose(Connection operator, String drillId, int member, String recoveryPointArn, String restoreAccessVaultArn,
                             EstateCatalog catalog) {
        requireOperator(operator);
        String through = null;
        if (restoreAccessVaultArn != null) {
            EstateIndex.PointRef p = catalog.point(recoveryPointArn);
            Arn a = Arn.parse(restoreAccessVaultArn);
            if (a == null || !a.resource().startsWith("backup-vault:")) {
                throw bad("'" + restoreAccessVaultArn + "' is not the ARN of a restore-access vault", "vault", restoreAccessVaultArn);
            }
            dev.redoubt.approvals.VaultAccess v;
            try {
                v = new dev.redoubt.aws.approvals.AwsApprovals(operator.clientsIn(a.account())).vault(a.region(),
                        a.resource().substring("backup-vault:".length()));
            } catch (RuntimeException e) {
                throw Failures.translate(e);
            }
            if (!"RESTORE_ACCESS_BACKUP_VAULT".equals(v.vaultType()) || !"AVAILABLE".equals(v.state())) {
                throw bad("the vault " + v.vaultName() + " is not an open restore-access vault (it is "
                        + (v.state() == null ? "in an unknown state" : v.state().toLowerCase(Locale.ROOT)) + "); restore access must be approved first",
                        "vault", restoreAccessVaultArn);
            }
            if (p != null && !p.vault().arn().equals(v.sourceVaultArn())) {
                throw bad("the restore-access vault " + v.vaultName() + " opens " + v.sourceVaultArn() + ", not the vault of the recovery point "
                        + recoveryPointArn + "; choose a point of the air-gapped vault it opens", "vault", restoreAccessVaultArn);
            }
            through = restoreAccessVaultArn;
        }
        String throughVault = through;
        synchronized (lock) {
            Loaded d = load(drillId);
            requirePreparing(d.state);
            MemberState m = member(d.state, member);
            EstateIndex.PointRef p = catalog.point(recoveryPointArn);
            if (p == null) {
                throw bad("the recovery point " + recoveryPointArn + " is not in this estate; choose one of the resource's recovery points",
                        "recoveryPoint", recoveryPointArn);
            }
            if (p.point().resourceArn() != null && !p.point().resourceArn().equals(m.member().resourceArn())) {
                throw bad("the recovery point " + recoveryPointArn + " is a backup of " + p.point().resourceArn() + ", not of "
                        + m.member().resourceName() + "; choose one of its own", "recoveryPoint", recoveryPointArn);
            }
            boolean suggested = choices(catalog, m.member().resourceArn()).stream()
                    .anyMatch(c -> c.suggested() && c.recoveryPointArn().equals(recoveryPointArn));
            step(operator.actor(), d, DrillStep.CHOOSE, member, "ok", recoveryPointArn, o -> {
                o.put("resourceArn", m.member().resourceArn()).put("recoveryPointArn", recoveryPointArn)
                        .put("pointCreated", p.point().creationDate() == null ? null : p.point().creationDate().toString())
                        .put("vaultArn", throughVault != null ? throughVault : p.vault().arn()).put("suggested", suggested);
                if (throughVault != null) {
                    o.put("sourceVaultArn", p.vault().arn()).put("restoreAccess", true);
                }
            });
            return show(d.state.id());
        }
    }

    /**
     * Runs a member's preflight (journal: preflight): reads the point's restore metadata from AWS, proposes
     * (or takes the operator's {@code inputs}) restore role and metadata, and judges each item.
     */
    public DrillState preflight(Connection operator, String drillId, int member, RestoreInputs inputs, EstateCatalog catalog) {
        requireOperator(operator);
        synchronized (lock) {
            Loaded d = load(drillId);
            requirePreparing(d.state);
            MemberState m = member(d.state, member);
            if (m.recoveryPointArn() == null) {
                throw bad("choose a recovery point of " + m.member().resourceName() + " before its preflight", "member", String.valueOf(member));
            }
            Vault v = d.vault(member);
            EstateIndex index = catalog.index();
            EstateIndex.PointRef ref = catalog.point(m.recoveryPointArn());
            RecoveryPoint point = ref == null ? null : ref.point();
            BackupVault vault = ref != null ? ref.vault().vault() : index.vault(v.arn) == null ? null : index.vault(v.arn).vault();
            // chosen through a restore-access vault: the point is the air-gapped vault's, the restore goes through the opened vault
            boolean throughAccess = ref != null && v.arn != null && !v.arn.equals(ref.vault().arn());
            if (throughAccess && index.vault(v.arn) != null) {
                vault = index.vault(v.arn).vault();
            }

            RestoreMetadataView answer = null;
            String metadataError = null;
            try {
                answer = restores(operator, v.account).metadata(v.region, v.name, v.account, m.recoveryPointArn());
            } catch (RuntimeException e) {
                ServiceFailure f = Failures.translate(e);
                if (f.transientOrLocal()) {
                    throw f;
                }
                metadataError = f.awsReason();
            }
            Runbook.Member fixed = d.runbook(member);
            Map<String, String> metadata;
            if (inputs != null && inputs.metadata() != null) {
                metadata = new LinkedHashMap<>(inputs.metadata());
            } else {
                Map<String, String> aws = new LinkedHashMap<>();
                if (answer != null && answer.restoreMetadata() != null) {
                    aws.putAll(answer.restoreMetadata());
                }
                metadata = Preflight.propose(aws, fixed == null ? Map.of() : fixed.metadata(), d.state.id());
            }
            String proposed = inputs != null && inputs.iamRoleArn() != null && !inputs.iamRoleArn().isBlank() ? inputs.iamRoleArn().strip()
                    : fixed != null && fixed.iamRoleArn() != null ? fixed.iamRoleArn() : proposeRole(index, v.account, m.member().resourceArn());
            String role = proposed == null && point != null ? point.iamRoleArn() : proposed; // the role that made the backup, kept on the point
            String keyArn = point != null && point.encryptionKeyArn() != null ? point.encryptionKeyArn() : vault == null ? null : vault.encryptionKeyArn();
            String keyType = point != null && point.encryptionKeyType() != null ? point.encryptionKeyType() : vault == null ? null : vault.encryptionKeyType();
            String keyState = null;
            EstateIndex.KeyRef key = index.key(keyArn);
            if (key != null && key.key().keyMetadata() != null) {
                KeyMetadata km = key.key().keyMetadata();
                keyState = km.keyState() != null ? km.keyState() : km.enabled() == null ? null : km.enabled() ? "Enabled" : "Disabled";
            }
            String vaultType = throughAccess ? "RESTORE_ACCESS_BACKUP_VAULT"
                    : vault != null && vault.vaultType() != null ? vault.vaultType() : point == null ? null : point.vaultType();
            String sourceVault = throughAccess ? ref.vault().arn() : vault == null ? null : vault.sourceBackupVaultArn();
            String team = null;
            if (!throughAccess && vault != null && vault.mpaApprovalTeamArn() != null) {
                team = vault.mpaApprovalTeamArn();
                for (EstateIndex.TeamRef t : index.approvalTeams()) {
                    if (team.equals(t.team().arn()) && t.team().name() != null) {
                        team = t.team().name();
                    }
                }
            }
            List<String> names = new ArrayList<>();
            if (m.member().resourceName() != null) {
                names.add(m.member().resourceName());
            }
            names.add(DrillText.lastPart(m.member().resourceArn()));
            Preflight.Facts facts = new Preflight.Facts(m.recoveryPointArn(), point != null, point == null ? null : point.status(),
                    point == null || point.calculatedLifecycle() == null ? null : point.calculatedLifecycle().deleteAt(), keyArn, keyType, keyState,
                    answer != null, metadataError, role, roleEvidence(index, v.account, role), v.account, m.member().accountId(),
                    m.member().resourceType(), names, metadata, vaultType, team, sourceVault,
                    clock.instant(), Duration.ofMinutes(index.thresholds().maxRestoreMinutes()));
            List<PreflightItem> items = Preflight.judge(facts);
            String outcome = Preflight.passable(items) ? "ok" : "failed";
            step(operator.actor(), d, DrillStep.PREFLIGHT, member, outcome, m.recoveryPointArn(), o -> {
                ArrayNode arr = o.putArray("items");
                for (PreflightItem i : items) {
                    ObjectNode it = arr.addObject();
                    it.put("id", i.id()).put("title", i.title()).put("verdict", i.verdict().name()).put("reason", i.reason());
                    if (i.fix() != null) {
                        it.put("fix", i.fix());
                    }
                }
                o.put("iamRoleArn", role);
                ObjectNode md = o.putObject("metadata");
                metadata.forEach(md::put);
                o.put("rtoTargetMs", Duration.ofMinutes(index.thresholds().maxRestoreMinutes()).toMillis());
            });
            return show(d.state.id());
        }
    }

    /** What the operator must type to confirm: the resource's name for one member, the drill's title for a group. */
    public String confirmationText(DrillState drill) {
        if (drill.members().size() == 1) {
            DrillMember m = drill.members().get(0).member();
            return m.resourceName() != null ? m.resourceName() : DrillText.lastPart(m.resourceArn());
        }
        return drill.title();
    }

    /**
     * Confirms (journal: confirm) when {@code typed} matches and every member passed preflight without a
     * FAIL, then starts the first member's restore (journal: start-restore). BAD_INPUT when the text does not match.
     */
    public DrillState confirmAndStart(Connection operator, String drillId, String typed) {
        requireOperator(operator);
        synchronized (lock) {
            Loaded d = load(drillId);
            requirePreparing(d.state);
            for (MemberState m : d.state.members()) {
                if (m.recoveryPointArn() == null) {
                    throw bad("no recovery point is chosen for " + m.member().resourceName() + "; choose one and run its preflight", "member",
                            String.valueOf(m.member().order()));
                }
                if (m.preflight().isEmpty()) {
                    throw bad("the preflight of " + m.member().resourceName() + " has not run; run it before starting", "member",
                            String.valueOf(m.member().order()));
                }
                List<PreflightItem> failing = m.preflight().stream().filter(i -> i.verdict() == Status.FAIL).toList();
                if (!failing.isEmpty()) {
                    throw bad("the preflight of " + m.member().resourceName() + " blocks the restore: "
                            + String.join("; ", failing.stream().map(PreflightItem::reason).toList()), "member", String.valueOf(m.member().order()));
                }
            }
            String expected = confirmationText(d.state);
            String given = typed == null ? "" : typed.strip();
            if (!given.equals(expected)) {
                throw bad("the text typed does not match: type \"" + expected + "\" exactly to start the restore", "typed", given);
            }
            step(operator.actor(), d, DrillStep.CONFIRM, -1, "ok", d.state.members().get(0).member().resourceArn(), o -> o.put("typed", given));
            d = load(d.state.id());
            start(operator, d, 0);
            return show(d.state.id());
        }
    }

    /**
     * Reads the running jobs (DescribeRestoreJob); journals a member's wait step when its job ended, and
     * starts the next member in order when the one before COMPLETED. Safe to call as often as the screen likes.
     */
    public DrillState poll(Connection operator, String drillId) {
        requireOperator(operator);
        synchronized (lock) {
            Loaded d = load(drillId);
            if (d.state.status().finished() || d.state.status() == DrillStatus.AWAITING_SIGN_OFF) {
                return d.state;
            }
            Map<Integer, RestoreJobView> live = new HashMap<>();
            for (int i = 0; i < d.state.members().size(); i++) {
                MemberState m = d.state.members().get(i);
                if (m.restoreJobId() == null || DrillReplay.ended(m.jobStatus())) {
                    continue;
                }
                Vault v = d.vault(i);
                RestoreJobView view;
                try {
                    view = restores(operator, v.account).describe(v.region, m.restoreJobId());
                } catch (RuntimeException e) {
                    throw Failures.translate(e);
                }
                if (view.ended()) {
                    journalWait(operator, d, i, m, view);
                    d = load(d.state.id());
                } else {
                    live.put(i, view);
                }
            }
            // The next member starts when the one before completed; one that failed stops the group.
            List<MemberState> ms = d.state.members();
            boolean confirmed = confirmed(d.state);
            for (int i = 0; i < ms.size() && confirmed; i++) {
                MemberState m = ms.get(i);
                if (m.jobStatus() != null) {
                    continue;
                }
                if (!Preflight.passable(m.preflight())) {
                    break; // never started without a preflight that passed (a point chosen again after the confirmation)
                }
                if (i == 0 || "COMPLETED".equals(ms.get(i - 1).jobStatus())) {
                    start(operator, d, i);
                    d = load(d.state.id());
                } else if (DrillReplay.ended(ms.get(i - 1).jobStatus())) {
                    skipFrom(operator, d, i, ms.get(i - 1));
                    d = load(d.state.id());
                }
                break;
            }
            return withLive(d.state, live);
        }
    }

    /** Records a member's validation (journal: validate) and sends it with PutRestoreValidationResult where the job allows it. */
    public DrillState validate(Connection operator, String drillId, int member, Validation validation) {
        requireOperator(operator);
        synchronized (lock) {
            Loaded d = load(drillId);
            requireOpen(d.state);
            MemberState m = member(d.state, member);
            if (!DrillReplay.ended(m.jobStatus()) || "SKIPPED".equals(m.jobStatus()) || m.restoreJobId() == null) {
                throw bad("the restore of " + m.member().resourceName() + " has not ended; validate it once its restore job completed",
                        "member", String.valueOf(member));
            }
            if (validation == null || validation.checks().isEmpty()) {
                throw bad("record at least one check of the restored " + m.member().resourceName(), "checks", null);
            }
            String sent = null;
            String awsError = null;
            if ("COMPLETED".equals(m.jobStatus())) {
                Vault v = d.vault(member);
                long passed = validation.checks().stream().filter(c -> c.outcome() == CheckResult.Outcome.PASSED).count();
                String message = "Redoubt drill " + d.state.id() + ": " + passed + " of " + validation.checks().size() + " checks passed"
                        + (validation.notes() == null || validation.notes().isBlank() ? "" : "; " + validation.notes().strip());
                try {
                    restores(operator, v.account).putValidation(v.region, m.restoreJobId(), validation.successful(),
                            message.length() > 1000 ? message.substring(0, 1000) : message);
                    sent = validation.successful() ? "SUCCESSFUL" : "FAILED";
                } catch (RuntimeException e) {
                    ServiceFailure f = Failures.translate(e);
                    if (f.kind() == ServiceFailure.Kind.CANCELLED || f.kind() == ServiceFailure.Kind.READ_ONLY) {
                        throw f;
                    }
                    awsError = f.awsReason();
                }
            }
            String sentToAws = sent;
            String error = awsError;
            step(operator.actor(), d, DrillStep.VALIDATE, member, validation.successful() ? "ok" : "failed", m.recoveryPointArn(), o -> {
                o.put("restoreJobId", m.restoreJobId());
                ArrayNode checks = o.putArray("checks");
                for (CheckResult c : validation.checks()) {
                    checks.addObject().put("id", c.id()).put("text", c.text()).put("outcome", c.outcome().name());
                }
                o.put("notes", validation.notes());
                o.put("successful", validation.successful());
                o.put("sentToAws", sentToAws);
                if (error != null) {
                    o.put("awsError", error);
                }
            });
            return show(d.state.id());
        }
    }

    /** Records the clean-up of a member: what was deleted and the operator's confirmation (journal: cleanup). */
    public DrillState cleanUp(Connection operator, String drillId, int member, List<String> deleted, boolean confirmed, String notes) {
        requireOperator(operator);
        synchronized (lock) {
            Loaded d = load(drillId);
            requireOpen(d.state);
            MemberState m = member(d.state, member);
            if (!DrillReplay.ended(m.jobStatus())) {
                throw bad("the restore of " + m.member().resourceName() + " has not ended; clean up once it has", "member", String.valueOf(member));
            }
            List<String> resources = deleted == null ? List.of() : deleted.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
            step(operator.actor(), d, DrillStep.CLEANUP, member, confirmed ? "ok" : "skipped", m.recoveryPointArn(), o -> {
                ArrayNode r = o.putArray("resources");
                resources.forEach(r::add);
                o.put("confirmed", confirmed);
                o.put("notes", notes);
            });
            return show(d.state.id());
        }
    }

    /** Closes the drill with the operator's notes (journal: summary); it then waits for sign-off. */
    public DrillState summarize(Connection operator, String drillId, String notes) {
        requireOperator(operator);
        synchronized (lock) {
            Loaded d = load(drillId);
            requireOpen(d.state);
            if (d.state.status() != DrillStatus.VALIDATING) {
                throw bad(d.state.status() == DrillStatus.PREPARING ? "nothing was restored yet; run the drill, or abandon it"
                        : "a restore job is still running; summarize once every restore has ended", "drill", d.state.id());
            }
            Duration rto = d.state.rto();
            Long target = null;
            for (Entry e : d.entries) {
                JsonNode x = e.detailsTree();
                if (DrillStep.PREFLIGHT.spelling().equals(x.path("step").asText()) && x.hasNonNull("rtoTargetMs")) {
                    target = x.path("rtoTargetMs").asLong();
                }
            }
            Long rtoTarget = target;
            step(operator.actor(), d, DrillStep.SUMMARY, -1, "ok", d.state.members().get(0).member().resourceArn(), o -> {
                o.put("notes", notes);
                o.put("rtoMs", rto == null ? null : rto.toMillis());
                if (rtoTarget != null) {
                    o.put("rtoTargetMs", rtoTarget);
                }
            });
            return show(d.state.id());
        }
    }

    /**
     * A second person signs the drill off with their own identity (journal: sign-off, with both identities).
     * BAD_INPUT when the signer is the operator. An auditor may sign off: it changes nothing in AWS.
     */
    public DrillState signOff(Connection signer, String drillId, String statement) {
        synchronized (lock) {
            Loaded d = load(drillId);
            if (d.state.status() != DrillStatus.AWAITING_SIGN_OFF) {
                throw bad(d.state.status().finished() ? "the drill is already " + DrillText.status(d.state.status()).toLowerCase(Locale.ROOT)
                        : "the drill is not summarized yet; its operator writes the summary first", "drill", d.state.id());
            }
            String who = signer.identity().arn();
            if (samePerson(who, d.state.operator())) {
                throw bad("the operator of a drill cannot sign it off: a second person signs in with their own identity and signs it",
                        "signer", who);
            }
            String text = statement == null || statement.isBlank() ? DEFAULT_STATEMENT : statement.strip();
            step(signer.actor(), d, DrillStep.SIGN_OFF, -1, "ok", d.state.members().get(0).member().resourceArn(), o -> {
                o.put("operator", d.state.operator()).put("signer", who).put("statement", text);
            });
            return show(d.state.id());
        }
    }

    /** Takes up an interrupted drill (journal: resume). */
    public DrillState resume(Connection operator, String drillId) {
        requireOperator(operator);
        synchronized (lock) {
            Loaded d = load(drillId);
            requireOpen(d.state);
            step(operator.actor(), d, DrillStep.RESUME, -1, "ok", d.state.members().get(0).member().resourceArn(), o -> {
                o.put("wasInterrupted", d.state.interrupted());
            });
            return show(d.state.id());
        }
    }

    /**
     * Gives a drill up (journal: abandon), with the reason. A restore job already started runs on in AWS
     * (AWS has no API to stop one): the entry lists them, and whoever abandons deletes what they create.
     */
    public DrillState abandon(Actor actor, String drillId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw bad("say why the drill is abandoned", "reason", null);
        }
        synchronized (lock) {
            Loaded d = load(drillId);
            if (d.state.status().finished()) {
                throw bad("the drill is already " + DrillText.status(d.state.status()).toLowerCase(Locale.ROOT), "drill", d.state.id());
            }
            List<String> running = d.state.members().stream().filter(m -> m.restoreJobId() != null && !DrillReplay.ended(m.jobStatus()))
                    .map(MemberState::restoreJobId).toList();
            step(actor, d, DrillStep.ABANDON, -1, "ok", d.state.members().get(0).member().resourceArn(), o -> {
                o.put("reason", reason.strip());
                ArrayNode r = o.putArray("jobsLeftRunning");
                running.forEach(r::add);
            });
            return show(d.state.id());
        }
    }

    /** Writes the self-contained HTML report of a drill (journal: export, kind drill-report, first). */
    public Path exportReport(Actor actor, String drillId, Path file) {
        Loaded d = load(drillId);
        Path target = file.toAbsolutePath().normalize();
        journal.drillReportExported(actor, target.toString(), d.state.id());
        Journal j = journal.journal();
        String fingerprint = j instanceof SqliteJournal s ? s.keyFingerprint() : null;
        String html = reports.html(d.state, reportEntries(d), fingerprint);
        try {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            dev.redoubt.files.OutputFile.write(target, out -> out.write(bytes), true);
        } catch (IOException e) {
            throw new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, target + ": the drill report cannot be written (" + e.getMessage()
                    + "); choose a folder you may write to", ServiceFailure.facts("file", target.toString()), e);
        }
        return target;
    }

    /**
     * Checks a drill report's entries against this journal: each line still hashes to its hash, and they are exactly
     * the journal's entries of that drill (same seq, hash and content; none added or left out). The journal's own
     * integrity is the journal verifier's: check it first.
     */
    public DrillReport.ReportCheck verifyReport(String html) {
        return DrillReport.verify(html, journal.journal());
    }

    // ---------------------------------------------------------------- the steps' plumbing

    /** A drill with the entries it was rebuilt from. */
    private record Loaded(DrillState state, List<Entry> entries) {
        Vault vault(int member) {
            String arn = null;
            for (Entry e : entries) {
                JsonNode d = e.detailsTree();
                if (DrillStep.CHOOSE.spelling().equals(d.path("step").asText()) && d.path("member").asInt(-1) == member) {
                    arn = d.path("vaultArn").asText(null);
                }
            }
            Arn a = Arn.parse(arn);
            MemberState m = state.members().get(member);
            if (a == null) {
                return new Vault(arn, m.member().accountId(), m.member().region(), null);
            }
            String name = a.resource().startsWith("backup-vault:") ? a.resource().substring("backup-vault:".length()) : DrillText.lastPart(arn);
            return new Vault(arn, a.account(), a.region(), name);
        }

        Runbook.Member runbook(int member) {
            if (entries.isEmpty()) {
                return null;
            }
            JsonNode m = entries.get(0).detailsTree().path("members").path(member);
            JsonNode rb = m.path("runbook");
            if (!rb.isObject()) {
                return null;
            }
            Map<String, String> md = new LinkedHashMap<>();
            rb.path("metadata").properties().forEach(f -> md.put(f.getKey(), f.getValue().asText()));
            List<String> checks = new ArrayList<>();
            rb.path("checks").forEach(c -> checks.add(c.asText()));
            return new Runbook.Member(m.path("resourceArn").asText(), rb.hasNonNull("iamRoleArn") ? rb.path("iamRoleArn").asText() : null, md, checks);
        }
    }

    /** Where a member's recovery point is: its vault, the vault's account and region (where its restore runs). */
    private record Vault(String arn, String account, String region, String name) {
    }

    /** The runbook's extra checks of a member (empty for a one-off drill). */
    public List<String> runbookChecks(String drillId, int member) {
        Runbook.Member m = load(drillId).runbook(member);
        return m == null ? List.of() : m.checks();
    }

    private List<Entry> allEntries() {
        try {
            return journal.journal().read(new EntryQuery(null, null, ActivityJournal.DRILL_STEP, null, 0));
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    private String session() {
        return journal.journal().sessionId();
    }

    /** Every drill, newest first. */
    private List<DrillState> states() {
        List<DrillState> all = new ArrayList<>(DrillReplay.all(allEntries(), session()));
        all.sort(Comparator.comparing(DrillState::started).reversed());
        return all;
    }

    private Loaded load(String id) {
        if (id == null || id.isBlank()) {
            throw bad("give a drill's id; the drills list shows each one's", "drill", null);
        }
        String want = id.strip();
        Map<String, List<Entry>> groups = DrillReplay.group(allEntries());
        List<String> matches = groups.keySet().stream().filter(k -> k.equals(want)).toList();
        if (matches.isEmpty()) {
            matches = groups.keySet().stream().filter(k -> k.startsWith(want)).toList();
        }
        if (matches.isEmpty()) {
            throw bad("no drill has the id " + want + " in the journal; the drills list shows every drill's id", "drill", want);
        }
        if (matches.size() > 1) {
            throw bad(want + " is the start of " + matches.size() + " drills' ids (" + String.join(", ", matches) + "); give more of it",
                    "drill", want);
        }
        List<Entry> entries = groups.get(matches.get(0));
        DrillState s = DrillReplay.replay(matches.get(0), entries, session());
        if (s == null) {
            throw bad("the journal holds steps of drill " + matches.get(0) + " but not its beginning; it cannot be rebuilt", "drill", want);
        }
        return new Loaded(s, entries);
    }

    private void step(Actor actor, Loaded d, DrillStep step, int member, String outcome, String subject, Consumer<ObjectNode> fill) {
        ObjectNode o = JSON.objectNode();
        o.put("drill", d.state.id()).put("step", step.spelling()).put("outcome", outcome).put("rehearsal", d.state.rehearsal());
        if (member >= 0) {
            o.put("member", member);
        }
        Instant previous = d.entries.isEmpty() ? null : d.entries.get(d.entries.size() - 1).time();
        long ms = previous == null ? 0 : Math.max(0, Duration.between(previous, clock.instant()).toMillis());
        o.put("durationMs", ms);
        fill.accept(o);
        journal.drillStep(actor, subject == null ? d.state.members().get(0).member().resourceArn() : subject, o);
    }

    /** Confirmed, and nothing chosen or preflighted again since: a restore may start. */
    private static boolean confirmed(DrillState s) {
        long confirm = -1;
        long prepared = -1;
        for (StepRecord r : s.steps()) {
            if (r.step() == DrillStep.CONFIRM) {
                confirm = r.seq();
            } else if (r.step() == DrillStep.CHOOSE || r.step() == DrillStep.PREFLIGHT) {
                prepared = r.seq();
            }
        }
        return confirm > prepared;
    }

    private void start(Connection operator, Loaded d, int member) {
        MemberState m = d.state.members().get(member);
        Vault v = d.vault(member);
        RestoreRequest request = new RestoreRequest(v.account, v.region, m.recoveryPointArn(), m.member().resourceType(), m.iamRoleArn(),
                m.metadata() == null ? Map.of() : m.metadata(), idempotencyToken(d.state.id(), member));
        String jobId = null;
        String error = null;
        try {
            jobId = restores(operator, v.account).start(request);
        } catch (RuntimeException e) {
            ServiceFailure f = Failures.translate(e);
            if (f.transientOrLocal()) {
                throw f;
            }
            error = f.awsReason();
        }
        String id = jobId;
        String why = error;
        step(operator.actor(), d, DrillStep.START_RESTORE, member, id != null ? "ok" : "failed", m.recoveryPointArn(), o -> {
            if (id != null) {
                o.put("restoreJobId", id);
            } else {
                o.put("error", why);
            }
            o.put("iamRoleArn", request.iamRoleArn());
            ObjectNode md = o.putObject("metadata");
            new java.util.TreeMap<>(request.metadata()).forEach(md::put);
            o.put("recoveryPointArn", request.recoveryPointArn());
            o.put("idempotencyToken", request.idempotencyToken());
        });
        if (id == null) {
            Loaded after = load(d.state.id());
            if (member + 1 < after.state.members().size()) {
                skipFrom(operator, after, member + 1, after.state.members().get(member));
            }
        }
    }

    private void skipFrom(Connection operator, Loaded d, int from, MemberState failed) {
        Loaded cur = d;
        for (int i = from; i < cur.state.members().size(); i++) {
            MemberState m = cur.state.members().get(i);
            if (m.jobStatus() != null) {
                continue;
            }
            String reason = "Not started: the restore of " + failed.member().resourceName() + " before it did not complete";
            step(operator.actor(), cur, DrillStep.START_RESTORE, i, "skipped", m.recoveryPointArn() != null ? m.recoveryPointArn() : m.member().resourceArn(),
                    o -> o.put("reason", reason));
            cur = load(cur.state.id());
        }
    }

    private void journalWait(Connection operator, Loaded d, int member, MemberState m, RestoreJobView view) {
        Instant created = view.creationDate();
        Instant completed = view.completionDate();
        Long rto = created != null && completed != null ? Duration.between(created, completed).toMillis() : null;
        Long rpo = created != null && m.pointCreated() != null ? Duration.between(m.pointCreated(), created).toMillis() : null;
        step(operator.actor(), d, DrillStep.WAIT, member, "COMPLETED".equals(view.status()) ? "ok" : "failed", m.recoveryPointArn(), o -> {
            o.put("restoreJobId", view.restoreJobId()).put("status", view.status()).put("statusMessage", view.statusMessage())
                    .put("createdResourceArn", view.createdResourceArn())
                    .put("jobCreated", created == null ? null : created.toString()).put("jobCompleted", completed == null ? null : completed.toString())
                    .put("rtoMs", rto).put("rpoMs", rpo);
        });
    }

    private static DrillState withLive(DrillState s, Map<Integer, RestoreJobView> live) {
        if (live.isEmpty()) {
            return s;
        }
        List<MemberState> members = new ArrayList<>();
        for (int i = 0; i < s.members().size(); i++) {
            MemberState m = s.members().get(i);
            RestoreJobView v = live.get(i);
            if (v != null) {
                m = new MemberState(m.member(), m.recoveryPointArn(), m.pointCreated(), m.preflight(), m.iamRoleArn(), m.metadata(), m.restoreJobId(),
                        v, v.status() != null ? v.status() : m.jobStatus(), v.statusMessage(), v.createdResourceArn(), m.rto(), m.rpo(),
                        m.validation(), m.validationSentToAws(), m.cleanedUp(), m.cleanUpConfirmed());
            }
            members.add(m);
        }
        return new DrillState(s.id(), s.title(), s.runbookName(), s.rehearsal(), s.target(), s.operator(), s.signer(), s.status(), s.started(),
                s.ended(), members, s.steps(), s.rto(), s.notes(), s.abandonReason(), s.interrupted());
    }

    private AwsRestores restores(Connection c, String account) {
        try {
            return new AwsRestores(c.clientsIn(account));
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        }
    }



    private static void requireOperator(Connection c) {
        if (c == null) {
            throw new ServiceFailure(ServiceFailure.Kind.SIGN_IN_REQUIRED, "a drill is run by an operator who signed in");
        }
        if (c.mode() != Mode.OPERATOR) {
            throw new ServiceFailure(ServiceFailure.Kind.READ_ONLY, "Redoubt works read-only in auditor mode: a drill restores into AWS, "
                    + "so only an operator runs one", ServiceFailure.facts("identity", c.identity().arn()), null);
        }
    }

    private static void requirePreparing(DrillState s) {
        requireOpen(s);
        if (s.status() != DrillStatus.PREPARING) {
            throw bad("the restore of drill " + s.id() + " has started; its recovery points and preflight can no longer change", "drill", s.id());
        }
    }

    private static void requireOpen(DrillState s) {
        if (s.status().finished() || s.status() == DrillStatus.AWAITING_SIGN_OFF) {
            throw bad("drill " + s.id() + " is " + DrillText.status(s.status()).toLowerCase(Locale.ROOT) + "; its steps can no longer change",
                    "drill", s.id());
        }
    }

    private static MemberState member(DrillState s, int member) {
        if (member < 0 || member >= s.members().size()) {
            throw bad("drill " + s.id() + " has " + s.members().size() + (s.members().size() == 1 ? " resource" : " resources")
                    + "; there is no number " + (member + 1), "member", String.valueOf(member));
        }
        return s.members().get(member);
    }

    private static boolean rehearsal(Connection c) {
        return c.demo() || "sandbox".equals(c.target().value());
    }

    /** The same person: the same ARN, or two roles taken by the same signed-in user (an assumed role's session name). */
    static boolean samePerson(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        String sa = sessionName(a);
        String sb = sessionName(b);
        return sa != null && sa.equals(sb) && a.contains(":assumed-role/AWSReservedSSO_") == b.contains(":assumed-role/AWSReservedSSO_")
                && sameAccountOrSso(a, b);
    }

    private static boolean sameAccountOrSso(String a, String b) {
        return a.contains("AWSReservedSSO_") || Arn.parse(a) != null && Arn.parse(b) != null && Arn.parse(a).account().equals(Arn.parse(b).account());
    }

    private static String sessionName(String arn) {
        int i = arn.indexOf(":assumed-role/");
        if (i < 0) {
            return null;
        }
        String rest = arn.substring(i + ":assumed-role/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? null : rest.substring(slash + 1);
    }

    static String idempotencyToken(String drillId, int member) {
        return "redoubt-drill-" + drillId + "-" + member;
    }

    private static String newId() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static DrillMember member(EstateIndex index, int order, String arn) {
        EstateIndex.ResourceRef r = resource(index, arn);
        if (r != null) {
            String name = r.resource().resourceName() != null ? r.resource().resourceName() : DrillText.lastPart(arn);
            return new DrillMember(order, arn, r.resource().resourceType(), name, r.ownerAccountId(), r.ownerRegion());
        }
        List<EstateIndex.PointRef> points = index.pointsOf(arn);
        if (points.isEmpty()) {
            throw bad(arn + " is not a resource in this estate: it has no recovery point; choose a protected resource, or scan again",
                    "resource", arn);
        }
        RecoveryPoint p = points.get(0).point();
        Arn a = Arn.parse(arn);
        String account = a != null && !a.account().isEmpty() ? a.account() : points.get(0).vault().accountId();
        String region = a != null && !a.region().isEmpty() ? a.region() : points.get(0).vault().region();
        return new DrillMember(order, arn, p.resourceType(), p.resourceName() != null ? p.resourceName() : DrillText.lastPart(arn), account, region);
    }

    private static EstateIndex.ResourceRef resource(EstateIndex index, String arn) {
        for (EstateIndex.ResourceRef r : index.protectedResources()) {
            if (arn.equals(r.resource().resourceArn())) {
                return r;
            }
        }
        return null;
    }

    /** A role seen completing restores in the account, else a plan selection's role for the resource. */
    private static String proposeRole(EstateIndex index, String account, String resourceArn) {
        RestoreJob best = null;
        for (EstateIndex.RegionRef r : index.regions()) {
            if (!r.accountId().equals(account) || r.data().restoreJobs() == null) {
                continue;
            }
            for (RestoreJob j : r.data().restoreJobs()) {
                if ("COMPLETED".equals(j.status()) && j.iamRoleArn() != null
                        && (best == null || j.creationDate() != null && (best.creationDate() == null || j.creationDate().isAfter(best.creationDate())))) {
                    best = j;
                }
            }
        }
        if (best != null) {
            return best.iamRoleArn();
        }
        for (EstateIndex.PlanRef p : index.plans()) {
            BackupPlan plan = p.plan();
            for (BackupSelection s : plan.selections() == null ? List.<BackupSelection>of() : plan.selections()) {
                if (s.backupSelection() != null && s.backupSelection().resources() != null && s.backupSelection().resources().contains(resourceArn)
                        && s.backupSelection().iamRoleArn() != null) {
                    return s.backupSelection().iamRoleArn();
                }
            }
        }
        return null;
    }

    /** Where the estate shows the role restoring, in words; null when it does not. */
    private static String roleEvidence(EstateIndex index, String account, String role) {
        if (role == null) {
            return null;
        }
        for (EstateIndex.RegionRef r : index.regions()) {
            for (RestoreJob j : r.data().restoreJobs() == null ? List.<RestoreJob>of() : r.data().restoreJobs()) {
                if (role.equals(j.iamRoleArn()) && "COMPLETED".equals(j.status())) {
                    return "completed restore job " + j.restoreJobId() + (j.completionDate() == null ? "" : " on " + DrillText.time(j.completionDate()));
                }
            }
            for (RestoreTestingPlan p : r.data().restoreTestingPlans() == null ? List.<RestoreTestingPlan>of() : r.data().restoreTestingPlans()) {
                for (RestoreTestingSelection s : p.selections() == null ? List.<RestoreTestingSelection>of() : p.selections()) {
                    if (role.equals(s.iamRoleArn())) {
                        return "restores for the restore testing selection " + s.restoreTestingSelectionName() + " of plan " + p.restoreTestingPlanName();
                    }
                }
            }
        }
        return null;
    }

    private static ServiceFailure bad(String message, String field, String value) {
        return new ServiceFailure(ServiceFailure.Kind.BAD_INPUT, message, ServiceFailure.facts("field", field, "value", value), null);
    }
}
