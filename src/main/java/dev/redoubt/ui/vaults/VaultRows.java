package dev.redoubt.ui.vaults;

import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.KeyAlias;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.EstateIndex.KeyRef;
import dev.redoubt.findings.EstateIndex.VaultRef;
import dev.redoubt.findings.access.VaultLock;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The vault table's rows: built from the catalog, then filtered by scope and text and sorted; pure, run off the UI thread. */
public final class VaultRows {
    private VaultRows() {
    }

    /** One row per vault of the estate, in the estate's order. */
    public static List<VaultRow> build(EstateCatalog catalog) {
        EstateIndex x = catalog.index();
        List<VaultRow> rows = new ArrayList<>(x.vaults().size());
        for (VaultRef v : x.vaults()) {
            if (v.arn() == null) {
                continue;
            }
            rows.add(row(catalog, v));
        }
        return rows;
    }

    static VaultRow row(EstateCatalog catalog, VaultRef v) {
        EstateIndex x = catalog.index();
        BackupVault b = v.vault();
        VaultLock lock = VaultLock.of(x, v);
        Duration grace = lock.untilImmutable(x.at());
        String name = b.backupVaultName() != null ? b.backupVaultName() : v.arn();
        String accountName = catalog.accountName(v.accountId());
        Long points = b.recoveryPoints() != null ? (Long) (long) b.recoveryPoints().size() : b.numberOfRecoveryPoints();
        String type = shortTypeText(b.vaultType());
        String key = keyText(x, b);
        String search = String.join(" ", name, v.arn(), v.accountId(), accountName, v.region(), typeText(b.vaultType()), lock.modeText(),
                        lock.stateText(), key)
                .toLowerCase(Locale.ROOT);
        return new VaultRow(v.arn(), name, v.accountId(), accountName, v.region(), type, lock, grace, b.minRetentionDays(), b.maxRetentionDays(),
                EstateIndex.AWS_OWNED_KEY.equals(b.encryptionKeyType()) ? null : b.encryptionKeyArn(), key, points,
                catalog.worstFailingInVault(v.arn()), search);
    }

    /** "Standard", "Logically air-gapped", "Restore access"; the API's value for a type Redoubt does not know. */
    public static String typeText(String vaultType) {
        if (vaultType == null || EstateIndex.STANDARD_VAULT.equals(vaultType)) {
            return "Standard";
        }
        return switch (vaultType) {
            case EstateIndex.LAG_VAULT -> "Logically air-gapped";
            case "RESTORE_ACCESS_BACKUP_VAULT" -> "Restore access";
            default -> vaultType;
        };
    }

    /** "Standard", "Air-gapped", "Restore access": for the table. */
    public static String shortTypeText(String vaultType) {
        return EstateIndex.LAG_VAULT.equals(vaultType) ? "Air-gapped" : typeText(vaultType);
    }

    /** The key as a short label: its first alias ("alias/shop-prod-data"), "AWS-owned key", the key ID, or "not read". */
    public static String keyText(EstateIndex x, BackupVault b) {
        if (EstateIndex.AWS_OWNED_KEY.equals(b.encryptionKeyType())) {
            return "AWS-owned key";
        }
        if (b.encryptionKeyArn() == null) {
            return "not read";
        }
        KeyRef k = x.key(b.encryptionKeyArn());
        if (k != null && k.key().aliases() != null) {
            for (KeyAlias a : k.key().aliases()) {
                if (a.aliasName() != null) {
                    return a.aliasName();
                }
            }
        }
        String arn = b.encryptionKeyArn();
        int slash = arn.lastIndexOf('/');
        return slash >= 0 ? "key/" + arn.substring(slash + 1) : arn;
    }

    /** The rows in scope whose text matches every word of the filter, sorted. */
    public static List<VaultRow> view(List<VaultRow> all, BrowseScope scope, String text, VaultSort sort) {
        String[] words = text == null || text.isBlank() ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<VaultRow> out = new ArrayList<>();
        for (VaultRow r : all) {
            if (scope != null && !scope.includes(r.accountId(), r.region(), r.arn())) {
                continue;
            }
            boolean match = true;
            for (String w : words) {
                if (!r.search().contains(w)) {
                    match = false;
                    break;
                }
            }
            if (match) {
                out.add(r);
            }
        }
        out.sort(sort.column().order(sort.ascending()));
        return out;
    }
}
