package dev.redoubt.sandbox;

import static dev.redoubt.sandbox.SandboxFixture.BACKUP;
import static dev.redoubt.sandbox.SandboxFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/** A capture's ReadErrors are answered again, so scanning a served capture reads the same gaps. */
class ReadErrorReplayTest {
    @Test
    void refusesWhatTheCaptureCouldNotRead() throws Exception {
        EstateFile file = new EstateFile();
        ObjectNode tree = (ObjectNode) file.toTree(SandboxFixture.estate("sandbox-estate.json"));
        ArrayNode errors = ((ObjectNode) tree.at("/Accounts/1/Regions/eu-west-1")).putArray("ReadErrors");
        errors.addObject().put("Scope", "arn:aws:kms:eu-west-1:222222222222:key/1b2c3d4e-0000-4000-8000-00000000b001")
                .put("Operation", "kms:GetKeyPolicy").put("ErrorCode", "AccessDeniedException").put("Message", "denied by the key policy");
        errors.addObject().put("Scope", "222222222222/eu-west-1").put("Operation", "backup:ListCopyJobs")
                .put("ErrorCode", "AccessDeniedException").put("Message", "no backup:ListCopyJobs");
        Estate estate = file.fromTree(tree, "with read errors");
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.forTests(estate, Clock.fixed(SandboxFixture.NOW, ZoneOffset.UTC)));
             KmsClient kms = fx.client(KmsClient.builder(), fx.readOnly(BACKUP), REGION);
             BackupClient backup = fx.client(BackupClient.builder(), fx.readOnly(BACKUP), REGION)) {
            assertThatThrownBy(() -> kms.getKeyPolicy(r -> r.keyId("1b2c3d4e-0000-4000-8000-00000000b001")))
                    .isInstanceOf(KmsException.class).hasMessageContaining("denied by the key policy")
                    .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
            assertThat(kms.getKeyPolicy(r -> r.keyId("1b2c3d4e-0000-4000-8000-00000000b002")).policy()).isNotEmpty();
            assertThat(kms.describeKey(r -> r.keyId("1b2c3d4e-0000-4000-8000-00000000b001")).keyMetadata()).isNotNull();
            assertThatThrownBy(() -> backup.listCopyJobs(r -> { })).isInstanceOf(BackupException.class)
                    .hasMessageContaining("no backup:ListCopyJobs");
            assertThat(backup.listRestoreJobs(r -> { }).restoreJobs()).hasSize(1);
        }
    }
}
