package dev.redoubt.ui.overview;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Tweaks;
import dev.redoubt.findings.Counts;
import dev.redoubt.findings.Facet;
import dev.redoubt.ui.StyleClasses;
import dev.redoubt.ui.shell.Screen;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The overview: the REL09-BP02 scorecard, the account × facet map, the most severe failures,
 * recovery points per day, restore-test coverage and what could not be read. Cards in two
 * columns on a wide window, one on a narrow one, in a scroll pane. Nodes and bindings only.
 */
public final class OverviewView implements Screen {
    public static final String ID_SCREEN = "overviewScreen";
    public static final String ID_EMPTY = "overviewEmpty";
    public static final String ID_CONTENT = "overviewContent";
    public static final String ID_SUBTITLE = "overviewSubtitle";
    public static final String ID_UPDATING = "overviewUpdating";
    public static final String ID_PARTIAL_BANNER = "partialBanner";
    public static final String ID_SCORECARD = "scorecard";
    public static final String ID_OVERALL_SCORE = "overallScore";
    public static final String ID_OVERALL_CHECKS = "overallChecks";
    public static final String ID_OVERALL_COUNTS = "overallCounts";
    public static final String ID_RESULTS_DIGEST = "resultsDigest";
    public static final String ID_HEAT_MAP = "heatMap";
    public static final String ID_HEAT_MAP_NOTE = "heatMapNote";
    public static final String ID_HEAT_MAP_MORE = "heatMapMore";
    public static final String ID_TOP_FAILURES = "topFailures";
    public static final String ID_SEE_ALL_FAILURES = "seeAllFailures";
    public static final String ID_ACTIVITY = "recoveryPointsPerDay";
    public static final String ID_ACTIVITY_CHART = "recoveryPointChart";
    public static final String ID_COVERAGE = "restoreTestCoverage";
    public static final String ID_COVERAGE_SELECTED = "coverageSelected";
    public static final String ID_COVERAGE_TESTED = "coverageTested";
    public static final String ID_COVERAGE_MORE = "coverageMore";
    public static final String ID_UNREAD = "unread";
    public static final String ID_UNREAD_STATUS = "unreadStatus";

    /** Per facet: "facetScore-ENC", "facetChecks-ENC", "facetCounts-ENC". */
    public static String facetScoreId(Facet f) {
        return "facetScore-" + f.name();
    }

    public static String facetChecksId(Facet f) {
        return "facetChecks-" + f.name();
    }

    public static String facetCountsId(Facet f) {
        return "facetCounts-" + f.name();
    }

    /** A heat-map cell: "heat-123456789012-ENC". */
    public static String heatCellId(String accountId, Facet f) {
        return "heat-" + accountId + "-" + f.name();
    }

    /** The n-th most severe failure (from 0). */
    public static String failureId(int n) {
        return "failure-" + n;
    }

    /** Below this width (the scroll pane's viewport) the cards stack in one column. */
    private static final double TWO_COLUMNS_FROM = 1000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final OverviewViewModel viewModel;
    private final StackPane root = new StackPane();
    private final ScrollPane scroll = new ScrollPane();
    private final VBox content = new VBox();
    private final VBox empty = new VBox();
    private final Label subtitle = new Label();
    private final HBox updating = new HBox();
    private final VBox partialBanner = new VBox();
    private final VBox scorecard = card(ID_SCORECARD);
    private final VBox heatMap = card(ID_HEAT_MAP);
    private final VBox failures = card(ID_TOP_FAILURES);
    private final VBox activity = card(ID_ACTIVITY);
    private final VBox coverage = card(ID_COVERAGE);
    private final VBox unread = card(ID_UNREAD);
    private final VBox drills = card(DrillsCard.ID_CARD);
    private final List<Pair> pairs = new ArrayList<>();
    private final GridPane facetGrid = new GridPane();
    private boolean wide = true;

