package dev.redoubt.ui.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.KeyGrant;
import dev.redoubt.estate.KeyMetadata;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.access.AccessAnswer;
import dev.redoubt.findings.access.KeyAccess;
import dev.redoubt.findings.access.KeyKind;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.keys.KeyDetail.Fact;
import dev.redoubt.ui.keys.KeyDetail.GrantLine;
import dev.redoubt.ui.keys.KeyDetail.VaultUse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Builds a key's page from the catalog, away from the UI thread (the answers ask the policy evaluator a few hundred times). */
final class KeyDetails {
    private KeyDetails() {
    }

    /** The page of a key by its ARN (or an alias ARN), or of an AWS-owned key by {@code aws-owned:<vault ARN>}; null when nothing names it. */
    static KeyDetail build(EstateCatalog c, String id, ZoneId zone) {
        if (c == null || id == null || id.isBlank()) {
            return null;
        }
        EstateIndex x = c.index();
        KeyRef k = x.key(id);
        if (k != null) {
            return held(c, k, zone);
        }
        if (id.startsWith(KeysIndex.AWS_OWNED_PREFIX)) {
            VaultRef v = x.vault(id.substring(KeysIndex.AWS_OWNED_PREFIX.length()));
            return v == null ? null : notHeld(c, id, zone);
        }
        return id.startsWith("arn:") ? notHeld(c, id, zone) : null;
    }

    private static KeyDetail held(EstateCatalog c, KeyRef k, ZoneId zone) {
        EstateIndex x = c.index();
        KmsKey key = k.key();
        KeyMetadata m = key.keyMetadata();
        KeyKind kind = KeyKind.of(key);
        List<String> aliases = KeysIndex.aliases(key);
        String keyId = m.keyId() != null ? m.keyId() : KeysIndex.keyIdOf(k.arn());
        String title = aliases.isEmpty() ? keyId : aliases.get(0);
        String account = c.accountName(k.accountId());
        String subtitle = (m.description() == null || m.description().isBlank() ? "" : m.description() + " · ") + "In "
                + (account == null || account.equals(k.accountId()) ? "account " + k.accountId() : account + " (" + k.accountId() + ")") + ", " + k.region();

        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("Key ID", keyId));
        facts.add(Fact.of("Aliases", aliases.isEmpty() ? (key.aliases() == null ? Formats.NOT_READ : "none") : String.join(", ", aliases)));
        facts.add(new Fact("Account", KeyAccess.accountPhrase(x, k.accountId()), k.accountId()));
        facts.add(Fact.of("Region", k.region()));
        facts.add(Fact.of("Managed by", switch (kind) {
            case AWS_MANAGED -> "AWS (an AWS-managed key: AWS writes its policy and rotates it; nobody can disable or delete it)";
            case CUSTOMER_MANAGED -> "The customer (a customer-managed key)";
            default -> Formats.NOT_READ;
        }));
        facts.add(Fact.of("Description", Formats.orNone(m.description())));
        facts.add(Fact.of("State", state(m, zone, x.at())));
        facts.add(Fact.of("Created", m.creationDate() == null ? Formats.NOT_READ : Formats.date(m.creationDate(), zone)));
        facts.add(Fact.of("Key material", origin(m, zone, x.at())));
        facts.add(Fact.of("Key spec and usage", Formats.orNotRead(m.keySpec() != null ? m.keySpec() : m.customerMasterKeySpec())
                + (m.keyUsage() == null ? "" : ", " + usage(m.keyUsage()))));
        facts.add(Fact.of("Automatic rotation", rotation(key, kind, zone)));
        facts.add(Fact.of("Multi-Region", multiRegion(m)));
        facts.add(Fact.of("Tags", key.tags() == null ? "none" : key.tags().isEmpty() ? "none" : tags(key.tags())));

        String policy = key.policy();
        String problem = null;
        if (policy == null) {
            var e = x.readError(k.accountId(), k.region(), k.arn(), List.of("kms:GetKeyPolicy"));
            problem = e == null ? "The key policy was not read (kms:GetKeyPolicy), so who can use the key is not known."
                    : "The key policy could not be read: " + (e.errorCode() == null ? "" : e.errorCode() + ": ") + Formats.orNone(e.message());
        }

