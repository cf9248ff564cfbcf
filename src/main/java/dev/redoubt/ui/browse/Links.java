package dev.redoubt.ui.browse;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which page of the console shows a thing named by its ARN or ID: a vault, a key (or one of its
 * aliases), a plan, a restore testing plan, a recovery point, the recovery points of a resource,
 * an account, an approval team or one of its sessions. Empty for what the estate does not hold: the link then stays plain text.
 */
public final class Links {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private Links() {
    }

    public static Optional<Place> placeFor(EstateCatalog catalog, String arnOrId) {
        if (catalog == null || arnOrId == null || arnOrId.isBlank()) {
            return Optional.empty();
        }
        EstateIndex x = catalog.index();
        if (ACCOUNT.matcher(arnOrId).matches()) {
            return x.account(arnOrId) == null ? Optional.empty() : Optional.of(Place.of(Destinations.ORGANIZATION, arnOrId));
        }
        if (!arnOrId.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] p = arnOrId.split(":", 6);
        String service = p.length > 2 ? p[2] : "";
        String resource = p.length > 5 ? p[5] : "";
        if (service.equals("backup") && resource.startsWith("backup-vault:")) {
            return x.vault(arnOrId) == null ? Optional.empty() : Optional.of(Place.of(Destinations.VAULTS, arnOrId));
        }
        if (service.equals("kms")) {
            EstateIndex.KeyRef key = x.key(arnOrId);
            return key == null ? Optional.empty() : Optional.of(Place.of(Destinations.KEYS, key.arn()));
        }
        if (service.equals("backup") && resource.startsWith("backup-plan:")) {
            return x.plan(arnOrId, null) == null ? Optional.empty() : Optional.of(Place.of(Destinations.PLANS, arnOrId));
        }
        if (service.equals("backup") && resource.startsWith("restore-testing-plan:")) {
            boolean known = x.restoreTestingPlans().stream().anyMatch(t -> arnOrId.equals(t.plan().restoreTestingPlanArn()));
            return known ? Optional.of(Place.of(Destinations.RESTORE_TESTS, arnOrId)) : Optional.empty();
        }
        if (service.equals("mpa") && (resource.startsWith("approval-team/") || resource.startsWith("session/"))) {
            boolean team = x.approvalTeams().stream().anyMatch(t -> t.team() != null && arnOrId.equals(t.team().arn()));
            boolean session = !team && x.regions().stream().anyMatch(r -> r.data() != null && r.data().mpaSessions() != null
                    && r.data().mpaSessions().stream().anyMatch(s -> s != null && arnOrId.equals(s.sessionArn())
                    && x.approvalTeams().stream().anyMatch(t -> t.team() != null && s.approvalTeamArn() != null && s.approvalTeamArn().equals(t.team().arn()))));
            return team || session ? Optional.of(Place.of(Destinations.APPROVALS, arnOrId)) : Optional.empty();
        }
        if (catalog.point(arnOrId) != null) {
            return Optional.of(Place.of(Destinations.RECOVERY_POINTS, arnOrId));
        }
        if (!x.pointsOf(arnOrId).isEmpty()) {
            return Optional.of(Place.of(Destinations.RECOVERY_POINTS, "resource=" + arnOrId));
        }
        return Optional.empty();
    }
}
