package dev.redoubt.app.cli;

import dev.redoubt.services.Cancellation;

/** Ctrl+C (the JVM's shutdown) cancels a long-running command cooperatively, while the command is running. */
final class CtrlC implements AutoCloseable {
    private final Thread hook;

    private CtrlC(Thread hook) {
        this.hook = hook;
    }

    static CtrlC cancels(Cancellation cancel) {
        Thread hook = new Thread(cancel::cancel, "redoubt-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        return new CtrlC(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting (Ctrl+C); the hook already ran
        }
    }
}
