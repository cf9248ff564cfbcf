package dev.redoubt.findings.restorability;

import dev.redoubt.estate.BackupVault;
import dev.redoubt.findings.EstateIndex;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A vault's lock as it protects the recovery points in it: none, governance (removable by whoever
 * may delete the lock configuration), compliance in its grace time (removable until its LockDate),
 * compliance past it (immutable: nobody, root included, can remove it), or not read. A logically
 * air-gapped vault is always locked in compliance mode.
 */
public record VaultLock(Mode mode, Instant lockDate, boolean immutable) {
    public enum Mode {
        NONE, GOVERNANCE, COMPLIANCE, UNKNOWN
    }

    public static final VaultLock NOT_READ = new VaultLock(Mode.UNKNOWN, null, false);

    /** The lock of a vault the estate holds, as of {@code at}. */
    public static VaultLock of(BackupVault v, Instant at) {
        if (v == null) {
            return NOT_READ;
        }
        if (EstateIndex.LAG_VAULT.equals(v.vaultType())) {
            Instant since = v.lockDate() != null ? v.lockDate() : v.creationDate();
            return new VaultLock(Mode.COMPLIANCE, since, true);
        }
        if (v.locked() == null) {
            return NOT_READ;
        }
        if (!v.locked()) {
            return new VaultLock(Mode.NONE, null, false);
        }
        if (v.lockDate() == null) {
            return new VaultLock(Mode.GOVERNANCE, null, false);
        }
        return new VaultLock(Mode.COMPLIANCE, v.lockDate(), at != null && !v.lockDate().isAfter(at));
    }

    /**
     * The lock of a copy job's destination vault the estate does not hold, from the job's
     * DestinationVaultType and DestinationVaultLockState: an air-gapped vault is immutable; any
     * other lock's mode and grace time are unknown.
     */
    public static VaultLock ofCopyJob(String destinationVaultType, String destinationVaultLockState) {
        if (EstateIndex.LAG_VAULT.equals(destinationVaultType)) {
            return new VaultLock(Mode.COMPLIANCE, null, true);
        }
        if ("UNLOCKED".equalsIgnoreCase(destinationVaultLockState)) {
            return new VaultLock(Mode.NONE, null, false);
        }
        return NOT_READ;
    }

    /** PASS when nobody can remove the lock, UNKNOWN when it was not read, FAIL otherwise. */
    public Outcome outcome() {
        return immutable ? Outcome.PASS : mode == Mode.UNKNOWN ? Outcome.UNKNOWN : Outcome.FAIL;
    }

    /** "Compliance lock, immutable since 3 Nov 2026", "Governance lock: can be removed", "Lock not read". */
    public String describe(ZoneId zone) {
        return switch (mode) {
            case NONE -> "No vault lock: recovery points can be deleted";
            case GOVERNANCE -> "Governance lock: whoever may delete the lock configuration can remove it";
            case COMPLIANCE -> immutable
                    ? "Compliance lock, immutable" + (lockDate == null ? "" : " since " + Texts.date(lockDate, zone))
                    : "Compliance lock in its grace time: it can be removed until " + Texts.date(lockDate, zone);
            case UNKNOWN -> "Lock not read";
        };
    }

    /** "compliance, immutable", "governance", "none", "not read": for tables. */
    public String shortText(ZoneId zone) {
        return switch (mode) {
            case NONE -> "no lock";
            case GOVERNANCE -> "governance lock";
            case COMPLIANCE -> immutable ? "compliance lock, immutable" : "compliance lock, removable until " + Texts.date(lockDate, zone);
            case UNKNOWN -> "lock not read";
        };
    }
}
