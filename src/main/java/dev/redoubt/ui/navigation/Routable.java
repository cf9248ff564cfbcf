package dev.redoubt.ui.navigation;

/**
 * A screen that shows one thing among many (a vault, a key, a recovery point): the shell hands it
 * the target of a {@link Place} when the user goes there, by a link, back, forward or the palette.
 * Only the shell calls it; a screen that wants to show something else asks the navigator, so that
 * back returns to where the user was.
 */
@FunctionalInterface
public interface Routable {
    /** Shows {@code target} (null: the screen's list as it was left). */
    void open(String target);
}
