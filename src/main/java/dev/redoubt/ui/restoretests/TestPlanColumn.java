package dev.redoubt.ui.restoretests;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The restore testing plans table's columns, each with the value it sorts by (blanks last, whichever the direction). */
public enum TestPlanColumn {
    NAME("Name", r -> lower(r.name())),
    ACCOUNT("Account", r -> lower(r.accountName())),
    REGION("Region", r -> lower(r.region())),
    SCHEDULE("Schedule", r -> lower(r.schedule())),
    LAST_RUN("Last run", TestPlanRow::lastRun),
    SELECTIONS("Selections", TestPlanRow::selections),
    OUTCOME("Latest outcome", r -> r.outcome().kind() == TestOutcome.Kind.NONE ? null : r.outcome().kind().ordinal()),
    WORST("Worst finding", r -> r.worst() == null ? null : -r.worst().ordinal());

    private final String title;
    private final Function<TestPlanRow, Comparable<?>> key;

    TestPlanColumn(String title, Function<TestPlanRow, Comparable<?>> key) {
        this.title = title;
        this.key = key;
    }

    public String title() {
        return title;
    }

    /** The rows in this column's order, rows with no value last; ties by name. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<TestPlanRow> order(boolean ascending) {
        Comparator<Comparable> natural = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<TestPlanRow> by = Comparator.comparing(r -> (Comparable) key.apply(r), Comparator.nullsLast(natural));
        return by.thenComparing(r -> lower(r.name()), Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparing(TestPlanRow::arn, Comparator.nullsLast(Comparator.<String>naturalOrder()));
    }

    private static String lower(String s) {
        return s == null || s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }
}
