package dev.redoubt.ui.findings;

import static dev.redoubt.ui.support.FxReads.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.findings.Result;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.journal.EntryQuery;
import dev.redoubt.report.ReportFormat;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.FxReads;
import dev.redoubt.ui.support.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The findings screen in the whole console, on the Northwind demo opened as a capture file. */
@ExtendWith(ApplicationExtension.class)
class FindingsScreenTest {
    private static final String SHOP_PROD_VAULT = "arn:aws:backup:eu-west-1:645019283746:backup-vault:shop-prod";

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

    private FindingsView openFindings(FxRobot robot) throws Exception {
        Path file = dir.resolve("northwind-" + System.nanoTime() + ".json");
        new EstateFile().write(NorthwindDemo.build(), file);
        robot.interact(() -> fixture.console.actions().openCapture(file));
        FxReads.waitUntil(60, () -> fixture.console.workspace().audit() != null);
        robot.interact(() -> fixture.console.shell().select(Destinations.FINDINGS));
        FxReads.waitUntil(30, () -> !table(robot).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // The notices of opening the capture are not what these tests look at.
        robot.interact(() -> fixture.console.actions().notices().shown().clear());
        return fx(() -> (FindingsView) fixture.console.view().current());
    }

    private static TableView<FindingsLine> table(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup("#" + FindingsView.ID_TABLE).queryTableView());
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return fx(() -> {
            Node n = robot.lookup("#" + id).query();
            return n instanceof Label l ? l.getText() : ((TextField) n).getText();
        });
    }

