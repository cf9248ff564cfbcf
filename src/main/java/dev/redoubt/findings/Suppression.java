package dev.redoubt.findings;

import java.time.Instant;

/**
 * An accepted risk: results of {@code checkId} on resources matching {@code resource} (an ARN,
 * {@code *} wildcards allowed) show as SUPPRESSED until {@code expires}.
 */
public record Suppression(String checkId, String resource, String justification, String author, Instant expires) {
    /** True when the resource ARN matches this suppression's pattern ({@code *} matches any run of characters). */
    public boolean covers(String checkId, String resourceArn) {
        return this.checkId.equals(checkId) && resourceArn != null && Wildcards.matches(resource, resourceArn, false);
    }
}
