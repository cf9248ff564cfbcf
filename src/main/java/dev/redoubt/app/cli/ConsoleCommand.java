package dev.redoubt.app.cli;

import dev.redoubt.app.ConsoleStart;
import dev.redoubt.services.ServiceFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Open Redoubt's window straight on the demo, a capture file, or a profile (signed in and scanned at once).",
                "With no option it opens the start screen, as 'redoubt' with no arguments does.",
                "",
                "Examples:",
                "  redoubt console --demo",
                "  redoubt console --estate capture.json",
                "  redoubt console --profile audit --accounts all --regions eu-west-1,us-east-1",
                ""})
final class ConsoleCommand implements Runnable {
    private final CliContext ctx;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    static final class Source {
        @Option(names = "--demo", description = "The built-in Northwind demo organization, served by Redoubt's sandbox.")
        boolean demo;

        @Option(names = "--estate", paramLabel = "FILE", description = "A capture (redoubt-estate/1) to open.")
        Path estate;

        @Option(names = "--profile", paramLabel = "NAME", description = "An AWS profile to sign in with and scan.")
        String profile;
    }

    @Option(names = "--accounts", paramLabel = "all|ID,...", split = ",",
            description = "With --profile: the accounts to scan (default: all the identity can reach).")
    List<String> accounts;

    @Option(names = "--regions", paramLabel = "all|R,...", split = ",",
            description = "With --profile: the regions to scan (default: each account's enabled regions).")
    List<String> regions;

    @Option(names = "--role", description = "With --profile: the role to scan other accounts as (default: the profile's SSO role, else a read-only one).")
    String role;

    @Option(names = "--operator", description = "Work as an operator (may start restores); the default is auditor, read-only.")
    boolean operator;

    ConsoleCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        boolean profile = source != null && source.profile != null;
        if (!profile && (accounts != null || regions != null || role != null)) {
            throw new CliException(ExitCodes.USAGE, "--accounts, --regions and --role choose what a --profile scans; add --profile NAME, or leave them out");
        }
        dev.redoubt.journal.Mode mode = operator ? dev.redoubt.journal.Mode.OPERATOR : dev.redoubt.journal.Mode.AUDITOR;
        ConsoleStart start;
        if (source == null) {
            start = new ConsoleStart(ConsoleStart.Kind.START_SCREEN, null, null, List.of(), List.of(), null, mode);
        } else if (source.demo) {
            start = new ConsoleStart(ConsoleStart.Kind.DEMO, null, null, List.of(), List.of(), null, mode);
        } else if (source.estate != null) {
            Path file = source.estate.toAbsolutePath().normalize();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new CliException(ExitCodes.USAGE, source.estate + ": no such readable file; give the path of a capture (redoubt-estate/1)");
            }
            checkCapture(file);
            start = new ConsoleStart(ConsoleStart.Kind.ESTATE, file, null, List.of(), List.of(), null, mode);
        } else {
            ctx.app().signIn().profile(source.profile); // an unknown profile is a usage error here, not in the window
            start = new ConsoleStart(ConsoleStart.Kind.PROFILE, null, source.profile, all(accounts), all(regions), role, mode);
        }
        ctx.console().open(start);
    }

    /**
     * Reads and checks the capture before the window opens, as audit does: a file the window could not open is refused
     * here with exit 2 and the problem's path (the window reads it again through the same service).
     */
    private void checkCapture(Path file) {
        try {
            ctx.app().estates().open(file);
        } catch (ServiceFailure f) {
            if (f.kind() == ServiceFailure.Kind.BAD_INPUT && f.fact("problems") != null) {
                throw new CliException(ExitCodes.USAGE, f.getMessage() + " (run 'redoubt estate validate " + source.estate + "' for every problem)");
            }
            throw f;
        }
    }

    /** "all" (or nothing) is the empty list: everything reachable. */
    private static List<String> all(List<String> values) {
        return values == null || values.size() == 1 && values.get(0).equals("all") ? List.of() : values;
    }
}
