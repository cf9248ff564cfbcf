package dev.redoubt.drills;

import java.util.List;

/** The validation checklist for a restored resource, by AWS Backup resource type, plus the runbook's own checks. */
public final class Checklists {
    private Checklists() {
    }

    /** One check to do on a restored resource. */
    public record Item(String id, String text) {
    }

    /** The checks for {@code resourceType} (EBS, RDS, Aurora, DynamoDB, EFS, S3, EC2, ...), then {@code extra}. */
    public static List<Item> forType(String resourceType, List<String> extra) {
        throw new UnsupportedOperationException("drills core: Checklists.forType");
    }
}
