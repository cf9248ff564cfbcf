package dev.redoubt.ui.start;

import java.nio.file.Path;

/** A capture opened or written lately: the estate's name, the file, and when ("2 hours ago"). */
public record RecentRow(String name, Path file, String when) {
}
