package dev.redoubt.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class ReadOnlyGuardTest {
    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private Thread acceptor;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "counting-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException, InterruptedException {
        server.close();
        acceptor.join(5_000);
    }

    private AwsClients clients(AccessMode mode) {
        return new AwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "secret")),
                new AwsSettings(URI.create("http://127.0.0.1:" + server.getLocalPort()), mode, 1, Duration.ofSeconds(5), Duration.ofSeconds(2), 4));
    }

    @Test
    void allowsReadsAndSignInButNoWrites() {
        assertThat(ReadOnlyGuard.allows("Backup", "ListBackupVaults")).isTrue();
        assertThat(ReadOnlyGuard.allows("Backup", "DescribeRecoveryPoint")).isTrue();
        assertThat(ReadOnlyGuard.allows("KMS", "GetKeyPolicy")).isTrue();
        assertThat(ReadOnlyGuard.allows("STS", "AssumeRole")).isTrue();
        assertThat(ReadOnlyGuard.allows("Sts", "AssumeRole")).as("as the SDK names it").isTrue();
        assertThat(ReadOnlyGuard.allows("SsoOidc", "RegisterClient")).isTrue();
        assertThat(ReadOnlyGuard.allows("Sso", "GetRoleCredentials")).isTrue();
        assertThat(ReadOnlyGuard.allows("SSO OIDC", "CreateToken")).isTrue();
        assertThat(ReadOnlyGuard.allows("identitystore", "DescribeUser")).as("an approver's name").isTrue();
        assertThat(ReadOnlyGuard.allows("SSO Admin", "DescribeInstance")).isTrue();
        assertThat(ReadOnlyGuard.allows("MPA", "GetIdentitySource")).isTrue();
        assertThat(ReadOnlyGuard.allows("identitystore", "UpdateUser")).isFalse();
        assertThat(ReadOnlyGuard.allows("Backup", "StartRestoreJob")).isFalse();
        assertThat(ReadOnlyGuard.allows("Backup", "PutBackupVaultAccessPolicy")).isFalse();
        assertThat(ReadOnlyGuard.allows("Backup", "DeleteRecoveryPoint")).isFalse();
        assertThat(ReadOnlyGuard.allows("Backup", "CreateRestoreAccessBackupVault")).isFalse();
        assertThat(ReadOnlyGuard.allows("KMS", "Decrypt")).isFalse();
        assertThat(ReadOnlyGuard.allows("KMS", "GetParametersForImport")).isFalse();
        assertThat(ReadOnlyGuard.allows("MPA", "StartActiveApprovalTeamDeletion")).isFalse();
    }

    @Test
    void letsTheSignInCallsOfTheRealClientsThrough() {
        try (AwsClients c = clients(AccessMode.AUDITOR)) {
            assertThatThrownBy(() -> c.sts("eu-west-1").assumeRole(r -> r.roleArn("arn:aws:iam::111122223333:role/x").roleSessionName("s")))
                    .isNotInstanceOf(ReadOnlyViolationException.class);
            assertThatThrownBy(() -> c.ssoOidc("eu-west-1").registerClient(r -> r.clientName("x").clientType("public")))
                    .isNotInstanceOf(ReadOnlyViolationException.class);
        }
    }

    @Test
    void refusesAWriteInsideTheProcessInAuditorMode() {
        try (AwsClients c = clients(AccessMode.AUDITOR)) {
            assertThatThrownBy(() -> c.backup("eu-west-1").startRestoreJob(r -> r.recoveryPointArn("arn:aws:backup:eu-west-1:111122223333:recovery-point:x")
                            .iamRoleArn("arn:aws:iam::111122223333:role/r")))
                    .isInstanceOf(ReadOnlyViolationException.class)
                    .hasMessageContaining("Backup:StartRestoreJob was refused before it left Redoubt");
        }
        assertThat(connections.get()).as("connections reaching the endpoint").isZero();
    }

    @Test
    void letsReadsThroughInAuditorModeAndWritesInOperatorMode() {
        try (AwsClients c = clients(AccessMode.AUDITOR)) {
            assertThatThrownBy(() -> c.backup("eu-west-1").listBackupVaults()).isNotInstanceOf(ReadOnlyViolationException.class);
        }
        int afterRead = connections.get();
        assertThat(afterRead).isPositive();
        try (AwsClients c = clients(AccessMode.OPERATOR)) {
            assertThatThrownBy(() -> c.backup("eu-west-1").startRestoreJob(r -> r.recoveryPointArn("arn:x").iamRoleArn("arn:y")))
                    .isNotInstanceOf(ReadOnlyViolationException.class);
        }
        assertThat(connections.get()).isGreaterThan(afterRead);
    }
}
