package dev.redoubt.estate.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.EstateFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An organization described as a scenario (accounts, people, keys, vaults, plans, tests, approvals) that renders
 * to an estate tree in AWS's shapes. Rendering plays the schedules up to {@code now}, so recovery points, copies,
 * jobs and protected resources agree with each other by construction.
 */
final class ScenarioBuilder {
    final String name;
    final Instant now;
    final String organizationId;
    final String emailDomain;
    private final long seed;
    private final List<AccountSpec> accounts = new ArrayList<>();
    private final List<SsoUserSpec> users = new ArrayList<>();
    private final Set<String> mpaRegions = new LinkedHashSet<>();
    private AccountSpec management;
    private boolean rendered;

    ScenarioBuilder(String name, Instant now, String organizationId, String emailDomain, long seed) {
        this.name = name;
        this.now = now;
        this.organizationId = organizationId;
        this.emailDomain = emailDomain;
        this.seed = seed;
    }

    /** The organization's management account (at the root, no OU). */
    AccountSpec managementAccount(String id, String accountName, String joined) {
        management = account(id, accountName, "", joined);
        return management;
    }

    AccountSpec account(String id, String accountName, String organizationalUnit, String joined) {
        AccountSpec account = new AccountSpec(this, id, accountName, organizationalUnit, Instant.parse(joined));
        accounts.add(account);
        return account;
    }

    List<AccountSpec> accounts() {
        return List.copyOf(accounts);
    }

    String managementAccountId() {
        return management.id;
    }

    SsoUserSpec user(String userName, String password) {
        SsoUserSpec user = new SsoUserSpec(userName, password);
        users.add(user);
        return user;
    }

    /** Multi-party approval for AWS Backup is turned on in these regions (GlobalSettings isMpaEnabled). */
    ScenarioBuilder mpaEnabledIn(String... regions) {
        mpaRegions.addAll(List.of(regions));
        return this;
    }

    boolean isMpaEnabledIn(String region) {
        return mpaRegions.contains(region);
    }

    /** The IAM Identity Center identity source that MPA approvers sign in through (in the management account). */
    String identitySourceArn() {
        String home = mpaRegions.isEmpty() ? "us-east-1" : mpaRegions.iterator().next();
        return Arns.mpa(home, management.id, "identity-source/" + Ids.stableUuid("identity-source", organizationId));
    }

    /** Plays the scenario up to {@code now} and renders it; a scenario renders once. */
    ObjectNode toTree() {
        if (rendered) {
            throw new IllegalStateException("a scenario renders once; build a new one");
        }
        rendered = true;
        Simulation sim = new Simulation(new Ids(seed), now);
        accounts.forEach(a -> a.regions().forEach(r -> r.runBackups(sim)));
        accounts.forEach(a -> a.regions().forEach(r -> r.runRestores(sim)));
        return Json.object()
                .with("Format", EstateFile.FORMAT)
                .with("Name", name)
                .with("CapturedAt", now)
                .with("Organization", organization())
                .with("SsoUsers", users.stream().map(SsoUserSpec::toJson).toList())
                .with("Accounts", accounts.stream().map(AccountSpec::toJson).toList())
                .node();
    }

    private Json organization() {
        return Json.object()
                .with("Id", organizationId)
                .with("Arn", "arn:aws:organizations::" + management.id + ":organization/" + organizationId)
                .with("FeatureSet", "ALL")
                .with("MasterAccountArn", management.arn())
                .with("MasterAccountId", management.id)
                .with("MasterAccountEmail", "aws+" + management.name + "@" + emailDomain)
                .with("AvailablePolicyTypes", List.of(
                        Json.object().with("Type", "SERVICE_CONTROL_POLICY").with("Status", "ENABLED"),
                        Json.object().with("Type", "BACKUP_POLICY").with("Status", "ENABLED")));
    }
}
