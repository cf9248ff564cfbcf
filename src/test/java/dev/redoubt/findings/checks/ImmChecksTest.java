package dev.redoubt.findings.checks;

import static dev.redoubt.findings.EstateFixture.BACKUP;
import static dev.redoubt.findings.EstateFixture.NOW;
import static dev.redoubt.findings.EstateFixture.REGION;
import static dev.redoubt.findings.EstateFixture.about;
import static dev.redoubt.findings.EstateFixture.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.findings.EstateFixture;
import dev.redoubt.findings.FindingsSettings;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Status;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** IMM-03: a failing case, a passing case and an edge case (IMM-01, 02, 04, 05, 06, 07 have their own test classes). */
class ImmChecksTest {
    /** The result about a fresh healthy vault (created before the check runs). */
    static Result aboutVault(EstateFixture f, dev.redoubt.findings.Check check) {
        String arn = arnOf(f.vault(BACKUP, REGION, "v"));
        return about(f.run(check), arn);
    }

    @Nested
    class Imm03 {
        final Imm03LockInGraceTime check = new Imm03LockInGraceTime();

        @Test
        void flagsALockStillInGraceTimeAndSaysHowLong() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.put("LockDate", NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)).toString());
            Result r = about(f.run(check), arnOf(v));
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.evidence().summary()).contains("3 days 1 hour");
        }

        @Test
        void passesAnImmutableLock() {
            EstateFixture f = new EstateFixture();
            assertThat(aboutVault(f, check).status()).isEqualTo(Status.PASS);
        }

        @Test
        void judgesAsOfCapturedAtSoALaterAuditSeesTheSameGraceTime() {
            EstateFixture f = new EstateFixture();
            ObjectNode v = f.vault(BACKUP, REGION, "v");
            v.put("LockDate", NOW.plus(Duration.ofHours(2)).toString());
            dev.redoubt.findings.EstateIndex later = new dev.redoubt.findings.EstateIndex(f.estate(), FindingsSettings.DEFAULTS, NOW.plus(Duration.ofDays(365)));
            java.util.List<Result> out = new java.util.ArrayList<>();
            check.evaluate(later, out::add);
            assertThat(about(out, arnOf(v)).status()).isEqualTo(Status.FAIL);
            f.root().put("CapturedAt", NOW.plus(Duration.ofHours(2)).toString());
            assertThat(about(f.run(check), arnOf(v)).status()).as("LockDate == evaluation instant: immutable").isEqualTo(Status.PASS);
        }
    }
}
