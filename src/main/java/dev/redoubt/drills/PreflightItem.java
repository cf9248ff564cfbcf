package dev.redoubt.drills;

import dev.redoubt.findings.Status;

/**
 * One preflight item of a member: {@code id} (stable: "point-usable", "key-usable", "not-expiring",
 * "metadata", "restore-role", "isolated-target", "approval"), a title in the user's words, PASS / FAIL /
 * UNKNOWN (never PASS for what could not be read), the reason, and what to do when it is not PASS.
 * A FAIL blocks the restore; UNKNOWN lets the operator go on after seeing it.
 */
public record PreflightItem(String id, String title, Status verdict, String reason, String fix) {
}
