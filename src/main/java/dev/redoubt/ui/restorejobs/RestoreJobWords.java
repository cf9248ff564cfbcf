package dev.redoubt.ui.restorejobs;

import java.util.Locale;
import java.util.Map;

/** How the restore screens say AWS's restore job statuses, resource types and durations. */
public final class RestoreJobWords {
    /** AWS Backup's resource type names, as people say them. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("Aurora", "Aurora cluster"),
            Map.entry("DocumentDB", "DocumentDB cluster"),
            Map.entry("DynamoDB", "DynamoDB table"),
            Map.entry("EBS", "EBS volume"),
            Map.entry("EC2", "EC2 instance"),
            Map.entry("EFS", "EFS file system"),
            Map.entry("FSx", "FSx file system"),
            Map.entry("Neptune", "Neptune cluster"),
            Map.entry("RDS", "RDS database"),
            Map.entry("S3", "S3 bucket"),
            Map.entry("Redshift", "Redshift cluster"),
            Map.entry("Timestream", "Timestream table"),
            Map.entry("VirtualMachine", "virtual machine"),
            Map.entry("Storage Gateway", "Storage Gateway volume"),
            Map.entry("CloudFormation", "CloudFormation stack"));

    private RestoreJobWords() {
    }

    /** PENDING, RUNNING, COMPLETED, ABORTED, FAILED in words; "not reported" when AWS gave none. */
    public static String status(String status) {
        if (status == null || status.isBlank()) {
            return "Not reported";
        }
        return switch (status) {
            case "PENDING" -> "Pending";
            case "RUNNING" -> "Running";
            case "COMPLETED" -> "Completed";
            case "ABORTED" -> "Aborted";
            case "FAILED" -> "Failed";
            default -> capitalized(status);
        };
    }

    /**
     * The validation result a restore test's owner posted (validation is optional and self-run); a
     * restore by hand has none to expect, so it reads "—".
     */
    public static String validation(String validationStatus, boolean byRestoreTest) {
        if (validationStatus == null || validationStatus.isBlank()) {
            return byRestoreTest ? "Not validated" : "—";
        }
        return switch (validationStatus) {
            case "SUCCESSFUL" -> "Passed";
            case "FAILED" -> "Failed";
            case "TIMED_OUT" -> "Timed out";
            case "VALIDATING" -> "Validating";
            default -> capitalized(validationStatus);
        };
    }

    /** Whether the restored resource was deleted after the test. */
    public static String deletion(String deletionStatus) {
        if (deletionStatus == null || deletionStatus.isBlank()) {
            return "—";
        }
        return switch (deletionStatus) {
            case "SUCCESSFUL" -> "Deleted after the test";
            case "DELETING" -> "Being deleted";
            case "FAILED" -> "Not deleted: the restored resource is still there";
            default -> capitalized(deletionStatus);
        };
    }

    /** "RDS database"; an unknown type as AWS names it; "not reported" for none. */
    public static String resourceType(String type) {
        if (type == null || type.isBlank()) {
            return "not reported";
        }
        return TYPES.getOrDefault(type, type);
    }

    /** "45 min", "3 h 12 min", "2 d 4 h"; "—" for none. */
    public static String minutes(Long minutes) {
        if (minutes == null) {
            return "—";
        }
        long m = Math.max(0, minutes);
        if (m < 60) {
            return m + " min";
        }
        long h = m / 60;
        if (h < 48) {
            return h + " h" + (m % 60 == 0 ? "" : " " + m % 60 + " min");
        }
        return h / 24 + " d" + (h % 24 == 0 ? "" : " " + h % 24 + " h");
    }

    private static String capitalized(String constant) {
        String s = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
