package dev.redoubt.drills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.Entry;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds drills from their journal entries (action {@code drill-step}, details as docs/journal.md
 * and docs/drills.md fix them): the only way a drill's state is known. Pure: the same entries give the
 * same state.
 *
 * <p>A drill is <em>interrupted</em> when it is not finished, is not waiting for its sign-off, and its
 * last entry was written by an earlier run of Redoubt (another journal session than {@code currentSession}):
 * the run that drove it ended (closed, crashed, or the machine restarted) before the drill did. Within the
 * run that drives it a drill is never interrupted, however long its restore takes (AWS restores run for
 * hours and Redoubt journals nothing while it waits). A resume entry takes the drill up in the current run.
 */
public final class DrillReplay {
    /** The journal action of every drill step. */
    public static final String ACTION = "drill-step";

    private DrillReplay() {
    }

    /** The entries of each drill, by drill id, in the order the drills began (entries oldest first). */
    public static Map<String, List<Entry>> group(List<Entry> entries) {
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (!ACTION.equals(e.action())) {
                continue;
            }
            String id = e.detailsTree().path("drill").asText(null);
            if (id != null && !id.isBlank()) {
                out.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }

    /** Every drill in {@code entries}, in the order they began. */
    public static List<DrillState> all(List<Entry> entries, String currentSession) {
        List<DrillState> out = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> g : group(entries).entrySet()) {
            DrillState s = replay(g.getKey(), g.getValue(), currentSession);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** One drill from its entries (oldest first); null when they hold no begin step. */
    public static DrillState replay(String id, List<Entry> entries, String currentSession) {
        Builder b = null;
        Instant previous = null;
        for (Entry e : entries) {
            JsonNode d = e.detailsTree();
            DrillStep step = DrillStep.parse(d.path("step").asText());
            if (step == null) {
                continue;
            }
            if (b == null) {
                if (step != DrillStep.BEGIN) {
                    continue;
                }
                b = new Builder(id, e, d);
            }
            Duration duration = d.has("durationMs") ? Duration.ofMillis(d.path("durationMs").asLong())
                    : previous == null ? Duration.ZERO : Duration.between(previous, e.time());
            previous = e.time();
            int member = d.has("member") ? d.path("member").asInt(-1) : -1;
            String outcome = d.path("outcome").asText("ok");
            String text = b.apply(step, member, outcome, e, d);
            b.steps.add(new StepRecord(step, member, outcome, e.time(), duration, e.actor(), text, e.seq(), e.hash()));
            b.lastSession = e.session();
        }
        return b == null ? null : b.build(currentSession);
    }

    /** The first line of a drill: for the list. */
    public static DrillSummary summary(DrillState s) {
        return new DrillSummary(s.id(), s.title(), s.rehearsal(), s.status(), s.operator(), s.signer(), s.started(), s.ended(),
                s.members().size(), s.rto(), s.interrupted());
    }

    private static final class MemberBuilder {
        final DrillMember member;
        String pointArn;
        Instant pointCreated;
        List<PreflightItem> preflight = List.of();
        String role;
        Map<String, String> metadata = Map.of();
        String jobId;
        RestoreJobView lastSeen;
        String jobStatus;
        String jobMessage;
        String created;
        Duration rto;
        Duration rpo;
        Validation validation;
        String sent;
        List<String> cleaned = List.of();
        boolean cleanConfirmed;
        Instant jobCreated;
        Instant jobCompleted;

        MemberBuilder(DrillMember member) {
            this.member = member;
        }

        MemberState build() {
            return new MemberState(member, pointArn, pointCreated, preflight, role, metadata, jobId, lastSeen, jobStatus, jobMessage, created,
                    rto, rpo, validation, sent, cleaned, cleanConfirmed);
        }

        String name() {
            return member.resourceName() != null ? member.resourceName() : DrillText.lastPart(member.resourceArn());
        }
    }

    private static final class Builder {
        final String id;
        final String title;
        final String runbook;
        final boolean rehearsal;
        final String target;
        final String operator;
        final Instant started;
        final List<MemberBuilder> members = new ArrayList<>();
        final List<StepRecord> steps = new ArrayList<>();
        String signer;
        Instant ended;
        String notes;
        String abandonReason;
        boolean summarized;
        boolean signedOff;
        boolean abandoned;
        String lastSession;

        Builder(String id, Entry begin, JsonNode d) {
            this.id = id;
            this.title = d.path("title").asText(id);
            this.runbook = d.hasNonNull("runbook") ? d.path("runbook").asText() : null;
            this.rehearsal = d.has("rehearsal") ? d.path("rehearsal").asBoolean() : "sandbox".equals(begin.target());
            this.target = begin.target();
            this.operator = begin.actor();
            this.started = begin.time();
            int i = 0;
            for (JsonNode m : d.path("members")) {
                members.add(new MemberBuilder(new DrillMember(m.path("order").asInt(i), m.path("resourceArn").asText(null),
                        m.path("resourceType").asText(null), m.path("resourceName").asText(null), m.path("accountId").asText(null),
                        m.path("region").asText(null))));
                i++;
            }
        }

        MemberBuilder member(int i) {
            return i >= 0 && i < members.size() ? members.get(i) : null;
        }

        String apply(DrillStep step, int member, String outcome, Entry e, JsonNode d) {
            MemberBuilder m = member(member);
            String who = m == null ? "" : m.name();
            boolean ok = "ok".equals(outcome);
            switch (step) {
                case BEGIN:
                    return (rehearsal ? "Began a rehearsal: " : "Began the drill: ") + title + " (" + members.size()
                            + (members.size() == 1 ? " resource)" : " resources, restored in order)");
                case CHOOSE:
                    if (m == null) {
                        return "Chose a recovery point";
                    }
                    m.pointArn = d.path("recoveryPointArn").asText(null);
                    m.pointCreated = instant(d.path("pointCreated"));
                    m.preflight = List.of();
                    m.role = null;
                    m.metadata = Map.of();
                    return "Chose the recovery point of " + who + " made " + DrillText.time(m.pointCreated)
                            + (d.path("suggested").asBoolean() ? " (the suggested one)" : "");
                case PREFLIGHT: {
                    if (m == null) {
                        return "Preflight";
                    }
                    List<PreflightItem> items = new ArrayList<>();
                    for (JsonNode it : d.path("items")) {
                        items.add(new PreflightItem(it.path("id").asText(), it.path("title").asText(), status(it.path("verdict").asText()),
                                it.path("reason").asText(null), it.hasNonNull("fix") ? it.path("fix").asText() : null));
                    }
                    m.preflight = List.copyOf(items);
                    m.role = d.hasNonNull("iamRoleArn") ? d.path("iamRoleArn").asText() : null;
                    m.metadata = strings(d.path("metadata"));
                    long fail = items.stream().filter(i -> i.verdict() == Status.FAIL).count();
                    long unknown = items.stream().filter(i -> i.verdict() == Status.UNKNOWN).count();
                    long pass = items.stream().filter(i -> i.verdict() == Status.PASS).count();
                    return "Preflight of " + who + ": " + pass + " passed" + (unknown > 0 ? ", " + unknown + " to check" : "")
                            + (fail > 0 ? ", " + fail + " blocking" : "");
                }
                case CONFIRM:
                    return "Confirmed by typing \"" + d.path("typed").asText() + "\"";
                case START_RESTORE:
                    if (m == null) {
                        return "Restore";
                    }
                    if ("skipped".equals(outcome)) {
                        m.jobStatus = "SKIPPED";
                        m.jobMessage = d.path("reason").asText("Not started: a resource before it did not restore");
                        return "Did not restore " + who + ": " + m.jobMessage;
                    }
                    if (d.hasNonNull("iamRoleArn")) {
                        m.role = d.path("iamRoleArn").asText();
                    }
                    if (d.has("metadata")) {
                        m.metadata = strings(d.path("metadata"));
                    }
                    if (ok) {
                        m.jobId = d.path("restoreJobId").asText(null);
                        m.jobStatus = "PENDING";
                        m.jobMessage = null;
                        return "Started restore job " + m.jobId + " of " + who;
                    }
                    m.jobStatus = "FAILED";
                    m.jobMessage = d.path("error").asText("AWS refused the restore");
                    return "AWS refused to start the restore of " + who + ": " + m.jobMessage;
                case WAIT: {
                    if (m == null) {
                        return "Restore job ended";
                    }
                    m.jobStatus = d.path("status").asText(null);
                    m.jobMessage = d.hasNonNull("statusMessage") ? d.path("statusMessage").asText() : null;
                    m.created = d.hasNonNull("createdResourceArn") ? d.path("createdResourceArn").asText() : null;
                    m.jobCreated = instant(d.path("jobCreated"));
                    m.jobCompleted = instant(d.path("jobCompleted"));
                    m.rto = d.hasNonNull("rtoMs") ? Duration.ofMillis(d.path("rtoMs").asLong()) : null;
                    m.rpo = d.hasNonNull("rpoMs") ? Duration.ofMillis(d.path("rpoMs").asLong()) : null;
                    String jobId = d.path("restoreJobId").asText(m.jobId);
                    if (m.jobId == null) {
                        m.jobId = jobId;
                    }
                    m.lastSeen = new RestoreJobView(jobId, m.member.accountId(), m.jobStatus, m.jobMessage,
                            "COMPLETED".equals(m.jobStatus) ? 100.0 : null, null, m.jobCreated, m.jobCompleted, m.created,
                            m.member.resourceType(), m.pointArn, m.role, null, null);
                    return switch (String.valueOf(m.jobStatus)) {
                        case "COMPLETED" -> "Restore job " + jobId + " of " + who + " completed in " + DrillText.duration(m.rto);
                        case "ABORTED" -> "Restore job " + jobId + " of " + who + " was aborted" + (m.jobMessage == null ? "" : ": " + m.jobMessage);
                        default -> "Restore job " + jobId + " of " + who + " failed" + (m.jobMessage == null ? "" : ": " + m.jobMessage);
                    };
                }
                case VALIDATE: {
                    if (m == null) {
                        return "Validated";
                    }
                    List<CheckResult> checks = new ArrayList<>();
                    for (JsonNode c : d.path("checks")) {
                        CheckResult.Outcome o;
                        try {
                            o = CheckResult.Outcome.valueOf(c.path("outcome").asText("NOT_DONE"));
                        } catch (IllegalArgumentException x) {
                            o = CheckResult.Outcome.NOT_DONE;
                        }
                        checks.add(new CheckResult(c.path("id").asText(), c.path("text").asText(), o));
                    }
                    m.validation = new Validation(checks, d.hasNonNull("notes") ? d.path("notes").asText() : null);
                    m.sent = d.hasNonNull("sentToAws") ? d.path("sentToAws").asText() : null;
                    long passed = checks.stream().filter(c -> c.outcome() == CheckResult.Outcome.PASSED).count();
                    String aws = m.sent != null ? "; sent to AWS as " + m.sent.toLowerCase(java.util.Locale.ROOT)
                            : d.hasNonNull("awsError") ? "; AWS did not take the result: " + d.path("awsError").asText() : "";
                    return "Validated " + who + ": " + passed + " of " + checks.size() + " checks passed"
                            + (m.validation.successful() ? "" : " (not successful)") + aws;
                }
                case CLEANUP:
                    if (m == null) {
                        return "Cleaned up";
                    }
                    m.cleaned = new ArrayList<>();
                    for (JsonNode r : d.path("resources")) {
                        m.cleaned.add(r.asText());
                    }
                    m.cleaned = List.copyOf(m.cleaned);
                    m.cleanConfirmed = d.path("confirmed").asBoolean();
                    return (m.cleanConfirmed ? "Cleaned up " : "Clean-up not confirmed for ") + who + ": " + m.cleaned.size()
                            + (m.cleaned.size() == 1 ? " resource deleted" : " resources deleted");
                case SUMMARY:
                    summarized = true;
                    notes = d.hasNonNull("notes") ? d.path("notes").asText() : null;
                    return "Summary written" + (d.hasNonNull("rtoMs") ? ": measured RTO " + DrillText.duration(Duration.ofMillis(d.path("rtoMs").asLong())) : "");
                case SIGN_OFF:
                    signedOff = true;
                    signer = d.path("signer").asText(e.actor());
                    ended = e.time();
                    return "Signed off by " + signer;
                case ABANDON:
                    abandoned = true;
                    abandonReason = d.path("reason").asText(null);
                    ended = e.time();
                    return "Abandoned: " + abandonReason;
                case RESUME:
                    return "Resumed by " + e.actor();
                default:
                    return step.spelling();
            }
        }

        DrillState build(String currentSession) {
            List<MemberState> ms = members.stream().map(MemberBuilder::build).toList();
            DrillStatus status;
            if (abandoned) {
                status = DrillStatus.ABANDONED;
            } else if (signedOff) {
                status = DrillStatus.SIGNED_OFF;
            } else if (summarized) {
                status = DrillStatus.AWAITING_SIGN_OFF;
            } else if (members.stream().noneMatch(m -> m.jobStatus != null)) {
                status = DrillStatus.PREPARING;
            } else if (members.stream().allMatch(m -> ended(m.jobStatus))) {
                status = DrillStatus.VALIDATING;
            } else {
                status = DrillStatus.RESTORING;
            }
            Duration rto = null;
            if (!members.isEmpty() && members.stream().allMatch(m -> "COMPLETED".equals(m.jobStatus) && m.jobCreated != null && m.jobCompleted != null)) {
                Instant first = members.stream().map(m -> m.jobCreated).min(Instant::compareTo).orElseThrow();
                Instant last = members.stream().map(m -> m.jobCompleted).max(Instant::compareTo).orElseThrow();
                rto = Duration.between(first, last);
            }
            boolean interrupted = !status.finished() && status != DrillStatus.AWAITING_SIGN_OFF && lastSession != null
                    && !lastSession.equals(currentSession);
            return new DrillState(id, title, runbook, rehearsal, target, operator, signer, status, started, ended, ms, steps, rto, notes,
                    abandonReason, interrupted);
        }
    }

    /** True for a job status that will not change again (and for a member not started because one before it failed). */
    public static boolean ended(String jobStatus) {
        return "COMPLETED".equals(jobStatus) || "FAILED".equals(jobStatus) || "ABORTED".equals(jobStatus) || "SKIPPED".equals(jobStatus);
    }

    private static Status status(String s) {
        try {
            return Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            return Status.UNKNOWN;
        }
    }

    private static Map<String, String> strings(JsonNode o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.properties().forEach(f -> out.put(f.getKey(), f.getValue().asText()));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Instant instant(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
