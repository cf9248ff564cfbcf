package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.AccountRole;
import dev.redoubt.estate.Arn;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;

/**
 * STS: who the caller is, and AssumeRole into the roles the estate declares. The sandbox's trust
 * rule: any principal may assume a read-only role; only an operator may assume an operator role.
 */
final class StsApi {
    static final String SERVICE = "sts";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StsApi() {
    }

    static void register(Handlers h, Keys keys) {
        h.read(SERVICE, "GetCallerIdentity", GetCallerIdentityRequest.class, (c, r) -> JSON.objectNode()
                .put("UserId", c.principal().userId()).put("Account", c.account()).put("Arn", c.principal().arn()));
        h.read(SERVICE, "AssumeRole", AssumeRoleRequest.class, (c, r) -> assumeRole(c, r, keys));
    }

    private static JsonNode assumeRole(Call c, AssumeRoleRequest r, Keys keys) {
        String session = r.roleSessionName();
        if (!session.matches("[\\w+=,.@-]{2,64}")) {
            throw AwsError.validation("1 validation error detected: Value '" + Wire.printable(session) + "' at 'roleSessionName' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        int seconds = r.durationSeconds() == null ? 3600 : r.durationSeconds();
        if (seconds < 900) {
            throw AwsError.validation("1 validation error detected: Value '" + seconds + "' at 'durationSeconds' failed to satisfy "
                    + "constraint: Member must have value greater than or equal to 900");
        }
        if (seconds > 3600) {
            throw AwsError.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Arn arn = Arn.parse(r.roleArn());
        AccountRole role = null;
        String roleName = null;
        if (arn != null && "iam".equals(arn.service()) && arn.resource().startsWith("role/")) {
            roleName = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
            role = c.world().role(arn.account(), roleName);
        }
        Principal.Access access = role == null ? null : Principal.Access.parse(role.access());
        if (role == null || (access == Principal.Access.OPERATOR && c.principal().access() != Principal.Access.OPERATOR)) {
            throw AwsError.accessDenied("User: " + c.principal().arn() + " is not authorized to perform: sts:AssumeRole on resource: "
                    + Wire.printable(r.roleArn()));
        }
        Instant expires = c.world().servedNow().plus(Duration.ofSeconds(seconds));
        Principal p = new Principal(arn.account(), roleName, access, session);
        Keys.Issued issued = keys.issueTemporary(p, expires);
        ObjectNode out = JSON.objectNode();
        ObjectNode creds = out.putObject("Credentials");
        creds.put("AccessKeyId", issued.accessKeyId());
        creds.put("SecretAccessKey", issued.secretAccessKey());
        creds.put("SessionToken", issued.sessionToken());
        creds.put("Expiration", c.world().toEstate(expires).toString());
        ObjectNode user = out.putObject("AssumedRoleUser");
        user.put("AssumedRoleId", p.userId());
        user.put("Arn", p.arn());
        return out;
    }
}
