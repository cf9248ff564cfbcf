package dev.redoubt.ui.drills;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.redoubt.drills.CheckResult;
import dev.redoubt.drills.DrillState;
import dev.redoubt.drills.DrillStatus;
import dev.redoubt.drills.MemberState;
import dev.redoubt.drills.PreflightItem;
import dev.redoubt.drills.RecoveryPointChoice;
import dev.redoubt.drills.RestoreJobView;
import dev.redoubt.drills.StepRecord;
import dev.redoubt.drills.DrillStep;
import dev.redoubt.ui.browse.ArnLink;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.FactGrid;
import dev.redoubt.ui.browse.Formats;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The drill wizard: its steps down the left with each one's elapsed time, the page of the step on show on the right. Nodes only. */
final class DrillWizardView {
    static final String ID = "drillWizard";
    static final String ID_STEPS = "drillWizardSteps";
    static final String ID_PAGE = "drillWizardPage";
    static final String ID_TITLE = "drillTitle";
    static final String ID_FILTER = "drillResourceFilter";
    static final String ID_RESOURCES = "drillResources";
    static final String ID_GROUP = "drillGroup";
    static final String ID_ADD = "drillAddResource";
    static final String ID_OPEN_RUNBOOK = "drillOpenRunbook";
    static final String ID_SAVE_RUNBOOK = "drillSaveRunbook";
    static final String ID_BEGIN = "drillBegin";
    static final String ID_TO_PREFLIGHT = "drillToPreflight";
    static final String ID_PREFLIGHT_AGAIN = "drillPreflightAgain";
    static final String ID_TO_CONFIRM = "drillToConfirm";
    static final String ID_CONFIRM_TEXT = "drillConfirmText";
    static final String ID_START = "drillStart";
    static final String ID_FOLLOW = "drillFollow";
    static final String ID_SKIP_AHEAD = "drillSkipAhead";
    static final String ID_TO_VALIDATE = "drillToValidate";
    static final String ID_TO_CLEAN_UP = "drillToCleanUp";
    static final String ID_CLEAN_UP_CONFIRMED = "drillCleanUpConfirmed";
    static final String ID_RECORD_CLEAN_UP = "drillRecordCleanUp";
    static final String ID_SUMMARY_NOTES = "drillSummaryNotes";
    static final String ID_SUMMARIZE = "drillSummarize";
    static final String ID_ERROR = "drillError";

    private final DrillsViewModel parent;
    private final DrillWizardViewModel vm;
    private final BrowseContext ctx;
    private final Supplier<DrillNodes.ReportChooser> chooser;
    private final BorderPane root = new BorderPane();
    private final VBox steps = new VBox(2);
    private final VBox page = new VBox(14);
    private final ScrollPane scroll = new ScrollPane(page);
    private final VBox head = new VBox(8);
    private WizardStep rendered;
    private String renderedFor;
    private String renderedHead;
    private final VBox monitorCards = new VBox(12);
    private Button followButton;
    private Button skipButton;
    private Button validateButton;
    private Label followingText;

    DrillWizardView(DrillsViewModel parent, Supplier<DrillNodes.ReportChooser> chooser) {
        this.parent = parent;
        this.vm = parent.wizard();
        this.ctx = parent.context();
        this.chooser = chooser;
        root.setId(ID);
        steps.setId(ID_STEPS);
        steps.getStyleClass().add("drill-steps");
        steps.setPrefWidth(190);
        steps.setMinWidth(190);
        page.setId(ID_PAGE);
        page.getStyleClass().add("drill-page");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        BorderPane right = new BorderPane(scroll);
        right.setTop(head);
        head.getStyleClass().add("drill-head");
        root.setLeft(steps);
        root.setCenter(right);
        vm.stepTimes().addListener((javafx.collections.ListChangeListener<DrillWizardViewModel.StepTime>) c -> renderSteps());
        vm.stepProperty().addListener((o, was, is) -> render(true));
        vm.drillProperty().addListener((o, was, is) -> render(false));
        vm.choices().addListener((javafx.collections.ListChangeListener<DrillWizardViewModel.MemberChoices>) c -> {
            if (vm.step() == WizardStep.CHOOSE) {
                render(true);
            }
        });
        vm.nowProperty().addListener((o, was, is) -> {
            if (vm.step() == WizardStep.MONITOR && rendered == WizardStep.MONITOR) {
                updateMonitor(vm.drill());
            }
        });
        vm.followingProperty().addListener((o, was, is) -> {
            if (vm.step() == WizardStep.MONITOR && rendered == WizardStep.MONITOR) {
                updateMonitor(vm.drill());
            }
        });
        render(true);
        renderSteps();
    }

    BorderPane root() {
        return root;
    }

    private ZoneId zone() {
        return ctx.clock().getZone();
    }

    // ---- the frame

