package dev.redoubt.ui.recoverypoints;

import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;
import java.time.Instant;

/**
 * One recovery point as the table lists it: the point as read, its vault, resource and key (shared
 * by every row of the same one, with their lower-cased search texts made once), its position in
 * the default order (newest first) and in the estate ({@code index}; both -1 for a row made for one
 * page), and whether a copy of its resource exists in another account or region. Immutable.
 */
public record PointRow(RecoveryPoint point, Vault vault, Resource resource, Key key, int position, int index, boolean copyElsewhere) {

    /** A vault as the rows share it. */
    public record Vault(int id, EstateIndex.VaultRef ref, String arn, String name, String accountId, String accountName, String region,
                        String search) {
        /** Short: the vault's record holds all its recovery points. */
        @Override
        public String toString() {
            return "Vault[" + arn + "]";
        }
    }

    /** A protected resource as the rows share it (type and name as its points report them). */
    public record Resource(int id, String arn, String name, String search) {
    }

    /** A key as the rows share it: its canonical ARN (null for an AWS-owned key), a short label, and whether AWS owns it. */
    public record Key(int id, String arn, String label, boolean awsOwned, String search) {
    }

    public String arn() {
        return point.recoveryPointArn();
    }

    /** Short, for messages: the ARN, the resource and the vault (the records behind them are large). */
    @Override
    public String toString() {
        return "PointRow[" + arn() + ", " + resourceName() + ", " + vault.name() + ", #" + position + "]";
    }

    public EstateIndex.PointRef ref() {
        return new EstateIndex.PointRef(vault.ref(), point);
    }

    public String resourceArn() {
        return resource == null ? null : resource.arn();
    }

    /** The resource's name, else the last part of its ARN; "not read" when neither was. */
    public String resourceName() {
        return resource == null ? "not read" : resource.name();
    }

    public String type() {
        return point.resourceType();
    }

    public String status() {
        return point.status();
    }

    public Instant created() {
        return point.creationDate();
    }

    public Instant deleteAt() {
        return point.calculatedLifecycle() == null ? null : point.calculatedLifecycle().deleteAt();
    }

    public Long size() {
        return point.backupSizeInBytes();
    }

    public Encryption encryption() {
        return Encryption.of(point);
    }
}
