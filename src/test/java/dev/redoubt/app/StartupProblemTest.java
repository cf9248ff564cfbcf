package dev.redoubt.app;

import static dev.redoubt.ui.support.FxReads.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.redoubt.ui.shell.StartupProblemView;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A broken settings file keeps the window from starting with a clear message, and is left as it was. */
@ExtendWith(ApplicationExtension.class)
class StartupProblemTest {
    @TempDir
    static Path dir;

    private StartupProblem problem;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Console.applyTheme();
        Path home = dir.resolve("redoubt");
        Files.createDirectories(home);
        Files.writeString(home.resolve("settings.json"), "{\"findings\": {\"thresholds\": \n");
        Throwable failure = catchThrowable(() -> RedoubtApp.open(Map.of("REDOUBT_HOME", home.toString(), "HOME", dir.toString())));
        problem = StartupProblem.of(failure);
        scene = new StartupProblemView(problem.problem(), problem.advice()).show(stage);
    }

    @Test
    void saysWhichFileIsBrokenWhereAndWhatToDoAndChangesNothing(FxRobot robot) throws Exception {
        assertThat(problem.problem()).contains("settings.json").contains("line 2").contains("not valid JSON");
        assertThat(problem.advice()).contains("Fix the file");
        assertThat(fx(() -> robot.lookup("#" + StartupProblemView.ID_MESSAGE).queryAs(Label.class).getText())).isEqualTo(problem.problem());
        assertThat(dir.resolve("redoubt/settings.json")).hasContent("{\"findings\": {\"thresholds\": \n");
        assertThat(dir.resolve("redoubt/journal.db")).doesNotExist();
        assertThat(Screenshots.write(scene, "startup-problem")).isNotEmptyFile();
    }
}
