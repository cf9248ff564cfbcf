package dev.redoubt.services;

/** Something a scan could not read, with AWS's reason: the scope (ARN or account/region), the operation and the error. */
public record UnreadScope(String accountId, String region, String scope, String operation, String errorCode, String message) {
    /** True for scopes a cancelled scan did not finish (as opposed to what AWS refused). */
    public boolean cancelled() {
        return "ScanCancelled".equals(errorCode);
    }
}
