package dev.redoubt.ui.findings;

import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;

/**
 * One result as the table shows it: the result, the name of its account and the place of its
 * check in the catalogue (for ordering). Immutable, built off the FX thread.
 */
public record ResultRow(Result result, String accountName, int checkOrder) implements FindingsLine {
    public ResultKey key() {
        return ResultKey.of(result);
    }

    public Status status() {
        return result.status();
    }

    public Severity severity() {
        return result.severity();
    }

    public String checkId() {
        return result.checkId();
    }

    public String resourceArn() {
        return result.resourceArn();
    }

    /** The last part of the ARN ("shop-prod" of ...:backup-vault:shop-prod), what people call the resource. */
    public String resourceName() {
        String arn = result.resourceArn();
        if (arn != null && arn.startsWith("arn:aws:organizations::") && arn.contains(":account/") && accountName != null
                && arn.endsWith("/" + result.accountId())) {
            return "account " + accountName;
        }
        return FindingsText.resourceName(arn);
    }

    /** The evidence's sentence without the suppression note the audit appends (the detail shows the acceptance on its own). */
    public String summary() {
        return FindingsText.summaryWithoutSuppression(result);
    }
}
