package dev.redoubt.ui.palette;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.KeyAlias;
import dev.redoubt.estate.RecoveryPoint;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.services.EstateCatalog;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What Ctrl+K searches: every account, vault, key (by alias, ID and ARN), protected resource,
 * backup plan and restore testing plan of the estate, built once per catalog off the UI thread;
 * and recovery points by their exact ARN. Ranking: a title that starts with the query, then a
 * title that contains it, then an ID or ARN that contains it; accounts and vaults before the rest.
 */
final class PaletteIndex {
    static final int LIMIT = 50;

    private final EstateCatalog catalog;
    private final List<PaletteEntry> entries = new ArrayList<>();

    private PaletteIndex(EstateCatalog catalog) {
        this.catalog = catalog;
        EstateIndex x = catalog.index();
        for (Account a : x.estate().accounts() == null ? List.<Account>of() : x.estate().accounts()) {
            String name = catalog.accountName(a.id());
            add("Account", name, a.id() + (a.organizationalUnit() == null ? "" : " · " + a.organizationalUnit()), Place.of(Destinations.ORGANIZATION, a.id()),
                    name, a.id(), a.arn());
        }
        for (EstateIndex.VaultRef v : x.vaults()) {
            if (v.arn() == null) {
                continue;
            }
            add("Vault", v.vault().backupVaultName(), catalog.accountName(v.accountId()) + " · " + v.region(), Place.of(Destinations.VAULTS, v.arn()),
                    v.vault().backupVaultName(), v.arn());
        }
        for (EstateIndex.KeyRef k : x.keys()) {
            String alias = null;
            List<String> keys = new ArrayList<>();
            for (KeyAlias a : k.key().aliases() == null ? List.<KeyAlias>of() : k.key().aliases()) {
                if (a.aliasName() != null) {
                    alias = alias == null ? a.aliasName() : alias;
                    keys.add(a.aliasName());
                }
            }
            String id = k.key().keyMetadata().keyId();
            keys.add(id);
            keys.add(k.arn());
            add("Key", alias != null ? alias : id, catalog.accountName(k.accountId()) + " · " + k.region() + " · " + id,
                    Place.of(Destinations.KEYS, k.arn()), keys.toArray(String[]::new));
        }
        Set<String> resources = new HashSet<>();
        for (EstateIndex.ResourceRef r : x.protectedResources()) {
            String arn = r.resource().resourceArn();
            if (resources.add(arn)) {
                String name = r.resource().resourceName() != null && !r.resource().resourceName().isBlank() ? r.resource().resourceName() : shortName(arn);
                add("Resource", name, (r.resource().resourceType() == null ? "" : r.resource().resourceType() + " · ")
                        + catalog.accountName(r.ownerAccountId()) + " · " + r.ownerRegion(), Place.of(Destinations.RECOVERY_POINTS, "resource=" + arn), name, arn);
            }
        }
        // Resources with recovery points but no protected-resource entry (other accounts' copies) are found too.
        for (EstateIndex.VaultRef v : x.vaults()) {
            for (RecoveryPoint p : v.points()) {
                String arn = p.resourceArn();
                if (arn != null && resources.add(arn)) {
                    String name = p.resourceName() != null && !p.resourceName().isBlank() ? p.resourceName() : shortName(arn);
                    add("Resource", name, (p.resourceType() == null ? "" : p.resourceType() + " · ") + "recovery points in " + v.vault().backupVaultName(),
                            Place.of(Destinations.RECOVERY_POINTS, "resource=" + arn), name, arn);
                }
            }
        }
        for (EstateIndex.PlanRef p : x.plans()) {
            if (p.plan().backupPlanArn() == null) {
                continue;
            }
            String name = p.plan().backupPlan() != null && p.plan().backupPlan().backupPlanName() != null ? p.plan().backupPlan().backupPlanName()
                    : p.plan().backupPlanId();
            add("Backup plan", name, catalog.accountName(p.where().accountId()) + " · " + p.where().region(),
                    Place.of(Destinations.PLANS, p.plan().backupPlanArn()), name, p.plan().backupPlanId(), p.plan().backupPlanArn());
        }
        for (EstateIndex.TestPlanRef t : x.restoreTestingPlans()) {
            if (t.plan().restoreTestingPlanArn() == null) {
                continue;
            }
            add("Restore testing plan", t.plan().restoreTestingPlanName(), catalog.accountName(t.where().accountId()) + " · " + t.where().region(),
                    Place.of(Destinations.RESTORE_TESTS, t.plan().restoreTestingPlanArn()), t.plan().restoreTestingPlanName(),
                    t.plan().restoreTestingPlanArn());
        }
    }

    static PaletteIndex of(EstateCatalog catalog) {
        return new PaletteIndex(catalog);
    }

    EstateCatalog catalog() {
        return catalog;
    }

    int size() {
        return entries.size();
    }

    /** The best {@link #LIMIT} matches of a query (any case); a recovery point's exact ARN finds it. */
    List<PaletteEntry> search(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<PaletteEntry> starts = new ArrayList<>();
        List<PaletteEntry> inTitle = new ArrayList<>();
        List<PaletteEntry> inKey = new ArrayList<>();
        if (q.startsWith("arn:") && catalog.point(query.trim()) != null) {
            EstateIndex.PointRef p = catalog.point(query.trim());
            starts.add(new PaletteEntry("Recovery point", shortName(p.point().resourceArn()), p.vault().vault().backupVaultName() + " · "
                    + catalog.accountName(p.vault().accountId()) + " · " + p.vault().region(), Place.of(Destinations.RECOVERY_POINTS, query.trim()), q));
        }
        for (PaletteEntry e : entries) {
            if (q.isEmpty()) {
                if (starts.size() < LIMIT && !e.kind().equals("Resource")) {
                    starts.add(e);
                }
                continue;
            }
            String title = e.title() == null ? "" : e.title().toLowerCase(Locale.ROOT);
            if (title.startsWith(q)) {
                starts.add(e);
            } else if (title.contains(q)) {
                inTitle.add(e);
            } else if (e.key().contains(q)) {
                inKey.add(e);
            }
            if (starts.size() >= LIMIT) {
                break;
            }
        }
        List<PaletteEntry> out = new ArrayList<>(starts);
        for (List<PaletteEntry> more : List.of(inTitle, inKey)) {
            for (PaletteEntry e : more) {
                if (out.size() >= LIMIT) {
                    return out;
                }
                out.add(e);
            }
        }
        return out.size() > LIMIT ? out.subList(0, LIMIT) : out;
    }

    private void add(String kind, String title, String detail, Place place, String... keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            if (k != null) {
                b.append(k.toLowerCase(Locale.ROOT)).append('\n');
            }
        }
        entries.add(new PaletteEntry(kind, title == null ? "(unnamed)" : title, detail, place, b.toString()));
    }

    /** The last part of an ARN ("orders-db" of arn:aws:rds:...:db:orders-db). */
    static String shortName(String arn) {
        if (arn == null) {
            return "(unknown)";
        }
        int cut = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
        return cut >= 0 && cut < arn.length() - 1 ? arn.substring(cut + 1) : arn;
    }
}
