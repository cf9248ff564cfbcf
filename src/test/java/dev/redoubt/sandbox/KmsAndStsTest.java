package dev.redoubt.sandbox;

import static dev.redoubt.sandbox.SandboxFixture.BACKUP;
import static dev.redoubt.sandbox.SandboxFixture.REGION;
import static dev.redoubt.sandbox.SandboxFixture.WORKLOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** KMS reads with AWS's cross-account reach, and STS identity and AssumeRole, through the real SDK clients. */
class KmsAndStsTest {
    private static SandboxFixture fx;
    private static KmsClient kms;
    private static final String KEY_ID = "1b2c3d4e-0000-4000-8000-00000000b001";
    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:222222222222:key/" + KEY_ID;

    @BeforeAll
    static void start() throws Exception {
        fx = SandboxFixture.start();
        kms = fx.client(KmsClient.builder(), fx.readOnly(BACKUP), REGION);
    }

    @AfterAll
    static void stop() {
        kms.close();
        fx.close();
    }

    @Test
    void listsAndDescribesKeysByIdArnAndAlias() {
        List<KeyListEntry> keys = kms.listKeysPaginator(r -> r.limit(1)).keys().stream().toList();
        assertThat(keys).hasSize(4).extracting(KeyListEntry::keyArn).contains(KEY_ARN);
        assertThat(kms.listKeys(r -> r.limit(3)).truncated()).isTrue();
        assertThat(kms.describeKey(r -> r.keyId(KEY_ID)).keyMetadata().arn()).isEqualTo(KEY_ARN);
        assertThat(kms.describeKey(r -> r.keyId(KEY_ARN)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(kms.describeKey(r -> r.keyId("alias/old-backup")).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(kms.describeKey(r -> r.keyId("alias/retiring")).keyMetadata().keyStateAsString()).isEqualTo("PendingDeletion");
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("00000000-0000-4000-8000-000000000000")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("does not exist");
    }

    @Test
    void readsPolicyRotationAliasesGrantsAndTags() {
        assertThat(kms.getKeyPolicy(r -> r.keyId(KEY_ID)).policy()).contains("Enable IAM User Permissions");
        var rotation = kms.getKeyRotationStatus(r -> r.keyId(KEY_ID));
        assertThat(rotation.keyRotationEnabled()).isTrue();
        assertThat(rotation.rotationPeriodInDays()).isEqualTo(365);
        // As AWS documents it: "While a KMS key is pending deletion, its key rotation status is false".
        assertThat(kms.getKeyRotationStatus(r -> r.keyId("alias/retiring")).keyRotationEnabled()).isFalse();
        assertThat(kms.listAliases(r -> { }).aliases()).extracting(AliasListEntry::aliasName)
                .containsExactlyInAnyOrder("alias/backup", "alias/old-backup", "alias/retiring", "alias/aws/backup");
        assertThat(kms.listAliases(r -> r.keyId(KEY_ID)).aliases()).singleElement().satisfies(a -> assertThat(a.aliasName()).isEqualTo("alias/backup"));
        assertThat(kms.listGrants(r -> r.keyId(KEY_ARN)).grants()).singleElement()
                .satisfies(g -> assertThat(g.granteePrincipal()).isEqualTo("backup.amazonaws.com"));
        assertThat(kms.listResourceTags(r -> r.keyId(KEY_ID)).tags()).hasSize(2);
        assertThatThrownBy(() -> kms.listAliases(r -> r.limit(101))).isInstanceOf(KmsException.class)
                .hasMessageContaining("less than or equal to 100");
    }

    @Test
    void reachesAnotherAccountsKeyOnlyWhereAwsAllows() {
        try (KmsClient other = fx.client(KmsClient.builder(), fx.readOnly(WORKLOAD), REGION)) {
            assertThat(other.describeKey(r -> r.keyId(KEY_ARN)).keyMetadata().awsAccountId()).isEqualTo(BACKUP);
            assertThat(other.getKeyRotationStatus(r -> r.keyId(KEY_ARN)).keyRotationEnabled()).isTrue();
            assertThat(other.listGrants(r -> r.keyId(KEY_ARN)).grants()).hasSize(1);
            assertThatThrownBy(() -> other.getKeyPolicy(r -> r.keyId(KEY_ARN))).isInstanceOf(KmsException.class)
                    .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"))
                    .satisfies(e -> assertThat(((KmsException) e).statusCode()).isEqualTo(400));
            assertThatThrownBy(() -> other.listResourceTags(r -> r.keyId(KEY_ARN))).isInstanceOf(KmsException.class)
                    .hasMessageContaining("not authorized");
            assertThatThrownBy(() -> other.listAliases(r -> r.keyId(KEY_ARN))).isInstanceOf(KmsException.class)
                    .hasMessageContaining("not authorized");
            // a bare key id always means the caller's own account
            assertThatThrownBy(() -> other.describeKey(r -> r.keyId(KEY_ID))).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void tellsTheCallerWhoItIs() {
        try (StsClient sts = fx.client(StsClient.builder(), fx.readOnly(BACKUP), REGION)) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.account()).isEqualTo(BACKUP);
            assertThat(me.arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/AuditReadOnly/redoubt-sandbox");
            assertThat(me.userId()).startsWith("AROA").endsWith(":redoubt-sandbox");
        }
    }

    @Test
    void assumesADeclaredRoleAndTheCredentialsWorkUntilTheyExpire() {
        AssumeRoleResponse assumed;
        try (StsClient sts = fx.client(StsClient.builder(), fx.readOnly(BACKUP), REGION)) {
            assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::444444444444:role/AuditReadOnly").roleSessionName("audit-run"));
            assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA");
            assertThat(assumed.credentials().expiration()).isEqualTo(fx.sandbox.clock().instant().plus(Duration.ofHours(1)));
            assertThat(assumed.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::444444444444:assumed-role/AuditReadOnly/audit-run");
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::444444444444:role/BackupOperator").roleSessionName("x1")))
                    .isInstanceOf(StsException.class).hasMessageContaining("not authorized to perform: sts:AssumeRole")
                    .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::444444444444:role/NoSuchRole").roleSessionName("x1")))
                    .isInstanceOf(StsException.class);
        }
        var creds = SandboxFixture.provider(assumed.credentials().accessKeyId(), assumed.credentials().secretAccessKey(),
                assumed.credentials().sessionToken());
        try (StsClient sts = fx.client(StsClient.builder(), creds, REGION);
             BackupClient backup = fx.client(BackupClient.builder(), creds, "us-east-2")) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(WORKLOAD);
            assertThat(backup.listBackupVaults(r -> { }).backupVaultList()).singleElement()
                    .satisfies(v -> assertThat(v.backupVaultName()).isEqualTo("shop-daily"));
            fx.sandbox.advanceClock(Duration.ofMinutes(61));
            assertThatThrownBy(() -> backup.listBackupVaults(r -> { })).isInstanceOf(BackupException.class)
                    .satisfies(e -> assertThat(((BackupException) e).awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(StsException.class)
                    .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
        }
    }
}
