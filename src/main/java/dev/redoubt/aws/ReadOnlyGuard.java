package dev.redoubt.aws;

import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The auditor's guarantee: an interceptor on every SDK client that refuses any operation not on a
 * read-only allowlist before the request is even marshalled or signed, so no write can leave the
 * process whatever the UI or a bug asks for.
 */
public final class ReadOnlyGuard implements ExecutionInterceptor {
    /** Sign-in and identity calls that change nothing in the estate. */
    private static final Set<String> SIGN_IN = Set.of(
            "sts:GetCallerIdentity", "sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:GetSessionToken",
            "sso:GetRoleCredentials", "sso:ListAccounts", "sso:ListAccountRoles", "sso:Logout",
            "ssooidc:RegisterClient", "ssooidc:StartDeviceAuthorization", "ssooidc:CreateToken");
    /** Names that look like reads but are not. */
    private static final Set<String> DENIED_LOOKALIKES = Set.of("kms:GetParametersForImport");
    private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^a-z0-9]");

    /** True when the operation may run in auditor mode; service names are compared as the SDK spells them in any case ("Sts", "SSO OIDC"). */
    public static boolean allows(String serviceName, String operationName) {
        String key = NOT_ALPHANUMERIC.matcher(serviceName.toLowerCase(java.util.Locale.ROOT)).replaceAll("") + ":" + operationName;
        if (SIGN_IN.contains(key)) {
            return true;
        }
        if (DENIED_LOOKALIKES.contains(key)) {
            return false;
        }
        return operationName.startsWith("Describe") || operationName.startsWith("Get") || operationName.startsWith("List");
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (service == null || operation == null || !allows(service, operation)) {
            throw new ReadOnlyViolationException(String.valueOf(service), String.valueOf(operation));
        }
    }
}
