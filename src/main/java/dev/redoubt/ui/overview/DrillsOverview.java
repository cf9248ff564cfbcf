package dev.redoubt.ui.overview;

import dev.redoubt.drills.ResourceHistory;
import dev.redoubt.ui.browse.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The overview's "Restore drills" card: how many protected resources are overdue for a drill against
 * the team's cadence, the last verified restore (which resource, when, its measured RTO against the
 * target), and, apart, the last rehearsal, which is never a verified restore. Built from the drill
 * history ({@code DrillService.history}); {@code unreadable} says why there is none.
 */
public record DrillsOverview(int resources, int overdue, int neverVerified, int cadenceDays, Verified lastVerified, Rehearsal lastRehearsal,
                             int rehearsedOnly, List<Due> mostOverdue, String unreadable) {
    /** At most this many overdue resources are named on the card. */
    static final int LISTED = 4;

    public DrillsOverview {
        mostOverdue = List.copyOf(mostOverdue);
    }

    /** The last signed-off, validated restore against AWS of any resource. */
    public record Verified(String resourceArn, String resourceName, Instant at, String drillId, Duration rto, Duration target) {
        public boolean overTarget() {
            return rto != null && target != null && rto.compareTo(target) > 0;
        }
    }

    /** The last rehearsal (against the sandbox) of any resource. */
    public record Rehearsal(String resourceArn, String resourceName, Instant at, String drillId) {
    }

    /** An overdue resource: when its drill was due (null: it never had a verified restore). */
    public record Due(String resourceArn, String resourceName, Instant dueAt, String lastVerifiedDrill) {
    }

    /** The card of this history; {@code cadenceDays} as the team set it. */
    public static DrillsOverview of(List<ResourceHistory> history, int cadenceDays) {
        int overdue = 0;
        int never = 0;
        int rehearsedOnly = 0;
        Verified verified = null;
        Rehearsal rehearsal = null;
        List<ResourceHistory> late = new ArrayList<>();
        for (ResourceHistory h : history) {
            if (h.overdue()) {
                overdue++;
                late.add(h);
            }
            if (h.lastVerified() == null) {
                never++;
                if (h.lastRehearsal() != null) {
                    rehearsedOnly++;
                }
            } else if (verified == null || h.lastVerified().isAfter(verified.at())) {
                verified = new Verified(h.resourceArn(), h.resourceName(), h.lastVerified(), h.lastVerifiedDrill(), h.measuredRto(), h.rtoTarget());
            }
            if (h.lastRehearsal() != null && (rehearsal == null || h.lastRehearsal().isAfter(rehearsal.at()))) {
                rehearsal = new Rehearsal(h.resourceArn(), h.resourceName(), h.lastRehearsal(), h.lastRehearsalDrill());
            }
        }
        // Longest overdue first: those never verified, then the earliest due date.
        late.sort(Comparator.comparing((ResourceHistory h) -> h.dueAt() == null ? Instant.MIN : h.dueAt())
                .thenComparing(h -> h.resourceName() == null ? h.resourceArn() : h.resourceName()));
        List<Due> listed = late.stream().limit(LISTED).map(h -> new Due(h.resourceArn(), h.resourceName(), h.dueAt(), h.lastVerifiedDrill())).toList();
        return new DrillsOverview(history.size(), overdue, never, cadenceDays, verified, rehearsal, rehearsedOnly, listed, null);
    }

    /** A card saying the history could not be read, and why. */
    public static DrillsOverview unreadable(String why) {
        return new DrillsOverview(0, 0, 0, 0, null, null, 0, List.of(), why);
    }

    // ---- the card's words --------------------------------------------------------------------

    /** "2 of 3" (overdue of protected), the card's big figure. */
    public String figure() {
        return Formats.count(overdue) + " of " + Formats.count(resources);
    }

    /** "protected resources overdue for a restore drill (every 180 days)". */
    public String headline() {
        if (resources == 0) {
            return "No protected resources to drill";
        }
        return (resources == 1 ? "protected resource" : "protected resources") + " overdue for a restore drill (every " + cadenceDays + " days)";
    }

    /** "2 never had a verified restore" or empty. */
    public String neverLine() {
        if (neverVerified == 0) {
            return "";
        }
        if (neverVerified == resources) {
            return resources == 1 ? "It has never had a verified restore." : "None of them has ever had a verified restore.";
        }
        return Formats.count(neverVerified) + (neverVerified == 1 ? " has" : " have") + " never had a verified restore.";
    }

    /** "shop-orders, 3 Dec 2026: restore job took 4 min (target 12 h)" or the invitation when none. */
    public String verifiedLine() {
        if (lastVerified == null) {
            return "No verified restore yet: a drill against AWS, validated and signed off by a second person, counts as one.";
        }
        Verified v = lastVerified;
        return v.resourceName() + ", " + Formats.date(v.at(), ZoneOffset.UTC) + ": " + rtoWords(v.rto(), v.target());
    }

    /** "restored in 4 min (target 12 h)", "restored in 14 h (target 12 h: over)", "restore time not measured". */
    public static String rtoWords(Duration rto, Duration target) {
        if (rto == null) {
            return "restore time not measured";
        }
        String t = target == null ? "" : " (target " + Formats.duration(target) + (rto.compareTo(target) > 0 ? ": over it)" : ")");
        return "restored in " + Formats.duration(rto) + t;
    }

    /** "shop-orders, 7 Dec 2026 (sandbox: not a verified restore)" or empty when there was none. */
    public String rehearsalLine() {
        if (lastRehearsal == null) {
            return "";
        }
        String only = rehearsedOnly == 0 ? "" : "; " + Formats.count(rehearsedOnly) + (rehearsedOnly == 1 ? " resource was" : " resources were")
                + " only rehearsed";
        return lastRehearsal.resourceName() + ", " + Formats.date(lastRehearsal.at(), ZoneOffset.UTC) + " (sandbox: not a verified restore)" + only;
    }

    /** "shop-orders: never verified", "shop-web-data-1: due 3 Jun 2026". */
    public static String dueWords(Due d) {
        return d.resourceName() + ": " + (d.dueAt() == null ? "never verified" : "due " + Formats.date(d.dueAt(), ZoneOffset.UTC));
    }
}
