package dev.redoubt.ui.findings;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.redoubt.findings.Check;
import dev.redoubt.findings.Fact;
import dev.redoubt.findings.Remediation;
import dev.redoubt.ui.StyleClasses;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The right-hand pane of the findings screen: one result (verdict, check, resource, evidence, how to
 * fix it, the accepted risk), a group heading's summary, or a hint when nothing is selected. Rebuilt
 * for each selection: it shows one result, so building it is cheap.
 */
final class FindingDetailPane {
    /** Values longer than this, or on several lines, get a block of their own under their name. */
    private static final int LONG_VALUE = 90;
    /** Lines of a long value shown before "Show all". */
    private static final int FOLDED_LINES = 12;

    private final VBox content = new VBox();
    private final ScrollPane scroll = new ScrollPane(content);
    /** Below this width, facts stack (name above value) and the action buttons show only their icon. */
    private static final double NARROW = 430;

    private final Runnable acceptRisk;
    private final Runnable lift;
    private boolean narrow;
    private Runnable again = this::empty;

    FindingDetailPane(Runnable acceptRisk, Runnable lift) {
        this.acceptRisk = acceptRisk;
        this.lift = lift;
        scroll.setId(FindingsView.ID_DETAIL);
        scroll.getStyleClass().add(FindingsStyles.DETAIL);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(true);
        content.getStyleClass().add("detail-content");
        scroll.widthProperty().addListener((o, old, w) -> {
            boolean now = w.doubleValue() > 0 && w.doubleValue() < NARROW;
            if (now != narrow) {
                narrow = now;
                double at = scroll.getVvalue();
                again.run();
                scroll.setVvalue(at);
            }
        });
        empty();
    }

    ScrollPane node() {
        return scroll;
    }

    void empty() {
        again = this::empty;
        FontIcon icon = new FontIcon(Material2OutlinedAL.ARROW_BACK);
        Label hint = new Label("Select a result to see the evidence that decided it and how to fix it.", icon);
        hint.setWrapText(true);
        hint.getStyleClass().add(FindingsStyles.EMPTY);
        Label keys = new Label("↑ ↓ move through the list · Enter opens the detail · Ctrl+F searches · Esc clears the search");
        keys.setWrapText(true);
        keys.getStyleClass().add(StyleClasses.HINT);
        VBox box = new VBox(10, hint, keys);
        box.getStyleClass().add("detail-empty-box");
        content.getChildren().setAll(box);
        scroll.setVvalue(0);
    }

    void show(FindingDetail d) {
        again = () -> show(d);
        Label status = chip(FindingsText.status(d.status()), StyleClasses.of(d.status()));
        status.setId(FindingsView.ID_DETAIL_STATUS);
        Label severity = chip(d.severity().name(), StyleClasses.of(d.severity()));
        severity.setId(FindingsView.ID_DETAIL_SEVERITY);
        Label checkId = new Label(d.checkId());
        checkId.getStyleClass().addAll(FindingsStyles.CHECK_ID, StyleClasses.MONO);
        checkId.setMinWidth(Region.USE_PREF_SIZE);
        Label facet = new Label(d.facet().title());
        facet.getStyleClass().add(StyleClasses.HINT);
        facet.setMinWidth(0);
        HBox chips = new HBox(8, status, severity, checkId, facet);
        chips.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(chips, Priority.ALWAYS);
        HBox top = new HBox(8, chips);
        top.setAlignment(Pos.CENTER_LEFT);
        if (d.canAcceptRisk()) {
            Button accept = new Button("Accept risk…", new FontIcon(Material2OutlinedMZ.VERIFIED_USER));
            accept.setId(FindingsView.ID_ACCEPT_RISK);
            accept.getStyleClass().add(Styles.SMALL);
            accept.setTooltip(new Tooltip("Record that this failure is accepted, why, by whom and until when"));
            accept.setOnAction(e -> acceptRisk.run());
            accept.setMinWidth(Region.USE_PREF_SIZE);
            iconOnlyWhenNarrow(accept);
            top.getChildren().add(accept);
        }
        if (d.canLift()) {
            Button liftButton = new Button("Lift suppression…", new FontIcon(Material2OutlinedAL.DELETE_OUTLINE));
            liftButton.setId(FindingsView.ID_LIFT);
            liftButton.getStyleClass().add(Styles.SMALL);
            liftButton.setOnAction(e -> lift.run());
            liftButton.setMinWidth(Region.USE_PREF_SIZE);
            liftButton.setTooltip(new Tooltip("Remove the accepted risk: the result counts as failing again"));
            iconOnlyWhenNarrow(liftButton);
            top.getChildren().add(liftButton);
        }

        Label title = new Label(d.title());
        title.setId(FindingsView.ID_DETAIL_TITLE);
        title.getStyleClass().add(FindingsStyles.DETAIL_TITLE);
        title.setWrapText(true);
        Label rationale = new Label(d.rationale());
        rationale.setId(FindingsView.ID_DETAIL_RATIONALE);
        rationale.getStyleClass().add("rationale");
        rationale.setWrapText(true);
        VBox heading = new VBox(6, top, title, rationale);
        heading.getStyleClass().add("detail-heading");

        Label where = muted(d.account() + " · " + d.region());
        where.setId(FindingsView.ID_DETAIL_ACCOUNT);
        VBox resource = new VBox(6, arnRow(d.resourceArn()), where);

        content.getChildren().setAll(heading, resource);
        if (d.acceptedRisk() != null) {
            content.getChildren().add(acceptedRisk(d.acceptedRisk()));
        }
        content.getChildren().add(evidence(d));
        if (d.remediation() != null) {
            content.getChildren().add(remediation(d.remediation()));
        }
        scroll.setVvalue(0);
    }

