package dev.redoubt.findings;

/** What a result is about: the account, the region and the resource ARN (checks.md, "What a result is about"). */
public record Scope(String accountId, String region, String resourceArn) {
}
