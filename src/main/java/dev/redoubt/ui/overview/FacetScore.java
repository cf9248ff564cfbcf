package dev.redoubt.ui.overview;

import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Facet;

/** One facet of the scorecard: its results by status, and how many of its checks have a failure. */
public record FacetScore(Facet facet, Counts counts, int checksFailing, int checks) {
    /** passing / (passing + failing), or null when nothing passed or failed. */
    public Double score() {
        return counts.score();
    }

    public String scoreText() {
        return Score.text(counts);
    }

    public ScoreBand band() {
        return Score.band(counts);
    }
}
