package dev.redoubt.approvals;

import dev.redoubt.findings.Status;

/** One item of a request's preflight: PASS, FAIL or UNKNOWN, why, and what to do about it (null when nothing). */
public record PreflightCheck(String item, Status status, String reason, String fix) {
}
