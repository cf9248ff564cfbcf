package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.findings.AccountType;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.policy.Condition;
import dev.redoubt.findings.policy.Decision;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.PolicyEvaluator;
import dev.redoubt.findings.policy.Probes;
import dev.redoubt.findings.policy.Request;
import dev.redoubt.findings.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the key-policy checks (ACC-05, ACC-12) share: which vaults are the separate domain, and
 * which workload accounts (or anyone) a key policy lets do what, asked of the policy evaluator with
 * Deny statements and conditions included. Public for the console's answers (findings.access.KeyAccess),
 * which ask the same probes of every account.
 */
public final class KeyPolicies {
    /** "*" in results: any AWS account, outside the organization included. */
    public static final String ANYONE = "*";

    private KeyPolicies() {
    }

    /** An account ID outside the organization (and the estate), standing for "any other AWS account". */
    public static String outsider(EstateIndex x) {
        long id = 999_999_999_999L;
        while (x.inOrganization(Long.toString(id)) || x.account(Long.toString(id)) != null) {
            id--;
        }
        return Long.toString(id);
    }

    /**
     * The vaults that form the separate domain (catalogue ACC-05, ACC-12): vaults in a backup
     * account, and logically air-gapped vaults. Restore-access vaults are views, not judged.
     */
    static List<String> separateDomainVaults(EstateIndex x, Set<String> vaultArns) {
        List<String> out = new ArrayList<>();
        for (String arn : vaultArns) {
            VaultRef v = x.vault(arn);
            if (v != null && v.isJudged() && (v.isAirGapped() || x.role(v.accountId()) == AccountType.BACKUP)) {
                out.add(arn);
            }
        }
        return out;
    }

    /** One action a principal of the account is allowed: who (the first probe allowed), by which statements, and whether they name the account whole. */
    record Grant(String action, String who, Set<String> statements, boolean delegated) {
    }

    /** What principals of one account (or of any account, {@link #ANYONE}) may do with a key, and why. */
    record Access(String account, AccountType role, List<Grant> grants) {
        List<String> actions() {
            return grants.stream().map(Grant::action).toList();
        }

        Set<String> statements() {
            Set<String> out = new LinkedHashSet<>();
            grants.forEach(g -> out.addAll(g.statements()));
            return out;
        }

        /**
         * For evidence, one clause per (who, statements): "statement X delegates kms:Decrypt to the
         * IAM of production account 1234 (arn:aws:iam::1234:root)", "statement Y lets
         * arn:aws:iam::1234:role/Admin of production account 1234 kms:ScheduleKeyDeletion".
         */
        String describe() {
            Map<String, List<String>> byClause = new LinkedHashMap<>();
            for (Grant g : grants) {
                String by = "statement " + String.join(", ", g.statements());
                String clause;
                if (account.equals(ANYONE)) {
                    clause = by + " lets any AWS principal (\"*\", outside the organization included" + (g.who().equals(ANY) ? "" : ", e.g. " + g.who()) + ") ";
                } else {
                    String kind = role.name().toLowerCase(Locale.ROOT) + " account " + account;
                    clause = g.delegated() ? by + " delegates %s to the IAM of " + kind + " (arn:aws:iam::" + account + ":root)"
                            : by + " lets " + (g.who().equals(ANY) ? "any principal" : g.who()) + " of " + kind + " ";
                }
                byClause.computeIfAbsent(clause, k -> new ArrayList<>()).add(g.action());
            }
            List<String> out = new ArrayList<>();
            byClause.forEach((clause, actions) -> out.add(clause.contains("%s") ? clause.replace("%s", String.join(", ", actions))
                    : clause + String.join(", ", actions)));
            return String.join("; ", out);
        }
    }

    /** "who" of a grant that the generic probe got: any principal of the account. */
    static final String ANY = "any principal";

