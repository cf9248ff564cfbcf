package dev.redoubt.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one kind of report of an audit. */
public interface ReportWriter {
    void write(AuditReport report, OutputStream out) throws IOException;
}
