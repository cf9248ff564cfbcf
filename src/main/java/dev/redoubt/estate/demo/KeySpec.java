package dev.redoubt.estate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A KMS key filed under its owner's account and region: metadata, policy, rotation, alias, grants and tags. */
final class KeySpec {
    private static final long ROTATION_DAYS = 365;
    final RegionSpec home;
    final String keyId;
    final String arn;
    private final String alias;
    private final boolean awsManaged;
    private final String description;
    private final Instant created;
    private boolean rotating;
    private String state = "Enabled";
    private Instant deletionDate;
    private Instant materialValidTo;
    private Policy policy;
    private final List<Json> grants = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    private KeySpec(RegionSpec home, String alias, boolean awsManaged, String description, Instant created, Policy policy) {
        this.home = home;
        this.alias = alias;
        this.awsManaged = awsManaged;
        this.description = description;
        this.created = created;
        this.policy = policy;
        this.keyId = Ids.stableUuid("kms", home.account.id, home.name, alias);
        this.arn = Arns.kmsKey(home.name, home.account.id, keyId);
        this.rotating = awsManaged; // AWS rotates its managed keys every year
    }

    /** The account's {@code aws/backup} key, which AWS creates for the first vault that names no key. */
    static KeySpec awsManagedBackupKey(RegionSpec home, Instant created) {
        return new KeySpec(home, "alias/aws/backup", true, "Default key that protects my backups when no other key is defined",
                created, Policies.awsManagedBackupKey(home.account.id, home.name));
    }

    static KeySpec customerManaged(RegionSpec home, String aliasName, String description, Instant created) {
        return new KeySpec(home, "alias/" + aliasName, false, description, created,
                Policies.backupVaultKey(home.account.id, home.name));
    }

    String account() {
        return home.account.id;
    }

    boolean isAwsManaged() {
        return awsManaged;
    }

    KeySpec rotating() {
        rotating = true;
        return this;
    }

    KeySpec notRotating() {
        rotating = false;
        return this;
    }

    KeySpec disabled() {
        state = "Disabled";
        return this;
    }

    /** Scheduled for deletion on {@code scheduledAt}, with a waiting period of {@code days}. */
    KeySpec pendingDeletion(String scheduledAt, int days) {
        state = "PendingDeletion";
        deletionDate = Instant.parse(scheduledAt).plus(Duration.ofDays(days));
        return this;
    }

    /**
     * Key material imported by its owner (Origin EXTERNAL) that expires on {@code validTo}: such a key cannot rotate
     * automatically, and KMS deletes the material when it expires.
     */
    KeySpec importedMaterialUntil(String validTo) {
        materialValidTo = Instant.parse(validTo);
        rotating = false;
        return this;
    }

    KeySpec policy(Policy replacement) {
        policy = replacement;
        return this;
    }

    /** Adds a statement to the policy the key has now. */
    KeySpec policyAlso(Policy.Statement statement) {
        policy = policy.plus(statement);
        return this;
    }

    /** AWS Backup's service-linked role holds a grant on the keys of the vaults it writes to. */
    KeySpec grantToAwsBackup(String createdAt) {
        return grant(Arns.backupServiceLinkedRole(account()), createdAt, "Decrypt", "GenerateDataKey",
                "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "DescribeKey");
    }

    KeySpec grant(String grantee, String createdAt, String... operations) {
        grants.add(Json.object()
                .with("KeyId", arn)
                .with("GrantId", Ids.stableHex(64, arn, grantee))
                .with("Name", "")
                .with("CreationDate", Instant.parse(createdAt))
                .with("GranteePrincipal", grantee)
                .with("RetiringPrincipal", grantee)
                .with("IssuingAccount", Arns.root(account()))
                .with("Operations", List.of(operations)));
        return this;
    }

    KeySpec tag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    Json toJson(Instant now) {
        Json metadata = Json.object()
                .with("AWSAccountId", account())
                .with("KeyId", keyId)
                .with("Arn", arn)
                .with("CreationDate", created)
                .with("Enabled", state.equals("Enabled"))
                .with("Description", description)
                .with("KeyUsage", "ENCRYPT_DECRYPT")
                .with("KeyState", state)
                .with("DeletionDate", deletionDate)
                .with("ValidTo", materialValidTo)
                .with("Origin", materialValidTo != null ? "EXTERNAL" : "AWS_KMS")
                .with("ExpirationModel", materialValidTo != null ? "KEY_MATERIAL_EXPIRES" : null)
                .with("KeyManager", awsManaged ? "AWS" : "CUSTOMER")
                .with("CustomerMasterKeySpec", "SYMMETRIC_DEFAULT")
                .with("KeySpec", "SYMMETRIC_DEFAULT")
                .with("EncryptionAlgorithms", List.of("SYMMETRIC_DEFAULT"))
                .with("MultiRegion", false);
        Json aliasJson = Json.object()
                .with("AliasName", alias)
                .with("AliasArn", Arns.kmsAlias(home.name, account(), alias))
                .with("TargetKeyId", keyId)
                .with("CreationDate", created)
                .with("LastUpdatedDate", created);
        return Json.object()
                .with("KeyMetadata", metadata)
                .with("Policy", policy.kmsStyle())
                .with("KeyRotationEnabled", rotating)
                .with("RotationPeriodInDays", rotating ? (int) ROTATION_DAYS : null)
                .with("NextRotationDate", rotating ? nextRotation(now) : null)
                .with("Aliases", List.of(aliasJson))
                .with("Grants", grants)
                .with("Tags", tags.isEmpty() ? null : tags);
    }

    private Instant nextRotation(Instant now) {
        long periods = Duration.between(created, now).toDays() / ROTATION_DAYS + 1;
        return created.plus(Duration.ofDays(periods * ROTATION_DAYS));
    }
}
