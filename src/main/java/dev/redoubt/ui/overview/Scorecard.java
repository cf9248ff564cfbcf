package dev.redoubt.ui.overview;

import dev.redoubt.findings.Check;
import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Summary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The REL09-BP02 scorecard: one score per facet, in the catalogue's facet order, the overall line
 * and the results' SHA-256 (the value the report and the journal give, for an auditor to compare).
 */
public record Scorecard(List<FacetScore> facets, Counts total, int checksFailing, int checks, Map<Severity, Long> failingBySeverity, String digest) {
    public Scorecard {
        facets = List.copyOf(facets);
        failingBySeverity = Collections.unmodifiableMap(new EnumMap<>(failingBySeverity));
    }

    /** From the audit's summary and catalogue; a check "fails" when at least one of its results is FAIL. */
    public static Scorecard of(Summary summary, List<Check> catalogue, String digest) {
        List<FacetScore> facets = new ArrayList<>();
        int failingAll = 0;
        for (Facet f : Facet.values()) {
            int checks = 0;
            int failing = 0;
            for (Check c : catalogue) {
                if (c.facet() == f) {
                    checks++;
                    if (summary.byCheck().getOrDefault(c.id(), Counts.ZERO).fail() > 0) {
                        failing++;
                    }
                }
            }
            failingAll += failing;
            facets.add(new FacetScore(f, summary.byFacet().getOrDefault(f, Counts.ZERO), failing, checks));
        }
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        for (Severity v : Severity.values()) {
            bySeverity.put(v, summary.bySeverity().getOrDefault(v, Counts.ZERO).fail());
        }
        return new Scorecard(facets, summary.total(), failingAll, catalogue.size(), bySeverity, digest);
    }

    public FacetScore facet(Facet f) {
        return facets.stream().filter(s -> s.facet() == f).findFirst().orElseThrow();
    }

    public String scoreText() {
        return Score.text(total);
    }

    public ScoreBand band() {
        return Score.band(total);
    }
}