    public OverviewView(OverviewViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId(ID_SCREEN);
        root.getStyleClass().add(OverviewStyles.OVERVIEW);
        root.getStylesheets().add(OverviewView.class.getResource("overview.css").toExternalForm());

        Label title = new Label("Overview");
        title.getStyleClass().add(StyleClasses.SCREEN_TITLE);
        subtitle.setId(ID_SUBTITLE);
        subtitle.getStyleClass().add(StyleClasses.SCREEN_SUBTITLE);
        subtitle.setWrapText(true);
        VBox titles = new VBox(2, title, subtitle);
        HBox.setHgrow(titles, Priority.ALWAYS);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label updatingText = new Label("Updating…");
        updatingText.getStyleClass().add(StyleClasses.HINT);
        updating.getChildren().setAll(spinner, updatingText);
        updating.setId(ID_UPDATING);
        updating.setSpacing(6);
        updating.setAlignment(Pos.CENTER_RIGHT);
        updating.visibleProperty().bind(viewModel.computingProperty());
        updating.managedProperty().bind(updating.visibleProperty());
        HBox header = new HBox(12, titles, updating);
        header.setAlignment(Pos.TOP_LEFT);

        partialBanner.setId(ID_PARTIAL_BANNER);
        partialBanner.getStyleClass().add(OverviewStyles.BANNER);
        partialBanner.managedProperty().bind(partialBanner.visibleProperty());
        partialBanner.setVisible(false);

        content.setId(ID_CONTENT);
        content.getStyleClass().add(StyleClasses.SCREEN);
        new DrillsCard(viewModel, drills);
        content.getChildren().setAll(header, partialBanner, scorecard, pair(heatMap, failures, 58), pair(coverage, drills, 55), activity, unread);
        scroll.setContent(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.viewportBoundsProperty().addListener((o, old, b) -> layoutFor(b.getWidth()));

        empty.setId(ID_EMPTY);
        empty.getStyleClass().add(OverviewStyles.EMPTY);
        empty.setAlignment(Pos.CENTER);
        FontIcon emptyIcon = new FontIcon(Material2OutlinedAL.DASHBOARD);
        emptyIcon.getStyleClass().add(OverviewStyles.EMPTY_ICON);
        Label emptyTitle = new Label("No estate open");
        emptyTitle.getStyleClass().add(StyleClasses.CARD_TITLE);
        Label emptyText = new Label("Open the demo organization or a capture on the Start screen, or scan your accounts; "
                + "the overview then shows how the estate scores against REL09-BP02.");
        emptyText.setWrapText(true);
        emptyText.setMaxWidth(460);
        emptyText.getStyleClass().add(StyleClasses.HINT);
        emptyText.setAlignment(Pos.CENTER);
        emptyText.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        ProgressIndicator summarising = new ProgressIndicator();
        summarising.setPrefSize(28, 28);
        Label summarisingText = new Label("Summarising the audit…");
        summarisingText.getStyleClass().add(StyleClasses.HINT);
        VBox waiting = new VBox(8, summarising, summarisingText);
        waiting.setAlignment(Pos.CENTER);
        waiting.visibleProperty().bind(viewModel.computingProperty());
        waiting.managedProperty().bind(waiting.visibleProperty());
        VBox nothing = new VBox(8, emptyIcon, emptyTitle, emptyText);
        nothing.setAlignment(Pos.CENTER);
        nothing.visibleProperty().bind(viewModel.computingProperty().not());
        nothing.managedProperty().bind(nothing.visibleProperty());
        empty.getChildren().setAll(waiting, nothing);

        root.getChildren().setAll(scroll, empty);
        viewModel.modelProperty().addListener((o, old, model) -> render(model));
        render(viewModel.model());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        viewModel.activate();
    }

    @Override
    public void hidden() {
        viewModel.deactivate();
    }

    private void render(OverviewModel m) {
        scroll.setVisible(m != null);
        empty.setVisible(m == null);
        if (m == null) {
            return;
        }
        subtitle.setText(subtitleOf(m));
        renderPartial(m.unread());
        renderScorecard(m.scorecard());
        renderHeatMap(m.heatMap());
        renderFailures(m.topFailures());
        renderActivity(m.activity());
        renderCoverage(m.coverage());
        renderUnread(m.unread());
    }

    private static String subtitleOf(OverviewModel m) {
        String name = m.estateName() == null || m.estateName().isBlank() ? "The estate on show" : m.estateName();
        Counts total = m.scorecard().total();
        return name + " · judged as " + (m.asOfFromCapture() ? "captured on " : "of ") + WHEN.format(m.asOf()) + " · "
                + Score.plural(total.total(), "result", "results") + " from " + Score.plural(m.scorecard().checks(), "check", "checks");
    }

    // ---- the partial-capture banner ----------------------------------------------------------

    private void renderPartial(UnreadSummary u) {
        partialBanner.setVisible(u.partial());
        if (!u.partial()) {
            partialBanner.getChildren().clear();
            return;
        }
        Label title = new Label("This capture is partial: the scan stopped before it read everything.");
        title.getStyleClass().add(OverviewStyles.BANNER_TITLE);
        title.setGraphic(new FontIcon(Material2OutlinedMZ.WARNING));
        title.setWrapText(true);
        Label text = new Label("Checks of what was not read report UNKNOWN, so the scores below judge only part of the estate. "
                + "Scan again to complete it." + (u.partialNote() != null ? " (" + u.partialNote() + ")" : ""));
        text.setWrapText(true);
        partialBanner.getChildren().setAll(title, text);
    }

    // ---- scorecard ---------------------------------------------------------------------------

    private void renderScorecard(Scorecard s) {
        Label title = cardTitle("REL09-BP02 scorecard");
        Label how = hint("A facet's score is passing / (passing + failing) results; unknown and suppressed results are shown beside it, not in it.");

        facetGrid.getChildren().clear();
        facetGrid.getStyleClass().setAll(OverviewStyles.FACET_GRID);
        facetGrid.setHgap(12);
        facetGrid.setVgap(12);
        for (FacetScore f : s.facets()) {
            facetGrid.getChildren().add(facetTile(f));
        }
        arrangeFacets();
        HBox.setHgrow(facetGrid, Priority.ALWAYS);
        Node body;
        if (wide) {
            body = new HBox(12, overallTile(s), facetGrid);
        } else {
            body = new VBox(12, overallTile(s), facetGrid);
        }

        TextField digest = new TextField(s.digest());
        digest.setId(ID_RESULTS_DIGEST);
        digest.setEditable(false);
        digest.getStyleClass().addAll(OverviewStyles.DIGEST, StyleClasses.MONO);
        digest.setPrefColumnCount(66);
        digest.setMaxWidth(Region.USE_PREF_SIZE);
        digest.setTooltip(tooltip("The SHA-256 of the audit's results: the report's ResultsSha256 and the journal's audit entry give the same value. "
                + "Select it to copy."));
        Label digestLabel = new Label("Results SHA-256");
        digestLabel.getStyleClass().add(StyleClasses.HINT);
        digestLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox digestLine = new HBox(6, digestLabel, digest);
        digestLine.setAlignment(Pos.CENTER_LEFT);
        scorecard.getChildren().setAll(new VBox(2, title, how), body, digestLine);
    }

    /** The overall line: a column beside the facets on a wide window, a strip above them on a narrow one. */
    private Region overallTile(Scorecard s) {
        Label name = new Label("Overall");
        name.getStyleClass().add(OverviewStyles.TILE_NAME);
        Label score = new Label(s.scoreText());
        score.setId(ID_OVERALL_SCORE);
        score.getStyleClass().addAll(OverviewStyles.SCORE_BIG, bandClass(s.band()));
        score.setMinWidth(Region.USE_PREF_SIZE);
        Label checks = new Label(s.checksFailing() + " of " + s.checks() + " checks failing");
        checks.setId(ID_OVERALL_CHECKS);
        checks.getStyleClass().add(OverviewStyles.TILE_STRONG);
        checks.setWrapText(true);
        Counts t = s.total();
        Label counts = new Label(wide ? Score.count(t.pass()) + " passing\n" + Score.count(t.fail()) + " failing\n" + Score.count(t.unknown())
                + " unknown\n" + Score.count(t.suppressed()) + " suppressed" : countsText(t));
        counts.setId(ID_OVERALL_COUNTS);
        counts.getStyleClass().add(StyleClasses.HINT);
        counts.setWrapText(true);
        counts.setMinHeight(Region.USE_PREF_SIZE);
        FlowPane severities = new FlowPane(4, 4);
        severities.setAlignment(Pos.CENTER_LEFT);
        Label failuresBy = new Label("Failures by severity");
        failuresBy.getStyleClass().add(OverviewStyles.FACET_CODE);
        s.failingBySeverity().forEach((severity, n) -> {
            if (n > 0) {
                Label chip = new Label(Score.count(n) + " " + severity.name().toLowerCase(Locale.ROOT));
                chip.getStyleClass().addAll(StyleClasses.CHIP, StyleClasses.of(severity));
                severities.getChildren().add(chip);
            }
        });
        VBox tile;
        if (wide) {
            tile = new VBox(6, name, score, scoreBar(t.score(), s.band()), checks, counts);
            if (t.fail() > 0) {
                tile.getChildren().add(new VBox(4, failuresBy, severities));
            }
            tile.setMinWidth(200);
            tile.setPrefWidth(200);
            tile.setMaxWidth(200);
        } else {
            VBox words = new VBox(3, checks, counts);
            if (t.fail() > 0) {
                failuresBy.setPadding(new javafx.geometry.Insets(0, 4, 0, 0));
                severities.getChildren().add(0, failuresBy);
                words.getChildren().add(severities);
            }
            words.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(words, Priority.ALWAYS);
            VBox named = new VBox(0, name, score);
            named.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(24, named, words);
            line.setAlignment(Pos.CENTER_LEFT);
            tile = new VBox(8, line, scoreBar(t.score(), s.band()));
        }
        tile.getStyleClass().addAll(OverviewStyles.TILE, OverviewStyles.OVERALL_TILE);
        return tile;
    }

    /** "5,356 passing · 55 failing" over "0 unknown · 0 suppressed". */
    static String countsText(Counts c) {
        return Score.count(c.pass()) + " passing · " + Score.count(c.fail()) + " failing\n" + Score.count(c.unknown()) + " unknown · "
                + Score.count(c.suppressed()) + " suppressed";
    }

    private VBox facetTile(FacetScore f) {
        Label code = new Label(f.facet().name());
        code.getStyleClass().add(OverviewStyles.FACET_CODE);
        code.setMinWidth(Region.USE_PREF_SIZE);
        Label name = new Label(f.facet().title());
        name.getStyleClass().add(OverviewStyles.TILE_NAME);
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        Label score = new Label(f.scoreText());
        score.setId(facetScoreId(f.facet()));
        score.getStyleClass().addAll(OverviewStyles.SCORE, bandClass(f.band()));
        score.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox head = new HBox(8, new VBox(2, code, name), score);
        HBox.setHgrow(head.getChildren().get(0), Priority.ALWAYS);
        head.setAlignment(Pos.TOP_LEFT);

        Label checks = new Label(f.checksFailing() == 0 ? "No check failing (of " + f.checks() + ")"
                : f.checksFailing() + " of " + f.checks() + " checks failing");
        checks.setId(facetChecksId(f.facet()));
        checks.getStyleClass().add(f.checksFailing() == 0 ? StyleClasses.HINT : OverviewStyles.TILE_STRONG);
        Label counts = new Label(countsText(f.counts()));
        counts.setId(facetCountsId(f.facet()));
        counts.getStyleClass().add(StyleClasses.HINT);
        counts.setWrapText(true);
        counts.setMinHeight(Region.USE_PREF_SIZE);
        VBox tile = new VBox(6, head, scoreBar(f.score(), f.band()), checks, counts);
        tile.getStyleClass().add(OverviewStyles.TILE);
        tile.setMinWidth(0);
        tile.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(tile, Priority.ALWAYS);
        GridPane.setFillWidth(tile, true);
        if (f.score() == null) {
            Tooltip.install(tile, tooltip("No result of this facet passed or failed, so it has no score (not 100%)."));
        }
        return tile;
    }

    private void arrangeFacets() {
        int columns = wide ? 3 : 2;
        facetGrid.getColumnConstraints().clear();
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            c.setFillWidth(true);
            facetGrid.getColumnConstraints().add(c);
        }
        int i = 0;
        for (Node n : facetGrid.getChildren()) {
            GridPane.setConstraints(n, i % columns, i / columns);
            i++;
        }
    }