    private void renderSteps() {
        steps.getChildren().clear();
        Label t = new Label("Drill steps");
        t.getStyleClass().add("drill-steps-title");
        steps.getChildren().add(t);
        for (DrillWizardViewModel.StepTime st : vm.stepTimes()) {
            Label name = new Label(st.step().numbered());
            name.getStyleClass().add("drill-step-name");
            Label time = new Label(st.elapsed().isEmpty() ? (st.done() ? "done" : "") : st.elapsed());
            time.getStyleClass().add("drill-step-time");
            FontIcon icon = new FontIcon(st.done() ? Material2OutlinedAL.CHECK_CIRCLE : st.current() ? Material2OutlinedMZ.RADIO_BUTTON_CHECKED
                    : Material2OutlinedMZ.RADIO_BUTTON_UNCHECKED);
            icon.getStyleClass().add("drill-step-icon");
            HBox line = new HBox(8, icon, name, new Spacer(), time);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setId("drillStep-" + st.step().name().toLowerCase(java.util.Locale.ROOT));
            line.getStyleClass().add("drill-step");
            if (st.current()) {
                line.getStyleClass().add("drill-step-current");
            }
            if (st.done()) {
                line.getStyleClass().add("drill-step-done");
            }
            if (st.reachable() && !st.current()) {
                line.setOnMouseClicked(e -> vm.show(st.step()));
            }
            steps.getChildren().add(line);
        }
    }

    /** Builds the page anew when the step or the drill changed ({@code force}: the step changed; else keep a page being typed into). */
    private void render(boolean force) {
        DrillState s = vm.drill();
        // with no drill begun, only the first page has anything to show
        WizardStep step = s == null ? WizardStep.CHOOSE : vm.step();
        String key = s == null ? "" : s.id();
        // Pages with fields keep what is typed: they are rebuilt only when the step changes or another drill is shown.
        boolean typing = step == WizardStep.CONFIRM || step == WizardStep.SUMMARY || step == WizardStep.CLEAN_UP
                || (step == WizardStep.CHOOSE && s == null);
        if (!force && typing && step == rendered && key.equals(renderedFor)) {
            return;
        }
        String headKey = step + "|" + key + "|" + (s != null && s.status() != null && s.status().finished());
        if (!headKey.equals(renderedHead)) {
            // the head holds the abandon form: rebuilt only when the page or the drill changes, never by a poll
            renderHead(s);
            renderedHead = headKey;
        }
        if (!force && step == WizardStep.MONITOR && rendered == WizardStep.MONITOR && key.equals(renderedFor)) {
            // the buttons stay put while a poll refreshes the jobs (a click is never lost to a rebuild)
            updateMonitor(s);
            return;
        }
        rendered = step;
        renderedFor = key;
        page.getChildren().setAll(switch (step) {
            case CHOOSE -> s == null ? chooseResources() : choosePoints(s);
            case PREFLIGHT -> preflight(s);
            case CONFIRM -> confirm(s);
            case MONITOR -> monitor(s);
            case VALIDATE -> validate(s);
            case CLEAN_UP -> cleanUp(s);
            case SUMMARY -> summary(s);
            case SIGN_OFF -> signOff(s);
        });
    }

    private void renderHead(DrillState s) {
        Label kind = new Label("Restore drill · step " + (vm.step().ordinal() + 1) + " of " + WizardStep.values().length + ": " + vm.step().title());
        kind.getStyleClass().add(BrowseStyles.DETAIL_KIND);
        Label title = new Label(s == null ? "New drill" : s.title());
        title.getStyleClass().add(BrowseStyles.DETAIL_TITLE);
        title.setWrapText(true);
        Button back = new Button("All restore drills", new FontIcon(Material2OutlinedAL.ARROW_BACK));
        back.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        back.setOnAction(e -> parent.backToList());
        HBox top = new HBox(8, back, new Spacer());
        top.setAlignment(Pos.CENTER_LEFT);
        if (s != null && !s.status().finished()) {
            VBox abandonForm = DrillNodes.abandonForm(parent, s.id());
            Button abandon = DrillNodes.abandonButton(abandonForm);
            abandon.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            top.getChildren().add(abandon);
            head.getChildren().setAll(top, kind, title);
            if (vm.rehearsalProperty().get()) {
                head.getChildren().add(DrillNodes.rehearsalBanner());
            }
            head.getChildren().addAll(abandonForm, DrillNodes.message(parent.messageProperty(), DrillNodes.ID_MESSAGE));
        } else {
            head.getChildren().setAll(top, kind, title);
            if (vm.rehearsalProperty().get()) {
                head.getChildren().add(DrillNodes.rehearsalBanner());
            }
            head.getChildren().add(DrillNodes.message(parent.messageProperty(), DrillNodes.ID_MESSAGE));
        }
        Label error = DrillNodes.message(vm.errorProperty(), ID_ERROR);
        error.getStyleClass().add("drill-error");
        Label info = DrillNodes.message(vm.infoProperty(), "drillInfo");
        head.getChildren().addAll(error, info);
    }

    private static Label lead(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("drill-lead");
        return l;
    }

    private HBox next(Node... buttons) {
        HBox h = new HBox(8);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getChildren().add(new Spacer());
        h.getChildren().addAll(buttons);
        h.getStyleClass().add("drill-next");
        return h;
    }

    // ---- 1 choose: what

