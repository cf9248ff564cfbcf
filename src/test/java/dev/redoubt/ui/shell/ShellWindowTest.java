package dev.redoubt.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.ui.Theme;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke test of the main window, headless under Monocle (or on a real display with -Dheadless=false). */
@ExtendWith(ApplicationExtension.class)
class ShellWindowTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Stage stage;
    private Scene scene;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.applyBaseTheme();
        this.scene = new ShellWindow(ShellViewModel.withoutScreens("0.0.0-test")).show(stage);
    }

    @Test
    void showsTheProductName(FxRobot robot) {
        Label productName = robot.lookup("#productName").queryAs(Label.class);

        assertThat(productName.getText()).isEqualTo("Redoubt");
        assertThat(productName.isVisible()).isTrue();
        assertThat(robot.lookup("#identity").queryAs(Label.class).getText()).isEqualTo("Not signed in");
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).isEqualTo("Ready");
    }

    @Test
    void titlesTheWindowRedoubt() {
        assertThat(stage.getTitle()).isEqualTo("Redoubt");
        assertThat(stage.getIcons()).isNotEmpty();
    }

    @Test
    void listsTheFutureScreensAsComingSoon(FxRobot robot) {
        ListView<NavigationItem> navigation = robot.lookup("#navigation").queryListView();

        assertThat(navigation.getItems()).extracting(NavigationItem::title).containsExactly(
                "Overview", "Vaults", "Recovery points", "Keys", "Plans", "Restore tests",
                "Restore jobs", "Approval teams", "Findings", "Drills", "Journal");
        assertThat(navigation.getItems()).noneMatch(NavigationItem::available);
        assertThat(robot.lookup(".soon-badge").queryAll()).isNotEmpty();
    }

    @Test
    void keepsTheWelcomePageWhenAComingSoonScreenIsChosen(FxRobot robot) {
        ListView<NavigationItem> navigation = robot.lookup("#navigation").queryListView();

        robot.interact(() -> navigation.getSelectionModel().select(1));

        assertThat(navigation.getSelectionModel().getSelectedItem()).isNull();
        assertThat(robot.lookup("#welcome").tryQuery()).isPresent();
    }

    @Test
    void writesAScreenshot() throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        Path file = writePng(image, "shell.png");

        assertThat(file).isNotEmptyFile();
        assertThat(image.getWidth()).isEqualTo(ShellWindow.DEFAULT_WIDTH);
    }

    private static Path writePng(WritableImage image, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
        ImageIO.write(pixels, "png", file.toFile());
        return file;
    }
}
