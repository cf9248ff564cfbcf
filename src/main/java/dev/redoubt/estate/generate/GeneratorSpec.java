package dev.redoubt.estate.generate;

import java.time.Instant;

/** The shape of a generated estate: accounts x regions x vaults per region, and recovery points across the estate. */
public record GeneratorSpec(int accounts, int regions, int vaultsPerRegion, int recoveryPoints, long seed, Instant capturedAt) {
    public static final int MAX_REGIONS = EstateGenerator.REGIONS.size();
    public static final Instant DEFAULT_CAPTURED_AT = Instant.parse("2026-11-28T09:00:00Z");

    public GeneratorSpec {
        require(accounts >= 1 && accounts <= 10_000, "--accounts must be between 1 and 10000, not " + accounts);
        require(regions >= 1 && regions <= MAX_REGIONS, "--regions must be between 1 and " + MAX_REGIONS + ", not " + regions);
        require(vaultsPerRegion >= 1 && vaultsPerRegion <= 1_000, "--vaults-per-region must be between 1 and 1000, not " + vaultsPerRegion);
        require(recoveryPoints >= 0 && recoveryPoints <= 20_000_000, "--recovery-points must be between 0 and 20000000, not " + recoveryPoints);
        if (capturedAt == null) {
            capturedAt = DEFAULT_CAPTURED_AT;
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
