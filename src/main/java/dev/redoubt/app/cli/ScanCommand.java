package dev.redoubt.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redoubt.aws.AccessMode;
import dev.redoubt.aws.profiles.AwsConfigFiles;
import dev.redoubt.aws.profiles.AwsProfile;
import dev.redoubt.aws.scan.ScanProgress;
import dev.redoubt.aws.scan.ScanRequest;
import dev.redoubt.aws.scan.ScanResult;
import dev.redoubt.aws.scan.Scanner;
import dev.redoubt.aws.signin.Session;
import dev.redoubt.aws.signin.SignIn;
import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.EstateStats;
import dev.redoubt.journal.EntryDraft;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Read the backup estate of one account, or of every account you can reach, into a capture file",
                "(redoubt-estate/1). Auditor mode (the default) is read-only, enforced inside the SDK.",
                "Exit 4 when the scan finished but some scopes could not be read (they are listed in ReadErrors)."})
final class ScanCommand implements Runnable {
    private final CliContext ctx;

    @Mixin
    SignInOptions signInOptions;

    @Mixin
    ScanScope scope;

    @Option(names = "--out", required = true, description = "Where to write the capture (\"-\" for standard output).")
    Path out;

    ScanCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        ScanScope.Scanned scanned = scope.scan(ctx, signInOptions);
        ScanResult result = scanned.result();
        EstateCommand.writeEstate(ctx, result.estate(), out);
        EstateStats.Totals t = EstateStats.of(result.estate()).totals();
        String digest = out.toString().equals("-") ? null : sha256(out);
        record(ctx, scanned, scope, out.toString().equals("-") ? null : out, digest);
        ctx.err().printf(Locale.ROOT, "Scanned %d accounts, %d regions: %d vaults, %,d recovery points, %d keys in %.1f s (%,d API calls).%n",
                t.accounts(), t.regions(), t.vaults(), t.recoveryPoints(), t.keys(), result.elapsed().toMillis() / 1000.0, result.apiCalls());
        if (digest != null) {
            ctx.err().println("Wrote " + out + " (sha256 " + digest + ").");
        }
        if (result.partial()) {
            throw new CliException(ExitCodes.PARTIAL, result.readErrors() + " scope" + (result.readErrors() == 1 ? "" : "s")
                    + " could not be read; the capture lists them under ReadErrors (checks on them report UNKNOWN)");
        }
    }

    /** Journals a finished scan (docs/journal.md, action "scan"); {@code out} is the capture file, or null. */
    static void record(CliContext ctx, ScanScope.Scanned scanned, ScanScope scope, Path out, String digest) {
        ScanResult result = scanned.result();
        EstateStats.Totals t = EstateStats.of(result.estate()).totals();
        String capture = out == null ? null : out.toAbsolutePath().toString();
        EntryDraft draft = EntryDraft.of(scanned.actor(), Recording.mode(scanned.mode()), Recording.target(scanned.endpoint()), "scan",
                capture != null ? capture : scanned.actor());
        ObjectNode d = draft.detailsObject();
        d.put("accounts", t.accounts()).put("regions", t.regions()).put("vaults", t.vaults()).put("recoveryPoints", t.recoveryPoints())
                .put("keys", t.keys()).put("readErrors", result.readErrors())
                .put("outcome", result.partial() ? "partial" : "complete").put("durationMs", result.elapsed().toMillis())
                .put("apiCalls", result.apiCalls()).put("profile", scanned.profile())
                .put("capturedAt", result.estate().capturedAt().toString()).put("incremental", scope.sinceCapture != null);
        ObjectNode requested = d.putObject("scope");
        requested.put("accounts", scope.accounts == null ? "signed-in" : String.join(",", scope.accounts));
        requested.put("regions", scope.regions == null ? "profile" : String.join(",", scope.regions));
        if (scope.role != null) {
            requested.put("role", scope.role);
        }
        if (capture != null) {
            d.put("capture", capture).put("sha256", digest);
        }
        ctx.journal().append(draft);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash " + file, e);
        }
    }

    /** The scan's options, shared by scan and (later) audit. */
    static final class ScanScope {
        @Option(names = "--accounts", paramLabel = "all|ID,...", split = ",",
                description = "Accounts to scan: \"all\" (every account the identity can reach) or account IDs (default: the signed-in account).")
        List<String> accounts;

        @Option(names = "--role", description = "The role to scan other accounts as (default: the profile's SSO role, else a read-only role for auditors).")
        String role;

        @Option(names = "--regions", paramLabel = "all|R,...", split = ",",
                description = "Regions: names, or \"all\" for each account's enabled regions (default: the profile's region).")
        List<String> regions;

        @Option(names = "--since-capture", paramLabel = "FILE",
                description = "Incremental refresh: read only recovery points created since this capture, and merge.")
        Path sinceCapture;

        @Option(names = "--in-flight-per-scope", defaultValue = "8", description = "Requests in flight per account, region and service (default: ${DEFAULT-VALUE}).")
        int perScope;

        @Option(names = "--in-flight", defaultValue = "64", description = "Requests in flight in all (default: ${DEFAULT-VALUE}).")
        int inFlight;

        /** A scan and who ran it, for the journal. */
        record Scanned(ScanResult result, String actor, AccessMode mode, java.net.URI endpoint, String profile) {
        }

        /** A live progress line on a terminal (twice a second at most); nothing when output is redirected. */
        private static ScanProgress progress(CliContext ctx) {
            if (System.console() == null) {
                return ScanProgress.NONE;
            }
            long[] last = {0};
            return (done, total, where) -> {
                long now = System.nanoTime();
                synchronized (last) {
                    if (now - last[0] < 500_000_000L) {
                        return;
                    }
                    last[0] = now;
                }
                String scope = where.length() > 60 ? "…" + where.substring(where.length() - 59) : where;
                ctx.err().printf(Locale.ROOT, "\r\033[KScanning: %,d of %,d units done  %s", done, total, scope);
            };
        }

        Scanned scan(CliContext ctx, SignInOptions signIn) {
            Estate previous = sinceCapture == null ? null : new EstateFile().read(sinceCapture);
            boolean allAccounts = accounts != null && accounts.size() == 1 && accounts.get(0).equals("all");
            List<String> ids = accounts == null || allAccounts ? List.of() : accounts;
            for (String id : ids) {
                if (!id.matches("\\d{12}")) {
                    throw new CliException(ExitCodes.USAGE, "--accounts: \"" + id + "\" is not a 12-digit account ID; use IDs or \"all\"");
                }
            }
            boolean allRegions = regions != null && regions.size() == 1 && regions.get(0).equals("all");
            List<String> regionList = regions == null || allRegions ? List.of() : regions;
            for (String r : regionList) {
                if (!r.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                    throw new CliException(ExitCodes.USAGE, "--regions: \"" + r + "\" is not a region name (such as eu-west-1) or \"all\"");
                }
            }
            if (perScope < 1 || inFlight < 1) {
                throw new CliException(ExitCodes.USAGE, "--in-flight and --in-flight-per-scope must be at least 1");
            }
            ScanRequest request = new ScanRequest(ids, allAccounts, role, regionList, allRegions, perScope, inFlight, previous);
            SignIn signInService = new SignIn(new AwsConfigFiles(ctx.env(), ctx.userHome()), ctx.env(), ctx.clock());
            AwsProfile profile = signInService.profile(signIn.profile);
            AtomicBoolean cancelled = new AtomicBoolean();
            Thread hook = new Thread(() -> cancelled.set(true), "scan-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            try (Session session = signInService.open(profile, signIn.accessMode())) {
                String actor = session.callerIdentity().arn();
                ScanResult result = new Scanner(ctx.clock(), new EstateFile()).scan(session, request, progress(ctx), cancelled);
                if (System.console() != null) {
                    ctx.err().print("\r\033[K");
                }
                if (result.cancelled()) {
                    throw new CliException(ExitCodes.INTERRUPTED, "scan interrupted"); // as before cancels returned what was read
                }
                return new Scanned(result, actor, session.mode(), session.clients().settings().endpointOverride(), profile.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.INTERRUPTED, "scan interrupted");
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting (Ctrl+C); the hook already ran
                }
            }
        }
    }
}
