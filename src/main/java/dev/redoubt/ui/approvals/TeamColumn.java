package dev.redoubt.ui.approvals;

import dev.redoubt.services.TeamRow;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The approval teams table's columns, each with the value it sorts by (blanks last). */
public enum TeamColumn {
    NAME("Team", r -> lower(r.name())),
    ACCOUNT("Account · region", r -> lower(r.accountName())),
    STATUS("Status", r -> lower(r.statusText())),
    THRESHOLD("Approvals needed", r -> lower(r.thresholdText())),
    APPROVERS("Approvers", r -> lower(r.approversText())),
    VAULTS("Vaults guarded", TeamRow::vaults),
    PENDING("Pending change", r -> lower(r.pendingText())),
    WORST("Worst finding", r -> r.worst() == null ? null : -r.worst().ordinal());

    private final String title;
    private final Function<TeamRow, Comparable<?>> key;

    TeamColumn(String title, Function<TeamRow, Comparable<?>> key) {
        this.title = title;
        this.key = key;
    }

    public String title() {
        return title;
    }

    /** The rows in this column's order, rows with no value last; ties by name. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<TeamRow> order(boolean ascending) {
        Comparator<Comparable> natural = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<TeamRow> by = Comparator.comparing(r -> (Comparable) key.apply(r), Comparator.nullsLast(natural));
        return by.thenComparing(TeamRow::name, Comparator.nullsLast(Comparator.<String>naturalOrder()));
    }

    private static String lower(String s) {
        return s == null || s.isEmpty() || s.equals("—") ? null : s.toLowerCase(Locale.ROOT);
    }
}
