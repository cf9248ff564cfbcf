package dev.redoubt.ui.browse;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.redoubt.ui.navigation.Destination;
import dev.redoubt.ui.navigation.Place;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * A detail page: what kind of thing it is, its name, a line under it, the buttons every page has
 * (back to the list, Copy ARN, Open in the AWS console), then titled sections. Built anew for each
 * thing shown; {@link #root()} scrolls.
 */
public final class DetailPane {
    public static final String ID_BACK_TO_LIST = "backToList";
    public static final String ID_COPY_ARN = "copyArn";
    public static final String ID_OPEN_IN_CONSOLE = "openInConsole";

    private final BrowseContext ctx;
    private final Destination list;
    private final String backLabel;
    private final VBox content = new VBox(18);
    private final ScrollPane scroll = new ScrollPane(content);

    /** {@code list}: the screen whose list "back to the list" returns to. */
    public DetailPane(BrowseContext ctx, Destination list) {
        this(ctx, list, "All " + list.title().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code backLabel}: what the button back to the list says ("All restore testing plans"). */
    public DetailPane(BrowseContext ctx, Destination list, String backLabel) {
        this.ctx = ctx;
        this.list = list;
        this.backLabel = backLabel;
        content.getStyleClass().add(BrowseStyles.DETAIL);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
    }

    /** The head of the page: "Backup vault" over "shop-prod-vault", a line under it, and the ARN's buttons. */
    public DetailPane header(String kind, String title, String subtitle, String arn) {
        Button back = new Button(backLabel, new FontIcon(Material2OutlinedAL.ARROW_BACK));
        back.setId(ID_BACK_TO_LIST);
        back.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        back.setOnAction(e -> ctx.navigator().open(Place.of(list)));
        Label kindLabel = new Label(kind);
        kindLabel.getStyleClass().add(BrowseStyles.DETAIL_KIND);
        HBox top = new HBox(8, back, new Spacer());
        top.setAlignment(Pos.CENTER_LEFT);
        if (arn != null) {
            Button copy = new Button("Copy ARN", new FontIcon(Material2OutlinedAL.CONTENT_COPY));
            copy.setId(ID_COPY_ARN);
            copy.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            copy.setTooltip(new Tooltip(arn));
            copy.setOnAction(e -> ArnLink.copy(arn));
            top.getChildren().add(copy);
            if (ctx.consoleUrl(arn).isPresent()) {
                Button open = new Button("Open in the AWS console", new FontIcon(Material2OutlinedMZ.OPEN_IN_NEW));
                open.setId(ID_OPEN_IN_CONSOLE);
                open.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
                open.setTooltip(new Tooltip(ctx.consoleUrl(arn).get()));
                open.setOnAction(e -> ctx.openInAwsConsole(arn));
                top.getChildren().add(open);
            }
        }
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add(BrowseStyles.DETAIL_TITLE);
        titleLabel.setWrapText(true);
        VBox head = new VBox(2, top, kindLabel, titleLabel);
        if (subtitle != null && !subtitle.isBlank()) {
            Label sub = new Label(subtitle);
            sub.getStyleClass().add(BrowseStyles.DETAIL_SUBTITLE);
            sub.setWrapText(true);
            head.getChildren().add(sub);
        }
        content.getChildren().add(head);
        return this;
    }

    /** A titled section. */
    public DetailPane section(String title, Node body) {
        Label t = new Label(title);
        t.getStyleClass().add(BrowseStyles.SECTION_TITLE);
        VBox box = new VBox(8, t, body);
        box.getStyleClass().add(BrowseStyles.SECTION);
        content.getChildren().add(box);
        return this;
    }

    /** A node placed as it is (a summary panel above the sections). */
    public DetailPane add(Node node) {
        content.getChildren().add(node);
        return this;
    }

    /** A new fact grid in a titled section. */
    public FactGrid facts(String title) {
        FactGrid grid = new FactGrid();
        section(title, grid);
        return grid;
    }

    public ScrollPane root() {
        return scroll;
    }
}
