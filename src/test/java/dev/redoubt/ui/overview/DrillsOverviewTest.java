package dev.redoubt.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.drills.ResourceHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Restore drills" card from drill histories built by hand: overdue counts, the last verified restore, rehearsals apart. */
class DrillsOverviewTest {
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration TARGET = Duration.ofHours(12);

    static ResourceHistory verified(String name, Instant at, Duration rto, Instant rehearsal) {
        Instant due = at.plus(Duration.ofDays(180));
        return new ResourceHistory("arn:aws:rds:eu-west-1:645019283746:db:" + name, name, "RDS", at, "d-" + name, rto, TARGET, 180, due,
                NOW.isAfter(due), rehearsal, rehearsal == null ? null : "r-" + name, rehearsal == null ? 1 : 2);
    }

    static ResourceHistory never(String name, Instant rehearsal) {
        return new ResourceHistory("arn:aws:ec2:eu-west-1:645019283746:volume/" + name, name, "EBS", null, null, null, TARGET, 180, null, true,
                rehearsal, rehearsal == null ? null : "r-" + name, rehearsal == null ? 0 : 1);
    }

    @Test
    void countsOverdueResourcesAndNamesTheLastVerifiedRestoreWithItsRtoAgainstTheTarget() {
        DrillsOverview d = DrillsOverview.of(List.of(
                verified("shop-orders", Instant.parse("2026-11-30T09:00:00Z"), Duration.ofMinutes(4).plusSeconds(12), null),
                verified("erp-db", Instant.parse("2026-03-01T09:00:00Z"), Duration.ofHours(14), null),
                never("shop-web-data-1", Instant.parse("2026-12-06T09:00:00Z")),
                never("shop-web-data-2", null)), 180);

        assertThat(d.figure()).isEqualTo("3 of 4");
        assertThat(d.headline()).isEqualTo("protected resources overdue for a restore drill (every 180 days)");
        assertThat(d.neverLine()).isEqualTo("2 have never had a verified restore.");
        assertThat(d.verifiedLine()).isEqualTo("shop-orders, 30 Nov 2026: restored in 4 min (target 12 h)");
        assertThat(d.lastVerified().drillId()).isEqualTo("d-shop-orders");
        assertThat(d.lastVerified().overTarget()).isFalse();
        assertThat(d.mostOverdue()).extracting(DrillsOverview::dueWords)
                .containsExactly("shop-web-data-1: never verified", "shop-web-data-2: never verified", "erp-db: due 28 Aug 2026");
    }

    @Test
    void aRehearsalIsShownApartAndNeverCountsAsAVerifiedRestore() {
        DrillsOverview d = DrillsOverview.of(List.of(never("shop-orders", Instant.parse("2026-12-07T09:00:00Z")),
                never("shop-web-data-1", Instant.parse("2026-12-06T09:00:00Z"))), 90);

        assertThat(d.lastVerified()).isNull();
        assertThat(d.figure()).isEqualTo("2 of 2");
        assertThat(d.headline()).endsWith("(every 90 days)");
        assertThat(d.neverLine()).isEqualTo("None of them has ever had a verified restore.");
        assertThat(d.verifiedLine()).startsWith("No verified restore yet");
        assertThat(d.rehearsalLine()).isEqualTo("shop-orders, 7 Dec 2026 (sandbox: not a verified restore); 2 resources were only rehearsed");
        assertThat(d.lastRehearsal().drillId()).isEqualTo("r-shop-orders");
    }

    @Test
    void aRestoreOverItsTargetSaysSo() {
        DrillsOverview d = DrillsOverview.of(List.of(verified("erp-db", Instant.parse("2026-12-01T09:00:00Z"), Duration.ofHours(14), null)), 180);
        assertThat(d.figure()).isEqualTo("0 of 1");
        assertThat(d.headline()).isEqualTo("protected resource overdue for a restore drill (every 180 days)");
        assertThat(d.neverLine()).isEmpty();
        assertThat(d.lastVerified().overTarget()).isTrue();
        assertThat(d.verifiedLine()).isEqualTo("erp-db, 1 Dec 2026: restored in 14 h (target 12 h: over it)");
    }

    @Test
    void anEmptyEstateHasNothingToDrill() {
        DrillsOverview d = DrillsOverview.of(List.of(), 180);
        assertThat(d.headline()).isEqualTo("No protected resources to drill");
        assertThat(d.rehearsalLine()).isEmpty();
    }
}
