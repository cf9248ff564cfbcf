package dev.redoubt.ui.scan;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A region to scan or not: its code, its name in the AWS console's words, and whether it is checked. */
public final class RegionOption {
    private final String region;
    private final BooleanProperty selected = new SimpleBooleanProperty(true);

    RegionOption(String region) {
        this.region = region;
    }

    /** "eu-west-1". */
    public String region() {
        return region;
    }

    /** "Europe (Ireland)", or "" for a region Redoubt has no name for. */
    public String displayName() {
        return ScanTexts.regionName(region);
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean selected() {
        return selected.get();
    }

    public void select(boolean on) {
        selected.set(on);
    }

    @Override
    public String toString() {
        return region;
    }
}
