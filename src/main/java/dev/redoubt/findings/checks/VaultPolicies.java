package dev.redoubt.findings.checks;

import dev.redoubt.estate.BackupVault;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.policy.Condition;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.PolicyException;
import dev.redoubt.findings.policy.Request;
import dev.redoubt.findings.policy.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the vault-policy and key-policy checks share: parsing, the request of "any other principal", exemptions, and what Vault Lock already blocks. */
final class VaultPolicies {
    /** A principal no policy names: stands for "everyone but the exempted break-glass principals". */
    static final String ANY_OTHER_ROLE = "redoubt-any-other-principal";
    static final String VAULT_LOCK_PAGE = "https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html";
    static final String AIR_GAPPED_PAGE = "https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html";

    private VaultPolicies() {
    }

    /** The parsed policy, or null with the reason in {@code error[0]}. */
    static PolicyDocument parse(String policy, String[] error) {
        try {
            return PolicyDocument.parse(policy);
        } catch (PolicyException e) {
            error[0] = e.getMessage();
            return null;
        }
    }

    /** A session of a role of the vault's account that no policy names, with aws:PrincipalOrgID set when the organization is known. */
    static Request anyOtherPrincipal(EstateIndex x, VaultRef v, String action) {
        String role = "arn:aws:iam::" + v.accountId() + ":role/" + ANY_OTHER_ROLE;
        Map<String, List<String>> ctx = new HashMap<>();
        if (x.organizationId() != null) {
            ctx.put("aws:PrincipalOrgID", List.of(x.organizationId()));
        }
        return Request.bySession(role, "redoubt", v.accountId(), action, v.arn(), ctx);
    }

    /** The principals a Deny statement exempts through negated conditions on aws:PrincipalArn or aws:userId. */
    static List<String> exemptions(Statement s) {
        List<String> out = new ArrayList<>();
        for (Condition c : s.conditions()) {
            if (c.negated() && (c.keyLower().equals("aws:principalarn") || c.keyLower().equals("aws:userid"))) {
                out.addAll(c.values());
            }
        }
        return out;
    }

    /**
     * Why AWS Backup already refuses to delete the vault's recovery points for everyone, root
     * included: a compliance-mode Vault Lock past its LockDate (AWS Backup Vault Lock page), or a
     * logically air-gapped vault (always locked in compliance mode). Null when neither holds.
     */
    static String deletionAlreadyBlocked(EstateIndex x, VaultRef v) {
        if (v.isAirGapped()) {
            return "the vault is logically air-gapped, which AWS locks in compliance mode (" + AIR_GAPPED_PAGE + ")";
        }
        BackupVault b = v.vault();
        Instant lockDate = b.lockDate();
        if (Boolean.TRUE.equals(b.locked()) && lockDate != null && !lockDate.isAfter(x.at())) {
            return "its compliance-mode Vault Lock became immutable on " + lockDate + ": AWS Backup refuses to delete its recovery points"
                    + " or shorten their lifecycle for every user, root included (" + VAULT_LOCK_PAGE + ")";
        }
        return null;
    }

    /** The same result with another severity (a conditional severity of the catalogue). */
    static Result withSeverity(Result r, Severity severity) {
        return new Result(r.checkId(), r.status(), severity, r.facet(), r.accountId(), r.region(), r.resourceArn(), r.title(), r.evidence(),
                r.remediation(), r.suppression());
    }
}
