package dev.redoubt.estate.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A backup vault as DescribeBackupVault shows it, with its policy, notifications, recovery points and restore-access vaults. */
final class VaultSpec {
    static final String STANDARD = "BACKUP_VAULT";
    static final String AIR_GAPPED = "LOGICALLY_AIR_GAPPED_BACKUP_VAULT";
    static final String RESTORE_ACCESS = "RESTORE_ACCESS_BACKUP_VAULT";

    final RegionSpec home;
    final String name;
    final String arn;
    final String type;
    /** Null: an AWS-owned key (air-gapped and restore-access vaults), or no key at all (a standard vault). */
    final KeySpec key;
    final Instant created;
    private boolean locked;
    private Long minRetentionDays;
    private Long maxRetentionDays;
    private Instant lockDate;
    private Policy accessPolicy;
    private List<String> notifiedEvents;
    private ApprovalTeamSpec approvalTeam;
    private SessionSpec latestTeamUpdate;
    private VaultSpec source;
    private SessionSpec accessApproval;
    private SessionSpec revokeRequest;
    private final List<VaultSpec> restoreAccessVaults = new ArrayList<>();
    private final List<RecoveryPointSpec> recoveryPoints = new ArrayList<>();
    private final List<OnDemand> onDemand = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    /** Backups someone started by hand: of {@code resource}, or copies of its backups from {@code copiedFrom}. */
    private record OnDemand(ResourceSpec resource, VaultSpec copiedFrom, int deleteAfterDays, List<Instant> times) {
    }

    VaultSpec(RegionSpec home, String name, String type, KeySpec key, Instant created) {
        this.home = home;
        this.name = name;
        this.type = type;
        this.key = key;
        this.created = created;
        this.arn = Arns.vault(home.name, home.account.id, name);
        if (!type.equals(STANDARD)) {
            // AWS locks air-gapped vaults in compliance mode from the start
            locked = true;
            lockDate = created;
        }
    }

    String account() {
        return home.account.id;
    }

    String region() {
        return home.name;
    }

    boolean isAirGapped() {
        return type.equals(AIR_GAPPED);
    }

    boolean hasAwsOwnedKey() {
        return !type.equals(STANDARD) && key == null;
    }

    /** AWS reports the key type for air-gapped and restore-access vaults. */
    String encryptionKeyType() {
        if (type.equals(STANDARD)) {
            return null;
        }
        return key == null ? "AWS_OWNED_KMS_KEY" : "CUSTOMER_MANAGED_KMS_KEY";
    }

    boolean isLocked() {
        return locked;
    }

    /** A Vault Lock without a grace time: governance mode, removable by anyone allowed to delete lock configurations. */
    VaultSpec governanceLock(long minDays, Long maxDays) {
        return lock(minDays, maxDays, null);
    }

    /** A Vault Lock in compliance mode: changeable until {@code lockDate}, immutable after. */
    VaultSpec complianceLock(long minDays, Long maxDays, String lockDate) {
        return lock(minDays, maxDays, Instant.parse(lockDate));
    }

    /** The retention bounds of an air-gapped vault (locked in compliance mode since its creation). */
    VaultSpec retention(long minDays, long maxDays) {
        return lock(minDays, maxDays, created);
    }

    private VaultSpec lock(long minDays, Long maxDays, Instant date) {
        locked = true;
        minRetentionDays = minDays;
        maxRetentionDays = maxDays;
        lockDate = date;
        return this;
    }

    VaultSpec accessPolicy(Policy policy) {
        accessPolicy = policy;
        return this;
    }

    /** Sends these events to the account's backup-alerts topic. */
    VaultSpec notifies(List<String> events) {
        notifiedEvents = List.copyOf(events);
        return this;
    }

    VaultSpec tag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    /** Associates an approval team; {@code change} is the session that approved (or still has to approve) it. */
    VaultSpec approvalTeam(ApprovalTeamSpec team, SessionSpec change) {
        approvalTeam = team;
        latestTeamUpdate = change;
        return this;
    }

    /** A change of approval team that is still in flight (the current team stays until it is approved). */
    VaultSpec teamChange(SessionSpec change) {
        latestTeamUpdate = change;
        return this;
    }

