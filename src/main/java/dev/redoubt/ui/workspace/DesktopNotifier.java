package dev.redoubt.ui.workspace;

/**
 * Tells the operator something outside the window (the desktop's notification), for news that may come
 * while they work elsewhere: an approval session that ended. The window shows it too, as a notice.
 */
public interface DesktopNotifier {
    /** Shows {@code title} and {@code text} on the desktop, or does nothing where the desktop has no notifications. */
    void notify(String title, String text);

    /** No desktop notification (tests, headless runs). */
    DesktopNotifier NONE = (title, text) -> { };
}
