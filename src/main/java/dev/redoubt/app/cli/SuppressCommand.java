package dev.redoubt.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.redoubt.findings.Suppression;
import dev.redoubt.findings.Suppressions;
import dev.redoubt.journal.Target;
import dev.redoubt.services.Actor;
import dev.redoubt.services.SuppressionService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "suppress", mixinStandardHelpOptions = true,
        description = {"Accept a risk: list, add and lift suppressions (suppressions.json in Redoubt's home).",
                "A suppressed failure shows as SUPPRESSED, never hidden, until its expiry; every change is journaled."},
        subcommands = {SuppressCommand.ListCommand.class, SuppressCommand.Add.class, SuppressCommand.Remove.class})
final class SuppressCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: name one of " + spec.subcommands().keySet());
    }

    /** The suppressions file: --file, else Redoubt's own. */
    static SuppressionService service(CliContext ctx, Path file) {
        return file == null ? ctx.app().suppressions() : new SuppressionService(file, ctx.clock(), ctx.app().activity());
    }

    /** Suppressions are Redoubt's own data, changed by whoever runs the command line. */
    static Actor actor() {
        return Actor.offline(Target.none());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the suppressions, numbered, with whether each is still active.")
    static final class ListCommand implements Runnable {
        private final CliContext ctx;

        @Option(names = "--file", paramLabel = "FILE", description = "Another suppressions file than Redoubt's own.")
        Path file;

        @Option(names = "--json", description = "Print them as JSON.")
        boolean json;

        ListCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            SuppressionService service = service(ctx, file);
            List<Suppression> all = service.list();
            Instant now = ctx.clock().instant();
            if (json) {
                ArrayNode arr = new ObjectMapper().createArrayNode();
                for (int i = 0; i < all.size(); i++) {
                    Suppression s = all.get(i);
                    arr.addObject().put("Number", i + 1).put("CheckId", s.checkId()).put("Resource", s.resource())
                            .put("Justification", s.justification()).put("Author", s.author()).put("Expires", s.expires().toString())
                            .put("Active", now.isBefore(s.expires()));
                }
                ctx.out().println(arr.toPrettyString());
                return;
            }
            if (all.isEmpty()) {
                ctx.out().println("No suppressions in " + service.file() + ".");
                return;
            }
            String fmt = "%3s  %-7s  %-8s  %-20s  %-16s  %-40s  %s%n";
            ctx.out().printf(Locale.ROOT, fmt, "#", "CHECK", "STATE", "EXPIRES", "AUTHOR", "JUSTIFICATION", "RESOURCE");
            for (int i = 0; i < all.size(); i++) {
                Suppression s = all.get(i);
                ctx.out().printf(Locale.ROOT, fmt, i + 1, s.checkId(), now.isBefore(s.expires()) ? "active" : "expired", s.expires(),
                        Columns.truncate(s.author(), 16), Columns.truncate(s.justification(), 40), Columns.truncate(s.resource(), 200));
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Accept the risk of one check's failures on a resource until a date.",
                    "Example: redoubt suppress add --check IMM-02 --resource 'arn:aws:backup:eu-west-1:111122223333:backup-vault:dev-*' "
                            + "--justification 'Development data, rebuilt from code' --expires 2027-03-31"})
    static final class Add implements Runnable {
        private final CliContext ctx;

        @Option(names = "--check", required = true, paramLabel = "ID", description = "The check (for example IMM-02).")
        String check;

        @Option(names = "--resource", required = true, paramLabel = "ARN", description = "The resource's ARN; * matches any run of characters.")
        String resource;

        @Option(names = "--justification", required = true, paramLabel = "TEXT", description = "Why the risk is accepted.")
        String justification;

        @Option(names = "--expires", required = true, paramLabel = "DATE",
                description = "Until when: a date (2027-03-31, midnight UTC) or an ISO-8601 date-time.")
        String expires;

        @Option(names = "--author", paramLabel = "NAME", description = "Who accepts the risk (default: your user name).")
        String author;

        @Option(names = "--file", paramLabel = "FILE", description = "Another suppressions file than Redoubt's own.")
        Path file;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Instant until = Suppressions.parseExpires(expires);
            if (until == null) {
                throw new CliException(ExitCodes.USAGE, "--expires: \"" + expires + "\" is not a date (2027-03-31) or an ISO-8601 date-time");
            }
            if (!Suppressions.inRange(until)) {
                throw new CliException(ExitCodes.USAGE, "--expires: \"" + expires + "\" is outside 1970-01-01 to 9999-12-31; give the date the acceptance lapses");
            }
            String who = author != null ? author : System.getProperty("user.name", "unknown");
            SuppressionService service = service(ctx, file);
            Suppression s = service.add(actor(), check, resource, justification, who, until);
            ctx.out().println("Suppressed " + s.checkId() + " on " + s.resource() + " until " + s.expires() + " (by " + s.author() + ") in "
                    + service.file() + ".");
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Lift a suppression: its failures count again. Name it by its number in 'redoubt suppress list', or by check and resource."})
    static final class Remove implements Runnable {
        private final CliContext ctx;

        @Parameters(index = "0", arity = "0..1", paramLabel = "NUMBER", description = "The suppression's number in 'redoubt suppress list'.")
        Integer number;

        @Option(names = "--check", paramLabel = "ID", description = "With --resource: the suppression of this check.")
        String check;

        @Option(names = "--resource", paramLabel = "ARN", description = "With --check: the suppression with exactly this resource pattern.")
        String resource;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is lifted (journaled).")
        String reason;

        @Option(names = "--file", paramLabel = "FILE", description = "Another suppressions file than Redoubt's own.")
        Path file;

        Remove(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            SuppressionService service = service(ctx, file);
            List<Suppression> all = service.list();
            Suppression chosen;
            if (number != null) {
                if (check != null || resource != null) {
                    throw new CliException(ExitCodes.USAGE, "give a NUMBER or --check and --resource, not both");
                }
                if (number < 1 || number > all.size()) {
                    throw new CliException(ExitCodes.USAGE, "there is no suppression number " + number + " (" + all.size()
                            + " in " + service.file() + "; see: redoubt suppress list)");
                }
                chosen = all.get(number - 1);
            } else {
                if (check == null || resource == null) {
                    throw new CliException(ExitCodes.USAGE, "name the suppression to lift: its NUMBER (see: redoubt suppress list), or --check and --resource");
                }
                List<Suppression> matching = all.stream().filter(s -> s.checkId().equalsIgnoreCase(check) && s.resource().equals(resource)).toList();
                if (matching.isEmpty()) {
                    throw new CliException(ExitCodes.USAGE, "no suppression of " + check + " on " + resource + " in " + service.file()
                            + " (see: redoubt suppress list)");
                }
                if (matching.size() > 1) {
                    throw new CliException(ExitCodes.USAGE, matching.size() + " suppressions of " + check + " on " + resource
                            + "; lift one by its NUMBER (see: redoubt suppress list)");
                }
                chosen = matching.get(0);
            }
            service.remove(actor(), chosen, reason);
            ctx.out().println("Lifted the suppression of " + chosen.checkId() + " on " + chosen.resource() + "; its failures count again.");
        }
    }
}