    /** Makes this a restore-access vault onto {@code airGapped}, opened by the approved session. */
    void openedFrom(VaultSpec airGapped, SessionSpec approval) {
        source = airGapped;
        accessApproval = approval;
        locked = airGapped.locked;
        minRetentionDays = airGapped.minRetentionDays;
        maxRetentionDays = airGapped.maxRetentionDays;
        airGapped.restoreAccessVaults.add(this);
    }

    /** Someone asked to revoke this restore-access vault; the session says how far that got. */
    VaultSpec revokeRequested(SessionSpec revoke) {
        revokeRequest = revoke;
        return this;
    }

    VaultSpec onDemand(ResourceSpec resource, int deleteAfterDays, String... times) {
        onDemand.add(new OnDemand(resource, null, deleteAfterDays, instants(times)));
        return this;
    }

    VaultSpec onDemandCopies(ResourceSpec resource, VaultSpec from, int deleteAfterDays, String... times) {
        onDemand.add(new OnDemand(resource, from, deleteAfterDays, instants(times)));
        return this;
    }

    private static List<Instant> instants(String... times) {
        return Arrays.stream(times).map(Instant::parse).toList();
    }

    void runOnDemand(Simulation sim) {
        for (OnDemand job : onDemand) {
            for (Instant at : job.times()) {
                sim.recoveryPoint(job.resource(), this, at, job.deleteAfterDays(), null, job.copiedFrom());
            }
        }
    }

    void add(RecoveryPointSpec recoveryPoint) {
        recoveryPoints.add(recoveryPoint);
    }

    List<RecoveryPointSpec> recoveryPoints() {
        return recoveryPoints;
    }

    Json toJson() {
        List<Json> points = recoveryPoints.stream()
                .sorted(Comparator.comparing((RecoveryPointSpec rp) -> rp.created).reversed().thenComparing(rp -> rp.arn))
                .map(RecoveryPointSpec::toJson).toList();
        Json vault = Json.object()
                .with("BackupVaultName", name)
                .with("BackupVaultArn", arn)
                .with("VaultType", type)
                .with("VaultState", "AVAILABLE")
                .with("EncryptionKeyArn", key == null ? null : key.arn)
                .with("EncryptionKeyType", encryptionKeyType())
                .with("CreationDate", created)
                .with("NumberOfRecoveryPoints", (long) points.size())
                .with("Locked", locked)
                .with("MinRetentionDays", minRetentionDays)
                .with("MaxRetentionDays", maxRetentionDays)
                .with("LockDate", lockDate)
                .with("SourceBackupVaultArn", source == null ? null : source.arn)
                .with("MpaApprovalTeamArn", approvalTeam == null ? null : approvalTeam.arn)
                .with("MpaSessionArn", accessApproval == null ? null : accessApproval.arn)
                .with("LatestMpaApprovalTeamUpdate", latestTeamUpdate == null ? null : latestTeamUpdate.asBackupUpdate())
                .with("Tags", tags.isEmpty() ? null : tags);
        if (accessPolicy == null) {
            vault.withNone("AccessPolicy");
        } else {
            vault.with("AccessPolicy", accessPolicy.compact());
        }
        if (notifiedEvents == null) {
            vault.withNone("Notifications");
        } else {
            vault.with("Notifications", Json.object()
                    .with("BackupVaultName", name)
                    .with("BackupVaultArn", arn)
                    .with("SNSTopicArn", Arns.snsTopic(region(), account(), "backup-alerts"))
                    .with("BackupVaultEvents", notifiedEvents));
        }
        return vault.with("RecoveryPoints", points)
                .with("RestoreAccessBackupVaults", restoreAccessVaults.stream().map(VaultSpec::asRestoreAccessMember).toList());
    }

    private Json asRestoreAccessMember() {
        return Json.object()
                .with("RestoreAccessBackupVaultArn", arn)
                .with("CreationDate", created)
                .with("ApprovalDate", accessApproval.completed())
                .with("VaultState", "AVAILABLE")
                .with("LatestRevokeRequest", revokeRequest == null ? null : revokeRequest.asBackupUpdate());
    }
}
