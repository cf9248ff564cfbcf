package dev.redoubt.app.cli;

import dev.redoubt.services.Cancellation;
import java.time.Duration;

/**
 * Ctrl+C (the JVM's shutdown) cancels a long-running command cooperatively, while the command is
 * running, and holds the JVM's exit until the command has kept what it read, journaled it and said
 * so (at most {@link #GRACE}): the JVM halts as soon as its shutdown hooks return.
 */
final class CtrlC implements AutoCloseable {
    /** How long Ctrl+C waits for the command to end before the JVM exits anyway. */
    static final Duration GRACE = Duration.ofSeconds(30);

    /** Where the hook goes: the JVM's shutdown hooks (run on Ctrl+C or SIGTERM), or a test's stand-in. */
    interface Hooks {
        void add(Thread hook);

        void remove(Thread hook);

        Hooks RUNTIME = new Hooks() {
            @Override
            public void add(Thread hook) {
                Runtime.getRuntime().addShutdownHook(hook);
            }

            @Override
            public void remove(Thread hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting (Ctrl+C); the hook already ran
                }
            }
        };
    }

    private final Thread hook;
    private final Hooks hooks;

    private CtrlC(Thread hook, Hooks hooks) {
        this.hook = hook;
        this.hooks = hooks;
    }

    static CtrlC cancels(CliContext ctx, Cancellation cancel) {
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                ctx.awaitFinished(GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "redoubt-cancel");
        ctx.hooks().add(hook);
        return new CtrlC(hook, ctx.hooks());
    }

    @Override
    public void close() {
        hooks.remove(hook);
    }
}
