package dev.redoubt.ui.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.ui.restorejobs.RestoreJobColumn;
import dev.redoubt.ui.restorejobs.RestoreJobRow;
import dev.redoubt.ui.restorejobs.RestoreJobsViewModel;
import dev.redoubt.ui.restoretests.RestoreTestsViewModel;
import dev.redoubt.ui.restoretests.TestPlanDetail;
import dev.redoubt.ui.restoretests.TestPlanRow;
import dev.redoubt.ui.support.TestConsole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three screens' view models over a capture with members missing and odd values where AWS could
 * have left them out: what was not read says so, what cannot be phrased is shown as written, nothing throws.
 */
class HollowCaptureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestConsole console;

    @BeforeEach
    void open() throws Exception {
        Path demo = dir.resolve("demo.json");
        new EstateFile().write(NorthwindDemo.build(), demo);
        ObjectNode root = (ObjectNode) JSON.readTree(demo.toFile());
        for (JsonNode account : root.path("Accounts")) {
            for (JsonNode region : account.path("Regions")) {
                for (JsonNode plan : region.path("BackupPlans")) {
                    ObjectNode p = (ObjectNode) plan;
                    String name = p.path("BackupPlan").path("BackupPlanName").asText();
                    switch (name) {
                        case "shop-daily" -> p.remove("BackupPlan");
                        case "shop-long-term" -> {
                            p.remove("Selections");
                            ObjectNode weekly = (ObjectNode) p.path("BackupPlan").path("Rules").get(0);
                            weekly.put("ScheduleExpression", "cron(0 5 L-3 * ? *)");
                            weekly.put("ScheduleExpressionTimezone", "Europe/Paris");
                            weekly.remove("Lifecycle");
                            weekly.remove("StartWindowMinutes");
                            weekly.remove("CompletionWindowMinutes");
                            ObjectNode monthly = (ObjectNode) p.path("BackupPlan").path("Rules").get(1);
                            ((ObjectNode) monthly.path("CopyActions").get(0)).remove("Lifecycle");
                            monthly.put("EnableContinuousBackup", true);
                        }
                        case "erp-daily" -> {
                            ObjectNode sel = (ObjectNode) p.path("Selections").get(0).path("BackupSelection");
                            sel.remove("IamRoleArn");
                            sel.set("Conditions", JSON.readTree("{\"StringEquals\":[{\"ConditionKey\":\"aws:ResourceTag/backup\",\"ConditionValue\":\"daily\"}],"
                                    + "\"StringNotLike\":[{\"ConditionKey\":\"aws:ResourceTag/env\",\"ConditionValue\":\"test*\"}]}"));
                            sel.set("ListOfTags", JSON.readTree("[{\"ConditionType\":\"STRINGEQUALS\",\"ConditionKey\":\"tier\",\"ConditionValue\":\"gold\"}]"));
                            sel.set("NotResources", JSON.readTree("[\"arn:aws:ec2:eu-central-1:754192837465:instance/i-0123\"]"));
                        }
                        default -> { }
                    }
                }
                for (JsonNode test : region.path("RestoreTestingPlans")) {
                    ObjectNode t = (ObjectNode) test;
                    if (t.path("RestoreTestingPlanName").asText().equals("shop_weekly_restore_test")) {
                        t.remove("RecoveryPointSelection");
                        t.remove("Selections");
                        t.remove("StartWindowHours");
                        t.put("ScheduleExpression", "rate(3 fortnights)");
                    }
                }
                JsonNode jobs = region.path("RestoreJobs");
                if (jobs.isArray() && !jobs.isEmpty() && account.path("Id").asText().equals("645019283746")) {
                    ObjectNode job = (ObjectNode) jobs.get(0);
                    job.put("RestoreJobId", "hollow-job");
                    job.remove("Status");
                    job.remove("CompletionDate");
                    job.remove("ResourceType");
                    job.remove("ValidationStatus");
                }
            }
        }
        Path file = dir.resolve("hollow.json");
        JSON.writeValue(file.toFile(), root);
        console = TestConsole.create(dir.resolve("console"));
        console.actions.openCapture(file);
        assertThat(console.workspace.audit()).as("the capture opened: " + console.notices.shown()).isNotNull();
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void backupPlansSayWhatWasNotReadAndShowOddSchedulesAsWritten() {
        PlansViewModel vm = new PlansViewModel(console.browse());
        vm.activate();
        assertThat(vm.rows()).hasSize(8);
        PlanRow hollow = vm.rows().stream().filter(r -> r.rules() == null).findFirst().orElseThrow();
        assertThat(hollow.name()).as("a plan without its body is named by its ID").doesNotContain("shop-daily");
        vm.open(hollow.arn());
        assertThat(vm.detail().rules()).as("not read, not none").isNull();
        assertThat(vm.detail().selections()).hasSize(1);

        PlanRow longTerm = vm.rows().stream().filter(r -> "shop-long-term".equals(r.name())).findFirst().orElseThrow();
        vm.open(longTerm.arn());
        PlanDetail d = vm.detail();
        assertThat(d.selections()).isNull();
        PlanDetail.Rule weekly = d.rules().get(0);
        assertThat(weekly.schedule()).isEqualTo("cron(0 5 L-3 * ? *) in Europe/Paris (as written)");
        assertThat(weekly.timezone()).isEqualTo("Europe/Paris");
        assertThat(weekly.deleteAfter()).isEqualTo("No expiry: kept until someone deletes them");
        assertThat(weekly.coldStorageAfter()).isEqualTo("Never");
        assertThat(weekly.startWindow()).isEqualTo("not given (AWS's default is 8 hours)");
        assertThat(weekly.completionWindow()).isEqualTo("not given (AWS's default is 7 days)");
        PlanDetail.Rule monthly = d.rules().get(1);
        assertThat(monthly.continuous()).startsWith("On:");
        assertThat(monthly.copies().get(0).deleteAfter()).isEqualTo("No expiry: kept until someone deletes them");

        PlanRow erp = vm.rows().stream().filter(r -> "erp-daily".equals(r.name())).findFirst().orElseThrow();
        vm.open(erp.arn());
        PlanDetail.Selection sel = vm.detail().selections().get(0);
        assertThat(sel.iamRoleArn()).isNull();
        assertThat(sel.conditions()).containsExactly("tag \u201cbackup\u201d is \u201cdaily\u201d", "tag \u201cenv\u201d does not match \u201ctest*\u201d");
        assertThat(sel.tags()).containsExactly("tag \u201ctier\u201d is \u201cgold\u201d");
        assertThat(sel.notResources()).containsExactly("arn:aws:ec2:eu-central-1:754192837465:instance/i-0123");
        assertThat(console.notices.shown()).noneMatch(n -> n.kind() == dev.redoubt.ui.workspace.Notice.Kind.ERROR);
    }

    @Test
    void restoreTestingSaysWhatWasNotRead() {
        RestoreTestsViewModel vm = new RestoreTestsViewModel(console.browse());
        vm.activate();
        TestPlanRow shop = vm.rows().stream().filter(r -> r.name().equals("shop_weekly_restore_test")).findFirst().orElseThrow();
        assertThat(shop.selections()).isNull();
        assertThat(shop.schedule()).isEqualTo("rate(3 fortnights) (as written)");
        vm.open(shop.arn());
        TestPlanDetail d = vm.detail();
        assertThat(d.pointSelection()).isNull();
        assertThat(d.selections()).isNull();
        assertThat(d.startWindow()).isEqualTo("not given (AWS's default is 24 hours)");
        assertThat(d.jobs()).isNotEmpty();
    }

    @Test
    void restoreJobsSayWhatAwsDidNotReport() {
        RestoreJobsViewModel vm = new RestoreJobsViewModel(console.browse());
        vm.activate();
        vm.open("hollow-job");
        RestoreJobRow j = vm.detail();
        assertThat(j.statusText()).isEqualTo("Not reported");
        assertThat(j.resourceTypeText()).isEqualTo("not reported");
        assertThat(j.minutes()).isNull();
        assertThat(j.durationText()).isEqualTo("—");
        assertThat(j.validationText()).isEqualTo("Not validated");
        vm.sortBy(RestoreJobColumn.DURATION, false);
        assertThat(vm.rows().get(vm.rows().size() - 1).jobId()).isEqualTo("hollow-job");
        vm.sortBy(RestoreJobColumn.STATUS, true);
        assertThat(vm.rows()).isNotEmpty();
    }
}
