package dev.redoubt.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.Entry;
import dev.redoubt.journal.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drills rebuilt from hand-built journal entries: the state is what the entries say, nothing else. */
class DrillReplayTest {
    private static final String OP = "arn:aws:sts::645019283746:assumed-role/BackupOperator/alice";
    private static final String SIGNER = "arn:aws:sts::645019283746:assumed-role/AuditReadOnly/bob";
    private static final String DB = "arn:aws:rds:eu-west-1:645019283746:db:shop-orders";
    private static final String VOL = "arn:aws:ec2:eu-west-1:645019283746:volume/vol-0abc";
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private final List<Entry> entries = new ArrayList<>();
    private String session = "s1";

    private ObjectNode add(String actor, int minutes, String drill, String step, int member, String outcome) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("drill", drill).put("step", step).put("outcome", outcome).put("rehearsal", true);
        if (member >= 0) {
            d.put("member", member);
        }
        entries.add(null);
        int index = entries.size() - 1;
        pending.add(new Object[] {index, actor, minutes, d});
        return d;
    }

    private final List<Object[]> pending = new ArrayList<>();

    private List<Entry> built() {
        for (Object[] p : pending) {
            int i = (int) p[0];
            ObjectNode d = (ObjectNode) p[3];
            entries.set(i, new Entry(i + 1, T0.plus(Duration.ofMinutes((int) p[2])), (String) p[1], d.path("_session").asText(session), Mode.OPERATOR,
                    "sandbox", "drill-step", DB, strip(d), "prev" + i, "hash" + (i + 1)));
        }
        pending.clear();
        return entries;
    }

    private static String strip(ObjectNode d) {
        ObjectNode c = d.deepCopy();
        c.remove("_session");
        return c.toString();
    }

    private void begin(String drill) {
        ObjectNode b = add(OP, 0, drill, "begin", -1, "ok");
        b.put("title", "Shop");
        b.putArray("members").add(member(0, DB, "RDS", "shop-orders")).add(member(1, VOL, "EBS", "shop-web-data-1"));
    }

    private static ObjectNode member(int order, String arn, String type, String name) {
        return JsonNodeFactory.instance.objectNode().put("order", order).put("resourceArn", arn).put("resourceType", type).put("resourceName", name)
                .put("accountId", "645019283746").put("region", "eu-west-1");
    }

    private void completed(int member, int minutes, String job) {
        add(OP, minutes, "d1", "start-restore", member, "ok").put("restoreJobId", job).put("iamRoleArn", "arn:aws:iam::645019283746:role/R");
        add(OP, minutes + 5, "d1", "wait", member, "ok").put("restoreJobId", job).put("status", "COMPLETED")
                .put("createdResourceArn", "arn:created-" + member).put("jobCreated", T0.plus(Duration.ofMinutes(minutes)).toString())
                .put("jobCompleted", T0.plus(Duration.ofMinutes(minutes + 5)).toString()).put("rtoMs", 300_000).put("rpoMs", 3_600_000);
    }

    @Test
    void aWholeDrillRebuildsStepByStepWithEachEntrysSeqHashAndDuration() {
        begin("d1");
        add(OP, 1, "d1", "choose", 0, "ok").put("recoveryPointArn", "rp-db").put("pointCreated", "2026-11-28T03:00:00Z").put("vaultArn", "v");
        ObjectNode pf = add(OP, 2, "d1", "preflight", 0, "ok").put("iamRoleArn", "arn:aws:iam::645019283746:role/R");
        pf.putArray("items").addObject().put("id", "key-usable").put("title", "Key").put("verdict", "UNKNOWN").put("reason", "not read");
        pf.putObject("metadata").put("DBInstanceIdentifier", "redoubt-drill-d1-shop-orders");
        add(OP, 3, "d1", "confirm", -1, "ok").put("typed", "Shop");
        completed(0, 4, "job-1");
        completed(1, 10, "job-2");
        add(OP, 20, "d1", "validate", 0, "ok").put("restoreJobId", "job-1").put("sentToAws", "SUCCESSFUL")
                .putArray("checks").addObject().put("id", "db-connect").put("text", "connects").put("outcome", "PASSED");
        add(OP, 21, "d1", "validate", 1, "ok").put("restoreJobId", "job-2").putNull("sentToAws")
                .putArray("checks").addObject().put("id", "ebs-attach").put("text", "attaches").put("outcome", "PASSED");
        add(OP, 22, "d1", "summary", -1, "ok").put("notes", "fine");
        add(SIGNER, 30, "d1", "sign-off", -1, "ok").put("operator", OP).put("signer", SIGNER).put("statement", "ok");

        DrillState s = DrillReplay.replay("d1", built(), "s2");

        assertThat(s.status()).isEqualTo(DrillStatus.SIGNED_OFF);
        assertThat(s.operator()).isEqualTo(OP);
        assertThat(s.signer()).isEqualTo(SIGNER);
        assertThat(s.rehearsal()).isTrue();
        assertThat(s.verified()).as("a rehearsal").isFalse();
        assertThat(s.interrupted()).as("finished drills are never interrupted").isFalse();
        assertThat(s.rto()).as("first job created to last completed").isEqualTo(Duration.ofMinutes(11));
        assertThat(s.ended()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        MemberState db = s.members().get(0);
        assertThat(db.recoveryPointArn()).isEqualTo("rp-db");
        assertThat(db.preflight()).extracting(PreflightItem::verdict).containsExactly(Status.UNKNOWN);
        assertThat(db.metadata()).containsEntry("DBInstanceIdentifier", "redoubt-drill-d1-shop-orders");
        assertThat(db.restoreJobId()).isEqualTo("job-1");
        assertThat(db.jobStatus()).isEqualTo("COMPLETED");
        assertThat(db.rto()).isEqualTo(Duration.ofMinutes(5));
        assertThat(db.rpo()).isEqualTo(Duration.ofHours(1));
        assertThat(db.validationSentToAws()).isEqualTo("SUCCESSFUL");
        assertThat(s.members().get(1).validationSentToAws()).isNull();
        assertThat(s.steps()).hasSize(12);
        StepRecord wait = s.steps().get(5);
        assertThat(wait.step()).isEqualTo(DrillStep.WAIT);
        assertThat(wait.seq()).isEqualTo(6);
        assertThat(wait.hash()).isEqualTo("hash6");
        assertThat(wait.duration()).as("from the previous entry").isEqualTo(Duration.ofMinutes(5));
        assertThat(wait.text()).isEqualTo("Restore job job-1 of shop-orders completed in 5 min");
        assertThat(s.steps().get(11).actor()).isEqualTo(SIGNER);
    }

    @Test
    void aSignedOffDrillAgainstAwsWithEveryJobValidatedIsVerified() {
        begin("d1");
        completed(0, 4, "job-1");
        completed(1, 10, "job-2");
        add(OP, 20, "d1", "validate", 0, "ok").putArray("checks").addObject().put("id", "a").put("text", "a").put("outcome", "PASSED");
        add(OP, 21, "d1", "validate", 1, "ok").putArray("checks").addObject().put("id", "b").put("text", "b").put("outcome", "PASSED");
        add(OP, 22, "d1", "summary", -1, "ok");
        add(SIGNER, 30, "d1", "sign-off", -1, "ok").put("signer", SIGNER);
        for (Object[] p : pending) {
            ((ObjectNode) p[3]).put("rehearsal", false);
        }
        DrillState s = DrillReplay.replay("d1", built(), "s1");
        assertThat(s.rehearsal()).isFalse();
        assertThat(s.verified()).isTrue();
    }

    @Test
    void statusFollowsTheStepsAndAFailedMemberLeavesTheRestSkipped() {
        begin("d1");
        assertThat(DrillReplay.replay("d1", built(), "s1").status()).isEqualTo(DrillStatus.PREPARING);
        add(OP, 4, "d1", "start-restore", 0, "ok").put("restoreJobId", "job-1");
        assertThat(DrillReplay.replay("d1", built(), "s1").status()).isEqualTo(DrillStatus.RESTORING);
        add(OP, 6, "d1", "wait", 0, "failed").put("restoreJobId", "job-1").put("status", "FAILED").put("statusMessage", "key is disabled");
        add(OP, 6, "d1", "start-restore", 1, "skipped").put("reason", "Not started: the restore of shop-orders before it did not complete");
        DrillState s = DrillReplay.replay("d1", built(), "s1");
        assertThat(s.status()).isEqualTo(DrillStatus.VALIDATING);
        assertThat(s.members().get(0).jobStatusMessage()).isEqualTo("key is disabled");
        assertThat(s.members().get(1).jobStatus()).isEqualTo("SKIPPED");
        assertThat(s.rto()).isNull();
        add(OP, 8, "d1", "abandon", -1, "ok").put("reason", "key disabled");
        s = DrillReplay.replay("d1", built(), "s1");
        assertThat(s.status()).isEqualTo(DrillStatus.ABANDONED);
        assertThat(s.abandonReason()).isEqualTo("key disabled");
    }

    @Test
    void anUnfinishedDrillLastWrittenByAnEarlierRunIsInterruptedUntilResumed() {
        begin("d1");
        add(OP, 4, "d1", "start-restore", 0, "ok").put("restoreJobId", "job-1");
        List<Entry> written = built();
        assertThat(DrillReplay.replay("d1", written, "s1").interrupted()).isFalse();
        assertThat(DrillReplay.replay("d1", written, "s2").interrupted()).isTrue();
        add(OP, 40, "d1", "resume", -1, "ok").put("_session", "s2");
        assertThat(DrillReplay.replay("d1", built(), "s2").interrupted()).isFalse();
    }

    @Test
    void entriesOfOtherDrillsAndOtherActionsAreIgnoredAndStepsBeforeABeginDropped() {
        add(OP, 0, "d2", "choose", 0, "ok");
        begin("d1");
        begin("d3");
        List<Entry> all = new ArrayList<>(built());
        all.add(new Entry(99, T0, OP, "s1", Mode.OPERATOR, "sandbox", "scan", DB, "{\"drill\":\"d1\",\"step\":\"abandon\"}", "p", "h"));
        assertThat(DrillReplay.group(all).keySet()).containsExactly("d2", "d1", "d3");
        assertThat(DrillReplay.all(all, "s1")).extracting(DrillState::id).containsExactly("d1", "d3");
        assertThat(DrillReplay.replay("d1", DrillReplay.group(all).get("d1"), "s1").status()).isEqualTo(DrillStatus.PREPARING);
    }
}
