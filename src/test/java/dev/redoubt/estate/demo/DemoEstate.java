package dev.redoubt.estate.demo;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.KmsKey;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.estate.Region;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Walks the demo estate for the tests: every (account, region), vault, key and recovery point. */
final class DemoEstate {
    static final Estate ESTATE = NorthwindDemo.build();

    record Place(Account account, String regionName, Region region) {
    }

    record VaultAt(Place place, BackupVault vault) {
        String accountId() {
            return place.account().id();
        }
    }

    record PointAt(VaultAt vault, RecoveryPoint point) {
    }

    private DemoEstate() {
    }

    static Stream<Place> places() {
        return ESTATE.accounts().stream()
                .flatMap(a -> a.regions().entrySet().stream().map(e -> new Place(a, e.getKey(), e.getValue())));
    }

    static Stream<VaultAt> vaults() {
        return places().flatMap(p -> p.region().backupVaults().stream().map(v -> new VaultAt(p, v)));
    }

    static Stream<PointAt> recoveryPoints() {
        return vaults().flatMap(v -> v.vault().recoveryPoints().stream().map(rp -> new PointAt(v, rp)));
    }

    static Stream<KmsKey> keys() {
        return places().flatMap(p -> p.region().kmsKeys().stream());
    }

    static Optional<KmsKey> key(String arn) {
        return keys().filter(k -> k.keyMetadata().arn().equals(arn)).findFirst();
    }

    static BackupVault vault(String name) {
        List<BackupVault> found = vaults().map(VaultAt::vault).filter(v -> v.backupVaultName().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one vault named " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    static Account account(String id) {
        return ESTATE.accounts().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** The account an ARN names (its fifth field), or null for ARNs without one (S3 buckets, EC2 snapshots). */
    static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : null;
    }

    /** The checks' default account-role convention (checks.md): a path containing "Prod" marks production. */
    static boolean isProduction(String accountId) {
        return ESTATE.accounts().stream().anyMatch(a -> a.id().equals(accountId) && a.organizationalUnit().contains("Prod"));
    }
}
