package dev.redoubt.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the command line in-process with captured output and a temporary Redoubt home. */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun run(Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("REDOUBT_HOME", home.toString(), "HOME", home.resolveSibling(home.getFileName() + "-user").toString()), Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        int code = Cli.run(args, ctx);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs as {@link #run} does, as if standard output were a terminal. */
    public static CliRun onTerminal(Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("REDOUBT_HOME", home.toString(), "HOME", home.resolveSibling(home.getFileName() + "-user").toString()),
                Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC), ConsoleOpener.NONE, true);
        int code = Cli.run(args, ctx);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs with exactly this environment (HOME, REDOUBT_HOME, AWS_CONFIG_FILE...) and the system clock. */
    public static CliRun withEnv(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, Clock.systemUTC());
        int code = Cli.run(args, ctx);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs with a temporary home and a console opener (for 'redoubt console'). */
    public static CliRun withConsole(Path home, ConsoleOpener opener, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("REDOUBT_HOME", home.toString(), "HOME", home.resolveSibling(home.getFileName() + "-user").toString()),
                Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC), opener);
        int code = Cli.run(args, ctx);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** True when stderr carries no stack trace. */
    public boolean noStackTrace() {
        return !err.contains("\tat ") && !err.contains("Exception in thread") && !err.matches("(?s).*\\bat [a-z]+\\.[a-zA-Z.$]+\\(.*");
    }
}
