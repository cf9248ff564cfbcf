package dev.redoubt.ui.restorejobs;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The restore jobs table's columns, each with the value it sorts by (blanks last, whichever the direction). */
public enum RestoreJobColumn {
    JOB_ID("Job", r -> lower(r.jobId())),
    ACCOUNT("Account", r -> lower(r.accountName())),
    REGION("Region", r -> lower(r.region())),
    RESOURCE_TYPE("Resource type", r -> lower(r.resourceTypeText())),
    RECOVERY_POINT("Recovery point", r -> lower(r.recoveryPointArn())),
    CREATED("Created", RestoreJobRow::created),
    COMPLETED("Completed", RestoreJobRow::completed),
    DURATION("Duration", RestoreJobRow::minutes),
    STATUS("Status", r -> lower(r.statusText())),
    VALIDATION("Validation", r -> lower(r.validationText())),
    CREATED_BY("Created by", r -> lower(r.createdByText()));

    private final String title;
    private final Function<RestoreJobRow, Comparable<?>> key;

    RestoreJobColumn(String title, Function<RestoreJobRow, Comparable<?>> key) {
        this.title = title;
        this.key = key;
    }

    public String title() {
        return title;
    }

    /** The rows in this column's order, rows with no value last; ties by creation, newest first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<RestoreJobRow> order(boolean ascending) {
        Comparator<Comparable> natural = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<RestoreJobRow> by = Comparator.comparing(r -> (Comparable) key.apply(r), Comparator.nullsLast(natural));
        return by.thenComparing(RestoreJobRow::created, Comparator.nullsLast(Comparator.<java.time.Instant>reverseOrder()))
                .thenComparing(RestoreJobRow::jobId, Comparator.nullsLast(Comparator.<String>naturalOrder()));
    }

    private static String lower(String s) {
        return s == null || s.isEmpty() || s.equals("—") ? null : s.toLowerCase(Locale.ROOT);
    }
}
