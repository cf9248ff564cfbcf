package dev.redoubt.ui.scan;

import dev.redoubt.services.ScanReach;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * One line of the accounts to scan: the root (every account), an organizational unit, or an account.
 * The tree's shape never changes once built; only whether accounts are checked does, and a root's or
 * unit's box follows its accounts' (checked, unchecked, or some of them: indeterminate).
 */
public final class AccountNode {
    /** What a line stands for. */
    public enum Kind { ALL, UNIT, ACCOUNT }

    private final Kind kind;
    private final String name;
    private final String path;
    private final ScanReach.AccountChoice account;
    private final List<AccountNode> children;
    private final int accounts;
    private final String search;
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper indeterminate = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper checkedAccounts = new ReadOnlyIntegerWrapper();

    private AccountNode(Kind kind, String name, String path, ScanReach.AccountChoice account, List<AccountNode> children) {
        this.kind = kind;
        this.name = name;
        this.path = path;
        this.account = account;
        this.children = List.copyOf(children);
        this.accounts = kind == Kind.ACCOUNT ? 1 : this.children.stream().mapToInt(AccountNode::accountCount).sum();
        this.search = (kind == Kind.ACCOUNT ? name + " " + account.id() + " " + path : path).toLowerCase(Locale.ROOT);
        checkedAccounts.set(accounts);
    }

    static AccountNode all(List<AccountNode> children) {
        return new AccountNode(Kind.ALL, "All accounts", "", null, children);
    }

    static AccountNode unit(String name, String path, List<AccountNode> children) {
        return new AccountNode(Kind.UNIT, name, path, null, children);
    }

    static AccountNode account(ScanReach.AccountChoice a) {
        String ou = a.organizationalUnit() == null ? "" : a.organizationalUnit();
        return new AccountNode(Kind.ACCOUNT, a.name() == null || a.name().isBlank() ? a.id() : a.name(), ou, a, List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** "All accounts", the unit's own name ("Production"), or the account's name (its ID when it has none). */
    public String name() {
        return name;
    }

    /** "northwind-shop-prod (645019283746)" for an account; the name otherwise. */
    public String label() {
        if (kind != Kind.ACCOUNT || name.equals(account.id())) {
            return name;
        }
        return name + " (" + account.id() + ")";
    }

    /** The unit's path ("Workloads/Production"), or the account's unit path ("" directly under the root or unknown). */
    public String path() {
        return path;
    }

    /** The account's ID, or null for the root and units. */
    public String accountId() {
        return account == null ? null : account.id();
    }

    /** The account's status when it is not ACTIVE ("SUSPENDED", "PENDING_CLOSURE"), else null. */
    public String statusChip() {
        if (account == null || account.status() == null || account.status().isBlank() || account.status().equalsIgnoreCase("ACTIVE")) {
            return null;
        }
        return account.status().toUpperCase(Locale.ROOT).replace('_', ' ');
    }

    /** True for the account the profile signs in to. */
    public boolean signedIn() {
        return account != null && account.signedIn();
    }

    /** The roles the identity may take in the account (empty for the root and units, and for profiles without SSO). */
    public List<String> roles() {
        return account == null ? List.of() : account.roles();
    }

    public List<AccountNode> children() {
        return children;
    }

    /** How many accounts this line stands for (1 for an account). */
    public int accountCount() {
        return accounts;
    }

    /** "3 of 4 accounts", for a unit or the root. */
    public String countText() {
        int on = checkedAccounts.get();
        if (on == accounts) {
            return ScanTexts.count(accounts, "account", "accounts");
        }
        return ScanTexts.count(on) + " of " + ScanTexts.count(accounts, "account", "accounts");
    }

    public ReadOnlyBooleanProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    public boolean checked() {
        return checked.get();
    }

    /** Some but not all of its accounts are checked. */
    public ReadOnlyBooleanProperty indeterminateProperty() {
        return indeterminate.getReadOnlyProperty();
    }

    public boolean indeterminate() {
        return indeterminate.get();
    }

    public ReadOnlyIntegerProperty checkedAccountsProperty() {
        return checkedAccounts.getReadOnlyProperty();
    }

    public int checkedAccounts() {
        return checkedAccounts.get();
    }

    /** True when the filter (lower case) appears in the account's name, ID or unit path, or the unit's path. */
    boolean matches(String filter) {
        return search.contains(filter);
    }

    /** Sets an account's box. */
    void check(boolean on) {
        if (kind == Kind.ACCOUNT) {
            checked.set(on);
            checkedAccounts.set(on ? 1 : 0);
        }
    }

    /** Recomputes a root's or unit's boxes from its accounts', bottom up; returns the accounts checked. */
    int recount() {
        if (kind == Kind.ACCOUNT) {
            return checkedAccounts.get();
        }
        int on = 0;
        for (AccountNode c : children) {
            on += c.recount();
        }
        checkedAccounts.set(on);
        checked.set(accounts > 0 && on == accounts);
        indeterminate.set(on > 0 && on < accounts);
        return on;
    }

    @Override
    public String toString() {
        return label();
    }
}