        List<AccessAnswer> answers = new KeyAccess().answers(x, k);
        List<GrantLine> grants = new ArrayList<>();
        String grantsNote;
        if (key.grants() == null) {
            grantsNote = "The key's grants were not read (kms:ListGrants).";
        } else {
            for (KeyGrant g : key.grants()) {
                if (g != null) {
                    grants.add(grant(x, g, zone));
                }
            }
            grantsNote = grants.isEmpty() ? "No active grants: only the key policy decides who can use the key." : null;
        }
        Uses uses = uses(x, k.arn());
        return new KeyDetail(k.arn(), k.arn(), kind, kind == KeyKind.NOT_READ ? "KMS key" : kind.text() + " KMS key", title, subtitle, true, facts,
                policy, problem, answers, grants, grantsNote, uses.vaults, uses.points, findings(c, k.arn()));
    }

    private static KeyDetail notHeld(EstateCatalog c, String id, ZoneId zone) {
        EstateIndex x = c.index();
        boolean byVault = id.startsWith(KeysIndex.AWS_OWNED_PREFIX);
        String arn = byVault ? null : id;
        Uses uses = uses(x, id);
        boolean awsOwned = byVault || uses.awsOwned;
        List<AccessAnswer> answers = awsOwned ? KeyAccess.awsOwned() : new KeyAccess().answers(x, arn, null);
        List<Fact> facts = new ArrayList<>();
        String title;
        String subtitle;
        KeyKind kind;
        if (awsOwned) {
            kind = KeyKind.AWS_OWNED;
            title = "AWS-owned key" + (uses.vaults.size() == 1 ? " of " + uses.vaults.get(0).name() : "");
            subtitle = "AWS holds this key in an account of its own: nobody in the organization can read its policy, use it directly, disable it or delete it.";
            if (arn != null) {
                facts.add(new Fact("Key ARN", arn, arn));
            }
            facts.add(Fact.of("Held by", "AWS, on behalf of AWS Backup"));
            facts.add(Fact.of("Policy and grants", "Not visible to the organization"));
            facts.add(Fact.of("Rotation", "By AWS"));
        } else {
            kind = KeyKind.NOT_READ;
            Arn parsed = Arn.parse(arn);
            String account = parsed == null ? null : parsed.account();
            title = arn.contains(":alias/") ? arn.substring(arn.indexOf(":alias/") + 1) : KeysIndex.keyIdOf(arn);
            subtitle = "A key that vaults or recovery points use, which this scan does not hold.";
            facts.add(new Fact("Key ARN", arn, arn));
            if (account != null && !account.isEmpty()) {
                facts.add(new Fact("Account", KeyAccess.accountPhrase(x, account), x.account(account) == null ? null : account));
            }
            if (parsed != null && !parsed.region().isEmpty()) {
                facts.add(Fact.of("Region", parsed.region()));
            }
            facts.add(Fact.of("Why it is not shown", answers.get(0).reasons().isEmpty() ? Formats.NOT_READ : answers.get(0).reasons().get(0)));
        }
        String problem = awsOwned ? "AWS does not show the policy of an AWS-owned key to anyone in the organization."
                : "The key was not read, so neither is its policy.";
        return new KeyDetail(id, arn, kind, awsOwned ? "AWS-owned KMS key" : "KMS key not in the scan", title, subtitle, false, facts, null, problem,
                answers, List.of(), awsOwned ? "Not visible to the organization." : "Not read.", uses.vaults, uses.points,
                arn == null ? List.of() : findings(c, arn));
    }

    /** The vaults that depend on the key (its own key, or the key of some recovery points), and the recovery points it encrypts. */
    private record Uses(List<VaultUse> vaults, long points, boolean awsOwned) {
    }

    private static Uses uses(EstateIndex x, String id) {
        Set<String> candidates = new LinkedHashSet<>();
        if (id.startsWith(KeysIndex.AWS_OWNED_PREFIX)) {
            candidates.add(id.substring(KeysIndex.AWS_OWNED_PREFIX.length()));
        } else {
            candidates.addAll(x.keysProtectingBackups().getOrDefault(id, Set.of()));
            if (candidates.isEmpty()) {
                // AWS-owned keys with an ARN are not among the keys protecting backups: look for the vaults that name it
                for (VaultRef v : x.vaults()) {
                    if (v.arn() != null && id.equals(KeysIndex.vaultKey(x, v))) {
                        candidates.add(v.arn());
                    }
                }
            }
        }
        List<VaultUse> out = new ArrayList<>();
        long total = 0;
        boolean awsOwned = false;
        for (String arn : candidates) {
            VaultRef v = x.vault(arn);
            if (v == null) {
                continue;
            }
            boolean own = id.equals(KeysIndex.vaultKey(x, v));
            awsOwned |= own && EstateIndex.AWS_OWNED_KEY.equals(v.vault().encryptionKeyType());
            long n = 0;
            String lastRaw = null;
            String lastType = null;
            boolean lastMatch = false;
            boolean first = true;
            for (RecoveryPoint p : v.points()) {
                if (first || !Objects.equals(p.encryptionKeyArn(), lastRaw) || !Objects.equals(p.encryptionKeyType(), lastType)) {
                    first = false;
                    lastRaw = p.encryptionKeyArn();
                    lastType = p.encryptionKeyType();
                    lastMatch = id.equals(KeysIndex.pointKey(x, v, lastRaw, lastType));
                    if (lastMatch && EstateIndex.AWS_OWNED_KEY.equals(lastType)) {
                        awsOwned = true;
                    }
                }
                if (lastMatch) {
                    n++;
                }
            }
            total += n;
            out.add(new VaultUse(v.arn(), v.vault().backupVaultName() == null ? Formats.shortArn(v.arn()) : v.vault().backupVaultName(),
                    KeyAccess.accountPhrase(x, v.accountId()), v.region(), own, n));
        }
        return new Uses(out, total, awsOwned);
    }

    /** The audit's results about the key: failures first (worst first), then not evaluated, suppressed, passed. */
    static List<Result> findings(EstateCatalog c, String arn) {
        List<Result> out = new ArrayList<>(c.resultsFor(arn));
        out.sort(Comparator.comparingInt((Result r) -> switch (r.status()) {
            case FAIL -> 0;
            case UNKNOWN -> 1;
            case SUPPRESSED -> 2;
            default -> 3;
        }).thenComparing(Result::severity).thenComparing(Result::checkId));
        return out;
    }

    private static GrantLine grant(EstateIndex x, KeyGrant g, ZoneId zone) {
        String constraints = KeyAccess.constraints(g.constraints());
        String retiring = g.retiringPrincipal() == null || g.retiringPrincipal().isBlank() ? Formats.NONE
                : g.retiringPrincipal().equals(g.granteePrincipal()) ? "The grantee" : capitalize(KeyAccess.principalPhrase(x, g.retiringPrincipal()));
        String name = g.name() != null && !g.name().isBlank() ? g.name()
                : g.grantId() == null ? Formats.NONE : g.grantId().length() > 12 ? g.grantId().substring(0, 12) + "…" : g.grantId();
        return new GrantLine(name, capitalize(KeyAccess.principalPhrase(x, g.granteePrincipal())), g.granteePrincipal(),
                g.operations() == null ? Formats.NOT_READ : String.join(", ", g.operations()), constraints.isEmpty() ? Formats.NONE : constraints,
                retiring, g.retiringPrincipal(), g.creationDate() == null ? Formats.NONE : Formats.date(g.creationDate(), zone),
                g.operations() != null && g.operations().contains("Decrypt"));
    }

    static String state(KeyMetadata m, ZoneId zone, Instant now) {
        if (m.keyState() == null) {
            return Formats.NOT_READ;
        }
        return switch (m.keyState()) {
            case "Enabled" -> "Enabled";
            case "Disabled" -> "Disabled: nothing it protects can be decrypted until it is enabled again";
            case "PendingDeletion", "PendingReplicaDeletion" -> "Scheduled for deletion" + (m.deletionDate() == null ? ""
                    : " on " + Formats.dateTime(m.deletionDate(), zone) + " (" + Formats.relative(m.deletionDate(), now) + ")")
                    + (m.pendingDeletionWindowInDays() == null ? "" : ", after a " + m.pendingDeletionWindowInDays() + "-day waiting period")
                    + ": what it protects will be unreadable for good";
            case "PendingImport" -> "Waiting for its key material to be imported";
            case "Unavailable" -> "Unavailable: its custom key store is disconnected";
            default -> m.keyState();
        };
    }

    static String origin(KeyMetadata m, ZoneId zone, Instant now) {
        if (m.origin() == null) {
            return Formats.NOT_READ;
        }
        return switch (m.origin()) {
            case "AWS_KMS" -> "Generated by AWS KMS";
            case "EXTERNAL" -> "Imported by its owner" + (m.validTo() == null ? ", does not expire"
                    : ", expires on " + Formats.date(m.validTo(), zone) + " (" + Formats.relative(m.validTo(), now) + ")");
            case "AWS_CLOUDHSM" -> "In an AWS CloudHSM key store" + (m.customKeyStoreId() == null ? "" : " (" + m.customKeyStoreId() + ")");
            case "EXTERNAL_KEY_STORE" -> "In an external key store" + (m.customKeyStoreId() == null ? "" : " (" + m.customKeyStoreId() + ")");
            default -> m.origin();
        };
    }

    private static String usage(String usage) {
        return switch (usage) {
            case "ENCRYPT_DECRYPT" -> "encrypt and decrypt";
            case "SIGN_VERIFY" -> "sign and verify";
            case "GENERATE_VERIFY_MAC" -> "generate and verify MACs";
            case "KEY_AGREEMENT" -> "key agreement";
            default -> usage;
        };
    }

    static String rotation(KmsKey key, KeyKind kind, ZoneId zone) {
        String base = KeysIndex.rotation(key, kind);
        if (Boolean.TRUE.equals(key.keyRotationEnabled()) && key.nextRotationDate() != null) {
            return base + ", next on " + Formats.date(key.nextRotationDate(), zone);
        }
        return base;
    }

    private static String multiRegion(KeyMetadata m) {
        String base = KeysIndex.multiRegion(m);
        JsonNode c = m.multiRegionConfiguration();
        if (c == null || !Boolean.TRUE.equals(m.multiRegion())) {
            return base;
        }
        List<String> regions = new ArrayList<>();
        for (JsonNode r : c.path("ReplicaKeys")) {
            regions.add(r.path("Region").asText());
        }
        String primary = c.path("PrimaryKey").path("Region").asText(null);
        if ("Primary".equals(base)) {
            return regions.isEmpty() ? "Primary key, no replicas" : "Primary key, replicas in " + String.join(", ", regions);
        }
        return "Replica".equals(base) && primary != null ? "Replica of the key in " + primary : base;
    }

    private static String tags(Map<String, String> tags) {
        List<String> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(k + "=" + v));
        return String.join(", ", out);
    }

    private static String capitalize(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
