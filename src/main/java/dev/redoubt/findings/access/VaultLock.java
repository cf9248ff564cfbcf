package dev.redoubt.findings.access;

import dev.redoubt.estate.BackupVault;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.VaultRef;
import java.time.Duration;
import java.time.Instant;

/**
 * A vault's lock as AWS Backup enforces it at one instant (Vault Lock,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html): none, governance mode
 * (Locked without a LockDate: removable by whoever is allowed backup:DeleteBackupVaultLockConfiguration),
 * compliance mode in its grace time (removable until the LockDate), compliance mode past its LockDate
 * (immutable: nobody, root included, can remove it, delete recovery points or shorten their
 * lifecycle), and logically air-gapped vaults, which AWS always locks in compliance mode. Any lock in
 * place refuses DeleteRecoveryPoint and lifecycle updates while it holds (DescribeBackupVault:
 * "If true, Vault Lock prevents delete and update operations on the recovery points").
 */
public record VaultLock(Mode mode, Instant lockDate, Long minRetentionDays, Long maxRetentionDays) {

    public enum Mode {
        /** Locked was not read: nothing can be said. */
        NOT_READ,
        NONE,
        GOVERNANCE,
        COMPLIANCE_GRACE,
        COMPLIANCE_IMMUTABLE,
        AIR_GAPPED
    }

    public static VaultLock of(VaultRef v, Instant at) {
        BackupVault b = v.vault();
        Mode mode;
        if (v.isAirGapped()) {
            mode = Mode.AIR_GAPPED;
        } else if (b.locked() == null) {
            mode = Mode.NOT_READ;
        } else if (!b.locked()) {
            mode = Mode.NONE;
        } else if (b.lockDate() == null) {
            mode = Mode.GOVERNANCE;
        } else if (b.lockDate().isAfter(at)) {
            mode = Mode.COMPLIANCE_GRACE;
        } else {
            mode = Mode.COMPLIANCE_IMMUTABLE;
        }
        return new VaultLock(mode, b.lockDate(), b.minRetentionDays(), b.maxRetentionDays());
    }

    public static VaultLock of(EstateIndex x, VaultRef v) {
        return of(v, x.at());
    }

    /** True when a lock is in place, so DeleteRecoveryPoint and lifecycle updates are refused while it holds. */
    public boolean locked() {
        return mode != Mode.NONE && mode != Mode.NOT_READ;
    }

    /** A governance lock, or a compliance lock still in its grace time. */
    public boolean removable() {
        return mode == Mode.GOVERNANCE || mode == Mode.COMPLIANCE_GRACE;
    }

    /** A compliance lock past its LockDate, or an air-gapped vault: nobody can remove it. */
    public boolean immutable() {
        return mode == Mode.COMPLIANCE_IMMUTABLE || mode == Mode.AIR_GAPPED;
    }

    /** The time left until a compliance lock in its grace time becomes immutable; null in any other mode. */
    public Duration untilImmutable(Instant at) {
        return mode == Mode.COMPLIANCE_GRACE && lockDate != null ? Duration.between(at, lockDate) : null;
    }

    /** "Compliance", "Governance", "None", "Not read", "Compliance (air-gapped)". */
    public String modeText() {
        return switch (mode) {
            case NOT_READ -> "Not read";
            case NONE -> "None";
            case GOVERNANCE -> "Governance";
            case COMPLIANCE_GRACE, COMPLIANCE_IMMUTABLE -> "Compliance";
            case AIR_GAPPED -> "Compliance (air-gapped)";
        };
    }

    /** "Compliance, immutable", "Compliance, grace time", "Governance", "None", "Not read": for tables. */
    public String shortText() {
        return switch (mode) {
            case NOT_READ -> "Not read";
            case NONE -> "None";
            case GOVERNANCE -> "Governance";
            case COMPLIANCE_GRACE -> "Compliance, grace time";
            case COMPLIANCE_IMMUTABLE, AIR_GAPPED -> "Compliance, immutable";
        };
    }

    /** "immutable since 13 Feb 2025", "grace time: immutable on 1 Dec 2026, 10:15 UTC", "removable", "not locked", "not read". */
    public String stateText() {
        return switch (mode) {
            case NOT_READ -> "not read";
            case NONE -> "not locked";
            case GOVERNANCE -> "removable";
            case COMPLIANCE_GRACE -> "grace time: immutable on " + AccessText.dateTime(lockDate);
            case COMPLIANCE_IMMUTABLE -> "immutable since " + AccessText.date(lockDate);
            case AIR_GAPPED -> lockDate == null ? "immutable" : "immutable since " + AccessText.date(lockDate);
        };
    }

    /** The state in a sentence, without the mode: "Immutable since 13 Feb 2025: nobody, root included, can remove it". */
    public String stateSentence() {
        return switch (mode) {
            case NOT_READ -> "Not read: whether the vault is locked is unknown";
            case NONE -> "Not locked";
            case GOVERNANCE -> "Removable by anyone allowed backup:DeleteBackupVaultLockConfiguration";
            case COMPLIANCE_GRACE -> "In its grace time: removable by anyone allowed backup:DeleteBackupVaultLockConfiguration until "
                    + AccessText.dateTime(lockDate) + ", immutable after";
            case COMPLIANCE_IMMUTABLE, AIR_GAPPED -> (lockDate == null ? "Immutable" : "Immutable since " + AccessText.date(lockDate))
                    + ": nobody, root included, can remove it or delete recovery points before their retention ends";
        };
    }

    /** One sentence: "Compliance lock, immutable since 13 Feb 2025". */
    public String text() {
        return switch (mode) {
            case NOT_READ -> "Lock not read";
            case NONE -> "Not locked";
            case GOVERNANCE -> "Governance lock, removable by anyone allowed backup:DeleteBackupVaultLockConfiguration";
            case COMPLIANCE_GRACE -> "Compliance lock in its grace time: removable until it becomes immutable on " + AccessText.dateTime(lockDate);
            case COMPLIANCE_IMMUTABLE -> "Compliance lock, immutable since " + AccessText.date(lockDate);
            case AIR_GAPPED -> "Logically air-gapped: AWS locks it in compliance mode" + (lockDate == null ? "" : ", immutable since " + AccessText.date(lockDate));
        };
    }

    /** "7–400 days", "≥ 30 days", "≤ 120 days", "none", "—": for tables. */
    public String retentionShort() {
        if (minRetentionDays == null && maxRetentionDays == null) {
            return locked() ? "none" : "\u2014";
        }
        if (maxRetentionDays == null) {
            return "\u2265 " + AccessText.days(minRetentionDays);
        }
        if (minRetentionDays == null) {
            return "\u2264 " + AccessText.days(maxRetentionDays);
        }
        return minRetentionDays + "\u2013" + AccessText.days(maxRetentionDays);
    }

    /** "7 to 400 days", "at least 30 days", "at most 120 days", "no bounds". */
    public String retentionText() {
        if (minRetentionDays == null && maxRetentionDays == null) {
            return locked() ? "no bounds" : "—";
        }
        if (maxRetentionDays == null) {
            return "at least " + AccessText.days(minRetentionDays);
        }
        if (minRetentionDays == null) {
            return "at most " + AccessText.days(maxRetentionDays);
        }
        return minRetentionDays + " to " + AccessText.days(maxRetentionDays);
    }
}
