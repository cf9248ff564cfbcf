package dev.redoubt.ui.shell;

import static dev.redoubt.ui.support.FxReads.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The main window before anything is open, headless under Monocle (or on a real display with -Dheadless=false). */
@ExtendWith(ApplicationExtension.class)
class ShellWindowTest {
    @TempDir
    static Path dir;

    private ConsoleFixture fixture;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = ConsoleFixture.create(dir.resolve(String.valueOf(System.nanoTime())));
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void showsTheProductTheModeAndNobodySignedIn(FxRobot robot) throws Exception {
        assertThat(fx(() -> robot.lookup("#productName").queryAs(Label.class).getText())).isEqualTo("Redoubt");
        assertThat(fx(() -> robot.lookup("#mode").queryAs(Label.class).getText())).isEqualTo("AUDITOR · READ-ONLY");
        assertThat(fx(() -> robot.lookup("#identity").queryAs(Label.class).getText())).isEqualTo("Not signed in");
        assertThat(fx(() -> robot.lookup("#estateName").queryAs(Label.class).getText())).isEqualTo("No estate open");
        assertThat(fx(stage::getTitle)).isEqualTo("Redoubt");
        assertThat(fx(() -> List.copyOf(stage.getIcons()))).isNotEmpty();
    }

    @Test
    void opensOnTheStartScreenWithTheEstateScreensWaitingForAnEstate(FxRobot robot) throws Exception {
        ListView<NavigationItem> navigation = fx(() -> robot.lookup("#navigation").queryListView());

        assertThat(fx(() -> List.copyOf(navigation.getItems()))).extracting(NavigationItem::title).containsExactly("Start", "Scan", "Overview", "Findings", "Organization",
                "Vaults", "Recovery points", "Keys", "Backup plans", "Restore testing", "Restore jobs", "Restore drills", "Approval teams", "Restore access");
        assertThat(fixture.console.shell().selected()).contains(Destinations.START);
        assertThat(fx(() -> List.copyOf(navigation.getItems()))).filteredOn(NavigationItem::available).extracting(NavigationItem::title)
                .containsExactly("Start", "Restore drills", "Restore access");
        assertThat(fx(() -> fixture.console.shell().select(Destinations.OVERVIEW))).isFalse();
    }

    @Test
    void writesAScreenshot() throws Exception {
        assertThat(Screenshots.write(fixture.scene, "shell")).isNotEmptyFile();
    }
}
