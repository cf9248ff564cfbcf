package dev.redoubt.ui.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.findings.access.AccessAnswer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The policy viewer: pretty JSON, the deciding statements' lines marked, bad JSON shown as it is. */
@ExtendWith(ApplicationExtension.class)
class PolicyViewerTest {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"AllowCopy\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"backup:CopyIntoBackupVault\",\"Resource\":\"*\"},"
            + "{\"Sid\":\"DenyDelete\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\"],\"Resource\":\"*\"}]}";

    @Test
    void marksTheLinesOfEachStatementByIndex(FxRobot robot) {
        PolicyViewer[] v = new PolicyViewer[1];
        robot.interact(() -> {
            v[0] = new PolicyViewer();
            v[0].show(POLICY, Map.of(1, PolicyViewer.Mark.DENIES));
        });
        String[] lines = v[0].text().split("\n");
        assertThat(lines.length).isGreaterThan(10);
        assertThat(v[0].text()).contains("\"Sid\": \"DenyDelete\"");
        int deny = indexOf(lines, "DenyDelete");
        int allow = indexOf(lines, "AllowCopy");
        assertThat(v[0].lineStyle(deny)).containsExactly("policy-denies");
        assertThat(v[0].lineStyle(deny + 4)).containsExactly("policy-denies");
        assertThat(v[0].lineStyle(allow)).isEmpty();
    }

    @Test
    void statementLinesFollowTheStatementArrayOrAOneStatementObject() {
        String one = "{\n  \"Statement\": {\n    \"Effect\": \"Allow\"\n  }\n}";
        assertThat(PolicyViewer.statementLines(one)).hasSize(1);
        assertThat(PolicyViewer.statementLines(one).get(0)).containsExactly(1, 3);
        assertThat(PolicyViewer.statementLines("{\"Statement\":[{\"a\":1},{\"b\":2}]}")).hasSize(2);
    }

    @Test
    void notJsonIsShownAsStoredWithWhatIsWrong(FxRobot robot) {
        PolicyViewer[] v = new PolicyViewer[1];
        robot.interact(() -> {
            v[0] = new PolicyViewer();
            v[0].show("{\"Version\": \"2012-10-17\", \"Statement\": [", Map.of(0, PolicyViewer.Mark.ALLOWS));
        });
        assertThat(v[0].text()).isEqualTo("{\"Version\": \"2012-10-17\", \"Statement\": [");
        assertThat(((javafx.scene.Parent) v[0].root()).getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.control.Label l && l.isVisible()).map(n -> ((javafx.scene.control.Label) n).getText()).toList())
                .anySatisfy(t -> assertThat(t).startsWith("This policy is not valid JSON"));
    }

    @Test
    void aDenyIsMarkedAsProtectionOnlyWhenThePowerStaysOutOfReach() {
        AccessAnswer held = new AccessAnswer(AccessAnswer.Question.DELETE_RECOVERY_POINTS, AccessAnswer.Reach.NOBODY, "Nobody", List.of(), List.of(),
                Set.of(), Set.of(1));
        AccessAnswer gotRound = new AccessAnswer(AccessAnswer.Question.DELETE_RECOVERY_POINTS, AccessAnswer.Reach.WORKLOAD_ACCOUNTS,
                "Any principal of shop-prod, once the policy is removed", List.of("shop-prod"), List.of(), Set.of(0), Set.of(1));
        assertThat(PolicyViewer.marks(held)).containsExactly(Map.entry(1, PolicyViewer.Mark.DENIES));
        assertThat(PolicyViewer.marks(gotRound)).containsOnly(Map.entry(1, PolicyViewer.Mark.GOT_ROUND), Map.entry(0, PolicyViewer.Mark.ALLOWS));
    }

    private static int indexOf(String[] lines, String text) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
