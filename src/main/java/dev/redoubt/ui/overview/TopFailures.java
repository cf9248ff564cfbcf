package dev.redoubt.ui.overview;

import dev.redoubt.estate.Arn;
import dev.redoubt.findings.Check;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.ui.findings.FindingsQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The most severe failures: FAIL results by severity (CRITICAL first), then in catalogue order,
 * then in the order the audit gave them; and how many failures there are in all.
 */
public record TopFailures(List<Failure> failures, long total) {
    public TopFailures {
        failures = List.copyOf(failures);
    }

    /** One failing result as the list shows it. */
    public record Failure(Severity severity, String checkId, String title, String resourceArn, String resourceName, String accountId,
                          String accountName, String region) {
        /** Where a click goes: this result, selected among its check's others. */
        public FindingsQuery query() {
            return FindingsQuery.result(checkId, resourceArn);
        }
    }

    /** Every failure (the "see all" link). */
    public static FindingsQuery allQuery() {
        return new FindingsQuery(Set.of(), Set.of(), null, null, null, Set.of(Status.FAIL), null, null, null);
    }

    /**
     * @param accountNames account id to name, for the account column
     * @param keyAliases   key ARN to alias name, so a key is named as its owners know it
     */
    public static TopFailures of(List<Result> results, List<Check> catalogue, Map<String, String> accountNames, Map<String, String> keyAliases,
                                 int limit) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < catalogue.size(); i++) {
            order.put(catalogue.get(i).id(), i);
        }
        Comparator<Result> bySeverityThenCatalogue = Comparator.comparing((Result r) -> r.severity().ordinal())
                .thenComparing(r -> order.getOrDefault(r.checkId(), Integer.MAX_VALUE));
        // A bounded selection (kept sorted, stable for equal keys) rather than sorting every failure.
        List<Result> top = new ArrayList<>(limit + 1);
        long total = 0;
        for (Result r : results) {
            if (r.status() != Status.FAIL) {
                continue;
            }
            total++;
            if (top.size() == limit && bySeverityThenCatalogue.compare(r, top.get(limit - 1)) >= 0) {
                continue;
            }
            int at = top.size();
            while (at > 0 && bySeverityThenCatalogue.compare(r, top.get(at - 1)) < 0) {
                at--;
            }
            top.add(at, r);
            if (top.size() > limit) {
                top.remove(limit);
            }
        }
        List<Failure> failures = top.stream().map(r -> new Failure(r.severity(), r.checkId(), r.title(), r.resourceArn(),
                shortName(r.resourceArn(), keyAliases), r.accountId(), r.accountId() == null ? null : accountNames.get(r.accountId()), r.region())).toList();
        return new TopFailures(failures, total);
    }

    /**
     * A resource as a person names it: a key's alias, else the last part of the ARN's resource
     * ("prod-vault" for ...:backup-vault:prod-vault, "orders-db" for ...:db:orders-db).
     */
    static String shortName(String arn, Map<String, String> keyAliases) {
        if (arn == null) {
            return "";
        }
        String alias = keyAliases.get(arn);
        if (alias != null) {
            return alias;
        }
        Arn parsed = Arn.parse(arn);
        if (parsed == null) {
            return arn;
        }
        String resource = parsed.resource();
        if ("organizations".equals(parsed.service()) && resource.startsWith("account/") || "iam".equals(parsed.service()) && "root".equals(resource)) {
            return "whole account";
        }
        int cut = Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':'));
        String name = cut >= 0 && cut < resource.length() - 1 ? resource.substring(cut + 1) : resource;
        if ("kms".equals(parsed.service()) && resource.startsWith("key/")) {
            return "key " + (name.length() > 8 ? name.substring(0, 8) + "…" : name);
        }
        if (name.isEmpty()) {
            return parsed.account().isEmpty() ? arn : "account " + parsed.account();
        }
        return name;
    }
}
