package dev.redoubt.ui.plans;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The backup plans table's columns, each with the value it sorts by (blanks last, whichever the direction). */
public enum PlanColumn {
    NAME("Name", r -> lower(r.name())),
    ACCOUNT("Account", r -> lower(r.accountName())),
    REGION("Region", r -> lower(r.region())),
    RULES("Rules", PlanRow::rules),
    VAULTS("Vaults", r -> r.vaults().isEmpty() ? null : lower(r.vaultsText())),
    LAST_EXECUTION("Last run", PlanRow::lastExecution),
    WORST("Worst finding", r -> r.worst() == null ? null : -r.worst().ordinal());

    private final String title;
    private final Function<PlanRow, Comparable<?>> key;

    PlanColumn(String title, Function<PlanRow, Comparable<?>> key) {
        this.title = title;
        this.key = key;
    }

    public String title() {
        return title;
    }

    /** The rows in this column's order, rows with no value last; ties by name. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<PlanRow> order(boolean ascending) {
        Comparator<Comparable> natural = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<PlanRow> by = Comparator.comparing(r -> (Comparable) key.apply(r), Comparator.nullsLast(natural));
        return by.thenComparing(r -> lower(r.name()), Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparing(PlanRow::arn, Comparator.nullsLast(Comparator.<String>naturalOrder()));
    }

    private static String lower(String s) {
        return s == null || s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }
}
