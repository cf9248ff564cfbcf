package dev.redoubt.drills;

import java.util.Map;

/** A StartRestoreJob request as a drill makes it. {@code idempotencyToken} is derived from the drill and member, so a retry never starts a second job. */
public record RestoreRequest(String accountId, String region, String recoveryPointArn, String resourceType, String iamRoleArn,
                             Map<String, String> metadata, String idempotencyToken) {
    public RestoreRequest {
        metadata = Map.copyOf(metadata);
    }
}
