package dev.redoubt.ui.organization;

import dev.redoubt.estate.Account;
import dev.redoubt.estate.BackupVault;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.ReadError;
import dev.redoubt.estate.Region;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.findings.Severity;
import dev.redoubt.services.BrowseScope;
import dev.redoubt.services.EstateCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the organization tree from the catalog (off the UI thread): organization, OUs from the
 * accounts' OU paths, accounts, the regions where an account holds something or could not be
 * read, and vaults; and filters it, keeping the ancestors of every node that matches.
 */
final class OrgTree {
    private OrgTree() {
    }

    static OrgNode build(EstateCatalog catalog) {
        EstateIndex x = catalog.index();
        Estate e = x.estate();
        Unit root = new Unit("", "");
        for (Account a : e.accounts() == null ? List.<Account>of() : e.accounts()) {
            String path = a.organizationalUnit() == null ? "" : a.organizationalUnit().trim();
            Unit u = root;
            StringBuilder sofar = new StringBuilder();
            if (!path.isEmpty()) {
                for (String part : path.split("/")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    sofar.append(sofar.length() == 0 ? "" : "/").append(part.trim());
                    String key = sofar.toString();
                    u = u.units.computeIfAbsent(part.trim(), k -> new Unit(part.trim(), key));
                }
            }
            u.accounts.add(account(catalog, a));
        }
        String orgId = e.organization() == null ? null : e.organization().id();
        String management = e.organization() == null ? null : e.organization().masterAccountId();
        OrgNode top = unit(root, catalog);
        String name = orgId != null ? "Organization " + orgId : e.name() != null ? e.name() : "Accounts";
        String detail = management != null ? "management account " + catalog.accountName(management) + " (" + management + ")" : null;
        return new OrgNode(OrgNode.Kind.ORGANIZATION, orgId == null ? "organization" : orgId, name, detail, top.accounts(), top.vaults(),
                top.recoveryPoints(), top.worst(), top.problem(), BrowseScope.ALL, top.children());
    }

    private static OrgNode unit(Unit u, EstateCatalog catalog) {
        List<OrgNode> children = new ArrayList<>();
        for (Unit child : u.units.values()) {
            children.add(unit(child, catalog));
        }
        List<OrgNode> accounts = new ArrayList<>(u.accounts);
        accounts.sort(Comparator.comparing(OrgNode::name, String.CASE_INSENSITIVE_ORDER));
        children.addAll(accounts);
        long nAccounts = 0;
        long vaults = 0;
        long points = 0;
        Severity worst = null;
        Set<String> ids = new HashSet<>();
        for (OrgNode c : children) {
            nAccounts += c.kind() == OrgNode.Kind.ACCOUNT ? 1 : c.accounts();
            vaults += c.vaults();
            points += c.recoveryPoints();
            worst = EstateCatalog.worse(worst, c.worst());
            collectAccounts(c, ids);
        }
        BrowseScope scope = new BrowseScope("OU " + u.path, ids, null, null);
        return new OrgNode(OrgNode.Kind.UNIT, "ou:" + u.path, u.name, null, nAccounts, vaults, points, worst, null, scope, children);
    }

    private static void collectAccounts(OrgNode n, Set<String> into) {
        if (n.kind() == OrgNode.Kind.ACCOUNT) {
            into.add(n.id());
            return;
        }
        for (OrgNode c : n.children()) {
            collectAccounts(c, into);
        }
    }

