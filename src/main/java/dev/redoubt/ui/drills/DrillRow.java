package dev.redoubt.ui.drills;

import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.DrillSummary;
import java.time.ZoneId;
import dev.redoubt.ui.browse.Formats;

/** One line of the drills list, in words. */
public record DrillRow(DrillSummary drill, String statusText, String operator, String signer, String started, String rto, String members) {
    static DrillRow of(DrillSummary d, ZoneId zone) {
        return new DrillRow(d, DrillWords.status(d.status(), d.interrupted()), DrillWords.person(d.operator()),
                d.signer() == null ? "—" : DrillWords.person(d.signer()), Formats.dateTime(d.started(), zone), DrillWords.duration(d.rto()),
                d.members() == 1 ? "1 resource" : d.members() + " resources");
    }

    public String id() {
        return drill.id();
    }

    /** Begun and neither signed off nor abandoned: listed first, with Resume and Abandon. */
    public boolean unfinished() {
        return drill.status() != null && !drill.status().finished();
    }

    public boolean awaitingSignOff() {
        return drill.status() == DrillStatus.AWAITING_SIGN_OFF;
    }
}
