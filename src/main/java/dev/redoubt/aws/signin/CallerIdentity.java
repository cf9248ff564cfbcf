package dev.redoubt.aws.signin;

/** Who the signed-in principal is, from sts:GetCallerIdentity. */
public record CallerIdentity(String account, String arn, String userId) {
}
