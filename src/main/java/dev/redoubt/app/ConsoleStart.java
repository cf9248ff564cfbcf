package dev.redoubt.app;

import dev.redoubt.journal.Mode;
import java.nio.file.Path;
import java.util.List;

/**
 * What the window opens on: the start screen, the built-in demo, a capture file, or a profile to
 * sign in with and scan (with the accounts and regions to scan, empty lists meaning all, and the role to scan other accounts as).
 */
public record ConsoleStart(Kind kind, Path estate, String profile, List<String> accounts, List<String> regions, String role, Mode mode) {
    public enum Kind { START_SCREEN, DEMO, ESTATE, PROFILE }

    public ConsoleStart {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        regions = regions == null ? List.of() : List.copyOf(regions);
        mode = mode == null ? Mode.AUDITOR : mode;
    }

    public static ConsoleStart startScreen() {
        return new ConsoleStart(Kind.START_SCREEN, null, null, List.of(), List.of(), null, Mode.AUDITOR);
    }
}
