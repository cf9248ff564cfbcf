package dev.redoubt.ui.findings;

/** One line of the findings table: a group heading (a check or a resource) or one result. Immutable. */
public sealed interface FindingsLine permits GroupRow, ResultRow {
}
