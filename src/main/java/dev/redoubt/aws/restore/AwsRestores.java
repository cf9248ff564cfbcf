package dev.redoubt.aws.restore;

import dev.redoubt.aws.AwsClients;
import dev.redoubt.drills.RestoreJobView;
import dev.redoubt.drills.RestoreMetadataView;
import dev.redoubt.drills.RestoreRequest;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.DescribeRestoreJobResponse;
import software.amazon.awssdk.services.backup.model.GetRecoveryPointRestoreMetadataResponse;

/**
 * The AWS Backup calls a restore drill makes, through the clients of the account that holds the
 * recovery point (built in {@link AwsClients}, so the endpoint override, retries, timeouts and, in
 * auditor mode, the read-only guard apply). SDK exceptions are left to the caller to translate.
 */
public final class AwsRestores {
    private final AwsClients clients;

    public AwsRestores(AwsClients clients) {
        this.clients = clients;
    }

    /**
     * GetRecoveryPointRestoreMetadata, and GetRestoreTestingInferredMetadata where AWS answers it
     * (inferred is null when it does not: that call is for restore testing and may be refused).
     */
    public RestoreMetadataView metadata(String region, String vaultName, String vaultAccountId, String recoveryPointArn) {
        BackupClient backup = clients.backup(region);
        GetRecoveryPointRestoreMetadataResponse r = backup.getRecoveryPointRestoreMetadata(b -> b.backupVaultName(vaultName)
                .backupVaultAccountId(vaultAccountId).recoveryPointArn(recoveryPointArn));
        Map<String, String> inferred = null;
        try {
            inferred = backup.getRestoreTestingInferredMetadata(b -> b.backupVaultName(vaultName).backupVaultAccountId(vaultAccountId)
                    .recoveryPointArn(recoveryPointArn)).inferredMetadata();
        } catch (AwsServiceException e) {
            inferred = null;
        }
        return new RestoreMetadataView(r.recoveryPointArn(), r.resourceType(), r.restoreMetadata(), inferred);
    }

    /** StartRestoreJob; the restore job's ID. */
    public String start(RestoreRequest request) {
        return clients.backup(request.region()).startRestoreJob(b -> b.recoveryPointArn(request.recoveryPointArn())
                .resourceType(request.resourceType()).iamRoleArn(request.iamRoleArn()).metadata(request.metadata())
                .idempotencyToken(request.idempotencyToken())).restoreJobId();
    }

    /** DescribeRestoreJob. */
    public RestoreJobView describe(String region, String restoreJobId) {
        DescribeRestoreJobResponse r = clients.backup(region).describeRestoreJob(b -> b.restoreJobId(restoreJobId));
        return new RestoreJobView(r.restoreJobId(), r.accountId(), r.statusAsString(), r.statusMessage(), percent(r.percentDone()),
                r.expectedCompletionTimeMinutes(), r.creationDate(), r.completionDate(), r.createdResourceArn(), r.resourceType(),
                r.recoveryPointArn(), r.iamRoleArn(), r.validationStatusAsString(), r.validationStatusMessage());
    }

    /** PutRestoreValidationResult with SUCCESSFUL or FAILED and the operator's message. */
    public void putValidation(String region, String restoreJobId, boolean successful, String message) {
        clients.backup(region).putRestoreValidationResult(b -> b.restoreJobId(restoreJobId)
                .validationStatus(successful ? "SUCCESSFUL" : "FAILED").validationStatusMessage(message));
    }

    /** "42.50%" (AWS's form) or "42.5" as a number; null when absent or not a number. */
    static Double percent(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.trim().replace("%", "").toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
