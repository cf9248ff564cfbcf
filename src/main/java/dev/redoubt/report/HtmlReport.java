package dev.redoubt.report;

import dev.redoubt.findings.Check;
import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Fact;
import dev.redoubt.findings.Facet;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.Suppressions;
import dev.redoubt.text.SafeText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML report: one self-contained file (inline CSS, no script, no network: a
 * Content-Security-Policy forbids loading anything), readable on paper, the scorecard first.
 * Every string that comes from the estate (names, tags, policies, ARNs) is escaped.
 * Long lists are capped per check; the JSON and CSV reports hold every result.
 */
public final class HtmlReport implements ReportWriter {
    /** At most this many failing resources are detailed per check; the next ones get one line each. */
    static final int MAX_DETAILED = 15;
    /** At most this many failing resources are listed per check, details or not. */
    static final int MAX_LISTED = 200;
    /** At most this many characters of one evidence value are shown. */
    static final int MAX_VALUE = 1200;

    @Override
    public void write(AuditReport report, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        new Page(report, w).write();
        w.flush();
    }

    /**
     * Escapes text for HTML element content and attribute values. A character that would hide or
     * reorder text (a control, a bidi override or isolate, a zero-width character: {@link SafeText#hidden(int)})
     * is shown as a mark, {@code <U+202E>}, so that a name reads in the report as it is.
     */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (SafeText.hidden(c)) {
                        b.append("&lt;").append(SafeText.codePoint(c)).append("&gt;");
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
            i += Character.charCount(c);
        }
        return b.toString();
    }

    private static final String CSS = """
            :root{--ink:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#f5f7fa;--pass:#1b7f45;--fail:#b42318;--unk:#8a6d00;--sup:#5a4fcf;
            --crit:#7a0916;--high:#b42318;--med:#b54708;--low:#4e5ba6;--info:#5b6475}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
            main{max-width:1100px;margin:0 auto;padding:28px 32px 48px}
            h1{font-size:24px;margin:0 0 2px}h2{font-size:18px;margin:34px 0 10px;padding-bottom:6px;border-bottom:2px solid var(--ink)}
            h3{font-size:15px;margin:22px 0 6px}
            .sub{color:var(--muted);margin:0 0 16px}
            table{border-collapse:collapse;width:100%;margin:6px 0 10px}
            th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
            th{font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);font-weight:600}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            .meta td:first-child{color:var(--muted);width:190px}
            code,.mono,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12px}
            .arn{word-break:break-all}
            pre{white-space:pre-wrap;word-break:break-all;background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:7px 9px;margin:4px 0}
            .cards{display:grid;grid-template-columns:repeat(3,1fr);gap:12px;margin:12px 0}
            .card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;break-inside:avoid}
            .card .facet{font-weight:700}.card .name{color:var(--muted);font-size:12px;min-height:34px}
            .score{font-size:30px;font-weight:700;margin:4px 0}
            .bar{height:8px;background:#f1d5d2;border-radius:4px;overflow:hidden}.bar span{display:block;height:100%;background:var(--pass)}
            .counts{font-size:12px;color:var(--muted);margin-top:6px}
            .totals{display:flex;gap:10px;flex-wrap:wrap;margin:8px 0}
            .total{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:120px}
            .total b{display:block;font-size:22px}.total .badge{margin-left:4px}
            .badge{display:inline-block;border-radius:3px;padding:0 6px;font-size:11px;font-weight:700;color:#fff;letter-spacing:.03em}
            .CRITICAL{background:var(--crit)}.HIGH{background:var(--high)}.MEDIUM{background:var(--med)}.LOW{background:var(--low)}.INFO{background:var(--info)}
            .PASS{background:var(--pass)}.FAIL{background:var(--fail)}.UNKNOWN{background:var(--unk)}.SUPPRESSED{background:var(--sup)}
            .check{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:12px 0}
            .check>.why{color:var(--muted);margin:2px 0 8px}
            .finding{border-top:1px solid var(--line);padding:8px 0 6px;break-inside:avoid}
            .finding .where{color:var(--muted);font-size:12px}
            .finding .summary{margin:3px 0}
            .ev{font-size:12px;margin:4px 0}.ev th{font-size:11px}.ev td{padding:2px 6px}.ev td:first-child{color:var(--muted);white-space:nowrap;width:1%}
            .fix{font-size:12.5px}.fix b{font-weight:600}
            .more{color:var(--muted);font-style:italic}
            .fail-n{color:var(--fail);font-weight:700}.pass-n{color:var(--pass)}
            footer{margin-top:36px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:10px}
            @media print{main{max-width:none;padding:0}body{font-size:11px}h2{break-after:avoid}.check{break-inside:auto}
            .cards{grid-template-columns:repeat(3,1fr)}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit}}
            @page{size:A4;margin:14mm 12mm}
            """;

    private static final class Page {
        private final AuditReport r;
        private final Writer w;
        private final Map<String, Check> checks = new LinkedHashMap<>();

        Page(AuditReport report, Writer w) {
            this.r = report;
            this.w = w;
            for (Check c : report.catalogue()) {
                checks.put(c.id(), c);
            }
        }

        private void p(String s) throws IOException {
            w.write(s);
        }

        void write() throws IOException {
            p("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
            p("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
            p("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            p("<title>Redoubt audit: " + esc(r.estateName()) + "</title><style>" + CSS + "</style></head><body><main>\n");
            header();
            scorecard();
            checkTable();
            failures();
            suppressed();
            unknown();
            catalogue();
            p("<footer>Generated by Redoubt " + esc(r.toolVersion()) + " on " + esc(String.valueOf(r.generatedAt()))
                    + ". Results SHA-256 <span class=\"mono\">" + esc(r.resultsSha256()) + "</span>: the digest of the results array of the JSON report "
                    + "(<span class=\"mono\">jq -cjS .Results report.json | sha256sum</span>).</footer>\n");
            p("</main></body></html>\n");
        }

        private void header() throws IOException {
            p("<h1>Backup protection audit: " + esc(r.estateName()) + "</h1>\n");
            p("<p class=\"sub\">AWS Well-Architected REL09-BP02, \"Secure and encrypt backups\": " + checks.size() + " checks over encryption, access, immutability, isolation, restore validation and multi-party approval.</p>\n");
            p("<table class=\"meta\">");
            meta("Estate", esc(r.estateName()) + (r.source() == null ? "" : " <span class=\"mono\">(" + esc(r.source()) + ")</span>"));
            meta("Organization", esc(r.organizationId() == null ? "(none)" : r.organizationId()));
            meta("Captured at", esc(r.capturedAt() == null ? "(not recorded)" : r.capturedAt().toString()));
            meta("Evaluated as of", esc(r.evaluatedAt().toString()) + (r.capturedAt() == null ? " (the audit's clock: the estate has no CapturedAt)" : " (the capture's time)"));
            meta("Report generated", esc(r.generatedAt().toString()) + " by Redoubt " + esc(r.toolVersion()));
            StringBuilder t = new StringBuilder();
            r.thresholds().forEach((k, v) -> t.append(t.length() == 0 ? "" : ", ").append(esc(k)).append(" ").append(v));
            meta("Thresholds", "<span class=\"mono\">" + t + "</span>");
            if (r.readErrors() > 0) {
                meta("Read errors", r.readErrors() + " scope(s) could not be read; checks that needed them report UNKNOWN");
            }
            meta("Results SHA-256", "<span class=\"mono arn\">" + esc(r.resultsSha256()) + "</span>");
            p("</table>\n");
        }

        private void meta(String k, String html) throws IOException {
            p("<tr><td>" + esc(k) + "</td><td>" + html + "</td></tr>");
        }

        private void scorecard() throws IOException {
            Counts total = r.summary().total();
            p("<h2>Scorecard</h2>\n<div class=\"totals\">");
            StringBuilder sev = new StringBuilder();
            for (Severity s : Severity.values()) {
                long n = r.summary().bySeverity().getOrDefault(s, Counts.ZERO).fail();
                if (n > 0) {
                    sev.append(" <span class=\"badge ").append(s).append("\">").append(n).append(' ').append(s).append("</span>");
                }
            }
            p("<div class=\"total\"><b class=\"fail-n\">" + String.format(Locale.ROOT, "%,d", total.fail()) + "</b>Failing" + sev + "</div>");
            p(totalBox("Passing", total.pass(), "pass-n") + totalBox("Unknown", total.unknown(), "") + totalBox("Suppressed", total.suppressed(), ""));
            p("</div>\n<div class=\"cards\">");
            for (Facet f : Facet.values()) {
                Counts c = r.summary().byFacet().getOrDefault(f, Counts.ZERO);
                Double score = c.score();
                String pct = score == null ? "n/a" : Math.round(score * 100) + "%";
                p("<div class=\"card\"><div class=\"facet\">" + f.name() + "</div><div class=\"name\">" + esc(f.title()) + "</div>");
                p("<div class=\"score\">" + pct + "</div><div class=\"bar\"><span style=\"width:" + (score == null ? 0 : Math.round(score * 100)) + "%\"></span></div>");
                long failing = checks.values().stream().filter(k -> k.facet() == f && r.summary().byCheck().getOrDefault(k.id(), Counts.ZERO).fail() > 0).count();
                long all = checks.values().stream().filter(k -> k.facet() == f).count();
                p("<div class=\"counts\"><b>" + failing + " of " + all + " checks failing</b><br>" + String.format(Locale.ROOT, "%,d passing · %,d failing · %,d unknown · %,d suppressed results",
                        c.pass(), c.fail(), c.unknown(), c.suppressed()) + "</div></div>");
            }
            p("</div>\n<p class=\"sub\">A facet's score is passing / (passing + failing) results; unknown and suppressed results are shown beside it, not counted in it.</p>\n");
        }

        private static String totalBox(String label, long n, String cls) {
            return "<div class=\"total\"><b class=\"" + cls + "\">" + String.format(Locale.ROOT, "%,d", n) + "</b>" + label + "</div>";
        }

        private void checkTable() throws IOException {
            p("<h2>Checks</h2>\n<table><tr><th>Check</th><th>Severity</th><th>Title</th><th class=\"n\">Fail</th><th class=\"n\">Pass</th><th class=\"n\">Unknown</th><th class=\"n\">Suppr.</th></tr>");
            for (Check c : checks.values()) {
                Counts n = r.summary().byCheck().getOrDefault(c.id(), Counts.ZERO);
                p("<tr><td class=\"mono\">" + esc(c.id()) + "</td><td><span class=\"badge " + c.severity() + "\">" + c.severity() + "</span></td><td>"
                        + esc(c.title()) + "</td><td class=\"n" + (n.fail() > 0 ? " fail-n" : "") + "\">" + n.fail() + "</td><td class=\"n\">" + n.pass()
                        + "</td><td class=\"n\">" + n.unknown() + "</td><td class=\"n\">" + n.suppressed() + "</td></tr>");
            }
            p("</table>\n");
        }

        private void failures() throws IOException {
            Map<String, List<Result>> byCheck = group(Status.FAIL);
            p("<h2>Failures</h2>\n");
            if (byCheck.isEmpty()) {
                p("<p>No check failed.</p>\n");
                return;
            }
            p("<p class=\"sub\">Most severe first. For each failing resource: where it is, what was found (the API fields and values, the threshold), and how to fix it.</p>\n");
            for (Severity s : Severity.values()) {
                for (Check c : checks.values()) {
                    List<Result> fails = byCheck.get(c.id());
                    if (c.severity() != s || fails == null) {
                        continue;
                    }
                    p("<section class=\"check\"><h3><span class=\"badge " + s + "\">" + s + "</span> <span class=\"mono\">" + esc(c.id()) + "</span> "
                            + esc(c.title()) + " <span class=\"fail-n\">(" + fails.size() + ")</span></h3>");
                    p("<div class=\"why\">" + esc(c.weakness()) + (c.others().equals("-") ? "" : " Elsewhere: " + esc(c.others()) + ".") + "</div>");
                    for (int i = 0; i < Math.min(fails.size(), MAX_DETAILED); i++) {
                        finding(fails.get(i));
                    }
                    if (fails.size() > MAX_DETAILED) {
                        p("<table class=\"ev\"><tr><th>Also failing</th><th>What was found</th></tr>");
                        for (int i = MAX_DETAILED; i < Math.min(fails.size(), MAX_LISTED); i++) {
                            p("<tr><td class=\"mono arn\">" + esc(fails.get(i).resourceArn()) + "</td><td>" + esc(fails.get(i).evidence().summary()) + "</td></tr>");
                        }
                        p("</table>");
                        if (fails.size() > MAX_LISTED) {
                            p("<p class=\"more\">... and " + (fails.size() - MAX_LISTED) + " more failing resources of " + esc(c.id())
                                    + "; the JSON and CSV reports list every one with its evidence.</p>");
                        }
                    }
                    Result first = fails.get(0);
                    if (first.remediation() != null) {
                        p("<div class=\"fix\"><b>" + esc(first.remediation().snippetLanguage()) + "</b><pre>" + esc(first.remediation().snippet()) + "</pre></div>");
                    }
                    p("</section>\n");
                }
            }
        }

        private void finding(Result f) throws IOException {
            p("<div class=\"finding\"><div class=\"mono arn\">" + esc(f.resourceArn()) + "</div>");
            p("<div class=\"where\">account " + esc(f.accountId()) + " · " + esc(f.region() == null ? "global" : f.region())
                    + (f.suppression() != null ? " · suppression by " + esc(f.suppression().author()) + " expired " + esc(f.suppression().expires().toString()) : "") + "</div>");
            p("<div class=\"summary\">" + esc(f.evidence().summary()) + "</div>");
            evidence(f);
            if (f.remediation() != null) {
                p("<div class=\"fix\"><b>Fix:</b> " + esc(f.remediation().action()) + "<pre>" + esc(f.remediation().awsCli()) + "</pre></div>");
            }
            p("</div>\n");
        }

        private void evidence(Result f) throws IOException {
            List<Fact> facts = new ArrayList<>(f.evidence().fields());
            for (Fact t : f.evidence().thresholds()) {
                facts.add(new Fact("threshold " + t.name(), t.value()));
            }
            if (facts.isEmpty()) {
                return;
            }
            p("<table class=\"ev\">");
            for (Fact fact : facts) {
                String v = fact.value();
                boolean cut = v.length() > MAX_VALUE;
                String shown = cut ? v.substring(0, MAX_VALUE) : v;
                boolean block = shown.length() > 90 || shown.startsWith("{");
                p("<tr><td>" + esc(fact.name()) + "</td><td>" + (block ? "<pre>" + esc(shown) + (cut ? " ..." : "") + "</pre>"
                        : "<span class=\"mono arn\">" + esc(shown) + "</span>") + "</td></tr>");
            }
            p("<tr><td>evaluated as of</td><td class=\"mono\">" + esc(String.valueOf(f.evidence().evaluatedAt())) + "</td></tr></table>");
        }

        private void suppressed() throws IOException {
            List<Result> sup = r.results().stream().filter(x -> x.status() == Status.SUPPRESSED).toList();
            p("<h2>Accepted risks (suppressed)</h2>\n");
            if (sup.isEmpty() && r.suppressions().isEmpty()) {
                p("<p>No suppressions were given.</p>\n");
                return;
            }
            p("<p class=\"sub\">Failures whose risk was accepted, shown until the acceptance expires; an expired suppression counts as a failure again.</p>");
            p("<table><tr><th>Check</th><th>Resource pattern</th><th>Author</th><th>Expires</th><th>Justification</th><th class=\"n\">Results</th><th>State</th></tr>");
            for (Suppressions.Use u : r.suppressions()) {
                p("<tr><td class=\"mono\">" + esc(u.suppression().checkId()) + "</td><td class=\"mono arn\">" + esc(u.suppression().resource()) + "</td><td>"
                        + esc(u.suppression().author()) + "</td><td class=\"mono\">" + esc(u.suppression().expires().toString()) + "</td><td>"
                        + esc(u.suppression().justification()) + "</td><td class=\"n\">" + u.results() + "</td><td>"
                        + (u.expired() ? "<span class=\"badge FAIL\">EXPIRED</span>" : "<span class=\"badge SUPPRESSED\">ACTIVE</span>") + "</td></tr>");
            }
            p("</table>\n");
            if (!sup.isEmpty()) {
                p("<table><tr><th>Check</th><th>Resource</th><th>What was found</th></tr>");
                int shown = 0;
                for (Result s : sup) {
                    if (shown++ == MAX_LISTED) {
                        p("<tr><td colspan=\"3\" class=\"more\">... and " + (sup.size() - MAX_LISTED) + " more; see the JSON report.</td></tr>");
                        break;
                    }
                    p("<tr><td class=\"mono\">" + esc(s.checkId()) + "</td><td class=\"mono arn\">" + esc(s.resourceArn()) + "</td><td>" + esc(s.evidence().summary()) + "</td></tr>");
                }
                p("</table>\n");
            }
        }

        private void unknown() throws IOException {
            List<Result> unk = r.results().stream().filter(x -> x.status() == Status.UNKNOWN).toList();
            p("<h2>Not evaluated (unknown)</h2>\n");
            if (unk.isEmpty()) {
                p("<p>Every check could be evaluated on everything it concerns.</p>\n");
                return;
            }
            p("<p class=\"sub\">What could not be read or was missing from the estate. Never counted as passing.</p>");
            p("<table><tr><th>Check</th><th>Resource</th><th>Reason</th></tr>");
            int shown = 0;
            for (Result u : unk) {
                if (shown++ == MAX_LISTED) {
                    p("<tr><td colspan=\"3\" class=\"more\">... and " + (unk.size() - MAX_LISTED) + " more; see the JSON report.</td></tr>");
                    break;
                }
                p("<tr><td class=\"mono\">" + esc(u.checkId()) + "</td><td class=\"mono arn\">" + esc(u.resourceArn()) + "</td><td>" + esc(u.evidence().summary()) + "</td></tr>");
            }
            p("</table>\n");
        }

        private void catalogue() throws IOException {
            p("<h2>The checks</h2>\n<table><tr><th>Check</th><th>Weakness and why it matters</th><th>Reads</th><th>Elsewhere</th></tr>");
            for (Check c : checks.values()) {
                p("<tr><td class=\"mono\">" + esc(c.id()) + "<br><span class=\"badge " + c.severity() + "\">" + c.severity() + "</span></td><td><b>" + esc(c.title())
                        + "</b><br>" + esc(c.weakness()) + "</td><td>" + esc(c.reads()) + "</td><td>" + esc(c.others()) + "</td></tr>");
            }
            p("</table>\n");
        }

        private Map<String, List<Result>> group(Status status) {
            Map<String, List<Result>> out = new LinkedHashMap<>();
            for (Result x : r.results()) {
                if (x.status() == status) {
                    out.computeIfAbsent(x.checkId(), k -> new ArrayList<>()).add(x);
                }
            }
            return out;
        }
    }
}
