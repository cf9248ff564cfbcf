package dev.redoubt.ui.organization;

import dev.redoubt.findings.Severity;
import dev.redoubt.services.BrowseScope;
import java.util.List;

/**
 * One node of the organization tree: the organization, an OU, an account, a region of an account,
 * or a vault; with what it holds, its worst failing severity, what could not be read there (AWS's
 * reason, null when everything was), the scope it stands for, and its children. Immutable.
 *
 * @param id the node's key: the organization ID, "ou:" and the OU's path, the account ID,
 *           "account/region", or the vault's ARN
 */
public record OrgNode(Kind kind, String id, String name, String detail, long accounts, long vaults, long recoveryPoints, Severity worst,
                      String problem, BrowseScope scope, List<OrgNode> children) {
    public OrgNode {
        children = List.copyOf(children);
    }

    /** What a node stands for. */
    public enum Kind {
        ORGANIZATION("Organization"), UNIT("Organizational unit"), ACCOUNT("Account"), REGION("Region"), VAULT("Backup vault");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** "3 accounts · 12 vaults · 48,211 recovery points" (what applies to the kind). */
    public String counts() {
        StringBuilder b = new StringBuilder();
        if (kind == Kind.ORGANIZATION || kind == Kind.UNIT) {
            b.append(plural(accounts, "account")).append(" · ");
        }
        if (kind != Kind.VAULT) {
            b.append(plural(vaults, "vault")).append(" · ");
        }
        b.append(plural(recoveryPoints, "recovery point"));
        return b.toString();
    }

    /** True when this node or one below it could not be read in full. */
    public boolean hasProblemBelow() {
        if (problem != null) {
            return true;
        }
        for (OrgNode c : children) {
            if (c.hasProblemBelow()) {
                return true;
            }
        }
        return false;
    }

    static String plural(long n, String word) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", n, word, n == 1 ? "" : "s");
    }
}
