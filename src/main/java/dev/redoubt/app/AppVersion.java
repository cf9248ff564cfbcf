package dev.redoubt.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version from the build (version.properties, filtered by Maven). */
public final class AppVersion {
    private AppVersion() {
    }

    public static String version() {
        Properties p = new Properties();
        try (InputStream in = AppVersion.class.getResourceAsStream("/dev/redoubt/app/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
