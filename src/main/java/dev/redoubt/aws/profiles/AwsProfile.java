package dev.redoubt.aws.profiles;

/**
 * One profile from the AWS config and credentials files. Never holds a secret: static keys stay in
 * the file, only whether they are there is known here.
 */
public record AwsProfile(
        String name,
        ProfileKind kind,
        String region,
        String endpointUrl,
        String ssoSession,
        String ssoStartUrl,
        String ssoRegion,
        String ssoAccountId,
        String ssoRoleName,
        String roleArn,
        String sourceProfile,
        String accessKeyId) {

    /** The key under which the AWS CLI caches this profile's SSO token: the session name, or the start URL for legacy profiles. */
    public String ssoCacheKey() {
        return ssoSession != null ? ssoSession : ssoStartUrl;
    }
}
