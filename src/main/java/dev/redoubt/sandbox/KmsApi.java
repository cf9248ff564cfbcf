package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.KeyAlias;
import dev.redoubt.estate.KeyGrant;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.sandbox.World.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListGrantsRequest;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;

/**
 * KMS's read operations. Reach as AWS: a key in another account can be named by ARN for DescribeKey,
 * GetKeyRotationStatus and ListGrants; GetKeyPolicy, ListAliases and ListResourceTags work only in
 * the caller's own account.
 */
final class KmsApi {
    static final String SERVICE = "kms";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private KmsApi() {
    }

    static void register(Handlers h) {
        h.read(SERVICE, "ListKeys", ListKeysRequest.class, KmsApi::listKeys);
        h.read(SERVICE, "DescribeKey", DescribeKeyRequest.class, (c, r) -> {
            KmsKey k = key(c, r.keyId(), true, "DescribeKey");
            ObjectNode out = JSON.objectNode();
            out.set("KeyMetadata", c.world().json(k.keyMetadata()));
            return out;
        });
        h.read(SERVICE, "GetKeyPolicy", GetKeyPolicyRequest.class, KmsApi::getKeyPolicy);
        h.read(SERVICE, "GetKeyRotationStatus", GetKeyRotationStatusRequest.class, KmsApi::rotation);
        h.read(SERVICE, "ListAliases", ListAliasesRequest.class, KmsApi::listAliases);
        h.read(SERVICE, "ListGrants", ListGrantsRequest.class, KmsApi::listGrants);
        h.read(SERVICE, "ListResourceTags", ListResourceTagsRequest.class, KmsApi::listTags);
    }

    static AwsError notFound(String message) {
        return AwsError.service("NotFoundException", 400, message);
    }

    private static Supplier<AwsError> badMarker() {
        return () -> AwsError.service("InvalidMarkerException", 400, "The marker is not valid.");
    }

    /** Resolves a key ID, key ARN, alias name or alias ARN; other accounts' keys only by ARN and only where {@code crossAccount}. */
    static KmsKey key(Call c, String keyId, boolean crossAccount, String operation) {
        World w = c.world();
        String account = c.account();
        String region = c.region();
        String resource = keyId;
        if (keyId.startsWith("arn:")) {
            Arn arn = Arn.parse(keyId);
            if (arn == null || !"kms".equals(arn.service())) {
                throw AwsError.service("InvalidArnException", 400, "Invalid arn " + Wire.printable(keyId));
            }
            if (!arn.account().equals(account) && !crossAccount) {
                throw AwsError.accessDenied("User: " + c.principal().arn() + " is not authorized to perform: kms:" + operation
                        + " on resource: " + Wire.printable(keyId) + " because no resource-based policy allows the kms:" + operation + " action");
            }
            account = arn.account();
            region = arn.region();
            resource = arn.resource();
        }
        Cell cell = w.cell(account, region);
        KmsKey k = null;
        if (cell != null) {
            if (resource.startsWith("alias/")) {
                k = cell.keyByAlias(resource);
            } else {
                k = cell.keyById(resource.startsWith("key/") ? resource.substring(4) : resource);
            }
        }
        if (k == null || k.keyMetadata() == null) {
            if (resource.startsWith("alias/")) {
                throw notFound("Alias arn:aws:kms:" + region + ":" + account + ":" + Wire.printable(resource) + " is not found.");
            }
            throw notFound("Key '" + (keyId.startsWith("arn:") ? Wire.printable(keyId)
                    : "arn:aws:kms:" + region + ":" + account + ":key/" + Wire.printable(resource)) + "' does not exist");
        }
        return k;
    }

    private static <T> ObjectNode page(Call c, List<T> all, Integer limit, int max, int dflt, String marker, String scope, String member,
                                       Function<T, JsonNode> map) {
        int size = Page.size(limit, max, dflt, "limit");
        Page.Slice<T> slice = Page.of(all, size, marker, scope + "/" + c.account() + "/" + c.region(), badMarker());
        ObjectNode out = JSON.objectNode();
        ArrayNode items = out.putArray(member);
        slice.items().forEach(t -> items.add(map.apply(t)));
        out.put("Truncated", slice.nextToken() != null);
        if (slice.nextToken() != null) {
            out.put("NextMarker", slice.nextToken());
        }
        return out;
    }

