package dev.redoubt.ui;

import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;

/** The Redoubt emblem, rendered from icons/redoubt.svg into PNGs on the class path. */
public final class AppIcon {
    /** The sizes rendered by icons/render.sh and offered to the window system. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    private AppIcon() {
    }

    /** The emblem at one of {@link #SIZES}; loaded synchronously (a few kilobytes). */
    public static Image image(int size) {
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("No icon rendered at " + size + " px; sizes: " + SIZES);
        }
        String path = "/dev/redoubt/ui/icons/redoubt-" + size + ".png";
        return new Image(Objects.requireNonNull(AppIcon.class.getResource(path), path).toExternalForm());
    }

    /** Every size, for Stage.getIcons(): the window system picks the best fit. */
    public static List<Image> stageIcons() {
        return SIZES.stream().map(AppIcon::image).toList();
    }
}
