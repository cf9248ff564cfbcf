package dev.redoubt.app.cli;

import dev.redoubt.app.ConsoleStart;

/**
 * Opens the window for 'redoubt console'. Handed in by the launcher, so the commands themselves
 * never load JavaFX; returns when the window is closed.
 */
@FunctionalInterface
public interface ConsoleOpener {
    void open(ConsoleStart start);

    /** Where no window can open (tests of the other commands). */
    ConsoleOpener NONE = start -> {
        throw new CliException(ExitCodes.USAGE, "the console cannot open from here; run redoubt with no arguments to open the window");
    };
}
