package dev.redoubt.ui.browse;

import java.util.Optional;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * An ARN as the console shows it: a link to its page when Redoubt has one, plain text otherwise;
 * the whole ARN on hover; Copy ARN and Open in the AWS console on right click.
 */
public final class ArnLink {
    private ArnLink() {
    }

    /** A link labelled {@code text} (the ARN's short form when null). */
    public static Control of(BrowseContext ctx, String arn, String text) {
        String label = text != null ? text : Formats.shortArn(arn);
        if (arn == null || arn.isBlank()) {
            Label none = new Label(label == null ? Formats.NONE : label);
            none.getStyleClass().add(BrowseStyles.MUTED);
            return none;
        }
        Control node;
        if (ctx.placeFor(arn).isPresent()) {
            Hyperlink link = new Hyperlink(label);
            link.setOnAction(e -> {
                ctx.openArn(arn);
                link.setVisited(false);
            });
            node = link;
        } else {
            node = new Label(label);
        }
        node.getStyleClass().add(BrowseStyles.ARN_LINK);
        node.setTooltip(new Tooltip(arn));
        node.setContextMenu(menu(ctx, arn));
        return node;
    }

    /** Copy ARN and, when the AWS console has a page for it, Open in the AWS console. */
    public static ContextMenu menu(BrowseContext ctx, String arn) {
        MenuItem copy = new MenuItem("Copy ARN", new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.setOnAction(e -> copy(arn));
        ContextMenu menu = new ContextMenu(copy);
        Optional<String> url = ctx.consoleUrl(arn);
        if (url.isPresent()) {
            MenuItem open = new MenuItem("Open in the AWS console", new FontIcon(Material2OutlinedMZ.OPEN_IN_NEW));
            open.setOnAction(e -> ctx.openInAwsConsole(arn));
            menu.getItems().add(open);
        }
        return menu;
    }

    /** Puts text on the system clipboard. */
    public static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
