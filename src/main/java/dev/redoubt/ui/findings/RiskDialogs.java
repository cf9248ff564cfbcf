package dev.redoubt.ui.findings;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.redoubt.ui.StyleClasses;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DateCell;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The "Accept risk" and "Lift suppression" dialogs, shown over the findings screen. */
final class RiskDialogs {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT);

    private final FindingsViewModel vm;
    private final java.util.function.Consumer<Node> show;
    private final Runnable hide;

    RiskDialogs(FindingsViewModel vm, java.util.function.Consumer<Node> show, Runnable hide) {
        this.vm = vm;
        this.show = show;
        this.hide = hide;
    }

    void acceptRisk() {
        FindingDetail d = vm.detail();
        if (d == null || !d.canAcceptRisk()) {
            return;
        }
        AcceptRiskForm start = vm.acceptRiskForm();

        Label title = new Label("Accept the risk");
        title.getStyleClass().add(Styles.TITLE_3);
        Label what = new Label(d.checkId() + " · " + d.title() + " — " + d.resourceName());
        what.setWrapText(true);
        what.getStyleClass().add("dialog-subject");
        Label lead = new Label("The result will show as suppressed until the date below, then as failing again. The acceptance is written to"
                + " suppressions.json and recorded in the journal, with your justification and name.");
        lead.setWrapText(true);
        lead.getStyleClass().add(StyleClasses.HINT);

        TextField resource = new TextField(start.resource());
        resource.setId(FindingsView.ID_RISK_RESOURCE);
        resource.getStyleClass().add(StyleClasses.MONO);
        TextArea justification = new TextArea();
        justification.setId(FindingsView.ID_RISK_JUSTIFICATION);
        justification.setPromptText("Why is this risk acceptable? A ticket, a compensating control, a planned fix.");
        justification.setPrefRowCount(3);
        justification.setWrapText(true);
        TextField author = new TextField(start.author());
        author.setId(FindingsView.ID_RISK_AUTHOR);
        DatePicker expires = new DatePicker(start.expires());
        expires.setId(FindingsView.ID_RISK_EXPIRES);
        expires.setConverter(dateConverter());
        LocalDate today = LocalDate.now(vm.actions().clock());
        expires.setDayCellFactory(p -> new DateCell() {
            @Override
            public void updateItem(LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                setDisable(empty || item == null || !item.isAfter(today));
            }
        });

        GridPane form = new GridPane();
        form.getStyleClass().add("dialog-form");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        int row = 0;
        form.add(fieldLabel("Resource"), 0, row);
        form.add(withHint(resource, "The resource's ARN; * matches any run of characters (…:backup-vault:shop-*)."), 1, row++);
        form.add(fieldLabel("Justification"), 0, row);
        form.add(justification, 1, row++);
        form.add(fieldLabel("Accepted by"), 0, row);
        form.add(author, 1, row++);
        form.add(fieldLabel("Until"), 0, row);
        form.add(withHint(expires, "After this date the result counts as failing again, unless the acceptance is renewed."), 1, row);

        Label problem = new Label();
        problem.setId(FindingsView.ID_RISK_PROBLEM);
        problem.setWrapText(true);
        problem.getStyleClass().add(FindingsStyles.PROBLEM);

        Button confirm = new Button("Accept risk");
        confirm.setId(FindingsView.ID_RISK_CONFIRM);
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setDefaultButton(false);
        Button cancel = new Button("Cancel");
        cancel.setId(FindingsView.ID_RISK_CANCEL);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> hide.run());

        Runnable check = () -> {
            String p = vm.problem(form(start, resource, justification, author, expires));
            problem.setText(p == null ? "" : p);
            confirm.setDisable(p != null);
        };
        resource.textProperty().addListener((o, a, b) -> check.run());
        justification.textProperty().addListener((o, a, b) -> check.run());
        author.textProperty().addListener((o, a, b) -> check.run());
        expires.valueProperty().addListener((o, a, b) -> check.run());
        check.run();
        confirm.setOnAction(e -> {
            if (vm.acceptRisk(form(start, resource, justification, author, expires))) {
                hide.run();
            }
        });

        HBox buttons = new HBox(10, problem, new Spacer(), cancel, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(problem, Priority.SOMETIMES);
        VBox dialog = dialog(FindingsView.ID_RISK_DIALOG, title, what, lead, form, buttons);
        show.accept(dialog);
        justification.requestFocus();
    }

    void lift() {
        FindingDetail d = vm.detail();
        if (d == null || !d.canLift()) {
            return;
        }
        FindingDetail.AcceptedRisk risk = d.acceptedRisk();
        Label title = new Label("Lift the accepted risk");
        title.getStyleClass().add(Styles.TITLE_3);
        Label what = new Label(d.checkId() + " · " + d.title() + " — " + d.resourceName());
        what.setWrapText(true);
        what.getStyleClass().add("dialog-subject");
        Label accepted = new Label("Accepted by " + risk.author() + (risk.expired() ? ", lapsed on " : " until ") + risk.until()
                + ": “" + risk.justification() + "”");
        accepted.setWrapText(true);
        Label effect = new Label(risk.coversOthers()
                ? "It covers every resource matching " + risk.pattern() + ": all of them count as failing again."
                : "The result counts as failing again. The suppression is removed from suppressions.json and the lifting is recorded in the journal.");
        effect.setWrapText(true);
        effect.getStyleClass().add(StyleClasses.HINT);
        TextArea reason = new TextArea();
        reason.setId(FindingsView.ID_LIFT_REASON);
        reason.setPromptText("Why it is lifted (optional): the fix is in, the exception no longer holds…");
        reason.setPrefRowCount(2);
        reason.setWrapText(true);

        Button confirm = new Button("Lift suppression");
        confirm.setId(FindingsView.ID_LIFT_CONFIRM);
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setOnAction(e -> {
            if (vm.liftSuppression(reason.getText())) {
                hide.run();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId(FindingsView.ID_LIFT_CANCEL);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> hide.run());
        HBox buttons = new HBox(10, new Spacer(), cancel, confirm);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox dialog = dialog(FindingsView.ID_LIFT_DIALOG, title, what, accepted, effect, fieldLabel("Reason"), reason, buttons);
        show.accept(dialog);
        reason.requestFocus();
    }

    private static AcceptRiskForm form(AcceptRiskForm start, TextField resource, TextArea justification, TextField author, DatePicker expires) {
        LocalDate date = expires.getValue();
        if (expires.isEditable()) {
            // A date typed but not yet committed with Enter counts too.
            try {
                LocalDate typed = expires.getConverter().fromString(expires.getEditor().getText());
                date = typed != null ? typed : date;
            } catch (RuntimeException ignored) {
                // keep the picker's value
            }
        }
        return start.withResource(resource.getText()).withJustification(justification.getText()).withAuthor(author.getText()).withExpires(date);
    }

    private static VBox dialog(String id, Node... children) {
        VBox box = new VBox(14, children);
        box.setId(id);
        box.getStyleClass().addAll(StyleClasses.CARD, FindingsStyles.DIALOG);
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setPrefWidth(580);
        return box;
    }

    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(FindingsStyles.FIELD_LABEL);
        return l;
    }

    private static Node withHint(Node field, String hint) {
        Label h = new Label(hint);
        h.setWrapText(true);
        h.getStyleClass().add(StyleClasses.HINT);
        return new VBox(4, field, h);
    }

    private static StringConverter<LocalDate> dateConverter() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : DATE.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(s.trim(), DATE);
                } catch (RuntimeException e) {
                    try {
                        return LocalDate.parse(s.trim());
                    } catch (RuntimeException e2) {
                        return null;
                    }
                }
            }
        };
    }
}
