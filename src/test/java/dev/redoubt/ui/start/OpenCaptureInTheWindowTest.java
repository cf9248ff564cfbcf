package dev.redoubt.ui.start;

import static dev.redoubt.ui.support.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import dev.redoubt.ui.shell.ShellView;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import dev.redoubt.ui.tasks.RunningTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A large capture opened in the window: the status bar says how much of the file is read and offers Cancel meanwhile. */
@ExtendWith(ApplicationExtension.class)
class OpenCaptureInTheWindowTest {
    @TempDir
    static Path dir;

    private ConsoleFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = ConsoleFixture.create(dir.resolve(String.valueOf(System.nanoTime())));
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theStatusBarShowsHowMuchOfTheFileIsReadAndOffersCancel(FxRobot robot) throws Exception {
        EstateFile file = new EstateFile();
        Path capture = dir.resolve("large-" + System.nanoTime() + ".json");
        file.write(new EstateGenerator(file).generate(new GeneratorSpec(3, 2, 3, 20_000, 1, null)), capture);
        List<String> seen = new ArrayList<>();
        WritableImage[] shot = new WritableImage[1];
        javafx.scene.paint.Paint[] fills = new javafx.scene.paint.Paint[2];

        robot.interact(() -> {
            fixture.console.actions().tasks().running().addListener((ListChangeListener<RunningTask>) c -> {
                while (c.next()) {
                    for (RunningTask t : c.getAddedSubList()) {
                        t.messageProperty().addListener((o, a, m) -> {
                            if (shot[0] == null && m.endsWith(" MB read") && t.progressProperty().get() > 0 && t.progressProperty().get() < 1) {
                                // What the status bar shows now, part of the file read (the read goes on meanwhile).
                                fixture.scene.getRoot().applyCss();
                                fixture.scene.getRoot().layout();
                                for (Node n : fixture.scene.getRoot().lookupAll(".label")) {
                                    if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && n.isVisible()) {
                                        seen.add(l.getText());
                                    }
                                }
                                Node cancel = fixture.scene.lookup("#cancelTask");
                                if (cancel instanceof Button b && !b.isDisabled()) {
                                    seen.add("[Cancel]");
                                }
                                Node track = fixture.scene.lookup("#" + ShellView.ID_STATUS_BAR + " .progress-bar > .track");
                                Node statusBar = fixture.scene.lookup("#" + ShellView.ID_STATUS_BAR);
                                if (track instanceof Region tr && statusBar instanceof Region sb && tr.getBackground() != null
                                        && sb.getBackground() != null) {
                                    fills[0] = tr.getBackground().getFills().get(0).getFill();
                                    fills[1] = sb.getBackground().getFills().get(0).getFill();
                                }
                                shot[0] = fixture.scene.snapshot(null);
                            }
                        });
                    }
                }
            });
            fixture.console.actions().openCapture(capture);
        });
        waitUntil(90, () -> fixture.console.workspace().audit() != null && !fixture.console.workspace().busy());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shot[0]).as("a frame while the file was being read").isNotNull();
        assertThat(Screenshots.write(shot[0], "open-capture-reading")).isNotEmptyFile();
        assertThat(seen).contains("Opening " + capture.getFileName(), "[Cancel]");
        assertThat(seen).anyMatch(s -> s.matches("\\d+\\.\\d of \\d+\\.\\d MB read"));
        assertThat(fills[0]).as("the progress bar's track").isNotNull().as("the track stands out from the status bar")
                .isNotEqualTo(fills[1]);
        assertThat(fixture.console.workspace().estate().origin().file()).isEqualTo(capture);
    }
}
