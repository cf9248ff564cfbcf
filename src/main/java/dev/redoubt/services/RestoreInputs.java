package dev.redoubt.services;

import java.util.Map;

/** What the operator set for a member's restore before preflight: the restore role and the restore metadata (edited). Either may be null: Redoubt proposes one. */
public record RestoreInputs(String iamRoleArn, Map<String, String> metadata) {
    public RestoreInputs {
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }
}
