package dev.redoubt.ui.scan;

import dev.redoubt.services.ScanOutcome;

/**
 * A finished scan as the summary card tells it: the outcome in words, what was read, what it cost, and
 * where the capture is kept with its SHA-256 (null when it was not written to a file).
 */
public record ScanSummary(ScanOutcome.Outcome outcome, String headline, String explanation, int accounts, int regions, int vaults,
                          long recoveryPoints, long apiCalls, String time, String capture, String sha256, int unread, int notFinished) {
}
