package dev.redoubt.ui.approvals;

import static dev.redoubt.ui.support.FxReads.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.services.TeamRow;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.FxReads;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The approval teams screen in the whole console, on the Northwind demo opened as a capture file. */
@ExtendWith(ApplicationExtension.class)
class ApprovalsScreenTest {
    static final String AIR_GAP_KEYED = "arn:aws:backup:eu-west-1:536470192834:backup-vault:central-airgap-keyed";

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

    private void openDemo(FxRobot robot) throws Exception {
        Path file = dir.resolve("northwind-" + System.nanoTime() + ".json");
        new EstateFile().write(NorthwindDemo.build(), file);
        robot.interact(() -> fixture.console.actions().openCapture(file));
        FxReads.waitUntil(60, () -> fixture.console.workspace().catalog() != null);
        robot.interact(() -> fixture.console.actions().notices().shown().clear());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxReads.waitUntil(20, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean showing(FxRobot robot, String text) throws Exception {
        return fx(() -> robot.lookup(n -> n instanceof Label l && visible(l) && l.getText() != null && l.getText().contains(text)).tryQuery()
                .isPresent());
    }

    private static Hyperlink link(FxRobot robot, String text) throws Exception {
        return fx(() -> robot.lookup(n -> n instanceof Hyperlink h && text.equals(h.getText()) && visible(h)).queryAs(Hyperlink.class));
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    @Test
    void theTeamsListOpensATeamWithItsPendingSessionAndTheRecoveryTeamsPastOnes(FxRobot robot) throws Exception {
        openDemo(robot);
        robot.interact(() -> fixture.console.shell().select(Destinations.APPROVALS));
        TableView<?> table = fx(() -> robot.lookup("#" + ApprovalsView.ID_TABLE).queryAs(TableView.class));
        waitUntil(() -> table.getItems().size() == 3);
        assertThat(showing(robot, "2 accepted, 1 invited, not accepted")).isTrue();
        assertThat(showing(robot, "New approval team for central-airgap-keyed")).isTrue();
        assertThat(Screenshots.write(fixture.scene, "approval-teams")).isNotEmptyFile();

        robot.clickOn(link(robot, "northwind-dr"));
        waitUntil(() -> showing(robot, "expires in 5 d 5 h"));
        TeamRow dr = fx(() -> (TeamRow) table.getItems().get(0));
        assertThat(fixture.console.shell().placeProperty().get()).isEqualTo(Place.of(Destinations.APPROVALS, dr.arn()));
        assertThat(showing(robot, "Any 2 of these 2 people approve")).isFalse();
        assertThat(showing(robot, "Both of these people approve (nobody may be away)")).isTrue();
        assertThat(fx(() -> robot.lookup("#" + ApprovalsView.ID_VERDICT).queryAs(Label.class).getText())).contains("1 request waits for approval");
        assertThat(showing(robot, "bob: No response")).isTrue();
        assertThat(Screenshots.write(fixture.scene, "approval-team-pending")).isNotEmptyFile();

        robot.interact(() -> fixture.console.shell().back());
        waitUntil(() -> robot.lookup("#" + ApprovalsView.ID_TABLE).query().isVisible());
        robot.clickOn(link(robot, "northwind-recovery"));
        waitUntil(() -> showing(robot, "INC-4711: restore shop media after the bad deploy"));
        assertThat(showing(robot, "Expired: not enough approvals before the deadline")).isTrue();
        assertThat(showing(robot, "Any 2 of these 3 people approve")).isTrue();
        assertThat(link(robot, "central-airgap-eu-west-1")).isNotNull();
        // The screenshot shows the sessions: the page scrolled to the past ones, the investigator's part.
        Node past = fx(() -> robot.lookup("#" + ApprovalsView.ID_PAST_SESSIONS).query());
        robot.interact(() -> {
            ScrollPane scroll = null;
            for (Node n = past; n != null; n = n.getParent()) {
                if (n instanceof ScrollPane sp) {
                    scroll = sp;
                    break;
                }
            }
            Node content = scroll.getContent();
            double y = content.sceneToLocal(past.localToScene(0, 0)).getY() - 60;
            double room = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.max(0, Math.min(1, y / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Screenshots.write(fixture.scene, "approval-team")).isNotEmptyFile();
    }

    @Test
    void theVaultPagesApprovalTeamLinksToTheTeamsPage(FxRobot robot) throws Exception {
        openDemo(robot);
        robot.interact(() -> fixture.console.shell().open(Place.of(Destinations.VAULTS, AIR_GAP_KEYED)));
        waitUntil(() -> robot.lookup(n -> n instanceof Hyperlink h && "northwind-dr".equals(h.getText()) && visible(h)).tryQuery().isPresent());
        Hyperlink team = link(robot, "northwind-dr");
        robot.interact(team::fire);
        waitUntil(() -> showing(robot, "expires in 5 d 5 h"));
        assertThat(fixture.console.shell().placeProperty().get().destination()).isEqualTo(Destinations.APPROVALS);
    }
}
