package dev.redoubt.estate.demo;

/** The resource types of the demo, with how AWS names their resources and recovery points. */
enum ResourceKind {
    EBS("EBS", false, 6, 25, 9, 18),
    EC2("EC2", false, 10, 30, 14, 26),
    RDS("RDS", false, 12, 35, 36, 58),
    DYNAMODB("DynamoDB", true, 4, 15, 18, 35),
    EFS("EFS", true, 15, 45, 30, 70),
    S3("S3", true, 20, 60, 40, 95);

    /** The ResourceType value AWS Backup uses. */
    final String awsName;
    /** Fully managed by AWS Backup: recovery points get backup ARNs and are encrypted with the vault's key. */
    final boolean fullyManaged;
    private final int minBackupMinutes;
    private final int maxBackupMinutes;
    private final int minRestoreMinutes;
    private final int maxRestoreMinutes;

    ResourceKind(String awsName, boolean fullyManaged, int minBackupMinutes, int maxBackupMinutes, int minRestoreMinutes,
            int maxRestoreMinutes) {
        this.awsName = awsName;
        this.fullyManaged = fullyManaged;
        this.minBackupMinutes = minBackupMinutes;
        this.maxBackupMinutes = maxBackupMinutes;
        this.minRestoreMinutes = minRestoreMinutes;
        this.maxRestoreMinutes = maxRestoreMinutes;
    }

    int backupMinutes(Ids ids) {
        return ids.between(minBackupMinutes, maxBackupMinutes);
    }

    int restoreMinutes(Ids ids) {
        return ids.between(minRestoreMinutes, maxRestoreMinutes);
    }

    String resourceArn(String region, String account, String name) {
        String id = "0" + Ids.stableHex(16, account, region, name);
        return switch (this) {
            case EBS -> "arn:aws:ec2:" + region + ":" + account + ":volume/vol-" + id;
            case EC2 -> "arn:aws:ec2:" + region + ":" + account + ":instance/i-" + id;
            case RDS -> "arn:aws:rds:" + region + ":" + account + ":db:" + name;
            case DYNAMODB -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
            case EFS -> "arn:aws:elasticfilesystem:" + region + ":" + account + ":file-system/fs-" + id;
            case S3 -> "arn:aws:s3:::" + name;
        };
    }

    /** A new recovery point's ARN in the vault: EC2 and EBS are snapshots and images, RDS keeps its own snapshot ARNs. */
    String recoveryPointArn(VaultSpec vault, boolean copy, Ids ids) {
        String region = vault.region();
        if (fullyManaged || vault.isAirGapped()) {
            return Arns.recoveryPoint(region, vault.account(), ids.uuid());
        }
        return switch (this) {
            case EBS -> "arn:aws:ec2:" + region + "::snapshot/snap-0" + ids.hex(16);
            case EC2 -> "arn:aws:ec2:" + region + "::image/ami-0" + ids.hex(16);
            default -> "arn:aws:rds:" + region + ":" + vault.account() + ":snapshot:awsbackup:" + (copy ? "copyjob-" : "job-")
                    + ids.uuid();
        };
    }

    /** The resource a restore creates in the vault's account. */
    String restoredResourceArn(VaultSpec vault, String name, Ids ids) {
        String region = vault.region();
        String account = vault.account();
        return switch (this) {
            case EBS -> "arn:aws:ec2:" + region + ":" + account + ":volume/vol-0" + ids.hex(16);
            case EC2 -> "arn:aws:ec2:" + region + ":" + account + ":instance/i-0" + ids.hex(16);
            case RDS -> "arn:aws:rds:" + region + ":" + account + ":db:" + name + "-restore-" + ids.hex(6);
            case DYNAMODB -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name + "-restore-" + ids.hex(6);
            case EFS -> "arn:aws:elasticfilesystem:" + region + ":" + account + ":file-system/fs-0" + ids.hex(16);
            case S3 -> "arn:aws:s3:::" + name + "-restore-" + ids.hex(6);
        };
    }
}
