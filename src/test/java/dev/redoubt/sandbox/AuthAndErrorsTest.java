package dev.redoubt.sandbox;

import static dev.redoubt.sandbox.SandboxFixture.BACKUP;
import static dev.redoubt.sandbox.SandboxFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Refusals as AWS gives them: bad signatures, unknown keys, read-only writes, unknown operations, malformed requests. */
class AuthAndErrorsTest {
    private static SandboxFixture fx;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        fx = SandboxFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static AwsServiceException refusal(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void refusesAWrongSignatureInEveryProtocol() {
        SandboxCredential good = fx.cred(BACKUP, "AuditReadOnly");
        var wrong = SandboxFixture.provider(good.accessKeyId(), good.secretAccessKey().replace(good.secretAccessKey().charAt(0), '0') + "x", null);
        try (BackupClient backup = fx.client(BackupClient.builder(), wrong, REGION);
             KmsClient kms = fx.client(KmsClient.builder(), wrong, REGION);
             StsClient sts = fx.client(StsClient.builder(), wrong, REGION)) {
            for (AwsServiceException e : List.of(refusal(() -> backup.listBackupVaults(r -> { })), refusal(() -> kms.listKeys(r -> { })),
                    refusal(sts::getCallerIdentity))) {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.statusCode()).isEqualTo(403);
            }
        }
        assertThat(fx.sandbox.requestLog().entries()).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.accessKeyId()).isEqualTo(good.accessKeyId());
        });
    }

    @Test
    void refusesAnUnknownKeyAsEachProtocolDoes() {
        var unknown = SandboxFixture.provider("AKIAUNKNOWNUNKNOWN00", "secret", null);
        try (BackupClient backup = fx.client(BackupClient.builder(), unknown, REGION);
             KmsClient kms = fx.client(KmsClient.builder(), unknown, REGION);
             StsClient sts = fx.client(StsClient.builder(), unknown, REGION)) {
            AwsServiceException b = refusal(() -> backup.listBackupVaults(r -> { }));
            assertThat(b.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(b.statusCode()).isEqualTo(403);
            AwsServiceException k = refusal(() -> kms.listKeys(r -> { }));
            assertThat(k.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(k.statusCode()).isEqualTo(400);
            AwsServiceException s = refusal(sts::getCallerIdentity);
            assertThat(s.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(s.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void refusesEveryWriteToAReadOnlyRoleAndLogsIt() {
        long before = fx.sandbox.requestLog().lastSeq();
        try (BackupClient backup = fx.client(BackupClient.builder(), fx.readOnly(BACKUP), REGION)) {
            AwsServiceException e = refusal(() -> backup.startRestoreJob(r -> r.recoveryPointArn("arn:aws:ec2:eu-west-1::snapshot/snap-x")
                    .metadata(Map.of("volumeType", "gp3"))));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.getMessage()).contains("assumed-role/AuditReadOnly").contains("backup:StartRestoreJob");
            AwsServiceException d = refusal(() -> backup.deleteBackupVault(r -> r.backupVaultName("central-standard")));
            assertThat(d.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        }
        assertThat(fx.sandbox.requestLog().since(before)).extracting(RequestLog.Entry::operation, RequestLog.Entry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("StartRestoreJob", "AccessDeniedException"),
                        org.assertj.core.groups.Tuple.tuple("DeleteBackupVault", "AccessDeniedException"));
    }

    @Test
    void answersUnknownOperationForWhatTheSandboxDoesNotImplement() {
        try (BackupClient backup = fx.client(BackupClient.builder(), fx.operator(BACKUP), REGION)) {
            AwsServiceException e = refusal(() -> backup.deleteBackupVault(r -> r.backupVaultName("central-standard")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
            assertThat(e.getMessage()).contains("backup:DeleteBackupVault");
        }
    }

    @Test
    void refusesUnsignedAndMalformedRequestsWithAwsShapedErrorsAndKeepsServing() throws Exception {
        HttpResponse<String> unsigned = HTTP.send(java.net.http.HttpRequest.newBuilder(fx.sandbox.endpoint().resolve("/backup-vaults/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(unsigned.body()).contains("Missing Authentication Token").doesNotContain("at dev.");

        HttpResponse<String> badAuth = HTTP.send(java.net.http.HttpRequest.newBuilder(fx.sandbox.endpoint().resolve("/backup-vaults/"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=garbage").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badAuth.headers().firstValue("x-amzn-ErrorType")).contains("IncompleteSignatureException");

        HttpResponse<String> badJson = signed("POST", "/", "{not json", Map.of("X-Amz-Target", "TrentService.ListKeys",
                "Content-Type", "application/x-amz-json-1.1"), "kms");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).contains("\"__type\":\"SerializationException\"");

        HttpResponse<String> unknownTarget = signed("POST", "/", "{}", Map.of("X-Amz-Target", "TrentService.MakeCoffee",
                "Content-Type", "application/x-amz-json-1.1"), "kms");
        assertThat(unknownTarget.body()).contains("UnknownOperationException");

        HttpResponse<String> badType = signed("GET", "/backup-vaults/central-standard/recovery-points/?maxResults=lots", "", Map.of(), "backup");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");

        HttpResponse<String> badPath = signed("GET", "/no/such/route/%ZZ", "", Map.of(), "backup");
        assertThat(badPath.statusCode()).isEqualTo(404);
        assertThat(badPath.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");

        HttpResponse<String> badAction = signed("POST", "/", "Action=MakeCoffee&Version=2011-06-15",
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), "sts");
        assertThat(badAction.body()).contains("<Code>InvalidAction</Code>");

        try (BackupClient backup = fx.client(BackupClient.builder(), fx.readOnly(BACKUP), REGION)) {
            assertThat(backup.listBackupVaults(r -> { }).backupVaultList()).hasSize(2);
        }
    }

    /** A raw request signed now with the read-only role of the backup account. */
    private static HttpResponse<String> signed(String method, String pathAndQuery, String body, Map<String, String> extra, String service)
            throws Exception {
        return fx.signedRaw(BACKUP, "AuditReadOnly", REGION, java.time.Instant.now(), method, pathAndQuery.replace("%ZZ", "%25ZZ"), body, extra, service);
    }
}