    private Node[] chooseResources() {
        TextField title = new TextField();
        title.setId(ID_TITLE);
        title.textProperty().bindBidirectional(vm.titleProperty());
        title.setPromptText("What this drill is called (in the journal and the report)");
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox titleRow = DrillNodes.row(new Label("Title"), title);

        CustomTextField filter = new CustomTextField();
        filter.setId(ID_FILTER);
        filter.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        filter.setPromptText("Filter by name, type, account or region");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        ListView<ResourceChoice> all = new ListView<>(vm.resources());
        all.setId(ID_RESOURCES);
        all.setPrefHeight(280);
        all.setCellFactory(l -> new ResourceCell(false));
        all.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.add(all.getSelectionModel().getSelectedItem());
            }
        });
        Button add = DrillNodes.button("Add to the drill", ID_ADD, Material2OutlinedAL.ADD);
        add.disableProperty().bind(all.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> vm.add(all.getSelectionModel().getSelectedItem()));
        VBox left = new VBox(8, DrillNodes.heading("Protected resources"), filter, all, add);
        HBox.setHgrow(left, Priority.ALWAYS);

        ListView<ResourceChoice> group = new ListView<>(vm.group());
        group.setId(ID_GROUP);
        group.setPrefHeight(280);
        group.setCellFactory(l -> new ResourceCell(true));
        Label none = DrillNodes.muted("Add the resources to restore. Several make a recovery group, restored in this order (a database before its volumes).");
        none.setPadding(new Insets(8));
        group.setPlaceholder(none);
        Button open = DrillNodes.button("Open runbook…", ID_OPEN_RUNBOOK, Material2OutlinedMZ.MENU_BOOK);
        open.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Open a runbook");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Runbook (*.json)", "*.json"));
            File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                vm.openRunbook(f.toPath());
            }
        });
        Button save = DrillNodes.button("Save as runbook…", ID_SAVE_RUNBOOK, Material2OutlinedMZ.SAVE);
        save.disableProperty().bind(Bindings.isEmpty(vm.group()));
        save.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save the recovery group as a runbook");
            fc.setInitialFileName("runbook.json");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Runbook (*.json)", "*.json"));
            File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                vm.saveRunbook(f.toPath());
            }
        });
        VBox right = new VBox(8, DrillNodes.heading("To restore, in this order"), group, DrillNodes.row(open, save));
        right.setPrefWidth(380);
        right.setMinWidth(300);
        HBox columns = new HBox(16, left, right);

        Button begin = DrillNodes.primary("Next: choose the recovery points", ID_BEGIN);
        begin.disableProperty().bind(Bindings.isEmpty(vm.group()).or(vm.busyProperty()));
        begin.setOnAction(e -> vm.begin());
        return new Node[] {lead("Choose what to restore: one resource, or several as a recovery group (an application: its database, then its volumes). "
                + "The drill's stopwatch starts when you go on."), titleRow, columns, next(begin)};
    }

    /** A resource in the lists: name, type, account and region; in the group with its place and buttons to reorder. */
    private final class ResourceCell extends ListCell<ResourceChoice> {
        private final boolean inGroup;

        ResourceCell(boolean inGroup) {
            this.inGroup = inGroup;
        }

        @Override
        protected void updateItem(ResourceChoice r, boolean empty) {
            super.updateItem(r, empty);
            setText(null);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            setPrefWidth(0);
            Label name = new Label((inGroup ? (getIndex() + 1) + ". " : "") + r.name());
            name.setMinWidth(0);
            name.getStyleClass().add("drill-resource-name");
            Label line = DrillNodes.muted(inGroup ? r.typeText() + " · " + r.region() : r.typeText() + " · "
                    + (r.accountName() == null ? r.accountId() : r.accountName()) + " · " + r.region() + " · " + r.points()
                    + (r.points() == 1 ? " recovery point" : " recovery points"));
            line.setTooltip(new javafx.scene.control.Tooltip(r.arn()));
            line.setWrapText(false);
            line.setMinWidth(0);
            VBox text = new VBox(1, name, line);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox box = new HBox(6, text);
            box.setAlignment(Pos.CENTER_LEFT);
            if (inGroup) {
                Button up = new Button(null, new FontIcon(Material2OutlinedAL.ARROW_UPWARD));
                up.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
                up.setTooltip(new javafx.scene.control.Tooltip("Restore earlier"));
                up.setDisable(getIndex() == 0);
                up.setOnAction(e -> vm.moveUp(r));
                Button remove = new Button(null, new FontIcon(Material2OutlinedAL.CLOSE));
                remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
                remove.setTooltip(new javafx.scene.control.Tooltip("Remove from the drill"));
                remove.setOnAction(e -> vm.remove(r));
                box.getChildren().addAll(up, remove);
            }
            setGraphic(box);
        }
    }

    // ---- 1 choose: from which recovery point

    public static final String ID_THROUGH = "drillThroughRestoreAccess";

    private Node[] choosePoints(DrillState s) {
        VBox cards = new VBox(12);
        Instant now = ctx.clock().instant();
        for (DrillWizardViewModel.MemberChoices mc : vm.choices()) {
            ToggleGroup tg = new ToggleGroup();
            VBox options = new VBox(6);
            int shown = 0;
            for (RecoveryPointChoice p : mc.points()) {
                if (shown++ >= 6) {
                    options.getChildren().add(DrillNodes.muted((mc.points().size() - 6) + " older recovery points not shown."));
                    break;
                }
                RadioButton rb = new RadioButton(Formats.dateTime(p.created(), zone()) + " · RPO " + DrillWords.duration(p.age()));
                rb.setTooltip(new javafx.scene.control.Tooltip(p.recoveryPointArn()));
                rb.setId("drillPoint-" + mc.member() + "-" + (shown - 1));
                rb.setToggleGroup(tg);
                rb.setUserData(p.recoveryPointArn());
                rb.setSelected(p.recoveryPointArn().equals(vm.chosen().get(mc.member())));
                rb.setMinWidth(Region.USE_PREF_SIZE);
                HBox line = DrillNodes.row(rb, DrillNodes.jobChip(p.status()));
                if (p.suggested()) {
                    line.getChildren().add(DrillNodes.chip("Suggested", "good"));
                }
                String via = vm.throughProperty().get();
                boolean through = via != null && p.recoveryPointArn().equals(vm.pointAsked());
                if (through) { // approved: the air-gapped vault's note ("restore access must first be approved") no longer applies
                    Label chip = DrillNodes.chip("Through restore access", "good");
                    chip.setId(ID_THROUGH);
                    chip.setTooltip(new javafx.scene.control.Tooltip("Restored through the restore-access vault " + via
                            + ", opened by multi-party approval onto the air-gapped vault " + p.vaultName()));
                    line.getChildren().add(chip);
                }
                Label where = DrillNodes.muted("vault " + p.vaultName() + " · " + p.region()
                        + (through ? " · via " + via.substring(via.lastIndexOf(':') + 1)
                        : p.note() == null || p.note().isBlank() ? "" : " · " + p.note()));
                where.setWrapText(false);
                where.setTooltip(new javafx.scene.control.Tooltip(where.getText()));
                line.getChildren().add(where);
                options.getChildren().add(line);
            }
            tg.selectedToggleProperty().addListener((o, was, is) -> {
                if (is != null) {
                    vm.choose(mc.member(), (String) is.getUserData());
                }
            });
            if (mc.points().isEmpty()) {
                options.getChildren().add(DrillNodes.muted("No recovery point of this resource is in the capture: it cannot be restored in this drill."));
            }
            cards.getChildren().add(DrillNodes.card(DrillNodes.heading((mc.member() + 1) + ". " + mc.resource().resourceName() + " · "
                    + dev.redoubt.ui.restorejobs.RestoreJobWords.resourceType(mc.resource().resourceType())), DrillNodes.muted(
                    "Restore from which recovery point? Its age is the RPO this restore shows (RPO: the data written since it would be lost)."), options));
        }
        if (vm.choices().isEmpty()) {
            cards.getChildren().add(DrillNodes.muted("Listing the recovery points…"));
        }
        Button go = DrillNodes.primary("Next: preflight", ID_TO_PREFLIGHT);
        go.disableProperty().bind(vm.busyProperty());
        go.setOnAction(e -> vm.toPreflight());
        return new Node[] {lead("Choose the recovery point of each resource. Redoubt suggests the newest completed one with no failing finding."),
                cards, next(go)};
    }

    // ---- 2 preflight

    private Node[] preflight(DrillState s) {
        VBox cards = new VBox(12);
        for (int i = 0; i < s.members().size(); i++) {
            MemberState m = s.members().get(i);
            GridPane items = new GridPane();
            items.setHgap(12);
            items.setVgap(8);
            int row = 0;
            for (PreflightItem p : m.preflight()) {
                Label title = new Label(p.title());
                title.getStyleClass().add("drill-item-title");
                title.setWrapText(true);
                title.setMaxWidth(230);
                title.setMinWidth(160);
                VBox why = new VBox(2, DrillNodes.wrapped(p.reason()));
                if (p.fix() != null && !p.fix().isBlank() && p.verdict() != dev.redoubt.findings.Status.PASS) {
                    Label fix = DrillNodes.wrapped("What to do: " + p.fix());
                    fix.getStyleClass().add("drill-fix");
                    why.getChildren().add(fix);
                }
                GridPane.setHgrow(why, Priority.ALWAYS);
                Label chip = DrillNodes.verdictChip(p.verdict());
                chip.setId("drillPreflight-" + i + "-" + p.id());
                items.addRow(row++, chip, title, why);
            }
            items.getChildren().forEach(n -> GridPane.setValignment(n, javafx.geometry.VPos.TOP));
            DrillWizardViewModel.MemberInputs in = i < vm.inputs().size() ? vm.inputs().get(i) : null;
            VBox card = DrillNodes.card(DrillNodes.heading((i + 1) + ". " + m.member().resourceName() + " from "
                    + (m.pointCreated() == null ? Formats.shortArn(m.recoveryPointArn()) : "the recovery point of " + Formats.dateTime(m.pointCreated(), zone()))),
                    m.preflight().isEmpty() ? DrillNodes.muted("The preflight has not run.") : items);
            if (in != null) {
                TextField role = new TextField();
                role.setId("drillRole-" + i);
                role.textProperty().bindBidirectional(in.roleProperty());
                role.setPromptText("arn:aws:iam::ACCOUNT:role/… (Redoubt proposes one when empty)");
                HBox.setHgrow(role, Priority.ALWAYS);
                GridPane meta = new GridPane();
                meta.setHgap(10);
                meta.setVgap(4);
                meta.getStyleClass().add("drill-metadata");
                int r = 0;
                for (DrillWizardViewModel.MetadataEntry e : in.metadata()) {
                    Label k = new Label(e.keyProperty().get());
                    k.getStyleClass().add("drill-mono");
                    k.setMinWidth(Region.USE_PREF_SIZE);
                    TextField v = new TextField();
                    v.setId("drillMeta-" + i + "-" + e.keyProperty().get());
                    v.textProperty().bindBidirectional(e.valueProperty());
                    GridPane.setHgrow(v, Priority.ALWAYS);
                    meta.addRow(r++, k, v);
                }
                TextField newKey = new TextField();
                newKey.setPromptText("another key");
                newKey.setPrefColumnCount(14);
                TextField newValue = new TextField();
                newValue.setPromptText("its value");
                GridPane.setHgrow(newValue, Priority.ALWAYS);
                Button addKey = new Button("Add");
                addKey.getStyleClass().add(Styles.SMALL);
                addKey.setOnAction(e -> {
                    if (!newKey.getText().isBlank()) {
                        in.add(newKey.getText().trim(), newValue.getText());
                        render(true);
                    }
                });
                meta.addRow(r, newKey, newValue, addKey);
                card.getChildren().addAll(DrillNodes.row(new Label("Restore role"), role), DrillNodes.heading("Restore metadata"),
                        DrillNodes.muted("What AWS answers for this recovery point (GetRecoveryPointRestoreMetadata); change what the restore must differ in, "
                                + "such as a new name or an isolated subnet, then run the preflight again."), meta);
            }
            cards.getChildren().add(card);
        }
        Button again = DrillNodes.button("Run preflight again", ID_PREFLIGHT_AGAIN, Material2OutlinedMZ.REFRESH);
        again.disableProperty().bind(vm.busyProperty());
        again.setOnAction(e -> vm.runPreflightAgain());
        Button go = DrillNodes.primary("Next: confirm", ID_TO_CONFIRM);
        String blocker = vm.preflightBlocker();
        go.setDisable(blocker != null);
        go.setOnAction(e -> vm.toConfirm());
        Label why = DrillNodes.muted(blocker == null ? "" : blocker);
        why.setMaxWidth(520);
        return new Node[] {lead("Before anything is restored: is the recovery point usable, its key enabled, the restore role there, the target "
                + "isolated from production? A failing item blocks the restore; an item not known lets you go on once you have read it."),
                cards, next(why, again, go)};
    }

    // ---- 3 confirm

    private Node[] confirm(DrillState s) {
        FactGrid what = new FactGrid();
        for (MemberState m : s.members()) {
            what.add((m.member().order() + 1) + ". " + m.member().resourceName(), "from the recovery point of " + Formats.dateTime(m.pointCreated(), zone())
                    + ", restored in " + where(m) + (m.iamRoleArn() == null ? "" : " with the role " + m.iamRoleArn().substring(m.iamRoleArn().lastIndexOf('/') + 1)));
        }
        Label ask = new Label();
        ask.textProperty().bind(Bindings.concat("Type ", vm.expectedProperty(), " to confirm"));
        ask.getStyleClass().add("drill-item-title");
        TextField typed = new TextField();
        typed.setId(ID_CONFIRM_TEXT);
        typed.promptTextProperty().bind(vm.expectedProperty());
        typed.textProperty().bindBidirectional(vm.typedProperty());
        typed.setMaxWidth(460);
        Button start = DrillNodes.primary("Start restore", ID_START);
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        Label note = DrillNodes.muted(s.rehearsal() ? "This starts restore jobs in the sandbox." : "This starts restore jobs in AWS: they create resources "
                + "that cost money until they are deleted, and AWS cannot stop a restore job once it has started.");
        return new Node[] {lead("Check what will be restored, then type the name to start."), DrillNodes.card(what), ask, typed, note, next(start)};
    }

    /** Where a member's restore runs: the account and region of its recovery point's vault. */
    private String where(MemberState m) {
        dev.redoubt.services.EstateCatalog c = ctx.catalog();
        dev.redoubt.findings.EstateIndex.PointRef p = c == null || m.recoveryPointArn() == null ? null : c.point(m.recoveryPointArn());
        String account = p != null ? p.vault().where().accountId() : m.member().accountId();
        String region = p != null ? p.vault().where().region() : m.member().region();
        String name = c == null ? null : c.accountName(account);
        return (name == null || name.equals(account) ? account : name + " (" + account + ")") + " · " + region;
    }

    // ---- 4 monitor

    private Node[] monitor(DrillState s) {
        followButton = DrillNodes.button("Stop following", ID_FOLLOW, Material2OutlinedMZ.PAUSE);
        followButton.setOnAction(e -> {
            if (vm.followingProperty().get()) {
                vm.stopFollowing();
            } else {
                vm.follow();
                vm.poll();
            }
        });
        skipButton = DrillNodes.button("Skip ahead 1 min", ID_SKIP_AHEAD, Material2OutlinedMZ.SKIP_NEXT);
        skipButton.setTooltip(new javafx.scene.control.Tooltip("A rehearsal only: moves the sandbox's clock a minute on"));
        skipButton.disableProperty().bind(vm.busyProperty());
        skipButton.setOnAction(e -> vm.skipAhead());
        validateButton = DrillNodes.primary("Next: validate", ID_TO_VALIDATE);
        validateButton.setOnAction(e -> vm.toValidate());
        followingText = DrillNodes.muted("");
        updateMonitor(s);
        return new Node[] {lead("The restore jobs, live. Each resource is restored after the one before it completed."), monitorCards,
                DrillNodes.muted(DrillWords.CANNOT_STOP), next(followingText, followButton, skipButton, validateButton)};
    }

    /** The jobs as last read, and the buttons' state: rebuilt cards, the same buttons. */
    private void updateMonitor(DrillState s) {
        if (s == null || followButton == null) {
            return;
        }
        boolean following = vm.followingProperty().get();
        followButton.setText(following ? "Stop following" : "Follow again");
        followButton.setGraphic(new FontIcon(following ? Material2OutlinedMZ.PAUSE : Material2OutlinedMZ.PLAY_ARROW));
        followButton.setDisable(s.status() != DrillStatus.RESTORING);
        skipButton.setVisible(vm.canSkipAhead() && s.status() == DrillStatus.RESTORING);
        skipButton.setManaged(skipButton.isVisible());
        validateButton.setDisable(!vm.jobsEnded());
        followingText.setText(following ? "Reading the jobs every 2 seconds." : s.status() == DrillStatus.RESTORING
                ? "Not following: the jobs run on in AWS." : "Every restore job has ended.");
        monitorCards.getChildren().setAll(jobCards(s));
    }

    private java.util.List<Node> jobCards(DrillState s) {
        java.util.List<Node> cards = new java.util.ArrayList<>();
        Instant now = vm.nowProperty().get() == null ? ctx.clock().instant() : vm.nowProperty().get();
        for (int i = 0; i < s.members().size(); i++) {
            MemberState m = s.members().get(i);
            RestoreJobView job = m.lastSeen();
            String status = m.jobStatus() != null ? m.jobStatus() : job == null ? null : job.status();
            Label chip = DrillNodes.jobChip(status);
            chip.setId("drillJobStatus-" + i);
            ProgressBar bar = new ProgressBar();
            bar.setId("drillJobProgress-" + i);
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            Double pct = job == null ? null : job.percentDone();
            if ("COMPLETED".equals(status)) {
                bar.setProgress(1);
            } else if ("PENDING".equals(status) || "RUNNING".equals(status)) {
                bar.setProgress(pct == null ? ProgressBar.INDETERMINATE_PROGRESS : pct / 100.0);
            } else {
                bar.setProgress(0);
            }
            Label percent = new Label(pct == null ? "" : Math.round(pct) + " %");
            percent.setMinWidth(Region.USE_PREF_SIZE);
            FactGrid facts = new FactGrid();
            boolean refused = m.restoreJobId() == null && startedMember(s, i);
            facts.add("Restore job", m.restoreJobId() != null ? m.restoreJobId() : "SKIPPED".equals(status) ? "None: never started"
                    : refused ? "Not started: AWS refused it" : "Waits for the resource before it");
            Instant started = startedAt(s, i);
            boolean running = "PENDING".equals(status) || "RUNNING".equals(status);
            if (started != null && running) {
                Duration here = Duration.between(started, now);
                Duration skipped = vm.skippedSince(started);
                facts.add("Elapsed", skipped.isZero() ? DrillWords.duration(here)
                        : DrillWords.duration(here.plus(skipped)) + " (" + DrillWords.duration(skipped) + " of it skipped ahead on the sandbox's clock)");
            }
            if (job != null && job.expectedCompletionMinutes() != null && !"COMPLETED".equals(status)) {
                facts.add("Expected completion", "in about " + DrillWords.duration(Duration.ofMinutes(job.expectedCompletionMinutes())) + " (AWS's estimate)");
            }
            if (m.rto() != null) {
                facts.add("COMPLETED".equals(status) ? "Restore time (RTO)" : "Ran for", DrillWords.duration(m.rto()));
            }
            if (m.createdResourceArn() != null) {
                facts.add("Restored as", ArnLink.of(ctx, m.createdResourceArn(), m.createdResourceArn()));
            }
            VBox card = DrillNodes.card(DrillNodes.row(DrillNodes.heading((i + 1) + ". " + m.member().resourceName()), chip), DrillNodes.row(bar, percent), facts);
            if (m.jobStatusMessage() != null && !m.jobStatusMessage().isBlank() && "SKIPPED".equals(status)) {
                card.getChildren().add(DrillNodes.muted(m.jobStatusMessage() + "."));
            } else if (m.jobStatusMessage() != null && !m.jobStatusMessage().isBlank()
                    && ("FAILED".equals(status) || "ABORTED".equals(status) || refused)) {
                Label why = new Label("AWS's reason: " + m.jobStatusMessage());
                why.setId("drillJobReason-" + i);
                why.setWrapText(true);
                why.setMaxWidth(Double.MAX_VALUE);
                why.getStyleClass().add(BrowseStyles.VERDICT_BAD);
                card.getChildren().add(why);
            }
            cards.add(card);
        }
        return cards;
    }

    private static boolean startedMember(DrillState s, int member) {
        return s.steps().stream().anyMatch(r -> r.step() == DrillStep.START_RESTORE && r.member() == member);
    }

    private static Instant startedAt(DrillState s, int member) {
        return s.steps().stream().filter(r -> r.step() == DrillStep.START_RESTORE && r.member() == member && "ok".equals(r.outcome()))
                .map(StepRecord::time).findFirst().orElse(null);
    }

    private static Instant endedAt(DrillState s, int member) {
        return s.steps().stream().filter(r -> r.step() == DrillStep.WAIT && r.member() == member).map(StepRecord::time).findFirst().orElse(null);
    }

    // ---- 5 validate

    private Node[] validate(DrillState s) {
        VBox cards = new VBox(12);
        for (int i = 0; i < s.members().size(); i++) {
            MemberState m = s.members().get(i);
            int member = i;
            DrillWizardViewModel.MemberCheck form = vm.checks().stream().filter(c -> c.member() == member).findFirst().orElse(null);
            Label head = DrillNodes.heading((i + 1) + ". " + m.member().resourceName() + " · restored as "
                    + (m.createdResourceArn() == null ? "—" : Formats.shortArn(m.createdResourceArn())));
            if (form == null) {
                cards.getChildren().add(DrillNodes.card(head, DrillNodes.wrapped("The restore did not complete (" + DrillWords.job(m.jobStatus()).toLowerCase(java.util.Locale.ROOT)
                        + "): nothing to check." + (m.jobStatusMessage() == null ? "" : " AWS's reason: " + m.jobStatusMessage()))));
                continue;
            }
            GridPane list = new GridPane();
            list.setHgap(14);
            list.setVgap(6);
            int row = 0;
            for (int k = 0; k < form.lines().size(); k++) {
                DrillWizardViewModel.CheckLine line = form.lines().get(k);
                Label text = DrillNodes.wrapped(line.text());
                GridPane.setHgrow(text, Priority.ALWAYS);
                ToggleGroup tg = new ToggleGroup();
                HBox choices = new HBox(10);
                for (CheckResult.Outcome o : CheckResult.Outcome.values()) {
                    RadioButton rb = new RadioButton(DrillWords.check(o));
                    rb.setId("drillCheck-" + i + "-" + k + "-" + o.name().toLowerCase(java.util.Locale.ROOT));
                    rb.setToggleGroup(tg);
                    rb.setUserData(o);
                    rb.setSelected(line.outcomeProperty().get() == o);
                    rb.setMinWidth(Region.USE_PREF_SIZE);
                    choices.getChildren().add(rb);
                }
                tg.selectedToggleProperty().addListener((o, was, is) -> {
                    if (is != null) {
                        line.outcomeProperty().set((CheckResult.Outcome) is.getUserData());
                    }
                });
                list.addRow(row++, text, choices);
            }
            TextArea notes = new TextArea();
            notes.setId("drillValidationNotes-" + i);
            notes.setPromptText("What you checked and found (row counts, file names, checksums)");
            notes.setPrefRowCount(2);
            notes.setWrapText(true);
            notes.textProperty().bindBidirectional(form.notesProperty());
            Button record = DrillNodes.primary(m.validation() == null ? "Record validation" : "Record again", "drillRecordValidation-" + i);
            record.disableProperty().bind(vm.busyProperty());
            record.setOnAction(e -> vm.recordValidation(member));
            VBox card = DrillNodes.card(head, list, notes);
            if (m.validation() != null) {
                Label done = DrillNodes.chip(m.validation().successful() ? "Validation passed" : "Validation did not pass",
                        m.validation().successful() ? "good" : "bad");
                Label aws = DrillNodes.wrapped(awsWords(s, member));
                aws.setId("drillValidationAws-" + i);
                s.steps().stream().filter(r -> r.step() == DrillStep.VALIDATE && r.member() == member).reduce((a, b) -> b)
                        .ifPresent(r -> aws.setTooltip(new javafx.scene.control.Tooltip(r.text())));
                card.getChildren().add(DrillNodes.row(done, aws));
            }
            card.getChildren().add(next(record));
            cards.getChildren().add(card);
        }
        Button go = DrillNodes.primary("Next: clean up", ID_TO_CLEAN_UP);
        go.setDisable(!vm.validated());
        go.setOnAction(e -> vm.toCleanUp());
        return new Node[] {lead("Check each restored resource works: mark each check passed, failed or not done, and note what you found. "
                + "The outcome is sent to AWS (PutRestoreValidationResult) where the job takes it."), cards, next(go)};
    }

    private static String awsWords(DrillState s, int member) {
        MemberState m = s.members().get(member);
        StepRecord last = null;
        for (StepRecord r : s.steps()) {
            if (r.step() == DrillStep.VALIDATE && r.member() == member) {
                last = r;
            }
        }
        return DrillWords.validationToAws(m.validationSentToAws(), last == null ? null : last.text());
    }

    // ---- 6 clean up

    private Node[] cleanUp(DrillState s) {
        VBox list = new VBox(8);
        for (MemberState m : s.members()) {
            if (m.createdResourceArn() == null) {
                list.getChildren().add(DrillNodes.muted(m.member().resourceName() + ": nothing was created."));
                continue;
            }
            Button open = DrillNodes.button("Open in the AWS console", "drillOpenCreated-" + m.member().order(), Material2OutlinedMZ.OPEN_IN_NEW);
            open.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            open.setDisable(ctx.consoleUrl(m.createdResourceArn()).isEmpty());
            open.setOnAction(e -> ctx.openInAwsConsole(m.createdResourceArn()));
            Label name = new Label(m.member().resourceName() + " restored as");
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setPrefWidth(220);
            javafx.scene.control.Control link = ArnLink.of(ctx, m.createdResourceArn(), Formats.shortArn(m.createdResourceArn()));
            link.setMinWidth(Region.USE_PREF_SIZE);
            list.getChildren().add(DrillNodes.row(name, link, new Spacer(), open));
        }
        CheckBox confirmed = new CheckBox("I deleted these resources (or handed them to their owner to delete)");
        confirmed.setId(ID_CLEAN_UP_CONFIRMED);
        confirmed.selectedProperty().bindBidirectional(vm.cleanUpConfirmedProperty());
        TextArea notes = new TextArea();
        notes.setId("drillCleanUpNotes");
        notes.setPromptText("Notes: how and when they were deleted");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.cleanUpNotesProperty());
        Button record = DrillNodes.primary("Record the clean-up", ID_RECORD_CLEAN_UP);
        record.disableProperty().bind(vm.busyProperty().or(vm.cleanUpConfirmedProperty().not().and(
                Bindings.createBooleanBinding(() -> !vm.createdResources().isEmpty(), vm.drillProperty()))));
        record.setOnAction(e -> vm.recordCleanUp());
        return new Node[] {lead("What the drill created must not stay: a restored database or volume costs money and holds production data. "
                + "Delete each one, then confirm."), DrillNodes.card(DrillNodes.heading("Created by this drill"), list), confirmed, notes, next(record)};
    }

    // ---- 7 summary

    private Node[] summary(DrillState s) {
        FactGrid facts = new FactGrid();
        facts.setId("drillSummaryFacts");
        facts.add("Measured RTO", DrillWords.rto(s.rto(), vm.rtoTarget()));
        for (MemberState m : s.members()) {
            facts.add("RPO of " + m.member().resourceName(), m.rpo() == null ? "—" : DrillWords.rpo(m.rpo()));
        }
        facts.add("Operator", DrillWords.who(s.operator()));
        Duration total = s.steps().isEmpty() ? null : Duration.between(s.started(), s.steps().get(s.steps().size() - 1).time());
        facts.add("Drill so far", DrillWords.duration(total));
        TextArea notes = new TextArea();
        notes.setId(ID_SUMMARY_NOTES);
        notes.setPromptText("Notes for the record: what went well, what to change in the runbook");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.summaryNotesProperty());
        Button close = DrillNodes.primary("Close the drill", ID_SUMMARIZE);
        close.disableProperty().bind(vm.busyProperty());
        close.setOnAction(e -> vm.summarize());
        return new Node[] {lead("The drill's numbers, each step's duration and who did it. Closing writes the summary; a second person then signs it off."),
                DrillNodes.card(facts), new Label("Notes"), notes, next(close), DrillNodes.card(DrillNodes.heading("Steps"), DrillNodes.steps(s, zone()))};
    }

    // ---- 8 sign-off

    private Node[] signOff(DrillState s) {
        FactGrid who = new FactGrid();
        who.setId(DrillNodes.ID_SIGNED);
        who.add("Operator", DrillWords.who(s.operator()));
        who.add("Signed off by", s.signer() == null ? "Nobody yet" : DrillWords.who(s.signer()));
        who.add("Measured RTO", DrillWords.rto(s.rto(), vm.rtoTarget()));
        who.add("Status", DrillsView.statusLine(s));
        VBox form = DrillNodes.signOffForm(parent, s.id());
        HBox buttons = new HBox(8);
        buttons.setAlignment(Pos.CENTER_LEFT);
        if (s.status() == DrillStatus.AWAITING_SIGN_OFF) {
            buttons.getChildren().add(DrillNodes.signOffButton(form));
        }
        buttons.getChildren().add(DrillNodes.exportButton(parent, s, chooser, null));
        return new Node[] {lead("A second person signs the drill off with their own identity: both are recorded. Then export the report for the "
                + "auditor's file."), DrillNodes.card(who), buttons, form,
                DrillNodes.card(DrillNodes.heading("Resources, in restore order"), DrillNodes.members(ctx, s, zone()))};
    }
}
