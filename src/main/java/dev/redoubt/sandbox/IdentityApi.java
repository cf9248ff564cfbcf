package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.SsoUser;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.identitystore.model.DescribeUserRequest;
import software.amazon.awssdk.services.mpa.model.GetIdentitySourceRequest;
import software.amazon.awssdk.services.ssoadmin.model.DescribeInstanceRequest;

/**
 * Who an approver is, as AWS tells it: mpa:GetIdentitySource (the IAM Identity Center instance behind an identity
 * source), sso-admin:DescribeInstance (its identity store) and identitystore:DescribeUser (the user's name), from the
 * estate's identity sources ({@link IdentityCenter}) and SsoUsers. Each is answered to the account that owns the
 * identity source (the management account in the demo), as IAM Identity Center is administered there.
 */
final class IdentityApi {
    static final String IDENTITY_STORE = "identitystore";
    static final String SSO_ADMIN = "sso-admin";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    // The models' patterns (identitystore IdentityStoreId and ResourceId, sso-admin InstanceArn)
    private static final String STORE_ID_PATTERN = "d-[0-9a-f]{10}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String USER_ID_PATTERN = "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}";
    private static final String INSTANCE_ARN_PATTERN = "arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}";

    private IdentityApi() {
    }

    static void register(Handlers h) {
        h.read(IDENTITY_STORE, "DescribeUser", DescribeUserRequest.class, IdentityApi::describeUser);
        h.read(SSO_ADMIN, "DescribeInstance", DescribeInstanceRequest.class, IdentityApi::describeInstance);
        h.read(MpaApi.SERVICE, "GetIdentitySource", GetIdentitySourceRequest.class, IdentityApi::getIdentitySource);
    }

    private static JsonNode describeUser(Call c, DescribeUserRequest r) {
        String storeId = r.identityStoreId();
        String userId = r.userId();
        check("identityStoreId", storeId, 1, 36, STORE_ID_PATTERN);
        SsoUser user = c.world().user(userId);
        // The demo's user IDs ("u-bob") are not AWS-shaped; an ID the estate declares is served as it is.
        check("userId", userId, 1, 47, user == null ? USER_ID_PATTERN : null);
        IdentityCenter.Source source = IdentityCenter.byIdentityStore(c.world(), storeId);
        if (source == null) {
            throw notFound("Identity store " + storeId + " does not exist.", "IDENTITY_STORE", storeId);
        }
        if (!c.account().equals(source.ownerAccount())) {
            throw denied(c, "identitystore:DescribeUser", "arn:aws:identitystore::" + source.ownerAccount() + ":identitystore/" + storeId);
        }
        if (user == null) {
            throw notFound("USER not found.", "USER", userId);
        }
        ObjectNode out = JSON.objectNode().put("IdentityStoreId", storeId).put("UserId", user.userId());
        if (user.userName() != null) {
            out.put("UserName", user.userName());
        }
        if (user.displayName() != null) {
            out.put("DisplayName", user.displayName());
        }
        return out;
    }

    private static JsonNode describeInstance(Call c, DescribeInstanceRequest r) {
        check("instanceArn", r.instanceArn(), 10, 1224, INSTANCE_ARN_PATTERN);
        IdentityCenter.Source source = IdentityCenter.byInstance(c.world(), r.instanceArn());
        if (source == null || !c.account().equals(source.ownerAccount())) {
            // IAM Identity Center names no instance of another account: the caller is not allowed to see it
            throw denied(c, "sso:DescribeInstance", r.instanceArn());
        }
        return JSON.objectNode()
                .put("InstanceArn", source.instanceArn())
                .put("IdentityStoreId", source.identityStoreId())
                .put("OwnerAccountId", source.ownerAccount())
                .put("Status", "ACTIVE");
    }

    private static JsonNode getIdentitySource(Call c, GetIdentitySourceRequest r) {
        IdentityCenter.Source source = IdentityCenter.sources(c.world()).get(r.identitySourceArn());
        if (source == null) {
            throw MpaApi.notFound("Identity source " + Wire.printable(String.valueOf(r.identitySourceArn())) + " does not exist.");
        }
        if (!c.account().equals(source.ownerAccount())) {
            throw denied(c, "mpa:GetIdentitySource", source.sourceArn());
        }
        ObjectNode out = JSON.objectNode()
                .put("IdentitySourceArn", source.sourceArn())
                .put("IdentitySourceType", "IAM_IDENTITY_CENTER")
                .put("Status", "ACTIVE");
        ObjectNode center = out.putObject("IdentitySourceParameters").putObject("IamIdentityCenter");
        center.put("InstanceArn", source.instanceArn()).put("Region", source.region());
        String portal = approvalPortal(c);
        if (portal != null) {
            center.put("ApprovalPortalUrl", portal);
        }
        return out;
    }

    /** The sandbox's approver page, where the estate's approvers vote (AWS's approval portal). */
    private static String approvalPortal(Call c) {
        String host = c.http().header("host");
        if (host == null || host.isBlank()) {
            return null;
        }
        try {
            return URI.create("http://" + host + "/approvals").toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** AWS's validation of one member against its model: length, then pattern (null: none checked). */
    private static void check(String member, String value, int min, int max, String pattern) {
        String v = value == null ? "" : value;
        if (v.length() < min || v.length() > max) {
            throw AwsError.validation("1 validation error detected: Value at '" + member + "' failed to satisfy constraint: Member must have length "
                    + (v.length() < min ? "greater than or equal to " + min : "less than or equal to " + max));
        }
        if (pattern != null && !Pattern.compile("^(?:" + pattern + ")$").matcher(v).matches()) {
            throw AwsError.validation("1 validation error detected: Value '" + Wire.printable(v) + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + pattern);
        }
    }

    private static AwsError notFound(String message, String type, String id) {
        return AwsError.service("ResourceNotFoundException", 400, message, Map.of("ResourceType", type, "ResourceId", Wire.printable(id)));
    }

    private static AwsError denied(Call c, String action, String resource) {
        return AwsError.accessDenied("User: " + c.principal().arn() + " is not authorized to perform: " + action + " on resource: "
                + Wire.printable(String.valueOf(resource)));
    }
}
