package dev.redoubt.ui.signin;

import atlantafx.base.theme.Styles;
import dev.redoubt.ui.StyleClasses;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The SSO sign-in dialog: the code large enough to compare at a glance, a copy button, the page
 * (opened in the browser, or to open by hand), the time left, and cancel.
 */
public final class SignInView {
    public static final String ID = "signInDialog";
    public static final String ID_CODE = "deviceCode";
    public static final String ID_COPY = "copyCode";
    public static final String ID_OPEN = "openPage";
    public static final String ID_REMAINING = "remaining";
    public static final String ID_CANCEL = "cancelSignIn";

    private final VBox root = new VBox(16);
    private final Timeline ticker;

    public SignInView(SignInViewModel vm) {
        root.setId(ID);
        root.getStyleClass().addAll(StyleClasses.CARD, "sign-in-dialog");
        root.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        root.setPrefWidth(520);

        Label title = new Label("Sign in with IAM Identity Center");
        title.getStyleClass().add(Styles.TITLE_3);
        Label lead = new Label("Confirm this code in your browser to let Redoubt act as you (profile " + vm.profile() + ").");
        lead.setWrapText(true);

        Label code = new Label(vm.userCode());
        code.setId(ID_CODE);
        code.getStyleClass().addAll("device-code", StyleClasses.MONO);
        Button copy = new Button("Copy", new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.setId(ID_COPY);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.userCode());
            Clipboard.getSystemClipboard().setContent(c);
            copy.setText("Copied");
        });
        HBox codeRow = new HBox(16, code, copy);
        codeRow.setAlignment(Pos.CENTER_LEFT);

        Hyperlink page = new Hyperlink(vm.verificationUri());
        page.getStyleClass().add(StyleClasses.MONO);
        page.setOnAction(e -> vm.openPage());
        Label pageHint = new Label();
        pageHint.setWrapText(true);
        pageHint.getStyleClass().add(StyleClasses.HINT);
        pageHint.textProperty().bind(javafx.beans.binding.Bindings.when(vm.browserOpenedProperty())
                .then("A browser window was opened on this page. If it did not appear, open the page yourself and enter the code.")
                .otherwise("Open this page in a browser and enter the code above."));
        VBox pageBox = new VBox(2, page, pageHint);

        Label remaining = new Label();
        remaining.setId(ID_REMAINING);
        remaining.textProperty().bind(vm.remainingProperty());
        remaining.setGraphic(new FontIcon(Material2OutlinedMZ.TIMER));
        Label waiting = new Label("Waiting for your confirmation…");
        waiting.getStyleClass().add(Styles.TEXT_MUTED);

        Button open = new Button("Open the page", new FontIcon(Material2OutlinedAL.LAUNCH));
        open.setId(ID_OPEN);
        open.getStyleClass().add(Styles.ACCENT);
        open.setDefaultButton(true);
        open.setOnAction(e -> vm.openPage());
        Button cancel = new Button("Cancel");
        cancel.setId(ID_CANCEL);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            cancel.setDisable(true);
            vm.cancel();
        });
        HBox buttons = new HBox(10, open, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox status = new VBox(2, remaining, waiting);
        HBox bottom = new HBox(status, new atlantafx.base.controls.Spacer(), buttons);
        bottom.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(title, lead, codeRow, pageBox, bottom);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public Parent root() {
        return root;
    }

    /** Stops the countdown when the dialog closes. */
    public void close() {
        ticker.stop();
    }
}