    /** The accesses for evidence, one sentence each; accounts reached only through what "*" is allowed are folded into the "*" sentence. */
    static String describe(List<Access> access) {
        Access anyone = access.stream().filter(a -> a.account().equals(ANYONE)).findFirst().orElse(null);
        List<String> out = new ArrayList<>();
        if (anyone != null) {
            out.add(anyone.describe());
        }
        for (Access a : access) {
            if (a != anyone && !(anyone != null && anyone.statements().containsAll(a.statements()) && anyone.actions().containsAll(a.actions()))) {
                out.add(a.describe());
            }
        }
        return String.join("; ", out);
    }

    /**
     * For every workload account (the estate's, and those the policy names) and for anyone (an
     * account outside the organization), the actions among {@code actions} that some principal of
     * it is allowed on the key: a session of a role the policy does not name, and every principal the
     * policy names there, each as a direct call. Empty when none is.
     */
    static List<Access> workloadAccess(EstateIndex x, PolicyDocument doc, String keyArn, List<String> actions, PolicyEvaluator evaluator) {
        Set<String> accounts = new LinkedHashSet<>();
        for (Map.Entry<String, AccountType> e : x.roles().entrySet()) {
            if (e.getValue().isWorkload()) {
                accounts.add(e.getKey());
            }
        }
        for (String a : accountsNamed(doc)) {
            if (x.role(a).isWorkload()) {
                accounts.add(a);
            }
        }
        List<Access> out = new ArrayList<>();
        for (String account : accounts) {
            List<Request> probes = x.inOrganization(account) ? Probes.principalsOf(doc, account, x.organizationId(), actions.get(0), keyArn)
                    : Probes.outsidersOf(doc, account, x.organizationId(), actions.get(0), keyArn);
            Access a = access(account, x.role(account), probes, doc, actions, evaluator);
            if (a != null) {
                out.add(a);
            }
        }
        String outsider = outsider(x);
        List<Request> anyone = Probes.outsidersOf(doc, outsider, x.organizationId(), actions.get(0), keyArn);
        Access a = access(ANYONE, AccountType.WORKLOAD, anyone, doc, actions, evaluator);
        if (a != null) {
            out.add(a);
        }
        return out;
    }

    private static Access access(String account, AccountType role, List<Request> probes, PolicyDocument doc, List<String> actions,
                                 PolicyEvaluator evaluator) {
        List<Grant> grants = new ArrayList<>();
        for (String action : actions) {
            for (Request r : Probes.withAction(probes, action)) {
                Decision d = evaluator.evaluate(doc, r);
                if (d.allowed()) {
                    Set<String> statements = new LinkedHashSet<>();
                    boolean delegated = false;
                    for (Statement s : d.deciding()) {
                        statements.add(s.name());
                        delegated |= s.awsPrincipals().stream().anyMatch(p -> Statement.isAccountPrincipal(p)
                                && account.equals(Statement.accountOfPrincipal(p)));
                    }
                    grants.add(new Grant(action, who(r), statements, delegated));
                    break;
                }
            }
        }
        return grants.isEmpty() ? null : new Access(account, role, grants);
    }

    /** A probe as the evidence names it: "any principal" for the generic one, a role (not Redoubt's session of it), or a session the policy names. */
    private static String who(Request r) {
        if (r.principalArn().equals(Probes.anyRole(r.principalAccount()))) {
            return ANY;
        }
        if (r.sessionArn() != null && r.sessionArn().endsWith("/" + Probes.SESSION)) {
            return r.principalArn();
        }
        return r.who();
    }

    /** The 12-digit accounts a policy names: in principals, and in account and principal-ARN conditions. */
    public static Set<String> accountsNamed(PolicyDocument doc) {
        Set<String> out = new LinkedHashSet<>();
        for (Statement s : doc.statements()) {
            for (String p : s.awsPrincipals()) {
                String a = Statement.accountOfPrincipal(p);
                if (a != null && a.matches("\\d{12}")) {
                    out.add(a);
                }
            }
            for (Condition c : s.conditions()) {
                String key = c.keyLower();
                for (String value : c.values()) {
                    String a = key.equals("aws:principalarn") ? Arn.accountOf(value)
                            : key.equals("kms:calleraccount") || key.equals("aws:principalaccount") ? value : null;
                    if (a != null && a.matches("\\d{12}")) {
                        out.add(a);
                    }
                }
            }
        }
        return out;
    }
}
