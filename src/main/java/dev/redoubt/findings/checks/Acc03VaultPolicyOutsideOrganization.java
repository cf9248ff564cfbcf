package dev.redoubt.findings.checks;

import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Remediation;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.policy.Decision;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.PolicyEvaluator;
import dev.redoubt.findings.policy.Probes;
import dev.redoubt.findings.policy.Request;
import dev.redoubt.findings.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ACC-03: the vault policy allows a destructive or weakening action (DeleteRecoveryPoint,
 * UpdateRecoveryPointLifecycle, PutBackupVaultAccessPolicy, DeleteBackupVault*, or backup:*) to
 * everyone ("*") or to a whole account, or allows CopyIntoBackupVault to principals outside the
 * organization.
 *
 * <p>AWS Backup refuses cross-account access to a vault for every action but
 * backup:CopyIntoBackupVault, whatever the vault policy says ("Vault access policies",
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html). So an
 * Allow of a destructive action to "*" in effect opens it to every principal of the vault's own
 * account, with or without IAM permissions; naming a whole account broadens who may destroy the
 * backups (and for another account, states an intent AWS does not honour). CopyIntoBackupVault is
 * the one action another account can use: allowed to principals outside the organization, it lets
 * them fill the vault (and its storage bill) with recovery points they chose. "*" is confined to the
 * organization by a condition naming it (aws:PrincipalOrgID or aws:PrincipalOrgPaths), or by one
 * naming only the organization's accounts or principals.
 *
 * <p>Evaluated with the policy evaluator, Deny statements included: a principal of each account in
 * question (a role session no policy names, and every principal the policy names there) asks for
 * each action.
 */
public final class Acc03VaultPolicyOutsideOrganization extends VaultCheck {
    static final String PAGE = "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html";
    static final List<String> DESTRUCTIVE = List.of("backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle",
            "backup:PutBackupVaultAccessPolicy", "backup:DeleteBackupVault", "backup:DeleteBackupVaultAccessPolicy",
            "backup:DeleteBackupVaultLockConfiguration", "backup:DeleteBackupVaultNotifications");
    static final String COPY_INTO = "backup:CopyIntoBackupVault";
    static final String RATIONALE = "AWS Backup refuses cross-account access to a vault for every action but backup:CopyIntoBackupVault, "
            + "whatever its policy says (" + PAGE + "): a destructive action allowed to \"*\" opens it to every principal of the vault's account; "
            + "CopyIntoBackupVault is the one action other accounts can use";
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    public Acc03VaultPolicyOutsideOrganization() {
        super("ACC-03", Facet.ACC, Severity.MEDIUM,
                "Vault policy allows destructive actions to everyone or a whole account, or copies from outside the organization",
                "An Allow of a destructive action to \"*\" lets every principal of the vault's account delete or weaken the backups (AWS refuses "
                        + "cross-account access for every action but CopyIntoBackupVault); CopyIntoBackupVault to principals outside the "
                        + "organization lets them write into the vault.",
                "vault AccessPolicy, Organization accounts", "-", "backup:GetBackupVaultAccessPolicy");
    }

    @Override
    Result judge(EstateIndex x, VaultRef v) {
        if (v.vault().accessPolicy() == null) {
            return missing(x, v.scope(), "BackupVault.AccessPolicy");
        }
        if (v.vault().accessPolicy().isNone()) {
            return pass(v.scope(), Evidence.at(x.at(), "The vault has no access policy, so it grants nothing to anyone")
                    .field("BackupVault.AccessPolicy", "none configured").field("Rationale", RATIONALE).build());
        }
        String policy = v.vault().accessPolicy().value().orElseThrow();
        String[] error = new String[1];
        PolicyDocument doc = VaultPolicies.parse(policy, error);
        if (doc == null) {
            return unknown(v.scope(), Evidence.at(x.at(), "Could not be evaluated: the vault " + error[0]).field("BackupVault.AccessPolicy", policy).build());
        }
        List<String> problems = new ArrayList<>();
        problems.addAll(destructiveGrants(x, v, doc));
        problems.addAll(copiesFromOutside(x, v, doc));
        List<String> toEveryone = new ArrayList<>();
        for (Statement s : doc.statements()) {
            if (s.allow() && (s.anyPrincipal() || s.notPrincipal())) {
                toEveryone.add(s.name() + ": " + String.join(",", s.actions()));
            }
        }
        Evidence e = Evidence.at(x.at(), problems.isEmpty()
                        ? "No destructive or weakening action is allowed to \"*\" or to a whole account, and CopyIntoBackupVault only to the organization"
                        : String.join("; ", problems))
                .field("BackupVault.AccessPolicy", policy).field("OrganizationId", x.organizationId())
                .field("AllowStatementsToEveryone", toEveryone).field("Rationale", RATIONALE)
                .threshold("DestructiveActions", DESTRUCTIVE).build();
        if (problems.isEmpty()) {
            return pass(v.scope(), e);
        }
        return fail(v.scope(), e, new Remediation(
                "Remove destructive and weakening actions from Allow statements to \"*\" and to whole accounts (grant them, if at all, to named break-glass roles), "
                        + "and confine CopyIntoBackupVault from \"*\" with a condition aws:PrincipalOrgID equal to the organization's ID.",
                "aws backup put-backup-vault-access-policy --region " + sh(v.region()) + " --backup-vault-name " + sh(v.vault().backupVaultName())
                        + " --policy file://vault-policy.json",
                "CloudFormation",
                "AccessPolicy:\n  Version: '2012-10-17'\n  Statement:\n    - Sid: AllowCopyIntoVaultFromOrganization\n      Effect: Allow\n      Principal: '*'\n      Action: backup:CopyIntoBackupVault\n      Resource: '*'\n      Condition:\n        StringEquals:\n          aws:PrincipalOrgID: " + yaml(x.organizationId() == null ? "o-exampleorgid" : x.organizationId())));
    }