    private static JsonNode listKeys(Call c, ListKeysRequest r) {
        Cell cell = c.cell();
        List<KmsKey> keys = cell == null ? List.of() : cell.keys;
        return page(c, keys, r.limit(), 1000, 100, r.marker(), "ListKeys", "Keys", k -> JSON.objectNode()
                .put("KeyId", k.keyMetadata().keyId()).put("KeyArn", k.keyMetadata().arn()));
    }

    private static JsonNode getKeyPolicy(Call c, GetKeyPolicyRequest r) {
        KmsKey k = key(c, r.keyId(), false, "GetKeyPolicy");
        if (r.policyName() != null && !r.policyName().equals("default")) {
            throw notFound("No such policy exists");
        }
        ObjectNode out = JSON.objectNode();
        if (k.policy() != null) {
            out.put("Policy", k.policy());
        }
        out.put("PolicyName", "default");
        return out;
    }

    private static JsonNode rotation(Call c, GetKeyRotationStatusRequest r) {
        KmsKey k = key(c, r.keyId(), true, "GetKeyRotationStatus");
        ObjectNode out = JSON.objectNode();
        // AWS answers false for a key pending deletion (it does not rotate), not an error.
        out.put("KeyRotationEnabled", Boolean.TRUE.equals(k.keyRotationEnabled()) && !"PendingDeletion".equals(k.keyMetadata().keyState()));
        out.put("KeyId", k.keyMetadata().arn());
        if (k.rotationPeriodInDays() != null) {
            out.put("RotationPeriodInDays", k.rotationPeriodInDays());
        }
        if (k.nextRotationDate() != null) {
            out.put("NextRotationDate", k.nextRotationDate().toString());
        }
        return out;
    }

    private static JsonNode listAliases(Call c, ListAliasesRequest r) {
        List<KeyAlias> aliases = new ArrayList<>();
        if (r.keyId() != null) {
            aliases.addAll(World.nonNull(key(c, r.keyId(), false, "ListAliases").aliases()));
        } else {
            Cell cell = c.cell();
            if (cell != null) {
                for (KmsKey k : cell.keys) {
                    aliases.addAll(World.nonNull(k.aliases()));
                }
            }
        }
        return page(c, aliases, r.limit(), 100, 50, r.marker(), "ListAliases/" + r.keyId(), "Aliases", a -> c.world().json(a));
    }

    private static JsonNode listGrants(Call c, ListGrantsRequest r) {
        KmsKey k = key(c, r.keyId(), true, "ListGrants");
        List<KeyGrant> grants = new ArrayList<>();
        for (KeyGrant g : World.nonNull(k.grants())) {
            if ((r.grantId() == null || r.grantId().equals(g.grantId()))
                    && (r.granteePrincipal() == null || r.granteePrincipal().equals(g.granteePrincipal()))) {
                grants.add(g);
            }
        }
        return page(c, grants, r.limit(), 100, 50, r.marker(), "ListGrants/" + k.keyMetadata().arn() + "/" + r.grantId() + "/"
                + r.granteePrincipal(), "Grants", g -> c.world().json(g));
    }

    private static JsonNode listTags(Call c, ListResourceTagsRequest r) {
        KmsKey k = key(c, r.keyId(), false, "ListResourceTags");
        List<Map.Entry<String, String>> tags = new ArrayList<>(k.tags() == null ? List.of() : k.tags().entrySet());
        return page(c, tags, r.limit(), 50, 50, r.marker(), "ListResourceTags/" + k.keyMetadata().arn(), "Tags",
                e -> JSON.objectNode().put("TagKey", e.getKey()).put("TagValue", e.getValue()));
    }
}
