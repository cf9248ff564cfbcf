package dev.redoubt.drills;

import java.time.Duration;
import java.time.Instant;

/**
 * A recovery point a member could be restored from: where it is, when it was made, its age now (the
 * RPO restoring it gives), its status, key, whether Redoubt suggests it (the newest COMPLETED point with
 * no failing finding) and why not when it does not.
 */
public record RecoveryPointChoice(String recoveryPointArn, String vaultArn, String vaultName, String vaultAccountId, String region,
                                  Instant created, Duration age, String status, String encryptionKeyArn, boolean suggested,
                                  String note) {
}
