package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Account;
import dev.redoubt.estate.AccountRole;
import dev.redoubt.estate.SsoAssignment;
import dev.redoubt.estate.SsoUser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sso.model.ListAccountRolesRequest;
import software.amazon.awssdk.services.sso.model.ListAccountsRequest;
import software.amazon.awssdk.services.sso.model.LogoutRequest;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenRequest;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientRequest;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationRequest;

/**
 * IAM Identity Center as the AWS CLI and SDK use it: sso-oidc's device-code flow (unsigned), and the
 * SSO portal (bearer token) listing the accounts and roles an estate SSO user is assigned and issuing
 * temporary credentials for them.
 */
final class SsoApi {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final SignIns signIns;
    private final Keys keys;
    private final URI endpoint;
    private final boolean autoApprove;

    SsoApi(SignIns signIns, Keys keys, URI endpoint, boolean autoApprove) {
        this.signIns = signIns;
        this.keys = keys;
        this.endpoint = endpoint;
        this.autoApprove = autoApprove;
    }

    void register(Handlers h) {
        h.read("sso-oidc", "RegisterClient", RegisterClientRequest.class, this::registerClient);
        h.read("sso-oidc", "StartDeviceAuthorization", StartDeviceAuthorizationRequest.class, this::startDevice);
        h.read("sso-oidc", "CreateToken", CreateTokenRequest.class, this::createToken);
        h.read("sso", "ListAccounts", ListAccountsRequest.class, this::listAccounts);
        h.read("sso", "ListAccountRoles", ListAccountRolesRequest.class, this::listAccountRoles);
        h.read("sso", "GetRoleCredentials", GetRoleCredentialsRequest.class, this::roleCredentials);
        h.read("sso", "Logout", LogoutRequest.class, (c, r) -> {
            signIns.revoke(r.accessToken());
            return JSON.objectNode();
        });
    }

    private static AwsError oidc(String code, int status, String error, String description) {
        return AwsError.service(code, status, description, Map.of("error", error));
    }

    private JsonNode registerClient(Call c, RegisterClientRequest r) {
        if (!"public".equals(r.clientType())) {
            throw oidc("InvalidClientMetadataException", 400, "invalid_client_metadata", "Invalid client type");
        }
        Instant now = c.world().servedNow();
        SignIns.Client client = signIns.register(now);
        return JSON.objectNode().put("clientId", client.id()).put("clientSecret", client.secret())
                .put("clientIdIssuedAt", now.getEpochSecond()).put("clientSecretExpiresAt", client.expires().getEpochSecond());
    }

    private JsonNode startDevice(Call c, StartDeviceAuthorizationRequest r) {
        if (signIns.client(r.clientId(), r.clientSecret()) == null) {
            throw oidc("InvalidClientException", 401, "invalid_client", "Invalid client");
        }
        SignIns.Device d = signIns.startDevice(r.clientId(), c.world().servedNow());
        if (autoApprove && !c.world().users().isEmpty()) {
            d.approvedBy = c.world().users().iterator().next();
        }
        String page = endpoint.resolve("/device").toString();
        return JSON.objectNode().put("deviceCode", d.code).put("userCode", d.userCode).put("verificationUri", page)
                .put("verificationUriComplete", page + "?user_code=" + d.userCode)
                .put("expiresIn", (int) SignIns.DEVICE_CODE_LIFETIME.toSeconds()).put("interval", 1);
    }

    private JsonNode createToken(Call c, CreateTokenRequest r) {
        if (signIns.client(r.clientId(), r.clientSecret()) == null) {
            throw oidc("InvalidClientException", 401, "invalid_client", "Invalid client");
        }
        Instant now = c.world().servedNow();
        SsoUser user;
        if (DEVICE_GRANT.equals(r.grantType())) {
            SignIns.Device d = signIns.device(r.deviceCode());
            if (d == null || !d.clientId.equals(r.clientId()) || d.redeemed) {
                throw oidc("InvalidGrantException", 400, "invalid_grant", "Invalid grant provided");
            }
            if (!now.isBefore(d.expires)) {
                throw oidc("ExpiredTokenException", 400, "expired_token", "Device code has expired");
            }
            if (d.denied) {
                throw oidc("AccessDeniedException", 400, "access_denied", "Access denied");
            }
            if (d.approvedBy == null) {
                throw oidc("AuthorizationPendingException", 400, "authorization_pending", "Authorization is still pending");
            }
            d.redeemed = true;
            user = d.approvedBy;
        } else if ("refresh_token".equals(r.grantType())) {
            SignIns.Token refresh = signIns.refresh(r.refreshToken());
            if (refresh == null) {
                throw oidc("InvalidGrantException", 400, "invalid_grant", "Invalid refresh token provided");
            }
            user = refresh.user();
        } else {
            throw oidc("UnsupportedGrantTypeException", 400, "unsupported_grant_type", "Unsupported grant type: "
                    + Wire.printable(String.valueOf(r.grantType())));
        }
        SignIns.Token token = signIns.issue(user, now);
        return JSON.objectNode().put("accessToken", token.value()).put("tokenType", "Bearer")
                .put("expiresIn", (int) SignIns.TOKEN_LIFETIME.toSeconds()).put("refreshToken", signIns.issueRefresh(user).value());
    }

