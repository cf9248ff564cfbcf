package dev.redoubt.ui.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Renders a scene to target/screenshots/NAME.png (the pixels a grab of the real window gives). */
public final class Screenshots {
    public static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    public static Path write(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(20, TimeUnit.SECONDS);
        return write(image, name);
    }

    public static Path write(WritableImage image, String name) throws IOException {
        Files.createDirectories(DIR);
        Path file = DIR.resolve(name + ".png");
        BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        ImageIO.write(pixels, "png", file.toFile());
        return file;
    }
}