    /** A thin bar filled to the score, in its band's colour; an empty track when there is no score. */
    private static StackPane scoreBar(Double score, ScoreBand band) {
        Region track = new Region();
        track.getStyleClass().add(OverviewStyles.BAR_TRACK);
        Region fill = new Region();
        fill.getStyleClass().addAll(OverviewStyles.BAR_FILL, bandClass(band));
        StackPane bar = new StackPane(track, fill);
        bar.getStyleClass().add(OverviewStyles.BAR);
        StackPane.setAlignment(fill, Pos.CENTER_LEFT);
        double share = score == null ? 0 : score;
        fill.maxWidthProperty().bind(bar.widthProperty().multiply(share));
        fill.setMinWidth(0);
        return bar;
    }

    // ---- heat map ----------------------------------------------------------------------------

    private void renderHeatMap(HeatMap map) {
        Label title = cardTitle("Accounts × facets");
        Label how = hint("Each cell is the account's score in the facet and its number of failures. Click a cell to see those failures.");
        HBox legend = new HBox(12, legendSwatch(ScoreBand.POOR, "below 50%"), legendSwatch(ScoreBand.FAIR, "50–79%"),
                legendSwatch(ScoreBand.GOOD, "80% or more"), legendSwatch(ScoreBand.NONE, "no score"));
        legend.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.getStyleClass().add(OverviewStyles.HEAT_GRID);
        grid.setHgap(4);
        grid.setVgap(4);
        ColumnConstraints accountColumn = new ColumnConstraints();
        accountColumn.setMinWidth(120);
        accountColumn.setHgrow(Priority.SOMETIMES);
        grid.getColumnConstraints().add(accountColumn);
        for (Facet f : Facet.values()) {
            ColumnConstraints c = new ColumnConstraints();
            c.setMinWidth(56);
            c.setPrefWidth(60);
            c.setHgrow(Priority.ALWAYS);
            c.setHalignment(HPos.CENTER);
            c.setFillWidth(true);
            grid.getColumnConstraints().add(c);
            Label code = new Label(f.name());
            code.getStyleClass().add(OverviewStyles.FACET_CODE);
            Label name = new Label(shortTitle(f));
            name.getStyleClass().add(OverviewStyles.HEAT_FACET_NAME);
            VBox head = new VBox(0, code, name);
            head.setAlignment(Pos.BOTTOM_CENTER);
            Tooltip.install(head, tooltip(f.title()));
            grid.add(head, f.ordinal() + 1, 0);
        }
        Label accountHead = new Label("Account");
        accountHead.getStyleClass().add(OverviewStyles.HEAT_HEADER);
        GridPane.setValignment(accountHead, javafx.geometry.VPos.BOTTOM);
        grid.add(accountHead, 0, 0);
        int row = 1;
        for (HeatMap.Row r : map.rows()) {
            Label name = new Label(r.name() != null ? r.name() : "Not in this capture");
            name.getStyleClass().add(r.name() != null ? OverviewStyles.ACCOUNT_NAME : StyleClasses.HINT);
            Label id = new Label(r.accountId());
            id.getStyleClass().addAll(OverviewStyles.ACCOUNT_ID, StyleClasses.MONO);
            VBox account = new VBox(0, name, id);
            account.setAlignment(Pos.CENTER_LEFT);
            account.setMinWidth(0);
            grid.add(account, 0, row);
            for (Facet f : Facet.values()) {
                grid.add(heatCell(r, r.cell(f)), f.ordinal() + 1, row);
            }
            row++;
        }
        heatMap.getChildren().setAll(new VBox(2, title, how), legend, grid);
        if (map.rows().isEmpty()) {
            heatMap.getChildren().add(hint("The estate holds no accounts."));
        }
        if (map.hidden() > 0) {
            int all = map.rows().size() + map.hidden();
            Label more = hint("The " + map.rows().size() + " accounts with the most failures, of " + Score.count(all) + ".");
            HBox.setHgrow(more, Priority.ALWAYS);
            Hyperlink every = new Hyperlink("See every account");
            every.setGraphic(new FontIcon(Material2OutlinedAL.ARROW_FORWARD));
            every.setContentDisplay(ContentDisplay.RIGHT);
            every.setMinWidth(Region.USE_PREF_SIZE);
            every.setOnAction(e -> viewModel.openOrganization());
            HBox line = new HBox(8, more, every);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setId(ID_HEAT_MAP_MORE);
            heatMap.getChildren().add(line);
        }
        if (map.withoutAccount() > 0) {
            Label note = hint(Score.plural(map.withoutAccount(), "result is", "results are") + " about the organization as a whole, not one account: "
                    + "they count in the scorecard but have no row here.");
            note.setId(ID_HEAT_MAP_NOTE);
            heatMap.getChildren().add(note);
        }
    }

