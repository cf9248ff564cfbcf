package dev.redoubt.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "redoubt",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Check and exercise the protection of your AWS backups (REL09-BP02).",
        description = {"With no arguments, Redoubt opens its desktop console; with a command, it runs that command."},
        subcommands = {ProfilesCommand.class, LoginCommand.class, WhoamiCommand.class, ScanCommand.class, AuditCommand.class,
                SuppressCommand.class, ConsoleCommand.class, SandboxCommand.class, EstateCommand.class, JournalCommand.class,
                DrillCommand.class, ApprovalsCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failures at or above --fail-on (approvals: not approved), 2 usage or bad input,",
                "3 verification failed, 4 partial result, 5 authentication needed,",
                "6 endpoint unreachable, 130 interrupted."})
public final class RedoubtCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: name one of " + spec.subcommands().keySet());
    }
}
