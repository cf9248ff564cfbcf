package dev.redoubt.estate.demo;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A resource AWS Backup protects, in its own account and region. */
final class ResourceSpec {
    final RegionSpec home;
    final ResourceKind kind;
    final String name;
    final String arn;
    final long sizeBytes;
    /** How the resource itself is encrypted (what EBS, EC2 and RDS backups keep); null: not encrypted. */
    private KeySpec key;
    private Instant backedUpUntil = Instant.MAX;

    ResourceSpec(RegionSpec home, ResourceKind kind, String name, long sizeBytes) {
        this.home = home;
        this.kind = kind;
        this.name = name;
        this.sizeBytes = sizeBytes;
        this.arn = kind.resourceArn(home.name, home.account.id, name);
    }

    static long gib(long n) {
        return n << 30;
    }

    ResourceSpec encryptedWith(KeySpec resourceKey) {
        key = resourceKey;
        return this;
    }

    KeySpec key() {
        return key;
    }

    /** The resource left its plans' selections (its tag was removed): no backups after this. */
    ResourceSpec backedUpUntil(String instant) {
        backedUpUntil = Instant.parse(instant);
        return this;
    }

    Instant backedUpUntil() {
        return backedUpUntil;
    }

    /** backup:DescribeProtectedResource, from this account's own recovery points and restores of the resource. */
    Json toProtectedResource(List<RecoveryPointSpec> ownRecoveryPoints, List<RestoreRun> restores) {
        RecoveryPointSpec last = ownRecoveryPoints.stream().max(Comparator.comparing(rp -> rp.created))
                .orElseThrow(() -> new IllegalStateException(name + " has no recovery point"));
        Optional<RestoreRun> latestRestore = restores.stream().max(Comparator.comparing(RestoreRun::created));
        return Json.object()
                .with("ResourceArn", arn)
                .with("ResourceType", kind.awsName)
                .with("LastBackupTime", last.created)
                .with("ResourceName", name)
                .with("LastBackupVaultArn", last.vault.arn)
                .with("LastRecoveryPointArn", last.arn)
                .with("LatestRestoreExecutionTimeMinutes", latestRestore.map(r -> r.minutes()).orElse(null))
                .with("LatestRestoreJobCreationDate", latestRestore.map(RestoreRun::created).orElse(null))
                .with("LatestRestoreRecoveryPointCreationDate", latestRestore.map(r -> r.recoveryPoint().created).orElse(null));
    }
}