    void show(GroupRow g) {
        again = () -> show(g);
        Label severity = chip(g.severity().name(), StyleClasses.of(g.severity()));
        Label counts = new Label(g.countsText());
        counts.getStyleClass().add(StyleClasses.HINT);
        HBox chips = new HBox(8, severity, counts);
        chips.setAlignment(Pos.CENTER_LEFT);
        VBox heading = new VBox(4, chips);
        heading.getStyleClass().add("detail-heading");
        if (g.grouping() == Grouping.CHECK) {
            Check check = FindingsViewModel.check(g.key());
            Label id = new Label(g.key());
            id.getStyleClass().addAll(FindingsStyles.CHECK_ID, StyleClasses.MONO);
            Label title = new Label(g.title());
            title.getStyleClass().add(FindingsStyles.DETAIL_TITLE);
            title.setWrapText(true);
            heading.getChildren().addAll(id, title);
            if (check != null) {
                Label why = new Label(check.weakness());
                why.getStyleClass().add("rationale");
                why.setWrapText(true);
                heading.getChildren().add(why);
                content.getChildren().setAll(heading, section("What it reads", muted(check.reads())),
                        section("Where it is found", muted(g.accounts() + " · " + g.regions())));
                if (check.others() != null && !check.others().isBlank() && !check.others().strip().equals("-")) {
                    content.getChildren().add(section("Similar checks elsewhere", muted(check.others())));
                }
            } else {
                content.getChildren().setAll(heading);
            }
        } else {
            Label title = new Label(g.title());
            title.getStyleClass().add(FindingsStyles.DETAIL_TITLE);
            title.setWrapText(true);
            heading.getChildren().add(title);
            content.getChildren().setAll(heading, section("Resource", arnRow(g.key()), muted(g.accounts() + " · " + g.regions())));
        }
        Label hint = new Label(g.expanded() ? "Select one of its results to see the evidence and how to fix it."
                : "Press → or Enter to show its results.");
        hint.setWrapText(true);
        hint.getStyleClass().add(StyleClasses.HINT);
        content.getChildren().add(hint);
        scroll.setVvalue(0);
    }

    private void iconOnlyWhenNarrow(Button b) {
        if (narrow) {
            b.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }
    }

    private Node acceptedRisk(FindingDetail.AcceptedRisk r) {
        Label head = new Label(r.expired() ? "The acceptance lapsed on " + r.until() + ": the result fails again."
                : "Accepted until " + r.until() + ".");
        head.setWrapText(true);
        head.getStyleClass().add("risk-head");
        Label why = new Label("“" + r.justification() + "”");
        why.setWrapText(true);
        why.setId(FindingsView.ID_DETAIL_JUSTIFICATION);
        Label who = muted("Accepted by " + r.author());
        VBox box = section(r.expired() ? "Expired acceptance" : "Accepted risk", head, why, who);
        if (r.coversOthers()) {
            Label pattern = muted("It covers every resource matching " + r.pattern());
            pattern.setWrapText(true);
            box.getChildren().add(pattern);
        }
        box.getStyleClass().add(r.expired() ? FindingsStyles.EXPIRED_RISK : FindingsStyles.ACCEPTED_RISK);
        return box;
    }

    private Node evidence(FindingDetail d) {
        Label summary = new Label(d.summary());
        summary.setId(FindingsView.ID_DETAIL_SUMMARY);
        summary.getStyleClass().add("evidence-summary");
        summary.setWrapText(true);
        VBox box = section("Evidence", summary);
        if (!d.fields().isEmpty()) {
            box.getChildren().add(facts(d.fields(), FindingsView.ID_DETAIL_FIELDS));
        }
        if (!d.thresholds().isEmpty()) {
            Label t = new Label("Thresholds");
            t.getStyleClass().add("subsection-title");
            box.getChildren().addAll(t, facts(d.thresholds(), null));
        }
        Label asOf = muted("Evaluated as of " + d.evaluatedAsOf() + " (the capture's time). The check reads " + d.reads() + ".");
        asOf.setId(FindingsView.ID_DETAIL_AS_OF);
        box.getChildren().add(asOf);
        return box;
    }

