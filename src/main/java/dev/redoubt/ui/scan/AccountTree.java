package dev.redoubt.ui.scan;

import dev.redoubt.services.ScanReach;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accounts a sign-in can reach as lines to show: the root, organizational units by their path
 * ("Workloads/Production" under "Workloads"), accounts under their unit (directly under the root when
 * the unit is not known); units first, then accounts, each by name.
 */
public record AccountTree(AccountNode node, List<AccountTree> children) {
    public AccountTree {
        children = List.copyOf(children);
    }

    /** Builds the nodes from the reach; every account starts checked. */
    static AccountNode build(ScanReach reach) {
        Folder root = new Folder("", "");
        for (ScanReach.AccountChoice a : reach.accounts()) {
            Folder f = root;
            String ou = a.organizationalUnit();
            if (ou != null && !ou.isBlank()) {
                StringBuilder path = new StringBuilder();
                for (String part : ou.split("/")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    path.append(path.length() == 0 ? "" : "/").append(part);
                    String p = path.toString();
                    f = f.units.computeIfAbsent(part.toLowerCase(Locale.ROOT) + "\u0000" + part, k -> new Folder(part, p));
                }
            }
            f.accounts.add(AccountNode.account(a));
        }
        AccountNode all = AccountNode.all(root.children());
        all.recount();
        return all;
    }

    /** The lines to show for a filter (lower case; blank: all): matching accounts and units, with the units above them. */
    static AccountTree shown(AccountNode node, String filter) {
        if (filter == null || filter.isBlank()) {
            return whole(node);
        }
        AccountTree t = filtered(node, filter.strip().toLowerCase(Locale.ROOT));
        return t != null ? t : new AccountTree(node, List.of());
    }

    private static AccountTree whole(AccountNode node) {
        return new AccountTree(node, node.children().stream().map(AccountTree::whole).toList());
    }

    private static AccountTree filtered(AccountNode node, String filter) {
        switch (node.kind()) {
            case ACCOUNT -> {
                return node.matches(filter) ? new AccountTree(node, List.of()) : null;
            }
            case UNIT -> {
                if (node.matches(filter)) {
                    return whole(node);
                }
            }
            default -> {
            }
        }
        List<AccountTree> kids = new ArrayList<>();
        for (AccountNode c : node.children()) {
            AccountTree t = filtered(c, filter);
            if (t != null) {
                kids.add(t);
            }
        }
        if (kids.isEmpty() && node.kind() == AccountNode.Kind.UNIT) {
            return null;
        }
        return new AccountTree(node, kids);
    }

    /** The accounts shown under this line (itself, for an account). */
    List<AccountNode> accounts() {
        List<AccountNode> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(AccountTree t, List<AccountNode> out) {
        if (t.node().kind() == AccountNode.Kind.ACCOUNT) {
            out.add(t.node());
        }
        t.children().forEach(c -> collect(c, out));
    }

    /** The line for {@code node} in this tree, or null when it is not shown. */
    AccountTree find(AccountNode node) {
        if (this.node == node) {
            return this;
        }
        for (AccountTree c : children) {
            AccountTree f = c.find(node);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** Units being gathered while building. */
    private static final class Folder {
        final String name;
        final String path;
        final Map<String, Folder> units = new TreeMap<>();
        final List<AccountNode> accounts = new ArrayList<>();

        Folder(String name, String path) {
            this.name = name;
            this.path = path;
        }

        List<AccountNode> children() {
            List<AccountNode> out = new ArrayList<>();
            for (Folder f : units.values()) {
                out.add(AccountNode.unit(f.name, f.path, f.children()));
            }
            accounts.sort(Comparator.comparing((AccountNode a) -> a.name().toLowerCase(Locale.ROOT)).thenComparing(AccountNode::accountId));
            out.addAll(accounts);
            return out;
        }
    }
}
