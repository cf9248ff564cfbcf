package dev.redoubt.sandbox;

import static dev.redoubt.sandbox.SandboxFixture.BACKUP;
import static dev.redoubt.sandbox.SandboxFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.GetRecoveryPointRestoreMetadataResponse;
import software.amazon.awssdk.services.backup.model.RestoreJobStatus;

/**
 * Restore metadata per resource type with AWS's keys: what GetRecoveryPointRestoreMetadata gives back,
 * what GetRestoreTestingInferredMetadata infers (AWS's table "Restore testing inferred metadata"), and
 * the resource a restore with it creates.
 */
class RestoreMetadataTest {
    private static final String ROLE = "arn:aws:iam::222222222222:role/service-role/AWSBackupDefaultServiceRole";
    private static final String KEY = "arn:aws:kms:eu-west-1:222222222222:key/0000b001-0000-4000-8000-00000000b001";
    private SandboxFixture fx;
    private BackupClient backup;

    @BeforeEach
    void start() throws Exception {
        fx = SandboxFixture.start();
        backup = fx.client(BackupClient.builder(), fx.operator(BACKUP), REGION);
    }

    @AfterEach
    void stop() {
        backup.close();
        fx.close();
    }

    private String add(String type, String resourceArn) {
        return fx.sandbox.addRecoveryPoint(BACKUP, REGION, "central-standard", "{\"ResourceType\":\"" + type + "\",\"ResourceArn\":\""
                + resourceArn + "\",\"EncryptionKeyArn\":\"" + KEY + "\",\"IamRoleArn\":\"" + ROLE + "\",\"BackupSizeInBytes\":10737418240}");
    }

    private Map<String, String> metadata(String point) {
        GetRecoveryPointRestoreMetadataResponse r = backup.getRecoveryPointRestoreMetadata(b -> b.backupVaultName("central-standard")
                .recoveryPointArn(point));
        return r.restoreMetadata();
    }

    private Map<String, String> inferred(String point) {
        return backup.getRestoreTestingInferredMetadata(b -> b.backupVaultName("central-standard").recoveryPointArn(point)).inferredMetadata();
    }

    @Test
    void eachResourceTypeHasTheKeysAwsUsesForIt() {
        String ebs = add("EBS", "arn:aws:ec2:eu-west-1:222222222222:volume/vol-0abc");
        String ec2 = add("EC2", "arn:aws:ec2:eu-west-1:222222222222:instance/i-0abc");
        String rds = add("RDS", "arn:aws:rds:eu-west-1:222222222222:db:orders");
        String aurora = add("Aurora", "arn:aws:rds:eu-west-1:222222222222:cluster:ledger");
        String ddb = add("DynamoDB", "arn:aws:dynamodb:eu-west-1:222222222222:table/carts");
        String efs = add("EFS", "arn:aws:elasticfilesystem:eu-west-1:222222222222:file-system/fs-0abc");
        String s3 = add("S3", "arn:aws:s3:::invoices");

        assertThat(metadata(ebs)).containsKeys("availabilityZone", "encrypted", "kmsKeyId", "volumeSize", "volumeType", "iops", "throughput")
                .containsEntry("kmsKeyId", KEY);
        assertThat(inferred(ebs)).containsOnlyKeys("availabilityZone", "encrypted").containsEntry("encrypted", "true");

        assertThat(metadata(ec2)).containsKeys("InstanceType", "SubnetId", "SecurityGroupIds");
        assertThat(inferred(ec2)).containsOnlyKeys("disableApiTermination", "instanceType", "requiredImdsV2")
                .containsEntry("instanceType", "m6i.large");

        assertThat(metadata(rds)).containsKeys("DBInstanceIdentifier", "DBInstanceClass", "Engine", "DBSubnetGroupName", "KmsKeyId")
                .doesNotContainKey("DBClusterIdentifier");
        assertThat(inferred(rds)).containsOnlyKeys("dbInstanceIdentifier", "deletionProtection", "multiAz", "publiclyAccessible")
                .hasEntrySatisfying("dbInstanceIdentifier", v -> assertThat(v).startsWith("awsbackup-restore-test-"));
        assertThat(inferred(rds)).as("the same point infers the same name").isEqualTo(inferred(rds));

        assertThat(metadata(aurora)).containsKeys("DBClusterIdentifier", "Engine", "AvailabilityZones", "VpcSecurityGroupIds")
                .doesNotContainKey("DBInstanceIdentifier").as("like AWS, the metadata names the original").containsEntry("DBClusterIdentifier", "ledger");
        assertThat(inferred(aurora)).containsOnlyKeys("availabilityZones", "dbClusterIdentifier", "engine")
                .containsEntry("engine", "aurora-postgresql");

        assertThat(metadata(ddb)).containsKeys("targetTableName", "encryptionType", "kmsMasterKeyArn");
        assertThat(inferred(ddb)).containsOnlyKeys("deletionProtection", "encryptionType", "targetTableName")
                .containsEntry("encryptionType", "Default");

        assertThat(metadata(efs)).containsKeys("file-system-id", "Encrypted", "KmsKeyId", "PerformanceMode", "CreationToken", "newFileSystem");
        assertThat(inferred(efs)).containsOnlyKeys("encrypted", "file-system-id", "kmsKeyId", "newFileSystem", "performanceMode")
                .containsEntry("file-system-id", "fs-0abc").containsEntry("kmsKeyId", "alias/aws/elasticfilesystem");

        assertThat(metadata(s3)).containsKeys("DestinationBucketName", "NewBucket", "Encrypted", "EncryptionType", "KMSKey");
        assertThat(inferred(s3)).containsOnlyKeys("destinationBucketName", "encrypted", "encryptionType", "newBucket", "restoreACLs")
                .containsEntry("encryptionType", "SSE-S3");
    }

    @Test
    void aRestoreCreatesTheResourceItsMetadataNamesWhateverTheKeysCase() {
        String aurora = add("Aurora", "arn:aws:rds:eu-west-1:222222222222:cluster:ledger");
        String rds = add("RDS", "arn:aws:rds:eu-west-1:222222222222:db:orders");
        String s3 = add("S3", "arn:aws:s3:::invoices");
        String cluster = backup.startRestoreJob(r -> r.recoveryPointArn(aurora).iamRoleArn(ROLE).metadata(inferred(aurora))).restoreJobId();
        String db = backup.startRestoreJob(r -> r.recoveryPointArn(rds).iamRoleArn(ROLE)
                .metadata(Map.of("dbinstanceidentifier", "redoubt-drill-orders"))).restoreJobId();
        String bucket = backup.startRestoreJob(r -> r.recoveryPointArn(s3).iamRoleArn(ROLE).metadata(metadata(s3))).restoreJobId();
        fx.sandbox.advanceClock(Duration.ofHours(2));
        var c = backup.describeRestoreJob(r -> r.restoreJobId(cluster));
        assertThat(c.status()).isEqualTo(RestoreJobStatus.COMPLETED);
        assertThat(c.createdResourceArn()).isEqualTo("arn:aws:rds:eu-west-1:222222222222:cluster:" + inferred(aurora).get("dbClusterIdentifier"));
        assertThat(backup.describeRestoreJob(r -> r.restoreJobId(db)).createdResourceArn())
                .isEqualTo("arn:aws:rds:eu-west-1:222222222222:db:redoubt-drill-orders");
        assertThat(backup.describeRestoreJob(r -> r.restoreJobId(bucket)).createdResourceArn()).isEqualTo("arn:aws:s3:::invoices");
    }
}
