package dev.redoubt.ui.keys;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.policy.PolicyViewer;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The keys screen in the whole console, on the Northwind demo opened as a capture file. */
@ExtendWith(ApplicationExtension.class)
class KeysScreenTest {
    private static final String US_KEY_ALIAS = "alias/central-backup-us-east-1";

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

    private TableView<KeyRow> openKeys(FxRobot robot) throws Exception {
        Path file = dir.resolve("northwind-" + System.nanoTime() + ".json");
        new EstateFile().write(NorthwindDemo.build(), file);
        robot.interact(() -> fixture.console.actions().openCapture(file));
        waitUntil(60, () -> fixture.console.workspace().catalog() != null);
        robot.interact(() -> fixture.console.shell().select(Destinations.KEYS));
        TableView<KeyRow> table = fx(() -> robot.lookup("#" + KeysView.ID_TABLE).query());
        waitUntil(30, () -> !table.getItems().isEmpty());
        robot.interact(() -> fixture.console.actions().notices().shown().clear());
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    @Test
    void listsTheKeysFiltersAndOpensAKeysPageThenGoesBack(FxRobot robot) throws Exception {
        TableView<KeyRow> table = openKeys(robot);
        assertThat(fx(() -> List.copyOf(table.getItems()))).extracting(KeyRow::kindText).contains("AWS-managed", "Customer-managed", "AWS-owned");
        Screenshots.write(fixture.scene, "keys");

        robot.clickOn("#" + KeysView.ID_FILTER).write("central-backup-us");
        waitUntil(10, () -> table.getItems().size() == 1);
        assertThat(fx(() -> table.getItems().get(0).name())).isEqualTo(US_KEY_ALIAS);

        robot.clickOn("central-backup-us-east-1");
        waitUntil(30, () -> robot.lookup("#" + KeyDetailPane.ID).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node answers = fx(() -> robot.lookup("#" + KeyDetailPane.ID_ANSWERS).query());
        assertThat(fx(() -> robot.from(answers).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .contains("Anyone can decrypt with the key: any AWS principal, outside the organization included.");
        CodeArea policy = fx(() -> robot.lookup("#" + PolicyViewer.ID).query());
        assertThat(fx(() -> policy.getText())).contains("AllowCrossAccountCopies");
        Screenshots.write(fixture.scene, "key-detail");
        // the third answer's statements, marked in the policy, the page scrolled to it
        robot.clickOn(fx(() -> robot.lookup("#answer-DISABLE_OR_DELETE_KEY .hyperlink").queryAs(javafx.scene.control.Hyperlink.class)));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(fixture.scene, "key-detail-policy");

        // the key's account is a link (to the organization tree); back returns to the key's page
        robot.interact(() -> robot.lookup(".hyperlink").queryAllAs(javafx.scene.control.Hyperlink.class).stream()
                .filter(h -> h.getText().equals("northwind-backup (536470192834, backup)")).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.console.shell().placeProperty().get()).isEqualTo(Place.of(Destinations.ORGANIZATION, "536470192834"));
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.console.shell().placeProperty().get()).isEqualTo(Place.of(Destinations.KEYS, fx(() -> table.getItems().get(0).arn())));
        assertThat(fx(() -> robot.lookup("#" + KeyDetailPane.ID).query().isVisible())).isTrue();

        // what depends on the key: its vault, a link to the vault's page
        robot.interact(() -> robot.from(robot.lookup("#" + KeyDetailPane.ID_DEPENDENTS).queryAs(Node.class)).lookup(".hyperlink")
                .queryAllAs(javafx.scene.control.Hyperlink.class).stream().filter(h -> h.getText().equals("central-us-east-1")).findFirst()
                .orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fixture.console.shell().placeProperty().get())
                .isEqualTo(Place.of(Destinations.VAULTS, "arn:aws:backup:us-east-1:536470192834:backup-vault:central-us-east-1"));
        robot.interact(() -> fixture.console.shell().back());
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> robot.lookup("#" + DetailPane.ID_BACK_TO_LIST).queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#" + KeysView.ID_LIST).query().isVisible())).isTrue();
        assertThat(fx(() -> List.copyOf(table.getItems()))).hasSize(1).as("the filter stays as the user left it");
    }
}
