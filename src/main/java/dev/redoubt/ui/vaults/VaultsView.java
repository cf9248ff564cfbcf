package dev.redoubt.ui.vaults;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.redoubt.findings.Severity;
import dev.redoubt.findings.Status;
import dev.redoubt.findings.access.AccessAnswer;
import dev.redoubt.ui.StyleClasses;
import dev.redoubt.ui.browse.ArnLink;
import dev.redoubt.ui.browse.BrowseContext;
import dev.redoubt.ui.browse.BrowseStyles;
import dev.redoubt.ui.browse.DetailPane;
import dev.redoubt.ui.browse.FactGrid;
import dev.redoubt.ui.browse.Formats;
import dev.redoubt.ui.browse.ListHeader;
import dev.redoubt.ui.browse.SeverityLabel;
import dev.redoubt.findings.EstateIndex;
import dev.redoubt.ui.access.AccessViewModel;
import dev.redoubt.ui.navigation.Destinations;
import dev.redoubt.ui.navigation.Place;
import dev.redoubt.ui.policy.PolicyViewer;
import dev.redoubt.ui.shell.Screen;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The vaults screen: the table of every vault in scope (filter, sort by any column), and the page
 * of one vault: "Could these backups be destroyed?" first, then its properties, its lock against
 * the plans' lifecycles, its access policy with the answers, notifications, approval team and
 * findings. Nodes and bindings only: the view model does the work.
 */
public final class VaultsView implements Screen {
    public static final String ID = "vaultsScreen";
    public static final String ID_TABLE = "vaultsTable";
    public static final String ID_FILTER = "vaultsFilter";
    public static final String ID_DETAIL = "vaultDetail";
    public static final String ID_REQUEST_ACCESS = "vaultRestoreAccess";
    public static final String ID_DESTROY_PANEL = "vaultDestroyPanel";
    public static final String ID_POINTS_LINK = "vaultPointsLink";
    public static final String ID_ANSWERS = "vaultAccessAnswers";

    private final VaultsViewModel vm;
    private final BrowseContext ctx;
    private final StackPane root = new StackPane();
    private final VBox list;
    private final StackPane detailHolder = new StackPane();
    private final Label detailStatus = new Label();
    private final TableView<VaultRow> table = new TableView<>();
    private final Map<TableColumn<VaultRow, ?>, VaultColumn> columns = new HashMap<>();
    private boolean syncingSort;

    public VaultsView(VaultsViewModel vm) {
        this.vm = vm;
        this.ctx = vm.context();
        ListHeader header = new ListHeader(ctx, "Vaults", "Filter by name, account, region, lock or key", ID_FILTER);
        header.filter().textProperty().bindBidirectional(vm.filterProperty());
        header.count().textProperty().bind(vm.countTextProperty());
        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        list = new VBox(header.root(), table);

        detailStatus.getStyleClass().add(BrowseStyles.PLACEHOLDER);
        detailStatus.textProperty().bind(vm.detailStatusProperty());
        detailHolder.setId(ID_DETAIL);
        detailHolder.setAlignment(Pos.TOP_LEFT);

        root.setId(ID);
        root.getChildren().addAll(list, detailHolder);
        VaultsStyles.apply(root);
        BrowseStyles.apply(root);

        vm.detailProperty().addListener((o, a, d) -> showDetail(d));
        vm.targetProperty().addListener((o, a, t) -> showMode());
        vm.sortProperty().addListener((o, a, s) -> syncSort(s));
        showDetail(vm.detail());
        showMode();
        syncSort(vm.sortProperty().get());
    }

    @Override
    public Parent root() {
        return root;
    }

    private void showMode() {
        boolean detail = vm.targetProperty().get() != null;
        list.setVisible(!detail);
        detailHolder.setVisible(detail);
    }

    // ---- the table

