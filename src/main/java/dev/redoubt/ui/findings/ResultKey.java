package dev.redoubt.ui.findings;

import dev.redoubt.findings.Result;

/** What identifies a result across audits (a suppression added or lifted gives new Result objects for the same verdict). */
public record ResultKey(String checkId, String accountId, String region, String resourceArn) {
    public static ResultKey of(Result r) {
        return new ResultKey(r.checkId(), r.accountId(), r.region(), r.resourceArn());
    }
}
