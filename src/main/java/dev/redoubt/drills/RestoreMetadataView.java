package dev.redoubt.drills;

import java.util.Map;

/**
 * What AWS answers about restoring a point: GetRecoveryPointRestoreMetadata's metadata (the
 * resource's original configuration) and, where AWS gives it, GetRestoreTestingInferredMetadata's
 * minimal set (null when not available).
 */
public record RestoreMetadataView(String recoveryPointArn, String resourceType, Map<String, String> restoreMetadata,
                                  Map<String, String> inferred) {
}
