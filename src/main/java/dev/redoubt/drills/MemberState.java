package dev.redoubt.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A drill member as its journal entries leave it. Any member may be null/empty until its step was
 * journaled. {@code rto}: the restore job's completion minus its creation, AWS's times; {@code rpo}: the
 * chosen point's age when its restore started.
 */
public record MemberState(DrillMember member, String recoveryPointArn, Instant pointCreated, List<PreflightItem> preflight,
                          String iamRoleArn, Map<String, String> metadata, String restoreJobId, RestoreJobView lastSeen,
                          String jobStatus, String jobStatusMessage, String createdResourceArn, Duration rto, Duration rpo,
                          Validation validation, String validationSentToAws, List<String> cleanedUp, boolean cleanUpConfirmed) {
}
