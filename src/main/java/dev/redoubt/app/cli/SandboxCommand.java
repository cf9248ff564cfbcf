package dev.redoubt.app.cli;

import dev.redoubt.aws.profiles.AwsConfigMerge;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateStats;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.files.OutputFile;
import dev.redoubt.sandbox.RequestLog;
import dev.redoubt.sandbox.Sandbox;
import dev.redoubt.sandbox.SandboxCredential;
import dev.redoubt.sandbox.SandboxOptions;
import dev.redoubt.services.ServiceFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Serve an estate as a local AWS endpoint on 127.0.0.1: the AWS CLI, the AWS SDKs and Redoubt talk to it as to AWS.",
                "It prints the credentials of every (account, role) and the ones to start with; stop it with Ctrl+C.",
                "Example: redoubt sandbox --demo --write-aws-config sandbox.config"},
        footer = {"", "Then, with the printed credentials exported:",
                "  aws backup list-backup-vaults --endpoint-url http://127.0.0.1:" + SandboxOptions.DEFAULT_PORT + " --region eu-west-1",
                "Approvals page: /approvals. Control surface for tests: /_sandbox/health (see the Sandbox class)."})
final class SandboxCommand implements Runnable {
    private final CliContext ctx;

    @ArgGroup(exclusive = true)
    Source source;

    static final class Source {
        @Option(names = "--estate", paramLabel = "FILE", description = "The estate file to serve.")
        Path estate;

        @Option(names = "--demo", description = "Serve the Northwind demo organization (the default).")
        boolean demo;
    }

    @Option(names = "--port", defaultValue = "" + SandboxOptions.DEFAULT_PORT,
            description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--latency-ms", defaultValue = "0", paramLabel = "M", description = "Add M milliseconds to every AWS request.")
    long latencyMs;

    @Option(names = "--throttle-rate", defaultValue = "0", paramLabel = "F",
            description = "Answer this share (0 to 1) of AWS requests with the service's throttling error.")
    double throttleRate;

    @Option(names = "--error-rate", defaultValue = "0", paramLabel = "F",
            description = "Answer this share (0 to 1) of AWS requests with a 500 or 503.")
    double errorRate;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed for the injected faults: the same seed fails the same requests (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-captured", description = "Serve timestamps verbatim instead of shifting them so the estate is as of now.")
    boolean asCaptured;

    @Option(names = "--write-aws-config", paramLabel = "FILE",
            description = "Write an AWS config with one profile per role (endpoint_url set) and an sso-session for the sandbox;"
                    + " an existing config keeps every other section (the old file is kept as FILE.bak).")
    Path awsConfig;

    @Option(names = "--auto-approve", description = "Sign device-code sign-ins in at once as the estate's first SSO user.")
    boolean autoApprove;

    @Option(names = "--log-requests", description = "Print one line per AWS request: status, service, operation, outcome, principal.")
    boolean logRequests;

    /** What was done with the AWS config, for the summary. */
    private String configNote;

    SandboxCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        Outputs.refuseInputs(ctx, "--write-aws-config", awsConfig, "--estate", source == null ? null : source.estate);
        Estate estate = source != null && source.estate != null ? open(source.estate) : NorthwindDemo.build();
        PrintStream out = ctx.out();
        Consumer<RequestLog.Entry> listener = logRequests ? e -> out.println(e.line()) : null;
        SandboxOptions options;
        try {
            options = new SandboxOptions(estate, port, ctx.clock(), asCaptured, latencyMs, throttleRate, errorRate, seed, autoApprove, 0,
                    listener);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options, e -> ctx.err().println("redoubt: sandbox: internal error answered as InternalFailure: " + e));
        } catch (BindException e) {
            throw new CliException(ExitCodes.USAGE, "127.0.0.1:" + port + " is in use; choose another port with --port (0 picks a free one)",
                    null, e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", null, e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "redoubt-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (awsConfig != null) {
                writeConfig(sandbox);
            }
            describe(sandbox, estate, out);
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it closes the sandbox
            }
            sandbox.close();
            out.println("Sandbox stopped.");
        }
    }

    /** Reads and checks the estate as audit and the console do: a file it could not serve is refused here, not with a 500 later. */
    private Estate open(Path file) {
        try {
            return ctx.app().estates().open(file).estate();
        } catch (ServiceFailure f) {
            if (f.kind() == ServiceFailure.Kind.BAD_INPUT && f.fact("problems") != null) {
                throw new CliException(ExitCodes.USAGE, f.getMessage() + " (run 'redoubt estate validate " + file + "' for every problem)");
            }
            throw f;
        }
    }

