package dev.redoubt.report;

import dev.redoubt.findings.Fact;
import dev.redoubt.findings.Result;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV report (RFC 4180, UTF-8): one row per result. Cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or carriage return) are prefixed with an apostrophe,
 * since names and tags in the estate are attacker-controlled.
 */
public final class CsvReport implements ReportWriter {
    static final List<String> HEADER = List.of("CheckId", "Status", "Severity", "Facet", "AccountId", "Region", "ResourceArn", "Title",
            "Evidence", "EvidenceFields", "Thresholds", "EvaluatedAt", "Remediation", "AwsCli", "SuppressedBy", "SuppressionExpires");

    @Override
    public void write(AuditReport report, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        row(w, HEADER);
        for (Result r : report.results()) {
            row(w, List.of(r.checkId(), r.status().name(), r.severity().name(), r.facet().name(), nz(r.accountId()), nz(r.region()),
                    nz(r.resourceArn()), r.title(), r.evidence().summary(), facts(r.evidence().fields()), facts(r.evidence().thresholds()),
                    r.evidence().evaluatedAt() == null ? "" : r.evidence().evaluatedAt().toString(),
                    r.remediation() == null ? "" : r.remediation().action(), r.remediation() == null ? "" : r.remediation().awsCli(),
                    r.suppression() == null ? "" : r.suppression().author() + ": " + r.suppression().justification(),
                    r.suppression() == null ? "" : r.suppression().expires().toString()));
        }
        w.flush();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String facts(List<Fact> facts) {
        StringBuilder b = new StringBuilder();
        for (Fact f : facts) {
            b.append(b.length() == 0 ? "" : "; ").append(f.name()).append('=').append(f.value());
        }
        return b.toString();
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    static String cell(String raw) {
        String v = raw;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
