package dev.redoubt.drills;

import java.util.ArrayList;
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
        List<Item> out = new ArrayList<>();
        switch (resourceType == null ? "" : resourceType) {
            case "EBS" -> {
                out.add(new Item("ebs-attach", "The restored volume attaches to an instance"));
                out.add(new Item("ebs-mount", "Its file system mounts without errors"));
                out.add(new Item("ebs-files", "The expected files are there and open"));
            }
            case "RDS", "Aurora" -> {
                out.add(new Item("db-connect", "The restored database accepts a connection"));
                out.add(new Item("db-rows", "The row count of a key table matches the source at the recovery point's time"));
                out.add(new Item("db-app-read", "The application's read test passes against it"));
            }
            case "DynamoDB" -> {
                out.add(new Item("ddb-count", "The restored table's item count matches the source"));
                out.add(new Item("ddb-sample", "A sample item reads back with the expected attributes"));
            }
            case "S3" -> {
                out.add(new Item("s3-count", "The restored bucket's object count matches the source"));
                out.add(new Item("s3-checksum", "The checksums of sample objects match the source's"));
            }
            case "EFS" -> {
                out.add(new Item("efs-mount", "The restored file system mounts from an instance"));
                out.add(new Item("efs-files", "The expected directories and files are there and open"));
            }
            case "EC2" -> {
                out.add(new Item("ec2-boot", "The restored instance boots"));
                out.add(new Item("ec2-status", "It passes its system and instance status checks"));
                out.add(new Item("ec2-service", "Its service answers (log in or call its health check)"));
            }
            default -> {
                out.add(new Item("restored-exists", "The restored resource exists and can be opened"));
                out.add(new Item("restored-data", "Its data matches the source at the recovery point's time"));
            }
        }
        int i = 1;
        for (String text : extra == null ? List.<String>of() : extra) {
            if (text != null && !text.isBlank()) {
                out.add(new Item("runbook-" + i++, text.strip()));
            }
        }
        return List.copyOf(out);
    }
}
