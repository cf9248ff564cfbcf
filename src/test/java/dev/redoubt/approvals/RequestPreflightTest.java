package dev.redoubt.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Status;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The request preflight judged from the demo estate, and from copies of it broken one way each. */
class RequestPreflightTest {
    static final String LAG = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-eu-west-1";

    private static RequestPreflight preflight(Consumer<ObjectNode> edit, String vault) throws Exception {
        EstateFile files = new EstateFile();
        JsonNode tree = files.toTree(NorthwindDemo.build());
        walk(tree, edit);
        Estate e = files.fromTree(tree, "edited demo");
        return RequestPreflight.of(new EstateIndex(e, FindingsSettings.DEFAULTS, e.capturedAt()), vault);
    }

    private static void walk(JsonNode node, Consumer<ObjectNode> edit) {
        if (node.isObject()) {
            edit.accept((ObjectNode) node);
        }
        node.elements().forEachRemaining(n -> walk(n, edit));
    }

    private static boolean recoveryTeam(ObjectNode o) {
        return "northwind-recovery".equals(o.path("Name").asText()) && o.has("Approvers");
    }

    @Test
    void theDemosAirGappedVaultPassesEveryItem() throws Exception {
        RequestPreflight p = preflight(o -> { }, LAG);
        assertThat(p.items()).extracting(PreflightCheck::status).containsOnly(Status.PASS);
        assertThat(p.ok()).isTrue();
        assertThat(p.item(RequestPreflight.ENOUGH_APPROVERS).reason()).isEqualTo("3 of 3 approvers can vote; 2 must approve");
    }

    @Test
    void multiPartyApprovalTurnedOffFailsAndNamesTheRamAlternative() throws Exception {
        RequestPreflight p = preflight(o -> {
            if (o.has("GlobalSettings") && o.get("GlobalSettings").isObject()) {
                ((ObjectNode) o.get("GlobalSettings")).put("isMpaEnabled", "false");
            }
        }, LAG);
        PreflightCheck item = p.item(RequestPreflight.MPA_ENABLED);
        assertThat(item.status()).isEqualTo(Status.FAIL);
        assertThat(item.fix()).contains("AWS RAM");
        assertThat(p.ok()).isFalse();
    }

    @Test
    void twoApproversWhoHaveNotAcceptedLeaveTooFewToApprove() throws Exception {
        RequestPreflight p = preflight(o -> {
            if (recoveryTeam(o)) {
                for (int i = 0; i < 2; i++) {
                    ((ObjectNode) o.get("Approvers").get(i)).put("PrimaryIdentityStatus", "PENDING");
                }
            }
        }, LAG);
        PreflightCheck item = p.item(RequestPreflight.ENOUGH_APPROVERS);
        assertThat(item.status()).isEqualTo(Status.FAIL);
        assertThat(item.reason()).isEqualTo("Only 1 of 3 approvers have accepted their invitation; 2 must approve");
        assertThat(item.fix()).contains("AWS RAM");
        assertThat(p.item(RequestPreflight.TEAM_ACTIVE).status()).isEqualTo(Status.PASS);
    }

    @Test
    void anInactiveTeamFails() throws Exception {
        RequestPreflight p = preflight(o -> {
            if (recoveryTeam(o)) {
                o.put("Status", "INACTIVE");
            }
        }, LAG);
        assertThat(p.item(RequestPreflight.TEAM_ACTIVE).status()).isEqualTo(Status.FAIL);
        assertThat(p.item(RequestPreflight.TEAM_ACTIVE).reason()).contains("northwind-recovery is inactive");
    }

    @Test
    void anAirGappedVaultWithoutATeamFailsAndLeavesTheTeamItemsUnknown() throws Exception {
        RequestPreflight p = preflight(o -> {
            if (LAG.equals(o.path("BackupVaultArn").asText())) {
                o.remove("MpaApprovalTeamArn");
            }
        }, LAG);
        assertThat(p.item(RequestPreflight.AIR_GAPPED_WITH_TEAM).status()).isEqualTo(Status.FAIL);
        assertThat(p.item(RequestPreflight.AIR_GAPPED_WITH_TEAM).fix()).contains("AWS RAM");
        assertThat(p.item(RequestPreflight.TEAM_ACTIVE).status()).isEqualTo(Status.UNKNOWN);
        assertThat(p.item(RequestPreflight.ENOUGH_APPROVERS).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aVaultNotInTheCaptureIsUnknownNeverPass() throws Exception {
        RequestPreflight p = preflight(o -> { }, "arn:aws:backup:eu-west-1:536470192834:backup-vault:nowhere");
        assertThat(p.items()).extracting(PreflightCheck::status).containsOnly(Status.UNKNOWN);
    }
}