    private List<Result> results() {
        return fixture.console.workspace().audit().results();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxReads.waitUntil(20, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void select(FxRobot robot, String checkId, String arn) throws Exception {
        TableView<FindingsLine> table = table(robot);
        int index = fx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i) instanceof ResultRow r && r.checkId().equals(checkId) && (arn == null || arn.equals(r.resourceArn()))) {
                    return i;
                }
            }
            return -1;
        });
        assertThat(index).as(checkId + " is listed").isNotNegative();
        int at = index;
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(at);
            table.scrollTo(Math.max(0, at - 3));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void filterSuppressAndLiftInFindings(FxRobot robot) throws Exception {
        openFindings(robot);
        long attention = results().stream().filter(r -> r.status() != Status.PASS).count();
        assertThat(text(robot, FindingsView.ID_COUNT)).isEqualTo(String.format(Locale.ROOT, "%,d of %,d results", attention, results().size()));
        assertThat(fx(() -> robot.lookup("#nav-findings .navigation-badge").queryAs(Label.class).getText()))
                .isEqualTo(String.valueOf(results().stream().filter(r -> r.status() == Status.FAIL).count()));

        // Filter by typing...
        robot.clickOn("#" + FindingsView.ID_SEARCH).write("shop-prod");
        long shopProd = results().stream().filter(r -> r.status() != Status.PASS)
                .filter(r -> r.resourceArn().contains("shop-prod") || "645019283746".equals(r.accountId())
                        || r.evidence().summary().toLowerCase(Locale.ROOT).contains("shop-prod")).count();
        waitUntil(() -> text(robot, FindingsView.ID_COUNT).startsWith(shopProd + " of "));
        // ...and by a severity.
        robot.clickOn("#" + FindingsView.ID_SEVERITY_FILTER);
        robot.clickOn("#" + FindingsView.ID_SEVERITY_FILTER + "-MEDIUM");
        robot.type(KeyCode.ESCAPE);
        long shopProdMedium = results().stream().filter(r -> r.status() != Status.PASS && r.severity() == Severity.MEDIUM)
                .filter(r -> r.resourceArn().contains("shop-prod") || "645019283746".equals(r.accountId())
                        || r.evidence().summary().toLowerCase(Locale.ROOT).contains("shop-prod")).count();
        waitUntil(() -> text(robot, FindingsView.ID_COUNT).startsWith(shopProdMedium + " of "));
        assertThat(fx(() -> List.copyOf(table(robot).getItems()))).filteredOn(l -> l instanceof ResultRow).hasSize((int) shopProdMedium)
                .allMatch(l -> ((ResultRow) l).severity() == Severity.MEDIUM);
        assertThat(fx(() -> robot.lookup("#" + FindingsView.ID_SEVERITY_FILTER).queryAs(javafx.scene.control.MenuButton.class).getText()))
                .isEqualTo("Severity: Medium");

        // Select a result: its evidence and how to fix it.
        select(robot, "IMM-02", SHOP_PROD_VAULT);
        waitUntil(() -> robot.lookup("#" + FindingsView.ID_DETAIL_TITLE).tryQuery().isPresent());
        assertThat(text(robot, FindingsView.ID_DETAIL_TITLE)).isEqualTo("Vault lock is in governance mode");
        assertThat(text(robot, FindingsView.ID_DETAIL_STATUS)).isEqualTo("FAIL");
        assertThat(text(robot, FindingsView.ID_DETAIL_ARN)).isEqualTo(SHOP_PROD_VAULT);
        assertThat(text(robot, FindingsView.ID_DETAIL_SUMMARY)).contains("governance mode");
        assertThat(fx(() -> robot.lookup("#" + FindingsView.ID_DETAIL_FIELDS + " .label").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .contains("BackupVault.Locked", "true");
        assertThat(text(robot, FindingsView.ID_DETAIL_CLI)).startsWith("aws backup put-backup-vault-lock-configuration");
        assertThat(text(robot, FindingsView.ID_DETAIL_SNIPPET)).isNotBlank();

        // Accept the risk through the dialog.
        robot.clickOn("#" + FindingsView.ID_ACCEPT_RISK);
        waitUntil(() -> robot.lookup("#" + FindingsView.ID_RISK_DIALOG).tryQuery().map(Node::isVisible).orElse(false));
        assertThat(text(robot, FindingsView.ID_RISK_RESOURCE)).isEqualTo(SHOP_PROD_VAULT);
        assertThat(fx(() -> robot.lookup("#" + FindingsView.ID_RISK_CONFIRM).queryButton().isDisabled())).isTrue();
        robot.clickOn("#" + FindingsView.ID_RISK_JUSTIFICATION).write("Compliance lock planned in CHG-4711");
        assertThat(fx(() -> robot.lookup("#" + FindingsView.ID_RISK_CONFIRM).queryButton().isDisabled())).isFalse();
        Screenshots.write(fixture.scene, "finding-accept-risk");
        robot.clickOn("#" + FindingsView.ID_RISK_CONFIRM);
        waitUntil(() -> "SUPPRESSED".equals(text(robot, FindingsView.ID_DETAIL_STATUS)));
        assertThat(text(robot, FindingsView.ID_DETAIL_ARN)).isEqualTo(SHOP_PROD_VAULT);
        assertThat(text(robot, FindingsView.ID_DETAIL_JUSTIFICATION)).contains("CHG-4711");
        assertThat(fx(() -> table(robot).getSelectionModel().getSelectedItem())).isInstanceOfSatisfying(ResultRow.class,
                r -> assertThat(r.status()).isEqualTo(Status.SUPPRESSED));
        assertThat(Files.readString(fixture.context.services().suppressions().file())).contains("CHG-4711");
        assertThat(fixture.context.journal().read(new EntryQuery(null, null, "suppression-added", SHOP_PROD_VAULT, 0))).hasSize(1);

        // Lift it again.
        robot.clickOn("#" + FindingsView.ID_LIFT);
        waitUntil(() -> robot.lookup("#" + FindingsView.ID_LIFT_DIALOG).tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#" + FindingsView.ID_LIFT_REASON).write("Lock is in compliance mode now");
        Screenshots.write(fixture.scene, "finding-lift");
        robot.clickOn("#" + FindingsView.ID_LIFT_CONFIRM);
        waitUntil(() -> "FAIL".equals(text(robot, FindingsView.ID_DETAIL_STATUS)));
        assertThat(fixture.context.services().suppressions().list()).isEmpty();
        assertThat(fixture.context.journal().read(new EntryQuery(null, null, "suppression-removed", SHOP_PROD_VAULT, 0))).hasSize(1);
    }

    @Test
    void keyboardSearchNavigationAndExport(FxRobot robot) throws Exception {
        FindingsView view = openFindings(robot);
        TableView<FindingsLine> table = table(robot);

        robot.clickOn(table);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#" + FindingsView.ID_SEARCH).query().isFocused())).isTrue();
        robot.write("PendingDeletion");
        waitUntil(() -> table.getItems().size() == 2); // the ENC-05 heading and its one failure
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> text(robot, FindingsView.ID_SEARCH).isEmpty() && table.getItems().size() > 2);

        // Arrows move through the list; Enter on a heading folds it, on a result opens the detail.
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(0);
            table.getFocusModel().focus(0);
        });
        robot.type(KeyCode.DOWN);
        waitUntil(() -> table.getSelectionModel().getSelectedIndex() == 1);
        assertThat(fx(() -> table.getSelectionModel().getSelectedItem())).isInstanceOf(ResultRow.class);
        assertThat(fx(() -> robot.lookup("#" + FindingsView.ID_DETAIL_TITLE).tryQuery())).isPresent();
        robot.type(KeyCode.UP);
        waitUntil(() -> table.getSelectionModel().getSelectedIndex() == 0);
        int before = fx(() -> table.getItems().size());
        robot.type(KeyCode.LEFT);
        waitUntil(() -> table.getItems().size() < before);
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> table.getItems().size() == before);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#" + FindingsView.ID_DETAIL).query().isFocused());

        // Export: the chooser answers with a path instead of a native dialog.
        Path report = dir.resolve("exports-" + System.nanoTime()).resolve("report.html");
        Files.createDirectories(report.getParent());
        robot.interact(() -> view.fileChooser((owner, format, name) -> {
            assertThat(format).isEqualTo(ReportFormat.HTML);
            assertThat(name).endsWith(".html");
            return report;
        }));
        robot.clickOn("#" + FindingsView.ID_EXPORT);
        robot.clickOn("#" + FindingsView.ID_EXPORT + "-HTML");
        waitUntil(() -> Files.exists(report));
        assertThat(Files.readString(report)).contains("Northwind");
        waitUntil(() -> fixture.console.actions().notices().shown().stream().anyMatch(n -> n.title().equals("Report exported")));
    }

    @Test
    void writesTheScreenshots(FxRobot robot) throws Exception {
        FindingsView view = openFindings(robot);
        FindingsViewModel vm = view.viewModel();
        TableView<FindingsLine> table = table(robot);

        // One critical failure in detail: its evidence and how to fix it (a key left disabled: no backup it encrypts can be restored).
        String disabledKey = results().stream().filter(r -> r.checkId().equals("ENC-05") && r.status() == Status.FAIL)
                .filter(r -> r.evidence().summary().contains("Disabled")).findFirst().orElseThrow().resourceArn();
        select(robot, "ENC-05", disabledKey);
        robot.interact(() -> table.scrollTo(0));
        waitUntil(() -> robot.lookup("#" + FindingsView.ID_DETAIL_CLI).tryQuery().isPresent());
        assertThat(text(robot, FindingsView.ID_DETAIL_STATUS)).isEqualTo("FAIL");
        assertThat(text(robot, FindingsView.ID_DETAIL_SEVERITY)).isEqualTo("CRITICAL");
        assertThat(Screenshots.write(fixture.scene, "finding-detail")).isNotEmptyFile();

        // The new ACC-12: a workload account can disable or delete the key of backups kept apart from it.
        String workloadKey = results().stream().filter(r -> r.checkId().equals("ACC-12") && r.status() == Status.FAIL)
                .filter(r -> r.evidence().summary().contains("production account")).findFirst().orElseThrow().resourceArn();
        select(robot, "ACC-12", workloadKey);
        waitUntil(() -> robot.lookup("#" + FindingsView.ID_DETAIL_CLI).tryQuery().isPresent());
        assertThat(text(robot, FindingsView.ID_DETAIL_SEVERITY)).isEqualTo("HIGH");
        assertThat(Screenshots.write(fixture.scene, "finding-acc12")).isNotEmptyFile();

        // The list: what needs attention, high or worse, one heading per check, the worst opened.
        robot.interact(() -> {
            vm.filter(vm.filter().withSeverities(java.util.Set.of(Severity.CRITICAL, Severity.HIGH)));
            vm.collapseAll();
        });
        waitUntil(() -> table.getItems().stream().allMatch(l -> l instanceof GroupRow g && !g.expanded()));
        robot.interact(() -> {
            vm.expand((GroupRow) table.getItems().get(0), true);
        });
        waitUntil(() -> table.getItems().get(1) instanceof ResultRow);
        int heading = fx(() -> {
            int last = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i) instanceof GroupRow g && g.key().equals("IMM-02")) {
                    last = i;
                }
            }
            return last;
        });
        int at = heading;
        robot.interact(() -> table.getSelectionModel().clearAndSelect(at));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Screenshots.write(fixture.scene, "findings")).isNotEmptyFile();

        robot.interact(() -> {
            vm.clearFilters();
            vm.groupingProperty().set(Grouping.RESOURCE);
        });
        waitUntil(() -> table.getItems().get(0) instanceof GroupRow g && g.grouping() == Grouping.RESOURCE);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Screenshots.write(fixture.scene, "findings-by-resource")).isNotEmptyFile();

        // The smallest window still shows the list and the detail.
        robot.interact(() -> {
            vm.groupingProperty().set(Grouping.NONE);
            stage.setWidth(1024);
            stage.setHeight(640);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Screenshots.write(fixture.scene, "findings-small")).isNotEmptyFile();
    }

    private FindingsViewModel findingsViewModel(FxRobot robot) {
        return ((FindingsView) fixture.console.view().current()).viewModel();
    }
}
