package dev.redoubt.findings.checks;

import dev.redoubt.estate.Arn;
import dev.redoubt.estate.ReadError;
import dev.redoubt.findings.AbstractCheck;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.Evidence;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Scope;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.policy.PolicyDocument;
import dev.redoubt.findings.policy.PolicyException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A check with one result per KMS key that protects backups (a vault's key, or also the keys of
 * recovery points); the evidence names the vaults it protects. A key the estate does not hold is
 * UNKNOWN, with the ReadError that explains it when there is one.
 */
abstract class KeyCheck extends AbstractCheck {
    KeyCheck(String id, Facet facet, Severity severity, String title, String weakness, String reads, String others, String... operations) {
        super(id, facet, severity, title, weakness, reads, others, operations);
    }

    /** For checks that read the key policy: judges it parsed, or says why it cannot be (not read: UNKNOWN with the gap; unparsable: UNKNOWN). */
    final Result withPolicy(EstateIndex x, KeyRef key, Scope where, java.util.function.Function<PolicyDocument, Result> judge) {
        String policy = key.key().policy();
        if (policy == null) {
            return missing(x, where, "KmsKey.Policy");
        }
        PolicyDocument doc;
        try {
            doc = PolicyDocument.parse(policy);
        } catch (PolicyException ex) {
            return unknown(where, Evidence.at(x.at(), "Could not be evaluated: the key " + ex.getMessage()).field("KmsKey.Policy", policy).build());
        }
        return judge.apply(doc);
    }

    /** True to judge only vault keys; false to judge recovery points' keys too. */
    abstract boolean vaultKeysOnly();

    @Override
    public final void evaluate(EstateIndex x, Consumer<Result> out) {
        Map<String, Set<String>> keys = vaultKeysOnly() ? x.vaultKeys() : x.keysProtectingBackups();
        for (var e : keys.entrySet()) {
            List<String> vaults = vaultsConcerned(x, e.getValue());
            if (vaults.isEmpty()) {
                continue;
            }
            String arn = e.getKey();
            KeyRef key = x.key(arn);
            Arn parsed = Arn.parse(arn);
            String account = key != null ? key.accountId() : parsed == null ? null : parsed.account();
            String region = key != null ? key.region() : parsed == null ? null : parsed.region();
            Scope where = new Scope(account, region, arn);
            if (key == null) {
                ReadError err = x.readError(account, region, arn, List.of("kms:DescribeKey", "kms:*"));
                out.accept(err != null ? unreadable(x, where, err)
                        : unknown(where, Evidence.at(x.at(), "Could not be evaluated: the key is not in the estate (not read)")
                                .field("KeyArn", arn).field("ProtectsVaults", vaults).build()));
                continue;
            }
            if (!concerns(key)) {
                continue;
            }
            Result r = unreadable(x, where);
            if (r == null) {
                r = judge(x, key, where, vaults);
            }
            if (r != null) {
                out.accept(r);
            }
        }
    }

    /**
     * False when the check does not concern this key whatever else was read (ENC-06 on a key that
     * cannot rotate), so a failed read of the check's own operation gives no UNKNOWN either.
     */
    boolean concerns(KeyRef key) {
        return true;
    }

    /** The vaults (of those the key protects) the check judges the key for; a key with none gives no result. All of them by default. */
    List<String> vaultsConcerned(EstateIndex x, Set<String> vaults) {
        return List.copyOf(vaults);
    }

    /** The verdict on one key, or null when the check does not concern it (an AWS-managed key for rotation). */
    abstract Result judge(EstateIndex x, KeyRef key, Scope where, List<String> vaults);
}
