package dev.redoubt.findings;

import dev.redoubt.findings.checks.*;
import java.util.List;
import java.util.Optional;

/** The catalogue: every tier-1 check of checks.md, in catalogue order (ENC, ACC, IMM, ISO, RST, MPA). */
public final class Checks {
    private static final List<Check> ALL = List.of(
            new Enc01UnencryptedRecoveryPoint(),
            new Enc02VaultWithoutKey(),
            new Enc03AwsManagedVaultKey(),
            new Enc04SourceAccountKey(),
            new Enc05KeyDisabledOrPendingDeletion(),
            new Enc06KeyRotationDisabled(),
            new Enc07PublicKeyPolicy(),
            new Acc01ManualDeletionNotDenied(),
            new Acc02VaultAdministrationOpen(),
            new Acc03VaultPolicyOutsideOrganization(),
            new Acc05WorkloadAccountCanDecrypt(),
            new Acc07ForeignKeyGrants(),
            new Acc08NoVaultNotifications(),
            new Acc11NoReportPlan(),
            new Acc12WorkloadAccountCanAdministerKey(),
            new Imm01VaultNotLocked(),
            new Imm02GovernanceModeLock(),
            new Imm03LockInGraceTime(),
            new Imm04LockRetentionBounds(),
            new Imm05ShortRecoveryPointRetention(),
            new Imm06WeakPlanRule(),
            new Imm07NeverExpiringInComplianceVault(),
            new Iso01NoCrossAccountCopy(),
            new Iso02NoCrossRegionCopy(),
            new Iso03NoAirGappedCopy(),
            new Iso04CopiesOnlyInOwnAccount(),
            new Iso07AirGappedKeyInWorkloadAccount(),
            new Iso08VaultAccountClosing(),
            new Rst01NoRestoreTestingPlan(),
            new Rst02RestoreTestStale(),
            new Rst03UntestedVault(),
            new Rst04RestoreTestJobsUnhealthy(),
            new Rst05RestoreTooSlow(),
            new Rst06NeverRestored(),
            new Rst07StaleLastBackup(),
            new Mpa01AirGappedVaultWithoutTeam(),
            new Mpa02MpaNotEnabled(),
            new Mpa03ApprovalTeamUnhealthy(),
            new Mpa04UnsafeApprovalThreshold(),
            new Mpa06PendingTeamChange(),
            new Mpa07RestoreAccessLeftOpen()
    );

    private Checks() {
    }

    /** Every check, in catalogue order. The checks are stateless, so one list serves every audit. */
    public static List<Check> all() {
        return ALL;
    }

    public static Optional<Check> byId(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
