package dev.redoubt.app.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
        footer = {"", "Exit codes: 0 ok, 1 failures at or above --fail-on (approvals: not approved), 2 usage or bad input,"
                + " 3 verification failed, 4 partial result, 5 authentication needed, 6 endpoint unreachable, 130 interrupted."})
public final class RedoubtCommand implements Runnable {
    /**
     * The commands, by name, in the order help lists them. Added by {@link Cli#commandLine} rather than named in the
     * annotation, so that a run builds the model of its own command only: picocli reads every command's options by
     * reflection, which for all of them took 0.15 s of each run's start.
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("profiles", ProfilesCommand.class);
        m.put("login", LoginCommand.class);
        m.put("whoami", WhoamiCommand.class);
        m.put("scan", ScanCommand.class);
        m.put("audit", AuditCommand.class);
        m.put("suppress", SuppressCommand.class);
        m.put("console", ConsoleCommand.class);
        m.put("sandbox", SandboxCommand.class);
        m.put("estate", EstateCommand.class);
        m.put("journal", JournalCommand.class);
        m.put("drill", DrillCommand.class);
        m.put("approvals", ApprovalsCommand.class);
        return Collections.unmodifiableMap(m);
    }

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: name one of " + spec.subcommands().keySet());
    }
}
