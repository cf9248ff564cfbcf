package dev.redoubt.ui.palette;

import dev.redoubt.ui.navigation.Place;

/**
 * One thing the palette can jump to: its kind ("Account", "Vault", "Key", "Resource", "Backup
 * plan", "Restore testing plan", "Recovery point"), what it is called, a line that tells it apart
 * (account, region, ID), the place it opens, and the lower-cased text it is found by.
 */
public record PaletteEntry(String kind, String title, String detail, Place place, String key) {
}
