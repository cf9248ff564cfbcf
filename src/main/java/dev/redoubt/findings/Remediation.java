package dev.redoubt.findings;

import java.util.Objects;

/**
 * How to fix a failure: what to change, an AWS CLI command (one or more lines, each starting
 * with {@code aws}), and an infrastructure-as-code snippet in {@code snippetLanguage}
 * ("CloudFormation" or "Terraform").
 */
public record Remediation(String action, String awsCli, String snippetLanguage, String snippet) {
    public Remediation {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(awsCli, "awsCli");
        Objects.requireNonNull(snippetLanguage, "snippetLanguage");
        Objects.requireNonNull(snippet, "snippet");
    }
}
