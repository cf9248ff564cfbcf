package dev.redoubt.ui.vaults;

import dev.redoubt.findings.Severity;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The vault table's columns, each with the value it sorts by; unknown values sort last either way. */
public enum VaultColumn {
    NAME("Name", r -> lower(r.name())),
    ACCOUNT("Account", r -> lower(r.accountText())),
    REGION("Region", r -> lower(r.region())),
    TYPE("Type", r -> lower(r.typeText())),
    LOCK("Lock", r -> r.lock().mode().ordinal() * 1_000_000_000_000L + (r.lock().lockDate() == null ? 0 : r.lock().lockDate().getEpochSecond())),
    GRACE_LEFT("Immutable in", VaultRow::graceLeft),
    MIN_RETENTION("Min retention", VaultRow::minRetentionDays),
    MAX_RETENTION("Max retention", VaultRow::maxRetentionDays),
    KEY("Key", r -> lower(r.keyText())),
    RECOVERY_POINTS("Recovery points", VaultRow::recoveryPoints),
    WORST("Worst finding", r -> rank(r.worst()));

    private final String title;
    private final Function<VaultRow, Comparable<?>> key;

    VaultColumn(String title, Function<VaultRow, Comparable<?>> key) {
        this.title = title;
        this.key = key;
    }

    public String title() {
        return title;
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
