package dev.redoubt.estate.demo;

/** ARNs in the forms AWS gives them. */
final class Arns {
    private Arns() {
    }

    static String backup(String region, String account, String resource) {
        return "arn:aws:backup:" + region + ":" + account + ":" + resource;
    }

    static String vault(String region, String account, String name) {
        return backup(region, account, "backup-vault:" + name);
    }

    static String recoveryPoint(String region, String account, String id) {
        return backup(region, account, "recovery-point:" + id);
    }

    static String kmsKey(String region, String account, String keyId) {
        return "arn:aws:kms:" + region + ":" + account + ":key/" + keyId;
    }

    static String kmsAlias(String region, String account, String alias) {
        return "arn:aws:kms:" + region + ":" + account + ":" + alias;
    }

    static String mpa(String region, String account, String resource) {
        return "arn:aws:mpa:" + region + ":" + account + ":" + resource;
    }

    static String root(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    static String role(String account, String pathAndName) {
        return "arn:aws:iam::" + account + ":role/" + pathAndName;
    }

    /** The role AWS Backup's console creates and plans use by default. */
    static String backupRole(String account) {
        return role(account, "service-role/AWSBackupDefaultServiceRole");
    }

    static String backupServiceLinkedRole(String account) {
        return role(account, "aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup");
    }

    /** Who a sandbox user is while acting as one of the declared roles. */
    static String assumedRole(String account, String role, String user) {
        return "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + user;
    }

    static String snsTopic(String region, String account, String name) {
        return "arn:aws:sns:" + region + ":" + account + ":" + name;
    }
}
