package dev.redoubt.ui.scan;

import dev.redoubt.ui.shell.ShellWindow;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's content laid out at the smallest window size (1024 x 640) for one screenshot, without resizing the
 * stage: Monocle cannot grow a shrunk stage back, and the stage is shared with the tests that run after.
 */
final class SmallWindow {
    private SmallWindow() {
    }

    static Path screenshot(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            Parent root = scene.getRoot();
            root.resize(ShellWindow.MIN_WIDTH, ShellWindow.MIN_HEIGHT);
            for (int i = 0; i < 3; i++) {
                root.applyCss();
                root.layout();
            }
            WritableImage shot = root.snapshot(null, null);
            root.resize(scene.getWidth(), scene.getHeight());
            root.layout();
            return shot;
        }).get(20, TimeUnit.SECONDS);
        return Screenshots.write(image, name);
    }
}
