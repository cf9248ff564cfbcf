package dev.redoubt.app.cli;

import dev.redoubt.aws.AwsClients;
import dev.redoubt.aws.AwsFailure;
import dev.redoubt.aws.AwsFailures;
import dev.redoubt.aws.EndpointUnreachableException;
import dev.redoubt.aws.ReadOnlyViolationException;
import dev.redoubt.aws.signin.SignInRequiredException;
import dev.redoubt.estate.EstateFormatException;
import dev.redoubt.journal.JournalException;
import dev.redoubt.services.ServiceFailure;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/** Runs one command line and returns its exit code; never lets a stack trace out unless --debug. */
public final class Cli {
    private Cli() {
    }

    /** Commands whose first work is a sign-in (an AWS call): the SDK is warmed up on another thread as they start. */
    private static final java.util.Set<String> SIGN_IN_FIRST = java.util.Set.of("scan", "whoami");

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, new CliContext(out, err, env, Clock.systemUTC()));
    }

    /** The launcher's entry: 'redoubt console' opens the window through {@code console}. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, ConsoleOpener console) {
        return run(args, new CliContext(out, err, env, Clock.systemUTC(), console, System.console() != null));
    }

    public static int run(String[] args, CliContext context) {
        boolean debug = hasFlag(args, "--debug");
        boolean verbose = debug || hasFlag(args, "--verbose");
        String named = commandNamed(args);
        if (named != null && SIGN_IN_FIRST.contains(named)) {
            AwsClients.warmUpInBackground(); // the SDK's classes load while the line is parsed and the config read
        }
        CommandLine cl = commandLine(context, named);
        cl.setOut(new PrintWriter(context.rawOut(), true)); // help and version: picocli's own text and styles
        cl.setErr(new PrintWriter(context.err(), true));
        cl.setParameterExceptionHandler((ex, argv) -> {
            CommandLine cmd = ex.getCommandLine();
            context.err().println("redoubt: " + ex.getMessage());
            context.err().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> report(ex, context.err(), verbose, debug));
        try {
            int code = cl.execute(args);
            try {
                context.close();
            } catch (RuntimeException e) {
                code = ExitCodes.combine(code, report(e, context.err(), verbose, debug));
            }
            return code;
        } finally {
            context.finished(); // Ctrl+C's hook lets the JVM exit now
        }
    }

    /** The whole command line: every command. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, null);
    }

    /**
     * The command line with only the command named {@code only} (and its subcommands), or with every command when
     * {@code only} is null: parsing and help for that command are the same either way, and the other commands'
     * models are not built.
     */
    static CommandLine commandLine(CliContext context, String only) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cl = new CommandLine(new RedoubtCommand(), factory);
        RedoubtCommand.COMMANDS.forEach((name, cls) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, new CommandLine(cls, factory));
            }
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    static int report(Exception ex, PrintStream err, boolean verbose, boolean debug) {
        int code;
        String message;
        String detail = null;
        if (ex instanceof CliException ce) {
            code = ce.exitCode();
            message = ce.getMessage();
            detail = ce.detail();
        } else if (ex instanceof ServiceFailure sf) {
            code = exitCodeFor(sf.kind());
            message = CliPhrases.of(sf);
        } else if (ex instanceof JournalException je) {
            code = je.integrity() ? ExitCodes.VERIFICATION_FAILED : ExitCodes.USAGE;
            message = je.getMessage();
        } else if (ex instanceof EstateFormatException efe) {
            code = ExitCodes.USAGE;
            message = efe.getMessage();
        } else if (ex instanceof UncheckedIOException uio) {
            code = ExitCodes.USAGE;
            message = uio.getMessage();
        } else if (isAwsProblem(ex)) {
            AwsFailure f = AwsFailures.translate(ex);
            code = exitCodeFor(f.kind());
            message = f.getMessage();
        } else if (ex instanceof IllegalArgumentException) {
            code = ExitCodes.USAGE;
            message = ex.getMessage();
        } else if (ex instanceof InterruptedException || ex instanceof dev.redoubt.aws.scan.ScanCancelledException) {
            code = ExitCodes.INTERRUPTED;
            message = "interrupted";
        } else {
            code = ExitCodes.INTERNAL;
            message = "unexpected error (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + "); this is a bug in Redoubt: run again with --debug and report the output";
        }
        err.println("redoubt: " + message);
        if (verbose) {
            if (detail != null) {
                err.println(detail);
            }
            for (Throwable c = ex.getCause(); c != null; c = c.getCause()) {
                err.println("  caused by: " + c);
            }
        }
        if (debug) {
            StringWriter sw = new StringWriter();
            ex.printStackTrace(new PrintWriter(sw));
            err.print(sw);
        }
        return code;
    }

    private static boolean isAwsProblem(Exception ex) {
        return ex instanceof AwsFailure || ex instanceof SignInRequiredException || ex instanceof ReadOnlyViolationException
                || ex instanceof EndpointUnreachableException || ex.getClass().getName().startsWith("software.amazon.awssdk.");
    }

    /** Exit codes for the services' failures. */
    static int exitCodeFor(ServiceFailure.Kind kind) {
        return switch (kind) {
            case BAD_INPUT, PROFILE_NOT_FOUND, NOT_SSO, READ_ONLY -> ExitCodes.USAGE;
            case SIGN_IN_REQUIRED, ACCESS_DENIED -> ExitCodes.AUTH;
            case UNREACHABLE -> ExitCodes.UNREACHABLE;
            case CANCELLED -> ExitCodes.INTERRUPTED;
            case INTEGRITY -> ExitCodes.VERIFICATION_FAILED;
            case INTERNAL -> ExitCodes.INTERNAL;
        };
    }

    /** Exit codes for AWS failures that end a command (per-scope failures of a scan go into ReadErrors instead). */
    static int exitCodeFor(AwsFailure.Kind kind) {
        return switch (kind) {
            case SIGN_IN_REQUIRED, ACCESS_DENIED -> ExitCodes.AUTH;
            case UNREACHABLE, THROTTLED -> ExitCodes.UNREACHABLE;
            case READ_ONLY, NOT_FOUND -> ExitCodes.USAGE;
            case OTHER -> ExitCodes.INTERNAL;
        };
    }

    /**
     * The command a command line names, as picocli will read it: its first word that is not an option (the options
     * before a command, --debug and --verbose, take no value), if that is a command's name; else null (no command, a
     * misspelt one, or help: all commands are then built, so messages and help list them all); "" (none) when only the
     * version is asked for.
     */
    static String commandNamed(String[] args) {
        if (versionOnly(args)) {
            return ""; // no command's model is needed to print the version
        }
        for (String a : args) {
            if (a.equals("--")) {
                return null;
            }
            if (!a.startsWith("-")) {
                return RedoubtCommand.COMMANDS.containsKey(a) ? a : null;
            }
        }
        return null;
    }

    /** Only the version asked for (with --debug or --verbose at most). */
    private static boolean versionOnly(String[] args) {
        boolean version = false;
        for (String a : args) {
            switch (a) {
                case "--version", "-V" -> version = true;
                case "--debug", "--verbose" -> { }
                default -> {
                    return false;
                }
            }
        }
        return version;
    }

    private static boolean hasFlag(String[] args, String flag) {
        int end = Arrays.asList(args).indexOf("--");
        for (int i = 0; i < (end < 0 ? args.length : end); i++) {
            if (args[i].equals(flag)) {
                return true;
            }
        }
        return false;
    }

    /** Gives commands that take a {@link CliContext} their context; others get picocli's default. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext context;

        ContextFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliContext.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
