package dev.redoubt.ui.navigation;

import java.util.Objects;
import org.kordamp.ikonli.Ikon;

/** A place in the console: a stable id, the title the navigation shows, and its icon. */
public record Destination(String id, String title, Ikon icon) {
    public Destination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(icon, "icon");
    }
}
