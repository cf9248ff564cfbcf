package dev.redoubt.sandbox;

import dev.redoubt.sandbox.ServiceModel.Protocol;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.mpa.MpaClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The services the sandbox answers, read once from the SDK's clients (immutable). */
final class Services {
    static final ServiceModel BACKUP = ServiceModel.of("backup", "backup", Protocol.REST_JSON, null, "2018-11-15", BackupClient.class);
    static final ServiceModel KMS = ServiceModel.of("kms", "kms", Protocol.AWS_JSON, "TrentService", "2014-11-01", KmsClient.class);
    static final ServiceModel STS = ServiceModel.of("sts", "sts", Protocol.QUERY, null, "2011-06-15", StsClient.class);
    static final ServiceModel ORGANIZATIONS = ServiceModel.of("organizations", "organizations", Protocol.AWS_JSON,
            "AWSOrganizationsV20161128", "2016-11-28", OrganizationsClient.class);
    static final ServiceModel ACCOUNT = ServiceModel.of("account", "account", Protocol.REST_JSON, null, "2021-02-01", AccountClient.class);
    static final ServiceModel MPA = ServiceModel.of("mpa", "mpa", Protocol.REST_JSON, null, "2022-07-26", MpaClient.class);
    static final ServiceModel SSO_OIDC = ServiceModel.of("sso-oidc", "sso-oauth", Protocol.REST_JSON, null, "2019-06-10", SsoOidcClient.class);
    static final ServiceModel SSO = ServiceModel.of("sso", "awsssoportal", Protocol.REST_JSON, null, "2019-06-10", SsoClient.class);
    static final ServiceModel IDENTITY_STORE = ServiceModel.of("identitystore", "identitystore", Protocol.AWS_JSON, "AWSIdentityStore",
            "2020-06-15", IdentitystoreClient.class);
    static final ServiceModel SSO_ADMIN = ServiceModel.of("sso-admin", "sso", Protocol.AWS_JSON, "SWBExternalService", "2020-07-20",
            SsoAdminClient.class);

    static final List<ServiceModel> ALL = List.of(BACKUP, KMS, STS, ORGANIZATIONS, ACCOUNT, MPA, SSO_OIDC, SSO, IDENTITY_STORE, SSO_ADMIN);
    /** Signed requests are routed by the SigV4 scope's service (the signing name). */
    static final Map<String, ServiceModel> BY_SIGNING_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(ServiceModel::signingName, Function.identity()));
    static final Map<String, ServiceModel> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(ServiceModel::name, Function.identity()));

    private Services() {
    }

    /** The unsigned service a path belongs to: sso-oidc's device flow, or the SSO portal (bearer token); null for none. */
    static ServiceModel unsigned(String path) {
        if (path.equals("/client/register") || path.equals("/device_authorization") || path.equals("/token")) {
            return SSO_OIDC;
        }
        if (path.startsWith("/assignment/") || path.startsWith("/federation/") || path.equals("/logout")) {
            return SSO;
        }
        return null;
    }
}
