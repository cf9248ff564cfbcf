package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.policy.Condition;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.PolicyEvaluator;
import dev.redoubt.findings.policy.Probes;
import dev.redoubt.findings.policy.Request;
import dev.redoubt.findings.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ENC-07: a key protecting backups has a policy statement that allows any principal ("*", or
 * NotPrincipal with Allow) without a condition restricting it to this organization. Anyone in any
 * AWS account could then use the key, so the encryption protects nothing. Security Hub KMS.5 /
 * Prowler kms_key_not_publicly_accessible, scoped to backup keys.
 *
 * <p>Restricting: a positive condition (StringEquals, StringLike, ArnEquals, ArnLike, ...) on
 * kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalOrgPaths or
 * aws:PrincipalArn whose values are concrete and of this organization: its ID, its accounts,
 * principals of its accounts. Not restricting, as IAM evaluates them
 * ("IAM JSON policy elements: Condition operators",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html;
 * "AWS global condition context keys",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
 * negated operators; ...IfExists (and ForAllValues) on aws:PrincipalOrgID or aws:PrincipalOrgPaths,
 * which are absent for a principal of an account in no organization, so the condition holds for it;
 * wildcard values ({@code o-*}, {@code arn:aws:iam::*:...}: the global condition keys page calls
 * wildcards in these sensitive keys a risk with no valid use); kms:ViaService, kms:GrantIsForAWSResource
 * and other keys that say how, not who; aws:SourceAccount and aws:SourceArn, which only service
 * principals' calls carry. A condition naming an account or organization outside this one fails too.
 *
 * <p>A Deny statement that denies the open statement's actions to every principal outside the
 * organization (checked with the policy evaluator for principals of accounts outside it, using only
 * Deny statements whose conditions are on the keys above, which a caller cannot choose) closes it.
 */
public final class Enc07PublicKeyPolicy extends KeyCheck {
    static final Set<String> IDENTITY_KEYS = Set.of("kms:calleraccount", "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths",
            "aws:principalarn");
    /** Keys a principal of an account in no organization does not carry. */
    static final Set<String> ORGANIZATION_KEYS = Set.of("aws:principalorgid", "aws:principalorgpaths");
    static final List<String> POSITIVE = List.of("StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike");
    static final List<String> SAMPLE_ACTIONS = List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo",
            "kms:CreateGrant", "kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:DisableKey", "kms:ScheduleKeyDeletion");
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    public Enc07PublicKeyPolicy() {
        super("ENC-07", Facet.ENC, Severity.CRITICAL, "Key policy allows any principal without a condition restricting it to the organization",
                "A key usable by any AWS principal does not protect the backups it encrypts.",
                "key Policy", "SH KMS.5, Prowler kms_key_not_publicly_accessible (not backup-scoped)", "kms:GetKeyPolicy");
    }

    @Override
    boolean vaultKeysOnly() {
        return false;
    }

    @Override
    Result judge(EstateIndex x, KeyRef key, Scope where, List<String> vaults) {
        String policy = key.key().policy();
        return withPolicy(x, key, where, doc -> {
            List<String> open = new ArrayList<>();
            List<String> closed = new ArrayList<>();
            for (Statement s : doc.statements()) {
                if (!s.allow() || !(s.anyPrincipal() || s.notPrincipal())) {
                    continue;
                }
                Restriction r = restriction(x, s);
                String to = s.notPrincipal() ? "everyone but its NotPrincipal" : "\"*\"";
                if (r.restricting && r.outside.isEmpty()) {
                    closed.add(s.name() + " allows " + to + " only with " + String.join(" and ", r.restrictingConditions));
                    continue;
                }
                String why = !r.outside.isEmpty() ? "names " + String.join(", ", r.outside) + " outside the organization"
                        : s.conditions().isEmpty() ? "has no condition"
                        : "has no condition restricting it to the organization (" + String.join("; ", r.notes) + ")";
                String denied = deniedToOutsiders(x, doc, s, key.arn(), r.outsideAccounts);
                if (denied != null) {
                    closed.add(s.name() + " allows " + to + " but " + denied);
                } else {
                    open.add(s.name() + " allows " + String.join(",", s.actions()) + " to " + to + " and " + why);
                }
            }
            Evidence e = Evidence.at(x.at(), open.isEmpty()
                            ? "No statement allows any principal without a condition restricting it to the organization" + (closed.isEmpty() ? "" : ": " + String.join("; ", closed))
                            : "The key policy allows principals outside the organization: " + String.join("; ", open))
                    .field("KmsKey.Policy", policy)
                    .field("OrganizationId", x.organizationId())
                    .field("ProtectsVaults", vaults).build();
            if (open.isEmpty()) {
                return pass(where, e);
            }
            return fail(where, e, new Remediation(
                    "Name the principals in the key policy, or add to every statement that allows \"*\" a condition with concrete values of this organization "
                            + "(StringEquals on kms:CallerAccount or aws:PrincipalAccount with its accounts, or aws:PrincipalOrgID with its ID); "
                            + "IfExists operators, wildcards, kms:ViaService or aws:SourceAccount alone do not restrict who may use the key.",
                    "aws kms put-key-policy --region " + sh(key.region()) + " --key-id " + sh(key.arn()) + " --policy-name default --policy file://key-policy.json",
                    "CloudFormation",
                    "KeyPolicy:\n  Version: '2012-10-17'\n  Statement:\n    - Sid: AllowBackupUseInThisAccount\n      Effect: Allow\n      Principal: { AWS: '*' }\n      Action: [kms:Decrypt, kms:GenerateDataKey*, kms:CreateGrant]\n      Resource: '*'\n      Condition:\n        StringEquals:\n          kms:CallerAccount: " + yaml(key.accountId()) + "\n          kms:ViaService: " + yaml("backup." + key.region() + ".amazonaws.com")));
        });
    }

    /** How a statement's conditions restrict who may use it. */
    private static final class Restriction {
        boolean restricting;
        final List<String> restrictingConditions = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> outside = new ArrayList<>();
        final Set<String> outsideAccounts = new LinkedHashSet<>();
    }

    private static Restriction restriction(EstateIndex x, Statement s) {
        Restriction out = new Restriction();
        for (Condition c : s.conditions()) {
            String key = c.keyLower();
            if (!IDENTITY_KEYS.contains(key)) {
                out.notes.add(c + " says how the key is used, not who uses it"
                        + (key.equals("aws:sourceaccount") || key.equals("aws:sourcearn") ? " (only service principals' calls carry " + c.key() + ")" : ""));
                continue;
            }
            if (c.negated()) {
                out.notes.add(c + " is a negated operator, which lets in every other value");
                continue;
            }
            if (!POSITIVE.contains(c.baseOperator())) {
                out.notes.add(c + " does not compare " + c.key() + " with named values");
                continue;
            }
            if (ORGANIZATION_KEYS.contains(key) && (c.ifExists() || c.forAllValues())) {
                out.notes.add(c + " holds when " + c.key() + " is absent, as it is for a principal of an account in no organization");
                continue;
            }
            boolean wildcard = false;
            for (String value : c.values()) {
                String v = value;
                switch (key) {
                    case "kms:calleraccount", "aws:principalaccount" -> {
                        if (hasWildcard(v)) {
                            wildcard = true;
                        } else if (!x.inOrganization(v)) {
                            out.outside.add("account " + v + " (" + c.key() + ")");
                            out.outsideAccounts.add(v);
                        }
                    }
                    case "aws:principalorgid" -> {
                        if (hasWildcard(v)) {
                            wildcard = true;
                        } else if (!v.equals(x.organizationId())) {
                            out.outside.add("organization " + v + " (" + c.key() + ")");
                        }
                    }
                    case "aws:principalorgpaths" -> {
                        String org = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
                        if (hasWildcard(org)) {
                            wildcard = true;
                        } else if (!org.equals(x.organizationId())) {
                            out.outside.add("organization " + org + " (" + c.key() + " " + v + ")");
                        }
                    }
                    default -> { // aws:principalarn
                        Arn arn = Arn.parse(v);
                        if (arn == null || hasWildcard(arn.account())) {
                            wildcard = true;
                        } else if (!x.inOrganization(arn.account())) {
                            out.outside.add(v + " (account " + arn.account() + ")");
                            out.outsideAccounts.add(arn.account());
                        }
                    }
                }
            }
            if (wildcard) {
                out.notes.add(c + " has a wildcard value that matches principals of any account or organization");
                continue;
            }
            out.restricting = true;
            out.restrictingConditions.add(c.toString());
        }
        return out;
    }

    private static boolean hasWildcard(String v) {
        return v.isEmpty() || v.indexOf('*') >= 0 || v.indexOf('?') >= 0;
    }

    /**
     * Null unless Deny statements (conditioned only on identity keys) deny every action the open
     * statement allows to every principal outside the organization; else says which.
     */
    private String deniedToOutsiders(EstateIndex x, PolicyDocument doc, Statement open, String keyArn, Set<String> namedOutside) {
        List<String> actions = SAMPLE_ACTIONS.stream().filter(open::coversAction).toList();
        if (actions.isEmpty()) {
            return null;
        }
        List<Statement> denies = new ArrayList<>();
        for (Statement s : doc.statements()) {
            if (s.deny() && s.conditions().stream().allMatch(c -> IDENTITY_KEYS.contains(c.keyLower()))) {
                denies.add(s);
            }
        }
        if (denies.isEmpty()) {
            return null;
        }
        PolicyDocument onlyDenies = new PolicyDocument(doc.version(), denies);
        Set<String> accounts = new LinkedHashSet<>(namedOutside);
        accounts.add(KeyPolicies.outsider(x));
        Set<String> by = new LinkedHashSet<>();
        for (String account : accounts) {
            List<Request> probes = Probes.outsidersOf(doc, account, x.organizationId(), actions.get(0), keyArn);
            for (String action : actions) {
                for (Request r : Probes.withAction(probes, action)) {
                    var d = evaluator.evaluate(onlyDenies, r);
                    if (!d.explicitlyDenied()) {
                        return null;
                    }
                    d.deciding().forEach(st -> by.add(st.name()));
                }
            }
        }
        return "statement " + String.join(", ", by) + " denies " + String.join(", ", actions)
                + " to every principal outside the organization";
    }
}
