package dev.redoubt.ui.keys;

import dev.redoubt.findings.Result;
import dev.redoubt.findings.access.AccessAnswer;
import dev.redoubt.findings.access.KeyKind;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a key's page shows, built away from the UI thread: its metadata, its policy (or why it
 * is not shown), the three answers about who can decrypt, administer and disable or delete it,
 * its grants, what depends on it and its findings.
 *
 * @param policy        the key policy as read, null when there is none to show
 * @param policyProblem why no policy is shown ("The key policy was not read: ..."), null when one is
 * @param grantsNote    "No grants", "The key's grants were not read", null when grants are listed
 * @param points        how many recovery points the key encrypts
 * @param findings      the audit's results about the key, failures first
 */
public record KeyDetail(String id, String arn, KeyKind kind, String kindLabel, String title, String subtitle, boolean inEstate,
                        List<Fact> facts, String policy, String policyProblem, List<AccessAnswer> answers, List<GrantLine> grants,
                        String grantsNote, List<VaultUse> vaults, long points, List<Result> findings) {
    public KeyDetail {
        facts = List.copyOf(facts);
        answers = List.copyOf(answers);
        grants = List.copyOf(grants);
        vaults = List.copyOf(vaults);
        findings = List.copyOf(findings);
    }

    /** One name–value line; {@code link} is an ARN or account ID the value links to, or null. */
    public record Fact(String name, String value, String link) {
        public static Fact of(String name, String value) {
            return new Fact(name, value, null);
        }
    }

    /**
     * One active grant.
     *
     * @param grantee      in words ("role erp-reporting-export of northwind-erp-prod (754192837465, production)")
     * @param operations   "Decrypt, DescribeKey"
     * @param constraints  "only with the encryption context ...", "—" for none
     * @param retiring     who may retire it, in words, or "—"
     */
    public record GrantLine(String name, String grantee, String granteeArn, String operations, String constraints, String retiring,
                            String retiringArn, String created, boolean decrypts) {
    }

    /** A vault that depends on the key: its own key, or the key of some of its recovery points. */
    public record VaultUse(String arn, String name, String account, String region, boolean vaultKey, long points) {
    }

    /** The statements the answers say let someone in (minus those that keep others out), by index. */
    public Set<Integer> allowing() {
        Set<Integer> out = new TreeSet<>();
        answers.forEach(a -> out.addAll(a.allowing()));
        out.removeAll(denying());
        return out;
    }

    /** The Deny statements the answers say keep others out, by index. */
    public Set<Integer> denying() {
        Set<Integer> out = new TreeSet<>();
        answers.forEach(a -> out.addAll(a.denying()));
        return out;
    }

    /** The recovery points screen's filter for this key's recovery points, or null when it has no ARN. */
    public String pointsTarget() {
        return arn == null ? null : "key=" + arn;
    }
}
