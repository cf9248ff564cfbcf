package dev.redoubt.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redoubt.app.AppContext;
import dev.redoubt.estate.demo.NorthwindDemo;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit cancelled (a user's Cancel while a capture opens) ends as CANCELLED, with no results and nothing journaled. */
class AuditCancelTest {
    @TempDir
    Path dir;

    @Test
    void aCancelledAuditEndsCancelledAndAnUncancelledOneAsBefore() {
        try (AppContext ctx = new AppContext(Map.of("REDOUBT_HOME", dir.resolve("home").toString(), "HOME", dir.resolve("user").toString()),
                Clock.systemUTC())) {
            AuditService audits = ctx.services().audits();
            LoadedEstate demo = new LoadedEstate(NorthwindDemo.build(), EstateOrigin.demo());
            Cancellation cancel = new Cancellation();
            cancel.cancel();

            assertThatThrownBy(() -> audits.audit(demo.estate(), AuditService.subjectOf(demo), cancel))
                    .isInstanceOfSatisfying(ServiceFailure.class, f -> assertThat(f.kind()).isEqualTo(ServiceFailure.Kind.CANCELLED))
                    .hasMessageContaining("stopped before its checks ended");
            AuditRun run = audits.audit(demo.estate(), AuditService.subjectOf(demo), new Cancellation());
            assertThat(run.digest()).isEqualTo(audits.audit(demo.estate(), AuditService.subjectOf(demo)).digest());
        }
    }
}
