package dev.redoubt.ui.vaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.Lifecycle;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.access.VaultLock;
import dev.redoubt.ui.vaults.VaultDetail.FindingLine;
import dev.redoubt.ui.vaults.VaultDetail.RuleBound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The pieces of the vault page that the demo does not exercise: lifecycles outside the lock's bounds, and how findings are listed. */
class VaultDetailTest {
    static final Instant LOCKED = Instant.parse("2025-01-01T00:00:00Z");

    static VaultLock lock(Long min, Long max) {
        return new VaultLock(VaultLock.Mode.COMPLIANCE_IMMUTABLE, LOCKED, min, max);
    }

    static Lifecycle keep(Long days) {
        return new Lifecycle(null, days, null, null, Map.of());
    }

    static RuleBound bound(VaultLock lock, Long days) {
        return VaultDetail.bound("daily", "arn:aws:backup:eu-west-1:111122223333:backup-plan:p", "shop", "daily-35d", false, keep(days), lock);
    }

    @Nested
    @DisplayName("Plan rules against the lock's retention bounds")
    class Bounds {
        @Test
        @DisplayName("within, below the minimum, above the maximum: AWS Backup refuses jobs outside the bounds")
        void withinBelowAbove() {
            assertThat(bound(lock(7L, 365L), 35L).within()).isTrue();
            assertThat(bound(lock(7L, 365L), 7L).within()).as("the minimum itself is allowed").isTrue();
            RuleBound below = bound(lock(7L, 365L), 3L);
            assertThat(below.within()).isFalse();
            assertThat(below.verdict()).isEqualTo("Below the lock's minimum of 7 days: AWS Backup refuses these jobs");
            RuleBound above = bound(lock(7L, 365L), 400L);
            assertThat(above.within()).isFalse();
            assertThat(above.verdict()).isEqualTo("Above the lock's maximum of 365 days: AWS Backup refuses these jobs");
        }

        @Test
        @DisplayName("a rule that never expires breaks a maximum, and is kept until deleted by hand where there is none")
        void neverExpiring() {
            assertThat(bound(lock(7L, 365L), null).within()).isFalse();
            RuleBound noMax = bound(lock(30L, null), null);
            assertThat(noMax.within()).isTrue();
            assertThat(noMax.verdict()).startsWith("Kept until deleted by hand");
        }

        @Test
        @DisplayName("no lock, or a lock not read: nothing to compare with, and it says so")
        void noLock() {
            RuleBound none = bound(new VaultLock(VaultLock.Mode.NONE, null, null, null), 35L);
            assertThat(none.within()).isNull();
            assertThat(none.verdict()).isEqualTo("No lock: nothing bounds the retention");
            assertThat(bound(new VaultLock(VaultLock.Mode.NOT_READ, null, null, null), 35L).verdict()).isEqualTo("The lock was not read");
        }
    }

    @Nested
    @DisplayName("The vault's findings")
    class Findings {
        FindingLine line(Status status, Severity severity, String check, boolean point, String arn) {
            return new FindingLine(status, severity, check, check + " title", arn, point);
        }

        @Test
        @DisplayName("one line per check for its recovery points, with how many; the vault's own results as they are")
        void groupsRecoveryPoints() {
            List<FindingLine> lines = new ArrayList<>();
            for (int i = 0; i < 36; i++) {
                lines.add(line(Status.FAIL, Severity.MEDIUM, "ENC-04", true, "arn:rp-" + i));
            }
            lines.add(line(Status.FAIL, Severity.LOW, "ACC-01", false, "arn:vault"));
            lines.add(line(Status.UNKNOWN, Severity.MEDIUM, "ENC-04", true, "arn:rp-x"));
            List<FindingLine> grouped = VaultDetail.grouped(lines);
            assertThat(grouped).hasSize(3);
            assertThat(grouped.get(0).points()).isEqualTo(36);
            assertThat(grouped.get(0).resourceArn()).isEqualTo("arn:rp-0");
            assertThat(grouped.get(1).points()).isZero();
            assertThat(grouped.get(2).points()).as("another status is another line").isEqualTo(1);
        }

        @Test
        @DisplayName("failing first, then the worst severity, then the check, the vault before its recovery points")
        void order() {
            List<FindingLine> ordered = VaultDetail.ordered(List.of(
                    line(Status.UNKNOWN, Severity.HIGH, "ACC-01", false, "v"),
                    line(Status.FAIL, Severity.LOW, "ACC-08", false, "v"),
                    line(Status.FAIL, Severity.MEDIUM, "ENC-04", true, "p"),
                    line(Status.SUPPRESSED, Severity.CRITICAL, "ISO-01", false, "v"),
                    line(Status.FAIL, Severity.MEDIUM, "ENC-04", false, "v"),
                    line(Status.FAIL, Severity.HIGH, "IMM-01", false, "v")));
            assertThat(ordered).extracting(f -> f.status() + " " + f.severity() + " " + f.checkId() + (f.aboutPoint() ? " point" : ""))
                    .containsExactly("FAIL HIGH IMM-01", "FAIL MEDIUM ENC-04", "FAIL MEDIUM ENC-04 point", "FAIL LOW ACC-08",
                            "SUPPRESSED CRITICAL ISO-01", "UNKNOWN HIGH ACC-01");
        }
    }
}
