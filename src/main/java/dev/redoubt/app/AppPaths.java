package dev.redoubt.app;

import dev.redoubt.journal.JournalFiles;
import dev.redoubt.files.SafeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Redoubt keeps its data: {@code REDOUBT_HOME}, else the OS's per-user data directory.
 * Everything under it is created owner-only.
 */
public final class AppPaths {
    public static final String HOME_ENV = "REDOUBT_HOME";

    private final Path home;

    public AppPaths(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /** Resolves the home from the environment and system properties, as documented in the README. */
    public static AppPaths fromEnvironment(Map<String, String> env) {
        return new AppPaths(resolveHome(env, System.getProperty("os.name", ""), System.getProperty("user.home", ".")));
    }

    static Path resolveHome(Map<String, String> env, String osName, String userHome) {
        String explicit = env.get(HOME_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank()
                    ? Path.of(appData, "Redoubt")
                    : Path.of(userHome, "AppData", "Roaming", "Redoubt");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Redoubt");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "redoubt");
        }
        return Path.of(userHome, ".local", "share", "redoubt");
    }

    public Path home() {
        return home;
    }

    public Path settingsFile() {
        return home.resolve("settings.json");
    }

    public Path suppressionsFile() {
        return home.resolve("suppressions.json");
    }

    public Path journalFile() {
        return home.resolve("journal.db");
    }

    public Path keysDir() {
        return home.resolve("keys");
    }

    public Path capturesDir() {
        return home.resolve("captures");
    }

    public Path logsDir() {
        return home.resolve("logs");
    }

    /** Where sqlite-jdbc extracts its native library: under the owner-only home, not the shared temporary directory. */
    public Path nativeLibraryDir() {
        return home.resolve("native");
    }

    /** The journal's database, key folder, settings file and native library folder. */
    public JournalFiles journalFiles() {
        return new JournalFiles(journalFile(), keysDir(), settingsFile(), nativeLibraryDir());
    }

    /** Creates the home and its folders with owner-only permissions; idempotent. */
    public AppPaths ensureCreated() {
        for (Path dir : new Path[] {home, keysDir(), capturesDir(), logsDir()}) {
            createOwnerOnlyDirectory(dir);
        }
        return this;
    }

    public static void createOwnerOnlyDirectory(Path dir) {
        try {
            SafeFiles.ownerOnlyDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
