package dev.redoubt.ui.start;

import static dev.redoubt.ui.support.FxReads.fx;
import static dev.redoubt.ui.support.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redoubt.app.AppContext;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxOptions;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.signin.SignInView;
import dev.redoubt.ui.support.ConsoleFixture;
import dev.redoubt.ui.support.Screenshots;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
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

/** The start screen with real profiles, and the SSO device-code sign-in against the sandbox, clicked through as a user would. */
@ExtendWith(ApplicationExtension.class)
class StartScreenTest {
    @TempDir
    static Path dir;

    private Sandbox sandbox;
    private ConsoleFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.forTests(NorthwindDemo.build(), Clock.systemUTC()));
        Path here = dir.resolve(String.valueOf(System.nanoTime()));
        Path aws = here.resolve("user/.aws");
        Files.createDirectories(aws);
        String endpoint = sandbox.endpoint().toString();
        Files.writeString(aws.resolve("config"), String.join("\n",
                "[profile northwind-audit]", "sso_session = northwind", "sso_account_id = 536470192834", "sso_role_name = AuditReadOnly",
                "region = eu-west-1", "endpoint_url = " + endpoint,
                "[profile northwind-operator]", "sso_session = northwind", "sso_account_id = 536470192834", "sso_role_name = BackupOperator",
                "region = eu-west-1", "endpoint_url = " + endpoint,
                "[profile prod-readonly]", "role_arn = arn:aws:iam::645019283746:role/AuditReadOnly", "source_profile = ci-keys",
                "region = eu-west-1",
                "[profile ci-keys]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "region = eu-west-1",
                "[sso-session northwind]", "sso_start_url = " + endpoint + "/start", "sso_region = eu-west-1", ""));
        // What an earlier session left: a capture opened and a profile used.
        new EstateFile().write(NorthwindDemo.build(), here.resolve("northwind-2026-11-28.json"));
        try (AppContext earlier = new AppContext(Map.of("REDOUBT_HOME", here.resolve("redoubt").toString(), "HOME", here.resolve("user").toString()),
                Clock.systemUTC())) {
            earlier.estates().rememberCapture(here.resolve("northwind-2026-11-28.json"), NorthwindDemo.NAME);
            earlier.estates().rememberProfile("northwind-audit");
        }
        fixture = ConsoleFixture.create(here, Map.of(), Clock.systemDefaultZone());
        fixture.show(stage);
    }

    @AfterEach
    void close() {
        fixture.close();
        sandbox.close();
    }

    @Test
    void listsTheProfilesAndTheRecentCaptures(FxRobot robot) throws Exception {
        TableView<ProfileRow> profiles = fx(() -> robot.lookup("#" + StartView.ID_PROFILES).queryTableView());
        waitUntil(10, () -> profiles.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> List.copyOf(profiles.getItems()))).extracting(ProfileRow::name)
                .containsExactly("ci-keys", "northwind-audit", "northwind-operator", "prod-readonly");
        assertThat(fx(() -> profiles.getItems().get(1).signIn())).isEqualTo("Not signed in");
        assertThat(fx(() -> robot.lookup("#" + StartView.ID_RECENT).queryAs(javafx.scene.Node.class).isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup(NorthwindDemo.NAME).tryQuery())).isPresent();
        assertThat(fx(() -> robot.lookup("northwind-audit").queryAll())).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Screenshots.write(fixture.scene, "start")).isNotEmptyFile();
    }

    @Test
    void signsInWithTheDeviceCodeShownInTheWindowAndConfirmedInTheBrowser(FxRobot robot) throws Exception {
        TableView<ProfileRow> profiles = fx(() -> robot.lookup("#" + StartView.ID_PROFILES).queryTableView());
        waitUntil(10, () -> profiles.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#signIn-northwind-audit");
        waitUntil(10, () -> robot.lookup("#" + SignInView.ID_CODE).tryQuery().isPresent());
        String code = fx(() -> robot.lookup("#" + SignInView.ID_CODE).queryAs(Label.class).getText());
        assertThat(code).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(fx(() -> robot.lookup("#" + SignInView.ID_REMAINING).queryAs(Label.class).getText())).matches("\\d+:\\d\\d left");
        assertThat(Screenshots.write(fixture.scene, "signin")).isNotEmptyFile();

        robot.clickOn("#" + SignInView.ID_OPEN);
        assertThat(fixture.pagesOpened).containsExactly(sandbox.endpoint() + "/device?user_code=" + code);
        approve(code, "alice", "demo");

        waitUntil(15, () -> fixture.console.workspace().connection() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#" + SignInView.ID_CODE).tryQuery())).isEmpty();
        assertThat(fixture.console.shell().selected()).contains(Destinations.SCAN);
        assertThat(fx(() -> robot.lookup("#identity").queryAs(Label.class).getText())).isEqualTo("alice · AuditReadOnly @ 536470192834");
        assertThat(fx(() -> robot.lookup("#mode").queryAs(Label.class).getText())).isEqualTo("AUDITOR · READ-ONLY");
        assertThat(fixture.userHome.resolve(".aws/sso/cache")).isNotEmptyDirectory();
        assertThat(fixture.context.journal().read(new dev.redoubt.journal.EntryQuery(null, null, "sign-in", null, 0)))
                .extracting(e -> e.detailsTree().path("outcome").asText()).containsExactly("ok", "ok");
    }

    @Test
    void cancellingTheSignInClosesTheDialogAndSaysSo(FxRobot robot) throws Exception {
        TableView<ProfileRow> profiles = fx(() -> robot.lookup("#" + StartView.ID_PROFILES).queryTableView());
        waitUntil(10, () -> profiles.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#signIn-northwind-audit");
        waitUntil(10, () -> robot.lookup("#" + SignInView.ID_CANCEL).tryQuery().isPresent());
        robot.clickOn("#" + SignInView.ID_CANCEL);

        waitUntil(10, () -> !fixture.console.workspace().busy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#" + SignInView.ID_CODE).tryQuery())).isEmpty();
        assertThat(fixture.console.workspace().connection()).isNull();
        assertThat(fixture.console.shell().notices()).anySatisfy(n -> assertThat(n.title()).isEqualTo("Could not sign in with northwind-audit"));
    }

    @Test
    void operatorModeIsChosenOnlyAfterConfirmation(FxRobot robot) throws Exception {
        robot.clickOn("#" + StartView.ID_OPERATOR);
        robot.clickOn("Stay read-only");
        assertThat(fx(() -> robot.lookup("#mode").queryAs(Label.class).getText())).isEqualTo("AUDITOR · READ-ONLY");

        robot.clickOn("#" + StartView.ID_OPERATOR);
        robot.clickOn("Work as operator");
        assertThat(fx(() -> robot.lookup("#mode").queryAs(Label.class).getText())).isEqualTo("OPERATOR");
    }

    private void approve(String code, String user, String password) throws Exception {
        String form = "user_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&username=" + user + "&password=" + password
                + "&decision=approve";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.endpoint().resolve("/device"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(400);
    }
}