    /**
     * Allow statements, in policy order, that give destructive actions to "*" (in effect every
     * principal of the vault's account) or to a whole account, and that decide the evaluator's
     * answer for a principal of that account, Deny statements included.
     */
    private List<String> destructiveGrants(EstateIndex x, VaultRef v, PolicyDocument doc) {
        List<String> out = new ArrayList<>();
        for (Statement s : doc.statements()) {
            if (!s.allow() || DESTRUCTIVE.stream().noneMatch(s::coversAction)) {
                continue;
            }
            Set<String> accounts = new LinkedHashSet<>();
            if (s.anyPrincipal() || s.notPrincipal()) {
                accounts.add(v.accountId());
            }
            for (String p : s.awsPrincipals()) {
                if (Statement.isAccountPrincipal(p)) {
                    accounts.add(Statement.accountOfPrincipal(p));
                }
            }
            List<String> effects = new ArrayList<>();
            for (String account : accounts) {
                Map<String, List<String>> ctx = x.inOrganization(account) && x.organizationId() != null
                        ? Map.of("aws:PrincipalOrgID", List.of(x.organizationId())) : Map.of();
                Request any = Request.bySession(Probes.anyRole(account), Probes.SESSION, account, DESTRUCTIVE.get(0), v.arn(), ctx);
                List<String> allowed = new ArrayList<>();
                for (String action : DESTRUCTIVE) {
                    Decision d = evaluator.evaluate(doc, any.withAction(action));
                    if (d.allowed() && d.deciding().contains(s)) {
                        allowed.add(action);
                    }
                }
                if (!allowed.isEmpty()) {
                    effects.add(account.equals(v.accountId())
                            ? "every principal of the vault's account " + account + " may " + String.join(", ", allowed)
                            : "every principal of account " + account + " may " + String.join(", ", allowed)
                                    + " (AWS refuses this cross-account access today, but the policy grants it to a whole account)");
                }
            }
            if (!effects.isEmpty()) {
                String to = s.notPrincipal() ? "everyone but its NotPrincipal" : s.anyPrincipal() ? "\"*\"" : String.join(", ", s.awsPrincipals());
                out.add(s.name() + " allows " + String.join(",", s.actions()) + " to " + to + ": " + String.join("; ", effects));
            }
        }
        return out;
    }

    /** Principals outside the organization allowed CopyIntoBackupVault: the accounts the policy names outside it, and any other account. */
    private List<String> copiesFromOutside(EstateIndex x, VaultRef v, PolicyDocument doc) {
        Set<String> outsiders = new LinkedHashSet<>();
        for (Statement s : doc.statements()) {
            for (String p : s.awsPrincipals()) {
                String account = Statement.accountOfPrincipal(p);
                if (account != null && account.matches("\\d{12}") && !x.inOrganization(account)) {
                    outsiders.add(account);
                }
            }
        }
        outsiders.add(KeyPolicies.outsider(x));
        List<String> out = new ArrayList<>();
        for (String account : outsiders) {
            for (Request r : Probes.outsidersOf(doc, account, x.organizationId(), COPY_INTO, v.arn())) {
                Decision d = evaluator.evaluate(doc, r);
                if (d.allowed()) {
                    boolean generic = r.principalArn().equals(Probes.anyRole(account));
                    String who = account.equals(KeyPolicies.outsider(x)) ? "principals of any account outside the organization"
                            + (generic ? "" : " (e.g. " + r.who() + ")")
                            : (generic ? "any principal of account " + account : r.who()) + " (account " + account + " is outside the organization)";
                    out.add("backup:CopyIntoBackupVault is allowed to " + who + " by statement "
                            + String.join(", ", d.deciding().stream().map(Statement::name).toList()));
                    break;
                }
            }
        }
        return out;
    }
}
