package dev.redoubt.app.cli;

import picocli.CommandLine;

/** The version from the build (version.properties, filtered by Maven). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        return dev.redoubt.app.AppVersion.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "Redoubt " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