    private void buildTable() {
        table.setId(ID_TABLE);
        table.getStyleClass().addAll(BrowseStyles.TABLE, Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.getStyleClass().add(BrowseStyles.PLACEHOLDER);
        placeholder.textProperty().bind(vm.placeholderProperty());
        table.setPlaceholder(placeholder);

        TableColumn<VaultRow, VaultRow> name = column(VaultColumn.NAME, 160, r -> r);
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(VaultRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                Hyperlink link = new Hyperlink(r.name());
                link.getStyleClass().add(BrowseStyles.ARN_LINK);
                link.setTooltip(new Tooltip(r.arn()));
                link.setContextMenu(ArnLink.menu(ctx, r.arn()));
                link.setOnAction(e -> vm.openVault(r.arn()));
                setGraphic(link);
            }
        });
        TableColumn<VaultRow, VaultRow> account = column(VaultColumn.ACCOUNT, 150, r -> r);
        account.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(VaultRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.accountName());
                setTooltip(empty || r == null ? null : new Tooltip(r.accountText()));
            }
        });
        TableColumn<VaultRow, String> region = text(VaultColumn.REGION, 100, VaultRow::region);
        TableColumn<VaultRow, String> type = text(VaultColumn.TYPE, 95, VaultRow::typeText);
        TableColumn<VaultRow, VaultRow> lock = column(VaultColumn.LOCK, 105, r -> r);
        lock.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(VaultRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                Label chip = new Label(r.lock().modeText().replace(" (air-gapped)", ""));
                chip.getStyleClass().addAll(StyleClasses.CHIP, VaultsStyles.lockClass(r.lock()));
                chip.setMinWidth(Region.USE_PREF_SIZE);
                setGraphic(chip);
                setTooltip(new Tooltip(r.lock().text()));
            }
        });
        TableColumn<VaultRow, VaultRow> grace = column(VaultColumn.GRACE_LEFT, 95, r -> r);
        grace.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(VaultRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll(VaultsStyles.URGENT, BrowseStyles.MUTED);
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                setText(immutableText(r));
                setTooltip(new Tooltip(r.lock().text()));
                if (r.graceLeft() != null) {
                    getStyleClass().add(VaultsStyles.URGENT);
                } else if (!r.lock().immutable()) {
                    getStyleClass().add(BrowseStyles.MUTED);
                }
            }
        });
        TableColumn<VaultRow, VaultRow> retention = column(VaultColumn.RETENTION, 95, r -> r);
        retention.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(VaultRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.lock().retentionShort());
            }
        });
        TableColumn<VaultRow, VaultRow> key = column(VaultColumn.KEY, 105, r -> r);
        key.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(VaultRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                String text = r.keyText().startsWith("alias/") ? r.keyText().substring("alias/".length()) : r.keyText();
                Control link = ArnLink.of(ctx, r.keyArn(), text);
                if (r.keyArn() == null) {
                    link.getStyleClass().add(BrowseStyles.MUTED);
                }
                setGraphic(link);
            }
        });
        TableColumn<VaultRow, Long> points = number(VaultColumn.RECOVERY_POINTS, 70, VaultRow::recoveryPoints, false);
        TableColumn<VaultRow, Severity> worst = column(VaultColumn.WORST, 85, VaultRow::worst);
        worst.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                if (empty) {
                    setGraphic(null);
                    return;
                }
                Label l = SeverityLabel.of(s);
                l.setMinWidth(Region.USE_PREF_SIZE);
                setGraphic(l);
            }
        });
        table.getColumns().addAll(List.of(name, account, region, type, lock, grace, retention, key, points, worst));

        table.setSortPolicy(t -> {
            if (syncingSort) {
                return true;
            }
            if (t.getSortOrder().isEmpty()) {
                syncSort(vm.sortProperty().get());
                return true;
            }
            TableColumn<VaultRow, ?> first = t.getSortOrder().get(0);
            VaultColumn c = columns.get(first);
            if (c != null) {
                vm.sortProperty().set(new VaultSort(c, first.getSortType() == TableColumn.SortType.ASCENDING));
            }
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<VaultRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    vm.openVault(row.getItem().arn());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            VaultRow r = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && r != null) {
                vm.openVault(r.arn());
            }
        });
    }

    /** "yes" (since when in the tooltip), "in 3 d 1 h" (a compliance lock in its grace time), "no" (governance), "—" (no lock). */
    static String immutableText(VaultRow r) {
        return switch (r.lock().mode()) {
            case COMPLIANCE_IMMUTABLE, AIR_GAPPED -> "yes";
            case COMPLIANCE_GRACE -> "in " + Formats.duration(r.graceLeft());
            case GOVERNANCE -> "no";
            case NONE -> Formats.NONE;
            case NOT_READ -> Formats.NOT_READ;
        };
    }

    /** Shows the view model's sort on the column headers. */
    private void syncSort(VaultSort s) {
        syncingSort = true;
        try {
            for (var e : columns.entrySet()) {
                if (e.getValue() == s.column()) {
                    e.getKey().setSortType(s.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                    table.getSortOrder().setAll(List.of(e.getKey()));
                }
            }
        } finally {
            syncingSort = false;
        }
    }

    private <T> TableColumn<VaultRow, T> column(VaultColumn c, double width, Function<VaultRow, T> value) {
        TableColumn<VaultRow, T> col = new TableColumn<>();
        Label header = new Label(c.title());
        header.setTooltip(new Tooltip(c.description()));
        header.setMinWidth(Region.USE_PREF_SIZE);
        col.setGraphic(header);
        col.setPrefWidth(width);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        col.setId("vaultColumn-" + c.name().toLowerCase(Locale.ROOT));
        columns.put(col, c);
        return col;
    }

    private TableColumn<VaultRow, String> text(VaultColumn c, double width, Function<VaultRow, String> value) {
        TableColumn<VaultRow, String> col = column(c, width, value);
        col.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s == null ? Formats.NONE : s);
            }
        });
        return col;
    }

    private TableColumn<VaultRow, Long> number(VaultColumn c, double width, Function<VaultRow, Long> value, boolean days) {
        TableColumn<VaultRow, Long> col = column(c, width, value);
        col.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(Long n, boolean empty) {
                super.updateItem(n, empty);
                setAlignment(Pos.CENTER_RIGHT);
                setText(empty ? null : n == null ? (days ? Formats.NONE : Formats.NOT_READ) : days ? Formats.days(n) : Formats.count(n));
            }
        });
        return col;
    }

    // ---- the page of one vault

    private void showDetail(VaultDetail d) {
        if (d == null) {
            VBox box = new VBox(detailStatus);
            box.setAlignment(Pos.TOP_LEFT);
            detailHolder.getChildren().setAll(box);
            return;
        }
        DetailPane pane = new DetailPane(ctx, Destinations.VAULTS);
        pane.header("Backup vault", d.name(), d.accountText() + " · " + d.region() + " · " + d.typeText(), d.arn());
        pane.add(destroyPanel(d));
        properties(pane, d);
        lockSection(pane, d);
        policySection(pane, d);
        notifications(pane, d);
        team(pane, d);
        findings(pane, d);
        detailHolder.getChildren().setAll(pane.root());
    }

    /** The three answers at a glance. */
    private Node destroyPanel(VaultDetail d) {
        Label title = new Label("Could these backups be destroyed?");
        title.getStyleClass().add(BrowseStyles.SECTION_TITLE);
        VBox box = new VBox(8, title, answer(d.deleted(), true), answer(d.unreadable(), true), answer(d.safeCopy(), true));
        Hyperlink points = new Hyperlink(d.recoveryPoints() == null ? "Recovery points (count not read)"
                : Formats.count(d.recoveryPoints()) + (d.recoveryPoints() == 1 ? " recovery point" : " recovery points"));
        points.setId(ID_POINTS_LINK);
        points.setGraphic(new FontIcon(Material2OutlinedAL.HISTORY));
        points.setOnAction(e -> vm.showRecoveryPoints());
        box.getChildren().add(points);
        box.setId(ID_DESTROY_PANEL);
        box.getStyleClass().addAll(BrowseStyles.SECTION, VaultsStyles.DESTROY_PANEL);
        return box;
    }

    /** An answer: the question, the answer, and its main reason under it (all reasons on hover). */
    private static Node answer(VaultDetail.Answer a, boolean withQuestion) {
        VBox text = new VBox(2);
        if (withQuestion) {
            Label q = new Label(a.question());
            q.getStyleClass().add(VaultsStyles.QUESTION);
            text.getChildren().add(q);
        }
        Label answer = new Label(a.answer());
        answer.setWrapText(true);
        answer.getStyleClass().add(VaultsStyles.ANSWER);
        text.getChildren().add(answer);
        String first = firstNewReason(a);
        if (first != null) {
            Label reason = new Label(first);
            reason.setWrapText(true);
            reason.getStyleClass().add(BrowseStyles.MUTED);
            text.getChildren().add(reason);
            Tooltip all = new Tooltip(String.join("\n", a.reasons()));
            all.setWrapText(true);
            all.setMaxWidth(640);
            Tooltip.install(text, all);
        }
        FontIcon icon = new FontIcon(switch (a.level()) {
            case GOOD -> Material2OutlinedAL.CHECK_CIRCLE;
            case WARN -> Material2OutlinedMZ.WARNING;
            case BAD -> Material2OutlinedAL.ERROR_OUTLINE;
            case UNKNOWN -> Material2OutlinedAL.HELP_OUTLINE;
        });
        icon.getStyleClass().add(VaultsStyles.levelIcon(a.level()));
        HBox row = new HBox(10, icon, text);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add(BrowseStyles.verdict(a.level().css()));
        return row;
    }

    /** The first reason that says more than the answer (a reason whose point the answer already makes is skipped). */
    static String firstNewReason(VaultDetail.Answer a) {
        for (String r : a.reasons()) {
            int colon = r.lastIndexOf(": ");
            String point = colon < 0 ? r : r.substring(colon + 2);
            if (!a.answer().contains(point)) {
                return r;
            }
        }
        return null;
    }

    private void properties(DetailPane pane, VaultDetail d) {
        FactGrid grid = pane.facts("Properties");
        for (VaultDetail.Fact f : d.properties()) {
            if (f.arn() != null) {
                grid.add(f.name(), ArnLink.of(ctx, f.arn(), f.value()));
            } else {
                grid.add(f.name(), f.value());
            }
        }
    }

    private void lockSection(DetailPane pane, VaultDetail d) {
        VBox body = new VBox(10);
        FactGrid facts = new FactGrid();
        facts.add("Mode", d.lock().modeText());
        facts.add("State", d.lock().stateSentence());
        if (d.graceLeft() != null) {
            Label left = new Label("In " + Formats.duration(d.graceLeft()) + " (" + Formats.dateTime(d.lock().lockDate(), ZoneId.of("UTC")) + " UTC):"
                    + " until then anyone allowed backup:DeleteBackupVaultLockConfiguration can remove the lock");
            left.setWrapText(true);
            left.getStyleClass().add(VaultsStyles.URGENT);
            facts.add("Becomes immutable", left);
        }
        facts.add("Minimum retention", d.lock().minRetentionDays() == null ? (d.lock().locked() ? "none set" : null) : Formats.days(d.lock().minRetentionDays()));
        facts.add("Maximum retention", d.lock().maxRetentionDays() == null ? (d.lock().locked() ? "none set" : null) : Formats.days(d.lock().maxRetentionDays()));
        body.getChildren().add(facts);
        if (d.rules().isEmpty()) {
            Label none = new Label("No plan rule backs up or copies into this vault.");
            none.getStyleClass().add(BrowseStyles.MUTED);
            body.getChildren().add(none);
        } else {
            Label t = new Label("Plan rules that write into this vault, against the lock's bounds");
            t.getStyleClass().add(VaultsStyles.SUBHEADING);
            GridPane grid = grid(List.of("Plan", "Rule", "Keeps", "Against the lock"), new double[] {28, 22, 14, 36});
            int row = 1;
            for (VaultDetail.RuleBound r : d.rules()) {
                Node plan = ArnLink.of(ctx, r.planArn(), r.planName());
                Label rule = new Label(r.ruleName() + (r.copy() ? " (copy)" : ""));
                rule.setWrapText(true);
                Label keeps = new Label(r.deleteAfterDays() == null ? "forever" : Formats.days(r.deleteAfterDays()));
                Label verdict = new Label(r.verdict());
                verdict.setWrapText(true);
                verdict.getStyleClass().add(r.within() == null ? BrowseStyles.MUTED : r.within() ? VaultsStyles.OK_TEXT : VaultsStyles.BAD_TEXT);
                Tooltip.install(plan, new Tooltip(r.planName() + " in " + r.accountText()));
                grid.addRow(row++, plan, rule, keeps, verdict);
            }
            body.getChildren().addAll(t, grid);
        }
        pane.section("Vault lock", body);
    }

    private void policySection(DetailPane pane, VaultDetail d) {
        PolicyViewer viewer = new PolicyViewer();
        VBox why = new VBox(4);
        why.getStyleClass().add(VaultsStyles.WHY);
        VBox answers = new VBox(8);
        answers.setId(ID_ANSWERS);
        ToggleGroup group = new ToggleGroup();
        Label hint = new Label("Choose a question: the statements that decide it are marked in the policy, and why is said under it.");
        hint.getStyleClass().add(BrowseStyles.MUTED);
        hint.setWrapText(true);
        answers.getChildren().add(hint);
        for (int i = 0; i < d.accessAnswers().size(); i++) {
            AccessAnswer a = d.accessAnswers().get(i);
            VaultDetail.Answer shown = d.access().get(i);
            RadioButton pick = new RadioButton(a.question().text());
            pick.getStyleClass().add(VaultsStyles.QUESTION);
            pick.setWrapText(true);
            pick.setToggleGroup(group);
            pick.setUserData(a.question());
            pick.setSelected(a.question() == vm.questionProperty().get());
            VBox card = new VBox(4, pick, answer(new VaultDetail.Answer(shown.question(), shown.level(), shown.answer(), List.of()), false));
            answers.getChildren().add(card);
        }
        Runnable mark = () -> {
            AccessAnswer a = d.accessAnswers().stream().filter(x -> x.question() == vm.questionProperty().get()).findFirst()
                    .orElse(d.accessAnswers().get(0));
            Label title = new Label("Why: " + a.question().text());
            title.getStyleClass().add(VaultsStyles.SUBHEADING);
            why.getChildren().setAll(title);
            for (String r : a.reasons()) {
                Label line = new Label("\u2022 " + r);
                line.setWrapText(true);
                why.getChildren().add(line);
            }
            if (d.policyText() == null) {
                viewer.showProblem(d.policyProblem() == null ? "The access policy was not read." : d.policyProblem());
                return;
            }
            viewer.show(d.policyText(), PolicyViewer.marks(a));
        };
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.questionProperty().set((AccessAnswer.Question) now.getUserData());
                mark.run();
            }
        });
        mark.run();
        VBox left = new VBox(10, viewer.root(), why);
        GridPane split = new GridPane();
        split.setHgap(18);
        ColumnConstraints leftColumn = new ColumnConstraints();
        leftColumn.setPercentWidth(56);
        ColumnConstraints rightColumn = new ColumnConstraints();
        rightColumn.setPercentWidth(44);
        split.getColumnConstraints().addAll(leftColumn, rightColumn);
        GridPane.setValignment(left, javafx.geometry.VPos.TOP);
        GridPane.setValignment(answers, javafx.geometry.VPos.TOP);
        split.add(left, 0, 0);
        split.add(answers, 1, 0);
        pane.section("Access policy: who can destroy or weaken these backups", split);
    }

    private void notifications(DetailPane pane, VaultDetail d) {
        FactGrid grid = pane.facts("Notifications");
        switch (d.notifications().state()) {
            case NOT_READ -> grid.add("Events", Formats.NOT_READ);
            case NONE -> grid.add("Events", "None: the vault sends no notifications, so a deletion or a failed job alerts nobody");
            case SET -> {
                grid.add("Events", d.notifications().events().isEmpty() ? "none listed"
                        : String.join(", ", d.notifications().events().stream().map(VaultsView::eventText).toList()));
                grid.add("SNS topic", ArnLink.of(ctx, d.notifications().snsTopicArn(), d.notifications().snsTopicArn()));
            }
        }
    }

    /** "RECOVERY_POINT_MODIFIED" -> "recovery point modified". */
    static String eventText(String event) {
        return event.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private void team(DetailPane pane, VaultDetail d) {
        FactGrid grid = pane.facts("Multi-party approval team");
        restoreAccess(grid, d);
        VaultDetail.Team t = d.team();
        if (t == null) {
            grid.add("Team", "None associated");
            return;
        }
        if (!t.found()) {
            grid.add("Team", ArnLink.of(ctx, t.arn(), t.arn()));
            grid.add("Details", "not read: the team is not in this estate");
        } else {
            grid.add("Team", ArnLink.of(ctx, t.arn(), t.name() == null ? t.arn() : t.name()));
            grid.add("Status", t.status());
            grid.add("Approvals needed", t.threshold());
            grid.add("Approvers", t.approvers().isEmpty() ? "none listed" : String.join(", ", t.approvers()));
        }
        if (t.pendingChange() != null) {
            grid.add("Pending change", t.pendingChange());
        }
    }

    /** An air-gapped vault: "Request restore access…"; a restore-access vault: its request, followed and revocable. */
    private void restoreAccess(FactGrid grid, VaultDetail d) {
        if (VaultRows.typeText(EstateIndex.LAG_VAULT).equals(d.typeText())) {
            Hyperlink ask = new Hyperlink("Request restore access…");
            ask.setId(ID_REQUEST_ACCESS);
            ask.setOnAction(e -> ctx.navigator().open(Place.of(Destinations.ACCESS, AccessViewModel.requestTarget(d.arn()))));
            grid.add("Restore access", ask);
        } else if (VaultRows.typeText("RESTORE_ACCESS_BACKUP_VAULT").equals(d.typeText())) {
            Hyperlink open = new Hyperlink("Votes, recovery points and revocation…");
            open.setId(ID_REQUEST_ACCESS);
            open.setOnAction(e -> ctx.navigator().open(Place.of(Destinations.ACCESS, d.arn())));
            grid.add("Restore access", open);
        }
    }

    private void findings(DetailPane pane, VaultDetail d) {
        VBox body = new VBox(8);
        if (d.findings().isEmpty()) {
            Label none = new Label(d.findingsTotal() == 0 ? "No check reported on this vault or its recovery points."
                    : "Nothing fails: every check on this vault and its recovery points passes.");
            none.getStyleClass().add(BrowseStyles.MUTED);
            body.getChildren().add(none);
        } else {
            GridPane grid = grid(List.of("Status", "Severity", "Check", "Finding", "About"), new double[] {11, 11, 9, 45, 24});
            int row = 1;
            for (VaultDetail.FindingLine f : d.findings()) {
                Label status = new Label(f.status().name());
                status.getStyleClass().addAll(StyleClasses.CHIP, StyleClasses.of(f.status()));
                status.setMinWidth(Region.USE_PREF_SIZE);
                Label severity = SeverityLabel.of(f.status() == Status.FAIL ? f.severity() : null);
                severity.setMinWidth(Region.USE_PREF_SIZE);
                Label check = new Label(f.checkId());
                check.getStyleClass().add(StyleClasses.MONO);
                Label title = new Label(f.title());
                title.setWrapText(true);
                Node about;
                if (!f.aboutPoint()) {
                    about = new Label("this vault");
                    about.getStyleClass().add(BrowseStyles.MUTED);
                } else if (f.points() == 1) {
                    about = ArnLink.of(ctx, f.resourceArn(), "recovery point " + Formats.shortArn(f.resourceArn()));
                } else {
                    Hyperlink points = new Hyperlink(Formats.count(f.points()) + " recovery points");
                    points.getStyleClass().add(BrowseStyles.ARN_LINK);
                    points.setTooltip(new Tooltip("The recovery points of this vault"));
                    points.setOnAction(e -> vm.showRecoveryPoints());
                    about = points;
                }
                grid.addRow(row++, status, severity, check, title, about);
            }
            body.getChildren().add(grid);
            if (d.notPassing() > d.findings().size()) {
                Label more = new Label("The first " + d.findings().size() + " of " + Formats.count(d.notPassing())
                        + " lines are listed; the Findings screen has them all.");
                more.getStyleClass().add(BrowseStyles.MUTED);
                body.getChildren().add(more);
            }
        }
        if (d.passing() != null) {
            Label pass = new Label("Passing: " + d.passing() + ".");
            pass.setWrapText(true);
            pass.getStyleClass().add(BrowseStyles.MUTED);
            body.getChildren().add(pass);
        }
        pane.section("Findings: " + d.failing() + " failing of " + Formats.count(d.findingsTotal()) + " results", body);
    }

    /** A table of labels with a header row and column widths in percent. */
    private static GridPane grid(List<String> headers, double[] percent) {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(6);
        for (double p : percent) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(p);
            c.setHalignment(HPos.LEFT);
            g.getColumnConstraints().add(c);
        }
        for (int i = 0; i < headers.size(); i++) {
            Label h = new Label(headers.get(i));
            h.getStyleClass().add(BrowseStyles.FACT_NAME);
            g.add(h, i, 0);
        }
        return g;
    }
}