    private SsoUser bearer(Call c, String token) {
        SsoUser user = signIns.user(token, c.world().servedNow());
        if (user == null) {
            throw AwsError.service("UnauthorizedException", 401, "Session token not found or invalid");
        }
        return user;
    }

    /** The roles the user is assigned in an account that the account declares. */
    private static Set<String> roles(Call c, SsoUser user, String accountId) {
        Set<String> out = new LinkedHashSet<>();
        Account account = c.world().account(accountId);
        if (account == null) {
            return out;
        }
        for (SsoAssignment a : World.nonNull(user.assignments())) {
            if (accountId.equals(a.accountId())) {
                for (AccountRole role : Sandbox.roles(account)) {
                    if (role.roleName().equals(a.roleName())) {
                        out.add(a.roleName());
                    }
                }
            }
        }
        return out;
    }

    private JsonNode listAccounts(Call c, ListAccountsRequest r) {
        SsoUser user = bearer(c, r.accessToken());
        List<ObjectNode> accounts = new ArrayList<>();
        for (Account a : c.world().accounts()) {
            if (!roles(c, user, a.id()).isEmpty()) {
                accounts.add(JSON.objectNode().put("accountId", a.id()).put("accountName", a.name()).put("emailAddress", a.email()));
            }
        }
        return page(accounts, r.maxResults(), r.nextToken(), "ListAccounts/" + user.userId(), "accountList");
    }

    private JsonNode listAccountRoles(Call c, ListAccountRolesRequest r) {
        SsoUser user = bearer(c, r.accessToken());
        List<ObjectNode> roles = new ArrayList<>();
        for (String role : roles(c, user, r.accountId())) {
            roles.add(JSON.objectNode().put("roleName", role).put("accountId", r.accountId()));
        }
        return page(roles, r.maxResults(), r.nextToken(), "ListAccountRoles/" + user.userId() + "/" + r.accountId(), "roleList");
    }

    private JsonNode roleCredentials(Call c, GetRoleCredentialsRequest r) {
        SsoUser user = bearer(c, r.accessToken());
        if (!roles(c, user, r.accountId()).contains(r.roleName())) {
            throw AwsError.service("ForbiddenException", 403, "No access");
        }
        AccountRole role = c.world().role(r.accountId(), r.roleName());
        Principal.Access access = Principal.Access.parse(role == null ? "read-only" : role.access());
        Instant expires = c.world().servedNow().plus(Duration.ofHours(1));
        Keys.Issued issued = keys.issueTemporary(new Principal(r.accountId(), r.roleName(), access, user.userName()), expires);
        ObjectNode out = JSON.objectNode();
        out.putObject("roleCredentials").put("accessKeyId", issued.accessKeyId()).put("secretAccessKey", issued.secretAccessKey())
                .put("sessionToken", issued.sessionToken()).put("expiration", expires.toEpochMilli());
        return out;
    }

    private static ObjectNode page(List<ObjectNode> all, Integer max, String token, String scope, String member) {
        Page.Slice<ObjectNode> slice = Page.of(all, max == null ? 100 : Math.max(1, max), token, scope,
                () -> AwsError.service("InvalidRequestException", 400, "Invalid next token"));
        ObjectNode out = JSON.objectNode();
        ArrayNode items = out.putArray(member);
        slice.items().forEach(items::add);
        if (slice.nextToken() != null) {
            out.put("nextToken", slice.nextToken());
        }
        return out;
    }
}
