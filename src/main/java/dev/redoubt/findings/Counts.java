package dev.redoubt.findings;

/** How many results of each status. */
public record Counts(long pass, long fail, long unknown, long suppressed) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0);

    public Counts plus(Status s) {
        return switch (s) {
            case PASS -> new Counts(pass + 1, fail, unknown, suppressed);
            case FAIL -> new Counts(pass, fail + 1, unknown, suppressed);
            case UNKNOWN -> new Counts(pass, fail, unknown + 1, suppressed);
            case SUPPRESSED -> new Counts(pass, fail, unknown, suppressed + 1);
        };
    }

    public long total() {
        return pass + fail + unknown + suppressed;
    }

    /** passing / (passing + failing), or null when nothing passed or failed (checks.md, "UNKNOWN in scores"). */
    public Double score() {
        return pass + fail == 0 ? null : pass / (double) (pass + fail);
    }
}
