package dev.redoubt.ui.recoverypoints;

import java.util.Objects;

/** The table's order: a column and a direction. Newest first unless the user chose otherwise. */
public record PointSort(Column column, boolean ascending) {
    public static final PointSort DEFAULT = new PointSort(Column.CREATED, false);

    public PointSort {
        Objects.requireNonNull(column, "column");
    }

    /** The table's columns, each sortable. */
    public enum Column {
        RESOURCE("Resource"),
        TYPE("Type"),
        VAULT("Vault"),
        ACCOUNT("Account"),
        REGION("Region"),
        STATUS("Status"),
        CREATED("Created"),
        AGE("Age"),
        DELETE_AT("Delete at"),
        ENCRYPTED("Encrypted"),
        KEY("Key"),
        SIZE("Size");

        private final String title;

        Column(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