    private Node heatCell(HeatMap.Row row, HeatMap.Cell cell) {
        Counts c = cell.counts();
        Label score = new Label(cell.scoreText());
        score.getStyleClass().add(OverviewStyles.HEAT_SCORE);
        String detail = c.fail() > 0 ? Score.compact(c.fail()) + " failing"
                : c.total() == 0 ? "\u00a0" : c.pass() == 0 ? Score.compact(c.unknown() + c.suppressed()) + (c.unknown() > 0 ? " unknown" : " suppr.")
                : "0 failing";
        Label sub = new Label(detail);
        sub.getStyleClass().add(OverviewStyles.HEAT_DETAIL);
        VBox box = new VBox(0, score, sub);
        box.setAlignment(Pos.CENTER);
        Button b = new Button(null, box);
        b.setId(heatCellId(cell.accountId(), cell.facet()));
        b.getStyleClass().addAll(OverviewStyles.HEAT_CELL, bandClass(cell.band()));
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMinWidth(0);
        b.setFocusTraversable(c.fail() > 0);
        String who = (row.name() != null ? row.name() : row.accountId()) + " · " + cell.facet().title();
        String numbers = Score.count(c.pass()) + " passing, " + Score.count(c.fail()) + " failing, " + Score.count(c.unknown()) + " unknown, "
                + Score.count(c.suppressed()) + " suppressed.";
        if (c.fail() > 0) {
            b.setTooltip(tooltip(who + "\n" + numbers + "\nClick to see the failures."));
            b.setOnAction(e -> viewModel.open(cell));
        } else {
            b.getStyleClass().add(OverviewStyles.HEAT_QUIET);
            b.setTooltip(tooltip(who + "\n" + (c.total() == 0 ? "No check judged anything of this account in this facet." : numbers)));
        }
        return b;
    }

