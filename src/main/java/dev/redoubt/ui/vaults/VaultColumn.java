package dev.redoubt.ui.vaults;

import dev.redoubt.findings.Severity;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The vault table's columns, each with the value it sorts by; unknown values sort last either way. */
public enum VaultColumn {
    NAME("Name", "The vault's name", r -> lower(r.name())),
    ACCOUNT("Account", "The account that owns the vault", r -> lower(r.accountText())),
    REGION("Region", "The vault's region", r -> lower(r.region())),
    TYPE("Type", "Standard, logically air-gapped, or a restore access vault", r -> lower(r.typeText())),
    LOCK("Lock", "The Vault Lock's mode and state", r -> r.lock().mode().ordinal() * 1_000_000_000_000L
            + (r.lock().lockDate() == null ? 0 : r.lock().lockDate().getEpochSecond())),
    GRACE_LEFT("Immutable", "Whether nobody can remove the lock any more: since when, or the time left until a compliance lock in its"
            + " grace time becomes immutable (until then it can be removed)", VaultColumn::untilImmutable),
    RETENTION("Retention", "The lock's minimum and maximum retention", VaultColumn::retention),
    KEY("Key", "The vault's KMS key", r -> lower(r.keyText())),
    RECOVERY_POINTS("Points", "The recovery points the vault holds", VaultRow::recoveryPoints),
    WORST("Worst", "The worst failing finding of the vault and its recovery points", r -> rank(r.worst()));

    private final String title;
    private final String description;
    private final Function<VaultRow, Comparable<?>> key;

    VaultColumn(String title, String description, Function<VaultRow, Comparable<?>> key) {
        this.title = title;
        this.description = description;
        this.key = key;
    }

    public String title() {
        return title;
    }

    /** What the column shows, for its header's tooltip. */
    public String description() {
        return description;
    }

    /** Seconds until the lock is immutable: 0 when it already is, null when it never will be (governance, none). */
    private static Long untilImmutable(VaultRow r) {
        if (r.lock().immutable()) {
            return 0L;
        }
        return r.graceLeft() == null ? null : Math.max(0, r.graceLeft().getSeconds());
    }

    /** By minimum, then maximum (none = unbounded); null when the lock sets neither. */
    private static Long retention(VaultRow r) {
        if (r.minRetentionDays() == null && r.maxRetentionDays() == null) {
            return null;
        }
        return (r.minRetentionDays() == null ? 0 : r.minRetentionDays()) * 1_000_000L + (r.maxRetentionDays() == null ? 999_999 : r.maxRetentionDays());
    }

    /** The order by this column (unknown values last), the name and the ARN (always A to Z) breaking ties so the order is stable. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<VaultRow> order(boolean ascending) {
        Comparator<Comparable> values = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<VaultRow> primary = Comparator.comparing(r -> (Comparable) key.apply(r), Comparator.nullsLast(values));
        return primary.thenComparing(r -> lower(r.name())).thenComparing(VaultRow::arn);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Null for none, then INFO .. CRITICAL as 1 .. 5, so descending shows the worst first. */
    static Integer rank(Severity s) {
        return s == null ? null : Severity.values().length - s.ordinal();
    }
}