    private Node facts(List<Fact> facts, String id) {
        GridPane grid = new GridPane();
        if (id != null) {
            grid.setId(id);
        }
        grid.getStyleClass().add("facts");
        ColumnConstraints names = new ColumnConstraints();
        names.setPercentWidth(42);
        ColumnConstraints values = new ColumnConstraints();
        values.setPercentWidth(58);
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, values);
        int row = 0;
        for (Fact f : facts) {
            Label name = new Label(f.name());
            name.getStyleClass().addAll(FindingsStyles.FACT_NAME, StyleClasses.MONO);
            name.setWrapText(true);
            String value = f.value();
            if (value.length() > LONG_VALUE || value.contains("\n")) {
                grid.add(name, 0, row++, 2, 1);
                grid.add(longValue(value), 0, row++, 2, 1);
                continue;
            }
            Label v = new Label(value);
            v.getStyleClass().addAll(FindingsStyles.FACT_VALUE, StyleClasses.MONO);
            v.setWrapText(true);
            if (narrow) {
                grid.add(new VBox(1, name, v), 0, row++, 2, 1); // name above value: long names need the whole width
            } else {
                grid.add(name, 0, row);
                grid.add(v, 1, row++);
            }
        }
        return grid;
    }

    /** A policy or a long list: a block, folded after a dozen lines. */
    private Node longValue(String value) {
        String[] lines = value.split("\n", -1);
        Label code = new Label();
        code.getStyleClass().addAll(FindingsStyles.CODE, StyleClasses.MONO);
        code.setWrapText(true);
        VBox block = new VBox(4, code);
        block.getStyleClass().add(FindingsStyles.CODE_BLOCK);
        if (lines.length > FOLDED_LINES) {
            String folded = String.join("\n", java.util.Arrays.copyOf(lines, FOLDED_LINES)) + "\n…";
            code.setText(folded);
            Hyperlink more = new Hyperlink("Show all " + lines.length + " lines");
            more.setOnAction(e -> {
                boolean showingAll = code.getText().equals(value);
                code.setText(showingAll ? folded : value);
                more.setText(showingAll ? "Show all " + lines.length + " lines" : "Show less");
            });
            block.getChildren().add(more);
        } else {
            code.setText(value);
        }
        return block;
    }

    private Node remediation(Remediation r) {
        Label action = new Label(r.action());
        action.setWrapText(true);
        action.setId(FindingsView.ID_DETAIL_ACTION);
        return section("How to fix it", action,
                code("AWS CLI", r.awsCli(), FindingsView.ID_DETAIL_CLI, FindingsView.ID_COPY_CLI),
                code(r.snippetLanguage(), r.snippet(), FindingsView.ID_DETAIL_SNIPPET, FindingsView.ID_COPY_SNIPPET));
    }

    private Node code(String language, String text, String id, String copyId) {
        Label name = new Label(language);
        name.getStyleClass().add("code-language");
        Button copy = copyButton(copyId, () -> text, "Copy the " + language + (language.equals("AWS CLI") ? " command" : " snippet"));
        HBox head = new HBox(8, name, new Spacer(), copy);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("code-head");
        Label code = new Label(text);
        code.setId(id);
        code.getStyleClass().addAll(FindingsStyles.CODE, StyleClasses.MONO);
        code.setWrapText(true);
        VBox block = new VBox(head, code);
        block.getStyleClass().add(FindingsStyles.CODE_BLOCK);
        return block;
    }

    private Node arnRow(String arn) {
        TextField field = new TextField(arn == null ? "" : arn);
        field.setId(FindingsView.ID_DETAIL_ARN);
        field.setEditable(false);
        field.getStyleClass().addAll(FindingsStyles.ARN_FIELD, StyleClasses.MONO);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button copy = copyButton(FindingsView.ID_COPY_ARN, () -> arn, "Copy the ARN");
        HBox row = new HBox(6, field, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    static Button copyButton(String id, Supplier<String> text, String tip) {
        Button copy = new Button("Copy", new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.setId(id);
        copy.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        copy.setTooltip(new Tooltip(tip));
        copy.setMinWidth(Region.USE_PREF_SIZE);
        PauseTransition back = new PauseTransition(Duration.seconds(2));
        back.setOnFinished(e -> copy.setText("Copy"));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text.get());
            Clipboard.getSystemClipboard().setContent(c);
            copy.setText("Copied");
            back.playFromStart();
        });
        return copy;
    }

    private static VBox section(String title, Node... children) {
        Label t = new Label(title.toUpperCase(Locale.ROOT));
        t.getStyleClass().add(FindingsStyles.SECTION_TITLE);
        VBox box = new VBox(8, t);
        box.getChildren().addAll(children);
        box.getStyleClass().add(FindingsStyles.SECTION);
        return box;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(StyleClasses.HINT);
        return l;
    }

    static Label chip(String text, String kind) {
        Label l = new Label(text);
        l.getStyleClass().addAll(StyleClasses.CHIP, kind);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }


}
