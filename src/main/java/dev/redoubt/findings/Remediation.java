package dev.redoubt.findings;

import dev.redoubt.text.SafeText;
import java.util.Objects;

/**
 * How to fix a failure: what to change, an AWS CLI command (one or more lines, each starting
 * with {@code aws}), and an infrastructure-as-code snippet in {@code snippetLanguage}
 * ("CloudFormation" or "Terraform"). The checks quote every name for its destination ({@link Quoting});
 * as a last guard, a character that would hide or reorder text (a terminal control, a bidi override:
 * see {@link SafeText#hidden(int)}) is shown as a mark such as {@code <U+202E>} wherever it is left.
 */
public record Remediation(String action, String awsCli, String snippetLanguage, String snippet) {
    public Remediation {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(awsCli, "awsCli");
        Objects.requireNonNull(snippetLanguage, "snippetLanguage");
        Objects.requireNonNull(snippet, "snippet");
        action = SafeText.marked(action);
        awsCli = SafeText.marked(awsCli);
        snippetLanguage = SafeText.marked(snippetLanguage);
        snippet = SafeText.marked(snippet);
    }
}
