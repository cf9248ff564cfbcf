package dev.redoubt.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.journal.JournalException;
import dev.redoubt.report.ReportFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's "Export report" writes no report that could not be journaled (docs/journal.md, `export`). */
class ReportJournalingTest {
    @TempDir
    Path dir;

    @Test
    void anExportWhoseJournalCannotBeOpenedWritesNoFile() {
        ActivityJournal unopenable = new ActivityJournal(() -> {
            throw new JournalException(dir.resolve("journal.db") + ": cannot be opened (unable to open database file)");
        });
        AuditService audits = new AuditService("test", Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC),
                dir.resolve("settings.json"), dir.resolve("suppressions.json"), unopenable);
        LoadedEstate demo = new LoadedEstate(NorthwindDemo.build(), EstateOrigin.demo());
        AuditRun run = audits.audit(demo.estate(), AuditService.subjectOf(demo));
        Path report = dir.resolve("report.html");

        assertThatThrownBy(() -> audits.export(run, ReportFormat.HTML, report)).isInstanceOf(JournalException.class)
                .hasMessageContaining("cannot be opened");
        assertThat(report).as("a report that could not be journaled").doesNotExist();
    }
}
