package dev.redoubt.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** The look: AtlantaFX's Primer Light as the user-agent stylesheet, plus Redoubt's own stylesheet per scene. */
public final class Theme {
    /** Classpath location of Redoubt's stylesheet; its classes are named in {@link StyleClasses}. */
    public static final String STYLESHEET = "/dev/redoubt/ui/redoubt.css";

    private Theme() {
    }

    /** Sets the process-wide base theme; call once, on the FX thread, before the first scene is shown. */
    public static void applyBaseTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds Redoubt's stylesheet to a scene (every scene, popups included, needs it). */
    public static void style(Scene scene) {
        String url = Objects.requireNonNull(Theme.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
        if (!scene.getStylesheets().contains(url)) {
            scene.getStylesheets().add(url);
        }
    }
}
