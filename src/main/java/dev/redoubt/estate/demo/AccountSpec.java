package dev.redoubt.estate.demo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An organizations account, its OU path, the sandbox roles and what it holds per region. */
final class AccountSpec {
    final ScenarioBuilder org;
    final String id;
    final String name;
    private final String organizationalUnit;
    private final Instant joined;
    private String joinedMethod = "CREATED";
    private String state = "ACTIVE";
    private final Map<String, RegionSpec> regions = new LinkedHashMap<>();

    AccountSpec(ScenarioBuilder org, String id, String name, String organizationalUnit, Instant joined) {
        this.org = org;
        this.id = id;
        this.name = name;
        this.organizationalUnit = organizationalUnit;
        this.joined = joined;
    }

    /** The account existed before the organization and joined by invitation. */
    AccountSpec invited() {
        joinedMethod = "INVITED";
        return this;
    }

    /** Someone closed the account: AWS deletes what it holds after 90 days, Vault Lock or not. */
    AccountSpec pendingClosure() {
        state = "PENDING_CLOSURE";
        return this;
    }

    RegionSpec region(String regionName) {
        return regions.computeIfAbsent(regionName, r -> new RegionSpec(this, r));
    }

    Iterable<RegionSpec> regions() {
        return regions.values();
    }

    String arn() {
        return "arn:aws:organizations::" + org.managementAccountId() + ":account/" + org.organizationId + "/" + id;
    }

    Json toJson() {
        Map<String, Json> regionJson = new LinkedHashMap<>();
        regions.forEach((regionName, region) -> regionJson.put(regionName, region.toJson()));
        return Json.object()
                .with("Id", id)
                .with("Arn", arn())
                .with("Name", name)
                .with("Email", "aws+" + name + "@" + org.emailDomain)
                .with("Status", state)
                .with("State", state)
                .with("JoinedMethod", joinedMethod)
                .with("JoinedTimestamp", joined)
                .with("OrganizationalUnit", organizationalUnit)
                .with("Roles", List.of(
                        Json.object().with("RoleName", SsoUserSpec.AUDITOR).with("Access", "read-only"),
                        Json.object().with("RoleName", SsoUserSpec.OPERATOR).with("Access", "operator")))
                .with("Regions", regionJson);
    }
}
