package dev.redoubt.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.drills.ResourceHistory;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.journal.Mode;
import dev.redoubt.journal.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drill history per resource, the team's cadence, and bad input, with no AWS call. */
class DrillHistoryTest {
    private static final String OP = "arn:aws:sts::645019283746:assumed-role/BackupOperator/alice";
    private static final String SIGNER = "arn:aws:sts::645019283746:assumed-role/AuditReadOnly/bob";

    @TempDir
    Path dir;

    /** Journals a whole drill of one resource as it would be recorded, the given number of days before the capture. */
    private static void drill(DrillFixture f, String id, String arn, String name, boolean rehearsal, int daysBefore) {
        f.clock.advance(Duration.ZERO);
        Target target = rehearsal ? Target.sandbox() : Target.aws();
        Actor op = new Actor(OP, Mode.OPERATOR, target);
        String[][] steps = {{"begin", "-1"}, {"start-restore", "0"}, {"wait", "0"}, {"validate", "0"}, {"summary", "-1"}, {"sign-off", "-1"}};
        for (String[] s : steps) {
            ObjectNode d = JsonNodeFactory.instance.objectNode().put("drill", id).put("step", s[0]).put("outcome", "ok").put("rehearsal", rehearsal);
            int member = Integer.parseInt(s[1]);
            if (member >= 0) {
                d.put("member", member);
            }
            switch (s[0]) {
                case "begin" -> d.put("title", name).putArray("members").addObject().put("order", 0).put("resourceArn", arn).put("resourceType", "RDS")
                        .put("resourceName", name).put("accountId", "645019283746").put("region", "eu-west-1");
                case "start-restore" -> d.put("restoreJobId", "job-" + id);
                case "wait" -> d.put("restoreJobId", "job-" + id).put("status", "COMPLETED").put("rtoMs", 600_000)
                        .put("jobCreated", "2026-01-01T00:00:00Z").put("jobCompleted", "2026-01-01T00:10:00Z");
                case "validate" -> d.putArray("checks").addObject().put("id", "db-connect").put("text", "connects").put("outcome", "PASSED");
                case "sign-off" -> d.put("signer", SIGNER).put("operator", OP);
                default -> { }
            }
            f.app.activity().drillStep(s[0].equals("sign-off") ? new Actor(SIGNER, Mode.AUDITOR, target) : op, arn, d);
        }
    }

    @Test
    void aVerifiedDrillCountsAgainstTheCadenceARehearsalIsShownButNeverVerifies() throws Exception {
        DrillFixture.TestClock clock = new DrillFixture.TestClock(NorthwindDemo.CAPTURED_AT.minus(Duration.ofDays(200)));
        try (DrillFixture f = new DrillFixture(dir.resolve("home"), clock)) {
            EstateCatalog catalog = f.catalog();
            String orders = DrillFixture.arnOf(catalog, "shop-orders");
            String web = DrillFixture.arnOf(catalog, "shop-web-data-1");
            drill(f, "aaaa0001", orders, "shop-orders", false, 200);
            drill(f, "aaaa0002", web, "shop-web-data-1", true, 200);
            DrillService drills = f.drills();

            assertThat(drills.cadenceDays()).isEqualTo(DrillService.DEFAULT_CADENCE_DAYS);
            List<ResourceHistory> all = drills.history(catalog.index());
            assertThat(all).extracting(ResourceHistory::resourceArn).contains(orders, web);
            assertThat(all).allMatch(ResourceHistory::overdue);
            ResourceHistory o = drills.history(catalog.index(), orders);
            assertThat(o.lastVerifiedDrill()).isEqualTo("aaaa0001");
            assertThat(o.measuredRto()).isEqualTo(Duration.ofMinutes(10));
            assertThat(o.rtoTarget()).isEqualTo(Duration.ofMinutes(catalog.index().thresholds().maxRestoreMinutes()));
            assertThat(o.dueAt()).isEqualTo(o.lastVerified().plus(Duration.ofDays(180)));
            assertThat(o.overdue()).as("200 days ago, cadence 180").isTrue();
            ResourceHistory w = drills.history(catalog.index(), web);
            assertThat(w.lastVerified()).as("a rehearsal never verifies").isNull();
            assertThat(w.lastRehearsalDrill()).isEqualTo("aaaa0002");
            assertThat(w.overdue()).isTrue();

            drills.setCadenceDays(new Actor(OP, Mode.OPERATOR, Target.aws()), 365);
            assertThat(drills.cadenceDays()).isEqualTo(365);
            assertThat(drills.history(catalog.index(), orders).overdue()).isFalse();
            assertThat(drills.history(catalog.index()).get(0).overdue()).as("overdue first").isTrue();
            assertThat(f.app.journal().read(new EntryQuery(null, null, "drill-cadence", null, 0))).singleElement()
                    .satisfies(e -> assertThat(e.detailsTree().path("cadenceDays").asInt()).isEqualTo(365));
            assertThatThrownBy(() -> drills.setCadenceDays(new Actor(OP, Mode.OPERATOR, Target.aws()), 0))
                    .isInstanceOfSatisfying(ServiceFailure.class, e -> assertThat(e.kind()).isEqualTo(ServiceFailure.Kind.BAD_INPUT));
        }
    }

    @Test
    void badInputIsRefusedWithWhatAndWhereAndNothingIsJournaled() throws Exception {
        try (DrillFixture f = DrillFixture.open(dir)) {
            DrillService drills = f.drills();
            EstateCatalog catalog = f.catalog();
            assertThatThrownBy(() -> drills.show("nope")).isInstanceOfSatisfying(ServiceFailure.class, e -> {
                assertThat(e.kind()).isEqualTo(ServiceFailure.Kind.BAD_INPUT);
                assertThat(e.getMessage()).contains("no drill has the id nope");
            });
            assertThatThrownBy(() -> drills.plan(catalog, "x", List.of("arn:aws:rds:eu-west-1:645019283746:db:nothing")))
                    .isInstanceOfSatisfying(ServiceFailure.class, e -> assertThat(e.getMessage()).contains("is not a resource in this estate"));
            Path bad = dir.resolve("runbook.json");
            Files.writeString(bad, "{\"format\": \"redoubt-runbook/1\", \"name\": \"x\", \"members\": [{\"resourceArn\": \"arn:aws:rds:eu-west-1:645019283746:db:nothing\"}]}");
            assertThatThrownBy(() -> drills.plan(catalog, drills.readRunbook(bad))).isInstanceOf(ServiceFailure.class)
                    .hasMessageContaining("not a resource in this estate");
            Files.writeString(bad, "{\"format\": \"redoubt-runbook/1\", \"name\": 3, \"members\": [}");
            assertThatThrownBy(() -> drills.readRunbook(bad)).isInstanceOfSatisfying(ServiceFailure.class, e -> {
                assertThat(e.kind()).isEqualTo(ServiceFailure.Kind.BAD_INPUT);
                assertThat(e.fact("file")).isEqualTo(bad.toString());
                assertThat(e.fact("where")).contains("line 1");
            });
            assertThat(f.app.journal().read(new EntryQuery(null, null, "drill-step", null, 0))).isEmpty();
        }
    }
}