    /**
     * Writes the sandbox's AWS config, owner-only. An existing config is never overwritten: the sandbox's
     * sections are merged into it (each replaced in place or appended, every other line kept byte for
     * byte) and the file as it was is kept as FILE.bak. A device or a pipe is written through.
     */
    private void writeConfig(Sandbox sandbox) {
        byte[] ours = sandbox.awsConfig().getBytes(StandardCharsets.UTF_8);
        try {
            if (!Files.isRegularFile(awsConfig) || Files.size(awsConfig) == 0) {
                OutputFile.write(awsConfig, o -> o.write(ours), true);
                configNote = "AWS config written to " + awsConfig;
                return;
            }
            byte[] before = Files.readAllBytes(awsConfig);
            // Latin-1 maps every byte to one char and back, so the lines merge leaves alone stay byte for byte.
            AwsConfigMerge.Result merged = AwsConfigMerge.merge(new String(before, StandardCharsets.ISO_8859_1),
                    new String(ours, StandardCharsets.ISO_8859_1),
                    "# Added by redoubt sandbox: its profiles (endpoint_url set to it) and its sso-session; the keys are the sandbox's static"
                            + "\n# keys, derived from account and role names, not secrets. Run it again to update them; the rest of the file stays.");
            Path backup = awsConfig.resolveSibling(awsConfig.getFileName() + ".bak");
            OutputFile.write(backup, o -> o.write(before), true);
            OutputFile.write(awsConfig, o -> o.write(merged.text().getBytes(StandardCharsets.ISO_8859_1)), true);
            configNote = "AWS config " + awsConfig + " updated: " + Columns.plural(merged.replaced().size(), "sandbox section") + " replaced, "
                    + merged.added().size() + " added, every other line kept; the file as it was is in " + backup;
        } catch (IOException e) {
            sandbox.close();
            throw new CliException(ExitCodes.USAGE, awsConfig + ": cannot be written (" + e.getMessage() + "); choose a writable path",
                    null, e);
        }
    }

    private void describe(Sandbox sandbox, Estate estate, PrintStream out) {
        String endpoint = sandbox.endpoint().toString();
        EstateStats.Totals t = EstateStats.of(estate).totals();
        out.println("Sandbox listening on " + endpoint);
        out.printf(Locale.ROOT, "Serving %s: %d accounts, %d vaults, %,d recovery points%n",
                Columns.truncate(estate.name(), 60), t.accounts(), t.vaults(), t.recoveryPoints());
        out.println("Regions: " + String.join(", ", sandbox.regions()));
        Duration offset = sandbox.timeOffset();
        out.println(offset.isZero() ? "Time: timestamps served as captured"
                : "Time: served as of now; timestamps shifted by " + human(offset) + " from the capture (" + estate.capturedAt() + ")");
        out.println();
        out.println("Credentials (static, derived from the account and role names):");
        String fmt = "  %-12s  %-24s  %-18s  %-9s  %-20s  %s%n";
        out.printf(Locale.ROOT, fmt, "ACCOUNT", "NAME", "ROLE", "ACCESS", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        for (SandboxCredential c : sandbox.credentials()) {
            out.printf(Locale.ROOT, fmt, c.accountId(), Columns.truncate(c.accountName(), 24), Columns.truncate(c.roleName(), 18),
                    c.access(), c.accessKeyId(), c.secretAccessKey());
        }
        SandboxCredential d = sandbox.defaultCredential();
        if (d != null) {
            out.println();
            out.println("Default credentials (" + d.roleName() + ", " + d.access() + ", in " + Columns.truncate(d.accountName(), 40)
                    + " " + d.accountId() + "):");
            out.println("  export AWS_ACCESS_KEY_ID=" + d.accessKeyId());
            out.println("  export AWS_SECRET_ACCESS_KEY=" + d.secretAccessKey());
            out.println("  export AWS_DEFAULT_REGION=" + d.region());
            out.println("  export AWS_ENDPOINT_URL=" + endpoint);
            out.println("Try: aws backup list-backup-vaults --endpoint-url " + endpoint + " --region " + d.region());
        }
        out.println();
        if (awsConfig != null) {
            out.println(configNote + " (profiles: sandbox, one per role, sso-* through the sso-session)");
        }
        out.println("Approvals page: " + endpoint + "/approvals   Control surface: " + endpoint + "/_sandbox/health");
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    private static String human(Duration d) {
        String sign = d.isNegative() ? "-" : "+";
        Duration a = d.abs();
        long days = a.toDays();
        long hours = a.toHoursPart();
        long minutes = a.toMinutesPart();
        return sign + (days > 0 ? days + "d " : "") + hours + "h " + minutes + "m";
    }
}
