package dev.redoubt.app.cli;

import dev.redoubt.estate.Estate;
import dev.redoubt.estate.EstateFile;
import dev.redoubt.estate.EstateProblem;
import dev.redoubt.estate.EstateStats;
import dev.redoubt.estate.demo.NorthwindDemo;
import dev.redoubt.estate.generate.EstateGenerator;
import dev.redoubt.estate.generate.GeneratorSpec;
import dev.redoubt.services.EstateService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "estate", mixinStandardHelpOptions = true,
        description = "Create, check and summarize estate files (redoubt-estate/1).",
        subcommands = {EstateCommand.Demo.class, EstateCommand.Generate.class, EstateCommand.Validate.class, EstateCommand.Stats.class})
public final class EstateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: name one of " + spec.subcommands().keySet());
    }

    /** Writes an estate to a file (atomically) or to standard output for "-". */
    static void writeEstate(CliContext ctx, Estate estate, Path out) {
        EstateFile file = new EstateFile();
        try {
            if (out.toString().equals("-")) {
                file.write(estate, ctx.dataOut());
            } else {
                file.write(estate, out);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, out + ": cannot be written (" + e.getMessage()
                    + "); choose a writable path with --out", null, e);
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = {"Write the demo organization, Northwind: seven accounts, three regions, about twenty vaults in every state"
                    + " the checks tell apart, and SSO users for the sandbox."})
    static final class Demo implements Runnable {
        private final CliContext ctx;
        @Option(names = "--out", required = true, description = "Where to write the estate (\"-\" for standard output).")
        Path out;

        Demo(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Outputs.refuseInputs(ctx, "--out", out);
            Estate estate = NorthwindDemo.build();
            writeEstate(ctx, estate, out);
            if (!out.toString().equals("-")) {
                EstateStats.Totals t = EstateStats.of(estate).totals();
                ctx.err().printf(Locale.ROOT, "Wrote %s: %s, %s, %s, %s, %s%n", out, estate.name(), Columns.plural(t.accounts(), "account"),
                        Columns.plural(t.regions(), "region"), Columns.plural(t.vaults(), "vault"), Columns.plural(t.recoveryPoints(), "recovery point"));
            }
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write a deterministic, realistically shaped estate for benchmarks.",
                    "Example: redoubt estate generate --accounts 20 --regions 3 --vaults-per-region 5 --recovery-points 200000 --seed 1 --out big.json"})
    static final class Generate implements Runnable {
        private final CliContext ctx;
        @Option(names = "--accounts", required = true, description = "Number of accounts (the first is the management account).")
        int accounts;
        @Option(names = "--regions", required = true, description = "Number of regions per account (1 to ${sys:redoubt.maxRegions:-10}).")
        int regions;
        @Option(names = "--vaults-per-region", required = true, description = "Vaults in each account and region.")
        int vaultsPerRegion;
        @Option(names = "--recovery-points", required = true, description = "Recovery points across the whole estate.")
        int recoveryPoints;
        @Option(names = "--seed", defaultValue = "1", description = "Seed: the same seed gives the same estate (default: ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--out", required = true, description = "Where to write the estate (\"-\" for standard output).")
        Path out;

        Generate(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Outputs.refuseInputs(ctx, "--out", out);
            GeneratorSpec spec;
            try {
                spec = new GeneratorSpec(accounts, regions, vaultsPerRegion, recoveryPoints, seed, null);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
            Estate estate = new EstateGenerator(new EstateFile()).generate(spec);
            writeEstate(ctx, estate, out);
            if (!out.toString().equals("-")) {
                EstateStats.Totals t = EstateStats.of(estate).totals();
                ctx.err().printf(Locale.ROOT, "Wrote %s: %s, %s, %s, %s%n", out, Columns.plural(t.accounts(), "account"),
                        Columns.plural(t.regions(), "region"), Columns.plural(t.vaults(), "vault"), Columns.plural(t.recoveryPoints(), "recovery point"));
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            header = "Check an estate file: its JSON, its format and its references.",
            description = {"References: a recovery point's vault, a vault's key, an SSO user's roles. Exit 0 when valid, 2 when not."})
    static final class Validate implements Runnable {
        private final CliContext ctx;
        @Parameters(index = "0", paramLabel = "FILE", description = "The estate file.")
        Path file;

        Validate(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Estate estate = new EstateFile().read(file);
            List<EstateProblem> problems = EstateService.check(estate);
            PrintStream out = ctx.out();
            long errors = problems.stream().filter(p -> p.severity() == EstateProblem.Severity.ERROR).count();
            for (EstateProblem p : problems) {
                (p.severity() == EstateProblem.Severity.ERROR ? ctx.err() : out)
                        .println(file + ": " + p.path() + ": " + p.severity().name().toLowerCase(Locale.ROOT) + ": " + p.message());
            }
            if (errors > 0) {
                throw new CliException(ExitCodes.USAGE, file + ": not a valid estate (" + errors + " error" + (errors == 1 ? "" : "s")
                        + " above); fix them and validate again");
            }
            EstateStats.Totals t = EstateStats.of(estate).totals();
            out.printf(Locale.ROOT, "%s: valid %s (%s, %s, %s, %s, %s%s)%n", file, estate.format(), Columns.plural(t.accounts(), "account"),
                    Columns.plural(t.regions(), "region"), Columns.plural(t.vaults(), "vault"), Columns.plural(t.recoveryPoints(), "recovery point"),
                    Columns.plural(t.keys(), "key"),
                    problems.isEmpty() ? "" : ", " + Columns.plural(problems.size(), "warning"));
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Print counts per account, region and vault.")
    static final class Stats implements Runnable {
        private final CliContext ctx;
        @Parameters(index = "0", paramLabel = "FILE", description = "The estate file.")
        Path file;
        @Option(names = "--json", description = "Print the counts as JSON.")
        boolean json;
        @Option(names = "--vaults", description = "Also list every vault.")
        boolean vaults;

        Stats(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            EstateFile estateFile = new EstateFile();
            Estate estate = estateFile.read(file);
            EstateStats stats = EstateStats.of(estate);
            PrintStream out = ctx.out();
            if (json) {
                try {
                    out.println(estateFile.mapper().writeValueAsString(stats));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return;
            }
            EstateStats.Totals t = stats.totals();
            out.printf(Locale.ROOT, "%s%s%n", estate.name() == null ? file : estate.name(),
                    estate.capturedAt() == null ? "" : " (captured " + estate.capturedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")");
            out.printf(Locale.ROOT, "%,d accounts, %,d regions, %,d vaults, %,d recovery points (%s), %,d keys, %,d plans, "
                            + "%,d restore testing plans, %,d restore jobs, %,d approval teams, %,d read errors%n%n",
                    t.accounts(), t.regions(), t.vaults(), t.recoveryPoints(), Columns.humanBytes(t.bytes()), t.keys(), t.plans(),
                    t.restoreTestingPlans(), t.restoreJobs(), t.approvalTeams(), t.readErrors());
            String fmt = "%-12s  %-24s  %-14s  %6s  %15s  %10s  %4s  %5s  %8s  %6s%n";
            out.printf(Locale.ROOT, fmt, "ACCOUNT", "NAME", "REGION", "VAULTS", "RECOVERY POINTS", "SIZE", "KEYS", "PLANS", "RT PLANS", "ERRORS");
            for (EstateStats.RegionCount r : stats.regions()) {
                out.printf(Locale.ROOT, fmt, r.accountId(), Columns.truncate(r.accountName(), 24), r.region(), r.vaults(),
                        String.format(Locale.ROOT, "%,d", r.recoveryPoints()), Columns.humanBytes(r.bytes()), r.keys(), r.plans(),
                        r.restoreTestingPlans(), r.readErrors());
            }
            if (vaults) {
                out.println();
                String vf = "%-12s  %-14s  %-32s  %-33s  %-18s  %15s  %10s%n";
                out.printf(Locale.ROOT, vf, "ACCOUNT", "REGION", "VAULT", "TYPE", "LOCK", "RECOVERY POINTS", "SIZE");
                for (EstateStats.VaultCount v : stats.vaults()) {
                    out.printf(Locale.ROOT, vf, v.accountId(), v.region(), Columns.truncate(v.vaultName(), 32), v.vaultType(), v.lock(),
                            String.format(Locale.ROOT, "%,d", v.recoveryPoints()), Columns.humanBytes(v.bytes()));
                }
            }
        }
    }
}
