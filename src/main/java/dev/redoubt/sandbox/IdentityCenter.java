package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redoubt.estate.ApprovalTeam;
import dev.redoubt.estate.Approver;
import dev.redoubt.estate.Arn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IAM Identity Center behind an estate's MPA identity sources. An estate names only the identity source
 * (an approver's PrimaryIdentitySourceArn); the instance and its identity store are derived from that ARN,
 * deterministically, so every start of the sandbox (and every test) sees the same IDs: instance
 * {@code arn:aws:sso:::instance/ssoins-<16 hex>}, identity store {@code d-<10 hex>}, in the source's region and
 * owned by its account. A source that is already an identity store ARN
 * ({@code arn:aws:identitystore::ACCOUNT:identitystore/d-...}) is its own store, an instance ARN its own instance (owned by
 * the account of the team that names it). Every store holds the estate's SsoUsers.
 */
final class IdentityCenter {
    /** One identity source and what stands behind it. */
    record Source(String sourceArn, String region, String ownerAccount, String instanceArn, String identityStoreId) {
    }

    private IdentityCenter() {
    }

    /** The estate's identity sources by ARN: those its approval teams and sessions name. */
    static Map<String, Source> sources(World world) {
        Map<String, Source> out = new LinkedHashMap<>();
        for (World.Cell cell : world.cells()) {
            for (ApprovalTeam team : cell.teams) {
                if (team.approvers() != null) {
                    for (Approver a : team.approvers()) {
                        add(out, a.primaryIdentitySourceArn(), cell);
                    }
                }
            }
            for (SessionEntry s : cell.sessions) {
                for (JsonNode r : s.base().path("ApproverResponses")) {
                    add(out, r.path("IdentitySourceArn").asText(null), cell);
                }
            }
        }
        return out;
    }

    /** The source whose identity store has this ID; null for none. */
    static Source byIdentityStore(World world, String identityStoreId) {
        for (Source s : sources(world).values()) {
            if (s.identityStoreId().equals(identityStoreId)) {
                return s;
            }
        }
        return null;
    }

    /** The source whose IAM Identity Center instance has this ARN; null for none. */
    static Source byInstance(World world, String instanceArn) {
        for (Source s : sources(world).values()) {
            if (s.instanceArn().equals(instanceArn)) {
                return s;
            }
        }
        return null;
    }

    private static void add(Map<String, Source> out, String sourceArn, World.Cell seenIn) {
        if (sourceArn == null || out.containsKey(sourceArn)) {
            return;
        }
        Arn arn = Arn.parse(sourceArn);
        if (arn == null) {
            return;
        }
        String hash = sha256(sourceArn);
        String region = arn.region().isEmpty() ? seenIn.region : arn.region();
        String owner = arn.account().isEmpty() ? seenIn.account : arn.account();
        String store = "identitystore".equals(arn.service()) && arn.resource().startsWith("identitystore/")
                ? arn.resource().substring("identitystore/".length())
                : "d-" + hash.substring(0, 10);
        String instance = "sso".equals(arn.service()) && arn.resource().startsWith("instance/")
                ? sourceArn
                : "arn:aws:sso:::instance/ssoins-" + hash.substring(10, 26);
        out.put(sourceArn, new Source(sourceArn, region, owner, instance, store));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
