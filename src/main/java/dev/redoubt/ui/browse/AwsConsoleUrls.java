package dev.redoubt.ui.browse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The AWS Management Console page of a thing Redoubt shows, for "Open in the AWS console". The
 * console opens in the account the browser is signed in to; the caller says which account it is in.
 * Pure functions of the ARN (and of the vault, for a recovery point).
 */
public final class AwsConsoleUrls {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private AwsConsoleUrls() {
    }

    /** The console page of an ARN or account ID; empty for kinds the console has no page for here. */
    public static Optional<String> of(String arnOrId) {
        if (arnOrId == null || arnOrId.isBlank()) {
            return Optional.empty();
        }
        if (ACCOUNT.matcher(arnOrId).matches()) {
            return Optional.of("https://console.aws.amazon.com/organizations/v2/home/accounts/" + arnOrId);
        }
        String[] p = arnOrId.split(":", 6);
        if (p.length < 6 || !p[0].equals("arn")) {
            return Optional.empty();
        }
        String service = p[2];
        String region = p[3];
        String resource = p[5];
        String home = "https://" + (region.isEmpty() ? "" : region + ".") + "console.aws.amazon.com/";
        String q = region.isEmpty() ? "" : "?region=" + region;
        switch (service) {
            case "backup" -> {
                if (resource.startsWith("backup-vault:")) {
                    return Optional.of(home + "backup/home" + q + "#/backupvaults/details/" + enc(resource.substring("backup-vault:".length())));
                }
                if (resource.startsWith("backup-plan:")) {
                    return Optional.of(home + "backup/home" + q + "#/backupplan/details/" + enc(resource.substring("backup-plan:".length())));
                }
                if (resource.startsWith("restore-testing-plan:")) {
                    String name = resource.substring("restore-testing-plan:".length());
                    int dash = name.lastIndexOf('-');
                    return Optional.of(home + "backup/home" + q + "#/restoretesting/details/" + enc(dash > 0 ? name.substring(0, dash) : name));
                }
                return Optional.of(home + "backup/home" + q + "#/backupvaults");
            }
            case "kms" -> {
                if (resource.startsWith("key/")) {
                    return Optional.of(home + "kms/home" + q + "#/kms/keys/" + enc(resource.substring(4)));
                }
                if (resource.startsWith("alias/aws/")) {
                    return Optional.of(home + "kms/home" + q + "#/kms/defaultKeys");
                }
                return Optional.of(home + "kms/home" + q + "#/kms/keys");
            }
            case "iam" -> {
                if (resource.startsWith("role/")) {
                    String name = resource.substring(resource.lastIndexOf('/') + 1);
                    return Optional.of("https://console.aws.amazon.com/iam/home#/roles/details/" + enc(name));
                }
                return Optional.empty();
            }
            case "ec2" -> {
                if (resource.startsWith("snapshot/")) {
                    return Optional.of(home + "ec2/home" + q + "#SnapshotDetails:snapshotId=" + enc(resource.substring(9)));
                }
                if (resource.startsWith("volume/")) {
                    return Optional.of(home + "ec2/home" + q + "#VolumeDetails:volumeId=" + enc(resource.substring(7)));
                }
                if (resource.startsWith("instance/")) {
                    return Optional.of(home + "ec2/home" + q + "#InstanceDetails:instanceId=" + enc(resource.substring(9)));
                }
                return Optional.empty();
            }
            case "rds" -> {
                String[] r = resource.split(":", 2);
                if (r.length == 2 && r[0].equals("db")) {
                    return Optional.of(home + "rds/home" + q + "#database:id=" + enc(r[1]));
                }
                if (r.length == 2 && r[0].equals("cluster")) {
                    return Optional.of(home + "rds/home" + q + "#database:id=" + enc(r[1]) + ";is-cluster=true");
                }
                return Optional.empty();
            }
            case "s3" -> {
                return Optional.of("https://s3.console.aws.amazon.com/s3/buckets/" + enc(resource));
            }
            case "dynamodb" -> {
                if (resource.startsWith("table/")) {
                    return Optional.of(home + "dynamodbv2/home" + q + "#table?name=" + enc(resource.substring(6).split("/", 2)[0]));
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** A recovery point's page in the AWS Backup console: under its vault. */
    public static String recoveryPoint(String region, String vaultName, String recoveryPointArn) {
        return "https://" + region + ".console.aws.amazon.com/backup/home?region=" + region + "#/backupvaults/details/" + enc(vaultName) + "/"
                + enc(recoveryPointArn);
    }

    /** A restore job's page in the AWS Backup console. */
    public static String restoreJob(String region, String jobId) {
        return "https://" + region + ".console.aws.amazon.com/backup/home?region=" + region + "#/jobs/restore/details/" + enc(jobId);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
