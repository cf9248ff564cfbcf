package dev.redoubt.app;

import dev.redoubt.app.cli.Cli;

/**
 * The one entry point: the GUI with no arguments, the command line with arguments.
 * Deliberately not a JavaFX Application, so commands never load or start the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            GuiMain.start(args);
            return;
        }
        int code = Cli.run(args, System.out, System.err, System.getenv());
        System.exit(code);
    }
}
