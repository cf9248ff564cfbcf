package dev.redoubt.ui.overview;

/** How a score is coloured: red below 50%, amber below 80%, green otherwise, grey when there is no score. */
public enum ScoreBand {
    NONE, POOR, FAIR, GOOD;

    public static ScoreBand of(Double score) {
        if (score == null) {
            return NONE;
        }
        return score < 0.5 ? POOR : score < 0.8 ? FAIR : GOOD;
    }
}
