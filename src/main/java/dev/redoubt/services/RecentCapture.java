package dev.redoubt.services;

import java.nio.file.Path;
import java.time.Instant;

/** A capture opened or written recently: the file, the estate's name and when it was last used. */
public record RecentCapture(Path file, String estateName, Instant usedAt) {
}
