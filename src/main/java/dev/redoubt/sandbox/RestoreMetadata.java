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
            case "Aurora" -> {
                // an Aurora point restores a cluster (the inferred-metadata table's "RDS, Aurora ... clusters" row); like AWS, the
                // metadata names the original, so a restore as given would collide with production
                m.put("DBClusterIdentifier", id);
                m.put("Engine", "aurora-postgresql");
                m.put("EngineVersion", "15.4");
                m.put("EngineMode", "provisioned");
                m.put("AvailabilityZones", "[\"" + region + "a\",\"" + region + "b\",\"" + region + "c\"]");
                m.put("DBSubnetGroupName", "default");
                m.put("VpcSecurityGroupIds", "[\"sg-0123456789abcdef0\"]");
                m.put("Port", "5432");
                m.put("StorageEncrypted", String.valueOf(key != null));
                if (key != null) {
                    m.put("KmsKeyId", key);
                }
            }
            case "RDS" -> {
                m.put("DBInstanceIdentifier", id);
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
                m.put("targetTableName", id);
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
                m.put("DestinationBucketName", id);
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

    /**
     * What restore testing infers for a point (GetRestoreTestingInferredMetadata): the keys and values
     * of AWS's table "Restore testing inferred metadata" in the AWS Backup developer guide
     * (docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing-inferred-metadata.html), one row
     * per resource type. Names AWS sets "to a random value starting with awsbackup-restore-test-" are
     * derived from the point's ARN here, so the same point always infers the same name.
     */
    static JsonNode inferred(RecoveryPoint p) {
        ObjectNode m = JSON.objectNode();
        Arn resource = Arn.parse(p.resourceArn());
        String region = resource != null && !resource.region().isEmpty() ? resource.region() : "us-east-1";
        String id = resource == null ? "resource" : resource.resource().substring(resource.resource().lastIndexOf('/') + 1)
                .replaceFirst("^[a-z]+:", "");
        String name = "awsbackup-restore-test-" + Keys.base32(SigV4.hmac("redoubt-sandbox/restore-test-name".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), String.valueOf(p.recoveryPointArn())), 12).toLowerCase(Locale.ROOT);
        JsonNode own = p.unknown() == null ? null : p.unknown().get("RestoreMetadata");
        switch (p.resourceType() == null ? "" : p.resourceType()) {
            case "DynamoDB" -> {
                m.put("deletionProtection", "false");
                m.put("encryptionType", "Default");
                m.put("targetTableName", name);
            }
            case "EBS" -> {
                m.put("availabilityZone", region + "a");
                m.put("encrypted", "true");
            }
            case "EC2" -> {
                m.put("disableApiTermination", "false");
                m.put("instanceType", own != null && own.hasNonNull("InstanceType") ? own.get("InstanceType").asText() : "m6i.large");
                m.put("requiredImdsV2", "true");
            }
            case "EFS" -> {
                m.put("encrypted", "true");
                m.put("file-system-id", id);
                m.put("kmsKeyId", "alias/aws/elasticfilesystem");
                m.put("newFileSystem", "true");
                m.put("performanceMode", "generalPurpose");
            }
            case "Aurora", "DocumentDB", "Neptune" -> {
                m.put("availabilityZones", "[\"" + region + "a\",\"" + region + "b\",\"" + region + "c\"]");
                m.put("dbClusterIdentifier", name);
                m.put("engine", own != null && own.hasNonNull("Engine") ? own.get("Engine").asText()
                        : "Aurora".equals(p.resourceType()) ? "aurora-postgresql" : p.resourceType().toLowerCase(Locale.ROOT));
            }
            case "RDS" -> {
                m.put("dbInstanceIdentifier", name);
                m.put("deletionProtection", "false");
                m.put("multiAz", "false");
                m.put("publiclyAccessible", "false");
            }
            case "S3" -> {
                m.put("destinationBucketName", name);
                m.put("encrypted", "true");
                m.put("encryptionType", "SSE-S3");
                m.put("newBucket", "true");
                m.put("restoreACLs", "true");
            }
            default -> {
                // nothing inferred: AWS cannot infer a complete set for every type (the same page names FSx)
            }
        }
        return m;
    }
}
