package dev.redoubt.ui.vaults;

import java.util.Objects;

/** How the vault table is sorted: by one column, ascending or descending. */
public record VaultSort(VaultColumn column, boolean ascending) {
    /** Worst findings first: what needs attention on top. */
    public static final VaultSort DEFAULT = new VaultSort(VaultColumn.WORST, false);

    public VaultSort {
        Objects.requireNonNull(column, "column");
    }
}
