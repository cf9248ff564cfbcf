package dev.redoubt.app;

import dev.redoubt.ui.workspace.DesktopNotifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's notifications: {@code notify-send} (the freedesktop notification service) on Linux,
 * {@code osascript}'s "display notification" on macOS, and the system tray's balloon on Windows
 * (java.awt.TrayIcon). Where none is there (a headless run, a desktop without a notification service),
 * nothing is shown outside the window and the window's notice remains. Never blocks the FX thread.
 */
final class DesktopNotifications implements DesktopNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifications.class);
    private final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

    @Override
    public void notify(String title, String text) {
        Thread t = new Thread(() -> show(title, text), "redoubt-desktop-notification");
        t.setDaemon(true);
        t.start();
    }

    private void show(String title, String text) {
        try {
            if (os.contains("mac")) {
                run(List.of("osascript", "-e", "display notification " + quoted(text) + " with title " + quoted(title)));
            } else if (os.contains("win")) {
                tray(title, text);
            } else {
                Path notifySend = onPath("notify-send");
                if (notifySend != null && (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null)) {
                    run(List.of(notifySend.toString(), "--app-name=Redoubt", title, text));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("no desktop notification: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroy();
        }
    }

    private static void tray(String title, String text) {
        if (java.awt.GraphicsEnvironment.isHeadless() || !java.awt.SystemTray.isSupported()) {
            return;
        }
        java.awt.SystemTray tray = java.awt.SystemTray.getSystemTray();
        java.awt.TrayIcon icon = new java.awt.TrayIcon(new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_ARGB), "Redoubt");
        try {
            tray.add(icon);
            icon.displayMessage(title, text, java.awt.TrayIcon.MessageType.INFO);
            Thread.sleep(8000);
        } catch (java.awt.AWTException e) {
            LOG.debug("no tray: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tray.remove(icon);
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
