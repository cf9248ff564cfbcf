package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.PROD;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A check over many recovery points gives those that read the same the same evidence and remediation objects (a
 * 200,000-point audit held 100 MB of copies), and each result still reads as its own.
 */
class SharedResultsTest {
    @Test
    void pointsWithTheSameKeyAndTypeShareOneEvidence() {
        EstateFixture f = new EstateFixture();
        ObjectNode vault = f.vault(BACKUP, REGION, "shared");
        ObjectNode a = f.point(vault, EstateFixture.volume(PROD, REGION, "0a"), NOW.minus(Duration.ofDays(1)));
        ObjectNode b = f.point(vault, EstateFixture.volume(PROD, REGION, "0b"), NOW.minus(Duration.ofDays(2)));
        ObjectNode clear = f.point(vault, EstateFixture.volume(PROD, REGION, "0c"), NOW.minus(Duration.ofDays(3))).put("IsEncrypted", false);
        List<Result> results = f.run(new Enc01UnencryptedRecoveryPoint());
        Result ra = about(results, a.get("RecoveryPointArn").asText());
        Result rb = about(results, b.get("RecoveryPointArn").asText());
        Result rc = about(results, clear.get("RecoveryPointArn").asText());
        assertThat(ra.evidence()).isSameAs(rb.evidence());
        assertThat(ra.evidence().field("RecoveryPoint.EncryptionKeyArn")).isEqualTo(a.get("EncryptionKeyArn").asText());
        assertThat(rc.status()).isEqualTo(Status.FAIL);
        assertThat(rc.evidence()).isNotSameAs(ra.evidence());
        assertThat(rc.evidence().summary()).isEqualTo("The recovery point is not encrypted");
    }

    @Test
    void shortRetentionsInALockedVaultShareSummaryFactsAndFix() {
        EstateFixture f = new EstateFixture();
        ObjectNode vault = f.vault(BACKUP, REGION, "locked");
        ObjectNode a = Imm05ShortRecoveryPointRetentionTest.kept(f.point(vault, EstateFixture.volume(PROD, REGION, "0a"), NOW.minus(Duration.ofDays(1))), 14);
        ObjectNode b = Imm05ShortRecoveryPointRetentionTest.kept(f.point(vault, EstateFixture.volume(PROD, REGION, "0a"), NOW.minus(Duration.ofDays(2))), 14);
        List<Result> results = f.run(new Imm05ShortRecoveryPointRetention());
        Result ra = about(results, a.get("RecoveryPointArn").asText());
        Result rb = about(results, b.get("RecoveryPointArn").asText());
        assertThat(ra.status()).isEqualTo(Status.FAIL);
        assertThat(ra.evidence().summary()).isEqualTo("The recovery point is retained 14 days, less than 35").isSameAs(rb.evidence().summary());
        assertThat(ra.remediation()).isSameAs(rb.remediation());
        assertThat(ra.evidence().fields().get(0)).isSameAs(rb.evidence().fields().get(0));
        assertThat(ra.evidence().field("CalculatedLifecycle.DeleteAt")).as("each point keeps its own DeleteAt")
                .isEqualTo(a.at("/CalculatedLifecycle/DeleteAt").asText()).isNotEqualTo(rb.evidence().field("CalculatedLifecycle.DeleteAt"));
    }
}
