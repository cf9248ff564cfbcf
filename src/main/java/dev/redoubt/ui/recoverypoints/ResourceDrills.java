package dev.redoubt.ui.recoverypoints;

import dev.redoubt.drills.ResourceHistory;
import dev.redoubt.ui.browse.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The "Restore drills of this resource" section of a recovery point's page, in words: the last verified
 * restore and its measured RTO against the target, when the next drill is due (or that it is overdue),
 * the last rehearsal (marked: never a verified restore), how many drills, and the drills to open.
 * {@code unreadable} says why the history could not be read.
 */
public record ResourceDrills(String resourceArn, String resourceName, String verified, String verifiedDrill, boolean overTarget, String due,
                             boolean overdue, String rehearsal, String rehearsalDrill, String count, String unreadable) {

    /** The section for this history; {@code now} (the console's clock) for "3 days ago". */
    public static ResourceDrills of(ResourceHistory h, Instant now) {
        String verified;
        boolean over = false;
        if (h.lastVerified() == null) {
            verified = "None yet: a drill against AWS, validated and signed off by a second person, counts as one.";
        } else {
            verified = Formats.date(h.lastVerified(), ZoneOffset.UTC) + " (" + Formats.relative(h.lastVerified(), now) + "): " + rto(h.measuredRto(), h.rtoTarget());
            over = h.measuredRto() != null && h.rtoTarget() != null && h.measuredRto().compareTo(h.rtoTarget()) > 0;
        }
        String due;
        if (h.dueAt() == null) {
            due = "Overdue: it has never had a verified restore (a drill is due every " + h.cadenceDays() + " days).";
        } else if (h.overdue()) {
            due = "Overdue since " + Formats.date(h.dueAt(), ZoneOffset.UTC) + " (every " + h.cadenceDays() + " days).";
        } else {
            due = "Next drill due " + Formats.date(h.dueAt(), ZoneOffset.UTC) + " (" + Formats.relative(h.dueAt(), now) + "; every " + h.cadenceDays() + " days).";
        }
        String rehearsal = h.lastRehearsal() == null ? null
                : Formats.date(h.lastRehearsal(), ZoneOffset.UTC) + " (" + Formats.relative(h.lastRehearsal(), now) + "), in the sandbox: not a verified restore.";
        String count = h.drills() == 0 ? "No drill of this resource yet." : h.drills() == 1 ? "1 drill of this resource, rehearsals included."
                : Formats.count(h.drills()) + " drills of this resource, rehearsals included.";
        return new ResourceDrills(h.resourceArn(), h.resourceName(), verified, h.lastVerifiedDrill(), over, due, h.overdue(), rehearsal,
                h.lastRehearsalDrill(), count, null);
    }

    /** The section when the history could not be read, and why. */
    public static ResourceDrills unreadable(String resourceArn, String why) {
        return new ResourceDrills(resourceArn, null, null, null, false, null, false, null, null, null, why);
    }

    /** "restore job took 4 min (target 12 h)"; "over the target" when it is. */
    static String rto(Duration rto, Duration target) {
        if (rto == null) {
            return "the restore time was not measured";
        }
        if (target == null) {
            return "restored in " + Formats.duration(rto);
        }
        return "restored in " + Formats.duration(rto) + " against a target of " + Formats.duration(target)
                + (rto.compareTo(target) > 0 ? ": over the target" : ": within the target");
    }
}
