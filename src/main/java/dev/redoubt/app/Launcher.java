package dev.redoubt.app;

import dev.redoubt.app.cli.Cli;

/**
 * The one entry point: the window with no arguments (or with 'console'), the command line otherwise.
 * Deliberately not a JavaFX Application, so commands never load or start the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            GuiMain.start(ConsoleStart.startScreen());
            return;
        }
        int code = Cli.run(args, System.out, System.err, System.getenv(), GuiMain::start);
        System.exit(code);
    }
}