    private static OrgNode account(EstateCatalog catalog, Account a) {
        EstateIndex x = catalog.index();
        String label = catalog.accountName(a.id());
        List<OrgNode> regions = new ArrayList<>();
        long vaults = 0;
        long points = 0;
        Map<String, Region> byName = a.regions() == null ? Map.of() : new TreeMap<>(a.regions());
        for (var r : byName.entrySet()) {
            Region region = r.getValue();
            List<OrgNode> vaultNodes = new ArrayList<>();
            long regionPoints = 0;
            for (BackupVault v : region.backupVaults() == null ? List.<BackupVault>of() : region.backupVaults()) {
                long n = v.recoveryPoints() != null ? v.recoveryPoints().size() : v.numberOfRecoveryPoints() == null ? 0 : v.numberOfRecoveryPoints();
                regionPoints += n;
                String arn = v.backupVaultArn();
                String problem = arn == null ? null : problem(x.readErrorsAt(arn));
                vaultNodes.add(new OrgNode(OrgNode.Kind.VAULT, arn == null ? a.id() + "/" + r.getKey() + "/" + v.backupVaultName() : arn,
                        v.backupVaultName() == null ? "(unnamed vault)" : v.backupVaultName(), vaultDetail(v), 1, 1, n,
                        arn == null ? null : catalog.worstFailingInVault(arn), problem,
                        BrowseScope.vault(label + " · " + r.getKey() + " · " + v.backupVaultName(), a.id(), r.getKey(), arn), List.of()));
            }
            vaultNodes.sort(Comparator.comparing(OrgNode::name, String.CASE_INSENSITIVE_ORDER));
            String problem = problem(region.readErrors());
            if (vaultNodes.isEmpty() && problem == null && isEmpty(region)) {
                continue; // a region where the account holds nothing: the tree stays short
            }
            regions.add(new OrgNode(OrgNode.Kind.REGION, a.id() + "/" + r.getKey(), r.getKey(), null, 1, vaultNodes.size(), regionPoints,
                    catalog.worstFailingInRegion(a.id(), r.getKey()), problem, BrowseScope.region(label + " · " + r.getKey(), a.id(), r.getKey()),
                    vaultNodes));
            vaults += vaultNodes.size();
            points += regionPoints;
        }
        String role = x.role(a.id()) == null ? null : x.role(a.id()).name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String detail = a.id() + (role == null ? "" : " · " + role) + (a.status() != null && !"ACTIVE".equals(a.status()) ? " · " + a.status() : "");
        return new OrgNode(OrgNode.Kind.ACCOUNT, a.id(), label, detail, 1, vaults, points, catalog.worstFailingInAccount(a.id()),
                problem(a.readErrors()), BrowseScope.account(label + " (" + a.id() + ")", a.id()), regions);
    }

    private static boolean isEmpty(Region r) {
        return (r.kmsKeys() == null || r.kmsKeys().isEmpty()) && (r.backupPlans() == null || r.backupPlans().isEmpty())
                && (r.restoreTestingPlans() == null || r.restoreTestingPlans().isEmpty())
                && (r.mpaApprovalTeams() == null || r.mpaApprovalTeams().isEmpty());
    }

    private static String vaultDetail(BackupVault v) {
        String type = "LOGICALLY_AIR_GAPPED_BACKUP_VAULT".equals(v.vaultType()) ? "air-gapped" : "RESTORE_ACCESS_BACKUP_VAULT".equals(v.vaultType())
                ? "restore access" : "standard";
        String lock = Boolean.TRUE.equals(v.locked()) ? "locked" : v.locked() == null ? "lock not read" : "not locked";
        return type + " · " + lock;
    }

    /** AWS's reason for what could not be read: "AccessDeniedException: ... (backup:ListBackupVaults)", and how many more. */
    static String problem(List<ReadError> errors) {
        if (errors == null || errors.isEmpty()) {
            return null;
        }
        ReadError e = errors.get(0);
        String text = (e.errorCode() == null ? "Could not read" : e.errorCode()) + (e.message() == null ? "" : ": " + e.message())
                + (e.operation() == null ? "" : " (" + e.operation() + ")");
        return errors.size() == 1 ? text : text + " and " + (errors.size() - 1) + " more";
    }

    /**
     * The tree cut down to the nodes whose name, ID or detail contains {@code text} (any case), with
     * their ancestors; a matching node keeps all it holds. Null when nothing matches.
     */
    static OrgNode filter(OrgNode node, String text) {
        if (text == null || text.isBlank()) {
            return node;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (matches(node, t) && node.kind() != OrgNode.Kind.ORGANIZATION) {
            return node;
        }
        List<OrgNode> kept = new ArrayList<>();
        for (OrgNode c : node.children()) {
            OrgNode f = filter(c, text);
            if (f != null) {
                kept.add(f);
            }
        }
        if (kept.isEmpty() && node.kind() != OrgNode.Kind.ORGANIZATION) {
            return null;
        }
        return new OrgNode(node.kind(), node.id(), node.name(), node.detail(), node.accounts(), node.vaults(), node.recoveryPoints(), node.worst(),
                node.problem(), node.scope(), kept);
    }

    private static boolean matches(OrgNode n, String t) {
        return n.name().toLowerCase(Locale.ROOT).contains(t) || n.id().toLowerCase(Locale.ROOT).contains(t)
                || (n.detail() != null && n.detail().toLowerCase(Locale.ROOT).contains(t));
    }

    /** The path of IDs from the root to the node with this ID (the root first), or empty. */
    static List<String> pathTo(OrgNode root, String id) {
        List<String> path = new ArrayList<>();
        return find(root, id, path) ? path : List.of();
    }

    private static boolean find(OrgNode n, String id, List<String> path) {
        path.add(n.id());
        if (n.id().equals(id)) {
            return true;
        }
        for (OrgNode c : n.children()) {
            if (find(c, id, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    private static final class Unit {
        final String name;
        final String path;
        final Map<String, Unit> units = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final List<OrgNode> accounts = new ArrayList<>();

        Unit(String name, String path) {
            this.name = name;
            this.path = path;
        }
    }
}
