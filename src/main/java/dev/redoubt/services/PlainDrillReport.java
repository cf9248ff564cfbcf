package dev.redoubt.services;

import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillText;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.journal.Entry;
import java.util.List;

/**
 * A minimal drill report, used until report.DrillReport (the full self-contained report) is wired in:
 * the drill's steps with their times, actors and the journal entries' hashes, escaped as HTML.
 */
final class PlainDrillReport {
    private PlainDrillReport() {
    }

    static String html(DrillState d, List<Entry> entries, String fingerprint) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc((d.rehearsal() ? "REHEARSAL: " : "") + d.title())).append("</title></head><body>\n<h1>")
                .append(esc((d.rehearsal() ? "REHEARSAL (sandbox; not evidence of a verified restore): " : "") + d.title())).append("</h1>\n<p>Drill ")
                .append(esc(d.id())).append(", ").append(esc(DrillText.status(d.status()))).append(", operator ").append(esc(d.operator()))
                .append(d.signer() == null ? "" : ", signed off by " + esc(d.signer())).append(", measured RTO ").append(esc(DrillText.duration(d.rto())))
                .append("</p>\n<table><tr><th>Seq</th><th>Time</th><th>Step</th><th>Actor</th><th>What</th><th>Hash</th></tr>\n");
        for (StepRecord s : d.steps()) {
            sb.append("<tr><td>").append(s.seq()).append("</td><td>").append(esc(DrillText.time(s.time()))).append("</td><td>")
                    .append(esc(s.step().spelling())).append("</td><td>").append(esc(s.actor())).append("</td><td>").append(esc(s.text()))
                    .append("</td><td><code>").append(esc(s.hash())).append("</code></td></tr>\n");
        }
        sb.append("</table>\n<p>Journal key ").append(esc(fingerprint == null ? "-" : fingerprint))
                .append(". Verify the journal with: redoubt journal verify</p>\n</body></html>\n");
        return sb.toString();
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
