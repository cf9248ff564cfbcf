package dev.redoubt.app;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Opens a page in the user's browser, best effort (the page is always printed too); never blocks. */
public final class SystemBrowser {
    private final Map<String, String> env;

    public SystemBrowser(Map<String, String> env) {
        this.env = env;
    }

    /** True when a browser was asked to open the page. */
    public boolean open(String url) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command;
        if (os.startsWith("windows")) {
            command = List.of("rundll32", "url.dll,FileProtocolHandler", url);
        } else if (os.contains("mac")) {
            command = List.of("open", url);
        } else if (env.containsKey("DISPLAY") || env.containsKey("WAYLAND_DISPLAY")) {
            command = List.of("xdg-open", url);
        } else {
            return false;
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
