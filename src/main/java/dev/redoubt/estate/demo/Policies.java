package dev.redoubt.estate.demo;

import dev.redoubt.estate.demo.Policy.Statement;
import java.util.Arrays;
import java.util.List;

/** The policies the demo's teams wrote, and the ones AWS writes by default. */
final class Policies {
    /** What ACC-01 (and the AWS Config rule) wants denied to everyone. */
    static final List<String> TAMPERING = List.of("backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle",
            "backup:PutBackupVaultAccessPolicy");
    /** What ACC-02 wants denied to all but break-glass principals. */
    static final List<String> DISMANTLING = List.of("backup:DeleteBackupVault", "backup:DeleteBackupVaultAccessPolicy",
            "backup:DeleteBackupVaultLockConfiguration");
    /** The key administrators' actions the KMS console's default key policy writes. */
    private static final List<String> KEY_ADMINISTRATION = List.of("kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
            "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
            "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion");
    private static final List<String> USE_FOR_BACKUP = List.of("kms:Decrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*",
            "kms:DescribeKey", "kms:CreateGrant");

    private Policies() {
    }

    // Vault access policies (backup:GetBackupVaultAccessPolicy)

    static Statement denyToAllBut(String sid, List<String> actions, String exemptRoleArn) {
        return Statement.deny(sid).toAnyAwsPrincipal().actions(actions)
                .when("ArnNotLike", "aws:PrincipalArn", exemptRoleArn);
    }

    /** The vault policy of a well-kept vault: no tampering, no dismantling, copies in from the named accounts. */
    static Policy hardenedVault(String breakGlassRole, String... copySourceAccounts) {
        Policy p = Policy.of(denyToAllBut("DenyRecoveryPointTampering", TAMPERING, breakGlassRole),
                denyToAllBut("DenyVaultDismantling", DISMANTLING, breakGlassRole));
        return copySourceAccounts.length == 0 ? p : p.plus(allowCopiesFrom(copySourceAccounts));
    }

    static Statement allowCopiesFrom(String... accounts) {
        return Statement.allow("AllowCopiesIntoVault")
                .toAws(Arrays.stream(accounts).map(Arns::root).toArray(String[]::new))
                .actions("backup:CopyIntoBackupVault");
    }

    // Key policies (kms:GetKeyPolicy)

    /** KMS's default key policy: the account's IAM decides who uses the key. */
    static Policy accountKey(String account) {
        return Policy.withId("key-default-1",
                Statement.allow("Enable IAM User Permissions").toAws(Arns.root(account)).actions("kms:*"));
    }

    /** The policy AWS writes on an account's aws/backup key. */
    static Policy awsManagedBackupKey(String account, String region) {
        return Policy.withId("auto-backup-1",
                Statement.allow("Allow access through Backup for all principals in the account that are authorized to use Backup Storage")
                        .toAnyAwsPrincipal().actions("kms:CreateGrant", "kms:Decrypt", "kms:GenerateDataKey*")
                        .when("StringEquals", "kms:ViaService", "backup." + region + ".amazonaws.com")
                        .when("StringEquals", "kms:CallerAccount", account),
                Statement.allow("Allow direct access to key metadata to the account").toAws(Arns.root(account))
                        .actions("kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"));
    }

    /** A key administered by its account, used by AWS Backup's role there only through AWS Backup. */
    static Policy backupVaultKey(String account, String region) {
        return accountKey(account).plus(Statement.allow("Allow AWS Backup to use the key")
                .toAws(Arns.backupRole(account)).actions(USE_FOR_BACKUP)
                .when("StringEquals", "kms:ViaService", "backup." + region + ".amazonaws.com"));
    }

    /** Lets another account use the key directly, with no condition: how a key gets opened to a workload account. */
    static Statement letAccountUseKey(String sid, String account) {
        return Statement.allow(sid).toAws(Arns.root(account)).actions(USE_FOR_BACKUP);
    }

    /** Lets another account use the key, but only through AWS Backup (what AWS documents for keyed air-gapped vaults). */
    static Statement letAccountUseKeyThroughBackup(String sid, String account) {
        return letAccountUseKey(sid, account).when("StringLike", "kms:ViaService", "backup.*.amazonaws.com");
    }

    /** Makes a role a key administrator (the console's "Allow access for Key Administrators" statement). */
    static Statement letRoleAdministerKey(String sid, String roleArn) {
        return Statement.allow(sid).toAws(roleArn).actions(KEY_ADMINISTRATION);
    }

    /** Opens the key to every AWS principal, with no condition. */
    static Statement letAnyoneUseKey(String sid) {
        return Statement.allow(sid).toAnyAwsPrincipal().actions(USE_FOR_BACKUP);
    }
}
