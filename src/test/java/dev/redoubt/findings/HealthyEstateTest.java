package dev.redoubt.findings;

import static dev.redoubt.findings.EstateFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthyEstateTest {
    @Test
    void aHealthyEstateHasNoFailureAndNothingUnknown() {
        EstateFixture f = EstateFixture.healthy();
        Auditor.Outcome o = new Auditor(Checks.all()).run(f.estate(), FindingsSettings.DEFAULTS, NOW);
        assertThat(o.results()).isNotEmpty();
        assertThat(o.results()).filteredOn(r -> r.status() != Status.PASS)
                .as("every result passes").isEmpty();
        assertThat(o.results()).allSatisfy(r -> {
            assertThat(r.evidence().evaluatedAt()).isEqualTo(NOW);
            assertThat(r.remediation()).isNull();
            assertThat(r.resourceArn()).isNotBlank();
        });
    }

    @Test
    void theCatalogueHoldsTheFortyOneTierOneChecksOnceEach() {
        List<String> ids = Checks.all().stream().map(Check::id).toList();
        assertThat(ids).hasSize(41).doesNotHaveDuplicates().containsExactly(
                "ENC-01", "ENC-02", "ENC-03", "ENC-04", "ENC-05", "ENC-06", "ENC-07",
                "ACC-01", "ACC-02", "ACC-03", "ACC-05", "ACC-07", "ACC-08", "ACC-11", "ACC-12",
                "IMM-01", "IMM-02", "IMM-03", "IMM-04", "IMM-05", "IMM-06", "IMM-07",
                "ISO-01", "ISO-02", "ISO-03", "ISO-04", "ISO-07", "ISO-08",
                "RST-01", "RST-02", "RST-03", "RST-04", "RST-05", "RST-06", "RST-07",
                "MPA-01", "MPA-02", "MPA-03", "MPA-04", "MPA-06", "MPA-07");
        assertThat(Checks.all()).allSatisfy(c -> {
            assertThat(c.id()).startsWith(c.facet().name());
            assertThat(c.title()).isNotBlank();
            assertThat(c.weakness()).isNotBlank();
            assertThat(c.operations()).isNotEmpty();
        });
    }
}
