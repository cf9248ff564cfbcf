package dev.redoubt.app.cli;

import dev.redoubt.journal.Mode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How a command signs in: the profile and the mode (auditor, read-only, is the default). */
final class SignInOptions {
    @Option(names = "--profile", description = "The AWS profile (default: AWS_PROFILE, else \"default\").")
    String profile;

    @ArgGroup(exclusive = true)
    ModeChoice mode;

    static final class ModeChoice {
        @Option(names = "--auditor", description = "Read-only: every write is refused inside Redoubt (the default).")
        boolean auditor;

        @Option(names = "--operator", description = "May start restores and approval requests.")
        boolean operator;
    }

    Mode mode() {
        return mode != null && mode.operator ? Mode.OPERATOR : Mode.AUDITOR;
    }
}
