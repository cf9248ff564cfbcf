package dev.redoubt.findings;

/** One named value in a result's evidence: an API field ("BackupVault.Locked") or a threshold. */
public record Fact(String name, String value) {
}
