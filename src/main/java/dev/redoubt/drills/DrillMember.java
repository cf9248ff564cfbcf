package dev.redoubt.drills;

/**
 * One resource of a drill, in restore order (0 first). {@code resourceName} is what the operator
 * types to confirm; the account and region are the resource's (where its restore job runs).
 */
public record DrillMember(int order, String resourceArn, String resourceType, String resourceName, String accountId, String region) {
}
