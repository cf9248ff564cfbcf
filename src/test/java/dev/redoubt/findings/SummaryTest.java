package dev.redoubt.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private static Result r(String check, Facet facet, Status status, Severity severity, String account) {
        return new Result(check, status, severity, facet, account, "eu-west-1", "arn:" + check, "t", Evidence.at(Instant.EPOCH, "s").build(), null, null);
    }

    @Test
    void scoresAFacetOnPassingAndFailingOnly() {
        Summary s = Summary.of(List.of(r("ENC-01", Facet.ENC, Status.PASS, Severity.MEDIUM, "1"), r("ENC-01", Facet.ENC, Status.PASS, Severity.MEDIUM, "1"),
                r("ENC-05", Facet.ENC, Status.FAIL, Severity.CRITICAL, "2"), r("ENC-06", Facet.ENC, Status.UNKNOWN, Severity.MEDIUM, "2"),
                r("ENC-07", Facet.ENC, Status.SUPPRESSED, Severity.CRITICAL, "2")), Checks.all());
        Counts enc = s.byFacet().get(Facet.ENC);
        assertThat(enc.score()).isEqualTo(2 / 3.0);
        assertThat(enc.unknown()).isEqualTo(1);
        assertThat(enc.suppressed()).isEqualTo(1);
        assertThat(s.byFacet().get(Facet.MPA).score()).as("nothing judged: no score").isNull();
        assertThat(s.bySeverity().get(Severity.CRITICAL).fail()).isEqualTo(1);
        assertThat(s.byAccount().get("2").total()).isEqualTo(3);
        assertThat(s.byRegion().get("eu-west-1").total()).isEqualTo(5);
        assertThat(s.byCheck()).hasSize(41);
        assertThat(s.total()).isEqualTo(new Counts(2, 1, 1, 1));
    }
}
