package dev.redoubt.ui.browse;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.redoubt.services.BrowseScope;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The head of a list screen: its title, "1,234 of 200,000" beside it, the scope chosen in the
 * organization tree (with a button to show everything again), and the filter field; screens add
 * their own filter controls to {@link #filters()}.
 */
public final class ListHeader {
    public static final String ID_SCOPE_CHIP = "scopeChip";
    public static final String ID_CLEAR_SCOPE = "clearScope";

    private final Label count = new Label();
    private final CustomTextField filter = new CustomTextField();
    private final HBox filters = new HBox(8);
    private final VBox root;

    public ListHeader(BrowseContext ctx, String title, String filterPrompt, String filterId) {
        Label t = new Label(title);
        t.getStyleClass().add(BrowseStyles.LIST_TITLE);
        count.getStyleClass().add(BrowseStyles.LIST_COUNT);

        Label scopeText = new Label();
        scopeText.textProperty().bind(Bindings.createStringBinding(() -> "Scope: " + ctx.workspace().scope().label(),
                ctx.workspace().scopeProperty()));
        Button clear = new Button(null, new FontIcon(Material2OutlinedAL.CLOSE));
        clear.setId(ID_CLEAR_SCOPE);
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setTooltip(new Tooltip("Show the whole organization"));
        clear.setOnAction(e -> ctx.workspace().scopeProperty().set(BrowseScope.ALL));
        HBox chip = new HBox(4, new FontIcon(Material2OutlinedAL.ACCOUNT_TREE), scopeText, clear);
        chip.setId(ID_SCOPE_CHIP);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add(BrowseStyles.SCOPE_CHIP);
        chip.visibleProperty().bind(Bindings.createBooleanBinding(() -> !ctx.workspace().scope().isAll(), ctx.workspace().scopeProperty()));
        chip.managedProperty().bind(chip.visibleProperty());

        HBox titleRow = new HBox(12, t, count, new Spacer(), chip);
        titleRow.setAlignment(Pos.BASELINE_LEFT);

        filter.setId(filterId);
        filter.setPromptText(filterPrompt);
        filter.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        filter.setPrefWidth(320);
        HBox.setHgrow(filter, Priority.SOMETIMES);
        filters.getChildren().add(filter);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getStyleClass().add(BrowseStyles.FILTER_BAR);

        root = new VBox(10, titleRow, filters);
        root.getStyleClass().add(BrowseStyles.LIST_HEADER);
    }

    public CustomTextField filter() {
        return filter;
    }

    /** Where a screen adds its own filter controls, after the text field. */
    public HBox filters() {
        return filters;
    }

    /** "1,234 of 200,000 recovery points". */
    public Label count() {
        return count;
    }

    public VBox root() {
        return root;
    }
}
