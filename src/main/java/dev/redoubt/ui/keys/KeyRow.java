package dev.redoubt.ui.keys;

import dev.redoubt.findings.Severity;
import dev.redoubt.findings.access.KeyKind;
import java.util.List;

/**
 * One line of the keys list: a key of the estate, or a key that vaults and recovery points use but
 * the estate does not hold (AWS-owned keys, keys of accounts that were not scanned), said so.
 *
 * @param id          what the key's page is opened with: its ARN, or {@code aws-owned:<vault ARN>} for an
 *                    AWS-owned key whose ARN AWS does not tell
 * @param arn         the key's ARN, null when not known
 * @param name        the alias ("alias/central-backup"), else the key ID, else "AWS-owned key"
 * @param subtitle    the line under the name: the key ID, or the vault an AWS-owned key serves
 * @param kindText    "Customer-managed", "AWS-managed", "AWS-owned", "Not in the scan"
 * @param state       "Enabled", "Disabled", "Deletion on 4 Dec 2026", "not read"...
 * @param stateLevel  "good", "warn", "bad" or "unknown", for the state's colour
 * @param deletion    the day a key pending deletion goes ("4 Dec 2026"), else null
 * @param vaults      the vaults whose key it is or whose recovery points it encrypts (ARNs)
 * @param vaultsDetail the line under the first vault: "and 2 more", "in northwind-backup" (another account), or ""
 * @param points      how many recovery points it encrypts
 * @param worst       the worst failing finding about the key, or null
 * @param inEstate    false for keys the estate does not hold
 */
public record KeyRow(String id, String arn, String name, String subtitle, String keyId, String description, String accountId, String account, String region,
                     KeyKind kind, String kindText, String state, String stateLevel, String deletion, String rotation, String multiRegion,
                     List<String> vaults, List<String> vaultNames, String vaultsDetail, long points, Severity worst, boolean inEstate,
                     String search) {
    public KeyRow {
        vaults = List.copyOf(vaults);
        vaultNames = List.copyOf(vaultNames);
    }

    /** "central-eu-west-1", "3 vaults", "—". */
    public String vaultsText() {
        return vaultNames.isEmpty() ? "—" : vaultNames.size() == 1 ? vaultNames.get(0) : vaultNames.size() + " vaults";
    }

    /** The line under the state: the deletion date of a key pending deletion (then rotation does not matter), else its rotation. */
    public String stateLine() {
        return deletion != null ? "Deletion on " + deletion : rotationLine();
    }

    /** The rotation as the line under the state: "Rotates every 365 days", "Not rotated", "Cannot rotate (imported)". */
    public String rotationLine() {
        if (rotation == null || rotation.equals("not read")) {
            return "Rotation not read";
        }
        if (rotation.startsWith("Every")) {
            return "Rotates e" + rotation.substring(1);
        }
        return switch (rotation) {
            case "Off" -> "Not rotated";
            case "On" -> "Rotates";
            case "By AWS", "Yearly, by AWS" -> "Rotated by AWS";
            case "Not possible (imported material)" -> "Cannot rotate (imported)";
            default -> rotation;
        };
    }

    /** Multi-Region as the line under the kind: "Single-Region", "Multi-Region primary", "" when it does not apply. */
    public String regionsLine() {
        if (multiRegion == null || multiRegion.equals("—")) {
            return "";
        }
        return switch (multiRegion) {
            case "No" -> "Single-Region";
            case "Primary" -> "Multi-Region primary";
            case "Replica" -> "Multi-Region replica";
            case "Yes" -> "Multi-Region";
            default -> "Multi-Region " + multiRegion;
        };
    }

    /** The first vault's name, for the table's first line; "—" for none. */
    public String firstVault() {
        return vaultNames.isEmpty() ? "—" : vaultNames.get(0);
    }

    /** "northwind-backup (536470192834)", or the ID alone. */
    public String accountText() {
        if (accountId == null || accountId.isEmpty()) {
            return account == null ? "—" : account;
        }
        return account == null || account.equals(accountId) ? accountId : account + " (" + accountId + ")";
    }
}
