package dev.redoubt.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Arn;
import dev.redoubt.estate.RecoveryPoint;
import java.util.Locale;

/**
 * Restore metadata for a recovery point: the estate's own ("RestoreMetadata" on the point) when it
 * has one, else synthesized per resource type with the keys AWS Backup uses for that type.
 */
final class RestoreMetadata {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RestoreMetadata() {
    }

    static JsonNode of(RecoveryPoint p, World w) {
        JsonNode own = p.unknown() == null ? null : p.unknown().get("RestoreMetadata");
        if (own != null && own.isObject()) {
            return own;
        }
        ObjectNode m = JSON.objectNode();
        Arn resource = Arn.parse(p.resourceArn());
        String region = resource != null && !resource.region().isEmpty() ? resource.region() : "us-east-1";
        String id = resource == null ? "resource" : resource.resource().substring(resource.resource().lastIndexOf('/') + 1)
                .replaceFirst("^[a-z]+:", "");
        long gib = p.backupSizeInBytes() == null ? 8 : Math.max(1, p.backupSizeInBytes() >> 30);
        String key = p.encryptionKeyArn();
        switch (p.resourceType() == null ? "" : p.resourceType()) {
            case "EBS" -> {
                m.put("availabilityZone", region + "a");
                m.put("encrypted", String.valueOf(key != null));
                if (key != null) {
                    m.put("kmsKeyId", key);
                }
                m.put("volumeId", id);
                m.put("volumeSize", Long.toString(gib));
                m.put("volumeType", "gp3");
                m.put("iops", "3000");
                m.put("throughput", "125");
            }
            case "EC2" -> {
                m.put("InstanceType", "m6i.large");
                m.put("SubnetId", "subnet-0a1b2c3d4e5f60718");
                m.put("SecurityGroupIds", "[\"sg-0123456789abcdef0\"]");
                m.put("RequireIMDSv2", "true");
                m.put("DisableApiTermination", "false");
            }
            case "RDS", "Aurora" -> {
                m.put("DBInstanceIdentifier", id + "-restored");
                m.put("DBInstanceClass", "db.m6g.large");
                m.put("Engine", "postgres");
                m.put("MultiAZ", "false");
                m.put("AvailabilityZone", region + "a");
                m.put("DBSubnetGroupName", "default");
                m.put("StorageEncrypted", String.valueOf(key != null));
                if (key != null) {
                    m.put("KmsKeyId", key);
                }
            }
            case "DynamoDB" -> {
                m.put("targetTableName", id + "-restored");
                m.put("encryptionType", key != null ? "KMS" : "Default");
                if (key != null) {
                    m.put("kmsMasterKeyArn", key);
                }
            }
            case "EFS" -> {
                m.put("file-system-id", id);
                m.put("Encrypted", String.valueOf(key != null));
                if (key != null) {
                    m.put("KmsKeyId", key);
                }
                m.put("PerformanceMode", "generalPurpose");
                m.put("newFileSystem", "true");
                m.put("CreationToken", "restore-" + id.toLowerCase(Locale.ROOT));
            }
            case "S3" -> {
                m.put("DestinationBucketName", id + "-restored");
                m.put("NewBucket", "true");
                m.put("Encrypted", String.valueOf(key != null));
                m.put("EncryptionType", key != null ? "SSE-KMS" : "SSE-S3");
                if (key != null) {
                    m.put("KMSKey", key);
                }
            }
            default -> m.put("resourceArn", String.valueOf(p.resourceArn()));
        }
        return m;
    }

    /** What restore testing infers for a point: the placement keys a test restore needs. */
    static JsonNode inferred(RecoveryPoint p) {
        ObjectNode m = JSON.objectNode();
        Arn resource = Arn.parse(p.resourceArn());
        String region = resource != null && !resource.region().isEmpty() ? resource.region() : "us-east-1";
        switch (p.resourceType() == null ? "" : p.resourceType()) {
            case "EBS" -> m.put("availabilityZone", region + "a");
            case "EC2" -> m.put("InstanceType", "m6i.large");
            case "RDS", "Aurora" -> m.put("AvailabilityZone", region + "a");
            case "DynamoDB" -> m.put("targetTableName", "restore-test");
            case "EFS" -> m.put("newFileSystem", "true");
            case "S3" -> m.put("NewBucket", "true");
            default -> {
                // nothing to infer
            }
        }
        return m;
    }
}