    private static String shortTitle(Facet f) {
        return switch (f) {
            case ENC -> "Encryption";
            case ACC -> "Access";
            case IMM -> "Immutable";
            case ISO -> "Isolation";
            case RST -> "Restores";
            case MPA -> "Approval";
        };
    }

    private static HBox legendSwatch(ScoreBand band, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll(OverviewStyles.SWATCH, OverviewStyles.HEAT_SWATCH, bandClass(band));
        Label label = new Label(text);
        label.getStyleClass().add(StyleClasses.HINT);
        HBox box = new HBox(5, swatch, label);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    // ---- most severe failures ----------------------------------------------------------------

    private void renderFailures(TopFailures top) {
        Label title = cardTitle("Most severe failures");
        Hyperlink all = new Hyperlink(top.total() == 0 ? "" : "See all " + Score.plural(top.total(), "failure", "failures"));
        all.setId(ID_SEE_ALL_FAILURES);
        all.setGraphic(new FontIcon(Material2OutlinedAL.ARROW_FORWARD));
        all.setContentDisplay(ContentDisplay.RIGHT);
        all.setOnAction(e -> viewModel.openAllFailures());
        all.setVisible(top.total() > 0);
        all.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(8, title, new Spacer(), all);
        head.setAlignment(Pos.CENTER_LEFT);
        Label how = hint("Critical first, then in catalogue order. Click one to see its evidence and how to fix it.");
        VBox list = new VBox(2);
        list.getStyleClass().add(OverviewStyles.FAILURE_LIST);
        int i = 0;
        for (TopFailures.Failure f : top.failures()) {
            list.getChildren().add(failureRow(i++, f));
        }
        failures.getChildren().setAll(new VBox(2, head, how), list);
        if (top.failures().isEmpty()) {
            Label none = new Label("No failures: every result passed, could not be judged, or is an accepted risk.");
            none.setGraphic(new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
            none.getStyleClass().add(OverviewStyles.ALL_GOOD);
            none.setWrapText(true);
            failures.getChildren().add(none);
        }
    }

    private Node failureRow(int n, TopFailures.Failure f) {
        Label chip = new Label(f.severity().name());
        chip.getStyleClass().addAll(StyleClasses.CHIP, StyleClasses.of(f.severity()));
        chip.setMinWidth(Region.USE_PREF_SIZE);
        StackPane chipBox = new StackPane(chip);
        chipBox.setMinWidth(72);
        chipBox.setAlignment(Pos.TOP_LEFT);
        Text check = new Text(f.checkId() + "  ");
        check.getStyleClass().addAll(OverviewStyles.CHECK_ID, StyleClasses.MONO);
        Text title = new Text(f.title());
        title.getStyleClass().add(OverviewStyles.FAILURE_TITLE);
        TextFlow first = new TextFlow(check, title);
        first.setMinWidth(0);
        String where = f.resourceName() + " · " + (f.accountName() != null ? f.accountName() : f.accountId() != null ? f.accountId() : "organization")
                + (f.region() != null ? " · " + f.region() : "");
        Label resource = new Label(where);
        resource.getStyleClass().add(StyleClasses.HINT);
        resource.setMinWidth(0);
        VBox text = new VBox(1, first, resource);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, chipBox, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinWidth(0);
        row.setId(failureId(n));
        row.getStyleClass().add(OverviewStyles.FAILURE_ROW);
        row.setFocusTraversable(true);
        row.setCursor(Cursor.HAND);
        Tooltip.install(row, tooltip(f.checkId() + " " + f.title() + "\n" + (f.resourceArn() != null ? f.resourceArn() : "")
                + (f.accountId() != null ? "\nAccount " + f.accountId() : "")));
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                viewModel.open(f);
            }
        });
        row.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                viewModel.open(f);
                e.consume();
            }
        });
        return row;
    }


    // ---- recovery points per day -------------------------------------------------------------

    private void renderActivity(BackupActivity a) {
        Label title = cardTitle("Recovery points per day");
        Label how = hint("Recovery points created each day (UTC) in the " + a.days() + " days up to the capture, " + DAY.format(a.firstDay()) + " to "
                + DAY.format(a.lastDay()) + ", by the account whose vault holds them. " + Score.count(a.total()) + " in all; busiest day "
                + Score.count(a.busiestDay()) + ".");
        RecoveryPointChart chart = new RecoveryPointChart(a);
        chart.setId(ID_ACTIVITY_CHART);
        FlowPane legend = new FlowPane(14, 6);
        legend.getStyleClass().add(OverviewStyles.CHART_LEGEND);
        for (int i = 0; i < a.series().size(); i++) {
            BackupActivity.Series s = a.series().get(i);
            Region swatch = new Region();
            swatch.getStyleClass().addAll(OverviewStyles.SWATCH, RecoveryPointChart.seriesClass(i, s));
            Label label = new Label(s.name() + "  " + Score.count(s.total()));
            label.getStyleClass().add(OverviewStyles.LEGEND_TEXT);
            HBox item = new HBox(5, swatch, label);
            item.setAlignment(Pos.CENTER_LEFT);
            if (s.accountId() != null) {
                Tooltip.install(item, tooltip(s.name() + " (" + s.accountId() + "): " + Score.plural(s.total(), "recovery point", "recovery points")
                        + " in these " + a.days() + " days"));
            }
            legend.getChildren().add(item);
        }
        activity.getChildren().setAll(new VBox(2, title, how), chart, legend);
        if (!a.quietAccounts().isEmpty()) {
            Label quiet = new Label("No recovery point in these " + a.days() + " days: " + String.join(", ", a.quietAccounts()) + ".");
            quiet.getStyleClass().add(OverviewStyles.NOTE);
            quiet.setWrapText(true);
            activity.getChildren().add(quiet);
        }
    }

    // ---- restore-test coverage ---------------------------------------------------------------

    private void renderCoverage(RestoreTestCoverage c) {
        Label title = cardTitle("Restore-test coverage");
        Label how = hint("Of the resources AWS Backup protects: selected = a restore testing plan would pick one of its recovery points "
                + "(it includes a vault holding one and selects the resource's type and ARN); tested = a restore job started by a restore "
                + "testing plan completed for it in the last " + c.days() + " days before the capture (the restore-test checks' window); "
                + "validated = that job's validation succeeded.");
        coverage.getChildren().setAll(new VBox(2, title));
        if (c.resources() == 0) {
            coverage.getChildren().add(hint("The capture holds no protected resources."));
            return;
        }
        Label selected = new Label(Score.count(c.selected()) + " of " + Score.plural(c.resources(), "protected resource", "protected resources") + " ("
                + RestoreTestCoverage.percent(c.selected(), c.resources()) + ") "
                + (c.selected() == 1 ? "is" : "are") + " selected by a restore testing plan");
        selected.setId(ID_COVERAGE_SELECTED);
        selected.getStyleClass().add(OverviewStyles.COVERAGE_LINE);
        selected.setWrapText(true);
        Label tested = new Label(Score.count(c.tested()) + " (" + RestoreTestCoverage.percent(c.tested(), c.resources()) + ") had a restore test complete in the last "
                + c.days() + " days; " + Score.count(c.validated()) + " of them validated");
        tested.setId(ID_COVERAGE_TESTED);
        tested.getStyleClass().add(OverviewStyles.COVERAGE_LINE);
        tested.setWrapText(true);
        VBox lines = new VBox(6, selected, shareBar(RestoreTestCoverage.share(c.selected(), c.resources())), tested,
                shareBar(RestoreTestCoverage.share(c.tested(), c.resources())));

        GridPane table = new GridPane();
        table.getStyleClass().add(OverviewStyles.COVERAGE_TABLE);
        table.setHgap(16);
        table.setVgap(3);
        String[] heads = {"Account", "Protected", "Selected", "Tested", "Validated"};
        for (int i = 0; i < heads.length; i++) {
            Label h = new Label(heads[i]);
            h.getStyleClass().add(OverviewStyles.HEAT_HEADER);
            table.add(h, i, 0);
            if (i > 0) {
                GridPane.setHalignment(h, HPos.RIGHT);
            }
        }
        int row = 1;
        List<RestoreTestCoverage.AccountCoverage> shown = c.mostUntested(HeatMap.MAX_ROWS);
        for (RestoreTestCoverage.AccountCoverage a : shown) {
            Label name = new Label(a.name() != null ? a.name() : a.accountId());
            name.setMinWidth(0);
            Tooltip.install(name, tooltip(a.accountId()));
            table.add(name, 0, row);
            long[] values = {a.resources(), a.selected(), a.tested(), a.validated()};
            for (int i = 0; i < values.length; i++) {
                Label v = new Label(Score.count(values[i]));
                v.getStyleClass().add(OverviewStyles.NUMBER);
                if (i > 0 && values[i] < a.resources()) {
                    v.getStyleClass().add(OverviewStyles.SHORTFALL);
                }
                GridPane.setHalignment(v, HPos.RIGHT);
                table.add(v, i + 1, row);
            }
            row++;
        }
        ColumnConstraints first = new ColumnConstraints();
        first.setHgrow(Priority.ALWAYS);
        first.setMinWidth(100);
        table.getColumnConstraints().add(first);
        coverage.getChildren().addAll(lines, table);
        if (shown.size() < c.accounts().size()) {
            Label more = hint("The " + shown.size() + " accounts with the most protected resources not tested, of " + Score.count(c.accounts().size()) + ".");
            more.setId(ID_COVERAGE_MORE);
            coverage.getChildren().add(more);
        }
        coverage.getChildren().add(how);
    }

    private static StackPane shareBar(double share) {
        ScoreBand band = ScoreBand.of(share);
        return scoreBar(share, band);
    }

    // ---- what could not be read --------------------------------------------------------------

    private void renderUnread(UnreadSummary u) {
        Label title = cardTitle("What could not be read");
        unread.getChildren().setAll(title);
        if (u.everythingRead()) {
            Label ok = new Label("Everything was read");
            ok.setId(ID_UNREAD_STATUS);
            ok.setGraphic(new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
            ok.getStyleClass().add(OverviewStyles.ALL_GOOD);
            unread.getChildren().addAll(ok, hint("AWS answered every request of the scan, so no check is UNKNOWN for want of data."));
            return;
        }
        String status = u.scopes() == 0 ? "The capture is partial"
                : Score.plural(u.scopes(), "scope", "scopes") + " could not be read" + (u.partial() ? ", and the capture is partial" : "");
        Label head = new Label(status);
        head.setId(ID_UNREAD_STATUS);
        head.setGraphic(new FontIcon(Material2OutlinedMZ.WARNING));
        head.getStyleClass().add(OverviewStyles.WARNING_LINE);
        head.setWrapText(true);
        unread.getChildren().addAll(head, hint("Checks that need what was not read report UNKNOWN for it, never PASS."));
        int shown = 0;
        for (UnreadSummary.Group g : u.groups()) {
            if (shown++ == 6) {
                unread.getChildren().add(hint("… and " + Score.plural(u.groups().size() - 6L, "other kind", "other kinds") + " of error; the scan screen lists them all."));
                break;
            }
            unread.getChildren().add(unreadGroup(g));
        }
    }

    private static Node unreadGroup(UnreadSummary.Group g) {
        Label what = new Label((g.cancelled() ? "Not finished (scan cancelled)" : g.errorCode()) + " · " + g.operation() + " · "
                + Score.plural(g.scopes(), "scope", "scopes"));
        what.getStyleClass().add(OverviewStyles.TILE_STRONG);
        what.setWrapText(true);
        List<String> places = g.places();
        String where = places.size() <= 4 ? String.join(", ", places) : String.join(", ", places.subList(0, 4)) + " and " + (places.size() - 4) + " more";
        Label at = new Label(where);
        at.getStyleClass().add(StyleClasses.HINT);
        at.setWrapText(true);
        VBox box = new VBox(1, what, at);
        if (g.message() != null && !g.message().isBlank()) {
            Label said = new Label("AWS: " + g.message());
            said.getStyleClass().add(OverviewStyles.AWS_MESSAGE);
            said.setWrapText(true);
            box.getChildren().add(said);
        }
        box.getStyleClass().add(OverviewStyles.UNREAD_GROUP);
        return box;
    }

    // ---- layout --------------------------------------------------------------------------------

    private void layoutFor(double width) {
        boolean nowWide = width >= TWO_COLUMNS_FROM;
        if (nowWide == wide && !pairs.isEmpty() && pairs.get(0).arranged) {
            return;
        }
        wide = nowWide;
        pairs.forEach(p -> p.arrange(wide));
        if (viewModel.model() != null) {
            renderScorecard(viewModel.model().scorecard());
        }
    }

    private Node pair(Region left, Region right, double leftPercent) {
        Pair p = new Pair(left, right, leftPercent);
        pairs.add(p);
        p.arrange(wide);
        return p.grid;
    }

    /** Two cards side by side on a wide window, one above the other on a narrow one. */
    private static final class Pair {
        final GridPane grid = new GridPane();
        final Region left;
        final Region right;
        final double leftPercent;
        boolean arranged;

        Pair(Region left, Region right, double leftPercent) {
            this.left = left;
            this.right = right;
            this.leftPercent = leftPercent;
            grid.setHgap(16);
            grid.setVgap(16);
        }

        void arrange(boolean wide) {
            arranged = true;
            grid.getChildren().clear();
            grid.getColumnConstraints().clear();
            if (wide) {
                grid.getColumnConstraints().addAll(column(leftPercent), column(100 - leftPercent));
                grid.add(left, 0, 0);
                grid.add(right, 1, 0);
            } else {
                grid.getColumnConstraints().add(column(100));
                grid.add(left, 0, 0);
                grid.add(right, 0, 1);
            }
            left.setMaxHeight(Double.MAX_VALUE);
            right.setMaxHeight(Double.MAX_VALUE);
            GridPane.setValignment(left, javafx.geometry.VPos.TOP);
            GridPane.setValignment(right, javafx.geometry.VPos.TOP);
            GridPane.setFillHeight(left, true);
            GridPane.setFillHeight(right, true);
        }

        private static ColumnConstraints column(double percent) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(percent);
            c.setFillWidth(true);
            c.setHgrow(Priority.ALWAYS);
            return c;
        }
    }

    // ---- small parts ---------------------------------------------------------------------------

    private static VBox card(String id) {
        VBox card = new VBox();
        card.setId(id);
        card.getStyleClass().add(StyleClasses.CARD);
        card.setMinWidth(0);
        return card;
    }

    private static Label cardTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.CARD_TITLE);
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.HINT);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        t.setWrapText(true);
        t.setMaxWidth(520);
        return t;
    }

    static String bandClass(ScoreBand band) {
        return switch (band) {
            case NONE -> OverviewStyles.BAND_NONE;
            case POOR -> OverviewStyles.BAND_POOR;
            case FAIR -> OverviewStyles.BAND_FAIR;
            case GOOD -> OverviewStyles.BAND_GOOD;
        };
    }
}
