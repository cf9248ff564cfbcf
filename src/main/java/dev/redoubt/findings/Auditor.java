package dev.redoubt.findings;

import dev.redoubt.estate.Estate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs every check of a catalogue over an estate, as of its CapturedAt. */
public final class Auditor {
    private final List<Check> checks;

    public Auditor(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The outcome of one audit: the index it judged (instant, thresholds, roles) and every result in catalogue order. */
    public record Outcome(EstateIndex index, List<Result> results) {
    }

    /**
     * @param fallbackNow the instant to judge as of when the estate has no CapturedAt
     */
    public Outcome run(Estate estate, FindingsSettings settings, Instant fallbackNow) {
        EstateIndex index = new EstateIndex(estate, settings, fallbackNow);
        List<Result> results = new ArrayList<>();
        for (Check c : checks) {
            c.evaluate(index, results::add);
        }
        return new Outcome(index, results);
    }
}
