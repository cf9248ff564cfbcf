package dev.redoubt.ui.plans;

import dev.redoubt.findings.Severity;
import java.time.Instant;
import java.util.List;

/**
 * One backup plan as the list shows it. Immutable, built off the FX thread.
 *
 * @param rules how many rules it has; null when its body was not read
 * @param vaults the vaults its rules back up into, by name
 * @param copyVaults how many vaults its rules copy to
 * @param worst the worst failing severity of the checks about the plan; null for none
 * @param deleted when the plan was deleted (it still shows, as AWS keeps deleted plans' versions); null for a live one
 * @param search what the text filter looks in, lower case
 */
public record PlanRow(
        String arn,
        String name,
        String accountId,
        String accountName,
        String region,
        Integer rules,
        List<String> vaults,
        int copyVaults,
        Instant lastExecution,
        Severity worst,
        Instant deleted,
        String search) {

    /** "shop-prod, copies to 3 vaults". */
    public String vaultsText() {
        String targets = vaults.isEmpty() ? "—" : String.join(", ", vaults);
        if (copyVaults == 0) {
            return targets;
        }
        return targets + ", copies to " + (copyVaults == 1 ? "1 vault" : copyVaults + " vaults");
    }
}
