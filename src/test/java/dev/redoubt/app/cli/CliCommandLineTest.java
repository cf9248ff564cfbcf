package dev.redoubt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class CliCommandLineTest {
    private final CliContext context = new CliContext(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
            Map.of(), Clock.systemUTC());

    @Test
    void theCommandsInTheOrderHelpListsThem() {
        assertThat(Cli.commandLine(context).getSubcommands().keySet()).containsExactly("profiles", "login", "whoami", "scan", "audit",
                "suppress", "console", "sandbox", "estate", "journal", "drill", "approvals");
    }

    @Test
    void eachCommandBuiltAloneIsTheSameAsBuiltWithAllTheOthers() {
        CommandLine all = Cli.commandLine(context);
        for (String name : RedoubtCommand.COMMANDS.keySet()) {
            CommandLine alone = Cli.commandLine(context, name);
            assertThat(alone.getSubcommands().keySet()).containsExactly(name);
            assertSame(alone.getSubcommands().get(name), all.getSubcommands().get(name));
        }
    }

    /**
     * The line help lists for a command (its header, else its description's first line) is a whole sentence: the
     * descriptions were split where the source lines wrapped, so the lists showed "... into a capture file" and
     * "... The token is cached where the".
     */
    @Test
    void everyCommandIsListedWithAWholeSentence() {
        List<String> cut = new ArrayList<>();
        collectCut(Cli.commandLine(context), cut);
        assertThat(cut).as("listed with a line that does not end a sentence").isEmpty();
    }

    private static void collectCut(CommandLine parent, List<String> cut) {
        parent.getSubcommands().forEach((name, sub) -> {
            CommandLine.Model.UsageMessageSpec u = sub.getCommandSpec().usageMessage();
            String listed = u.header().length > 0 ? u.header()[0] : u.description().length > 0 ? u.description()[0] : "";
            if (!listed.strip().matches("(?s).*[.)]$")) {
                cut.add(sub.getCommandSpec().qualifiedName() + ": " + listed);
            }
            collectCut(sub, cut);
        });
    }

    @Test
    void aCommandLineBuildsOnlyTheCommandItNames() {
        assertThat(Cli.commandNamed(new String[] {"scan", "--profile", "p", "--out", "x"})).isEqualTo("scan");
        assertThat(Cli.commandNamed(new String[] {"--debug", "--verbose", "estate", "generate"})).isEqualTo("estate");
        assertThat(Cli.commandNamed(new String[] {"--help"})).isNull();
        assertThat(Cli.commandNamed(new String[] {"--debug"})).isNull();
        assertThat(Cli.commandNamed(new String[] {"scna", "--out", "x"})).isNull(); // picocli then suggests among all commands
        assertThat(Cli.commandNamed(new String[] {"--", "scan"})).isNull();
        assertThat(Cli.commandNamed(new String[] {})).isNull();
        assertThat(Cli.commandNamed(new String[] {"--version"})).isEmpty(); // no command at all
        assertThat(Cli.commandNamed(new String[] {"--debug", "-V"})).isEmpty();
        assertThat(Cli.commandNamed(new String[] {"--version", "--help"})).isNull();
    }

    @Test
    void theGlobalOptionsReachACommandBuiltAlone() {
        CommandLine scan = Cli.commandLine(context, "scan").getSubcommands().get("scan");
        assertThat(scan.getCommandSpec().findOption("--debug")).isNotNull();
        assertThat(scan.getCommandSpec().findOption("--verbose")).isNotNull();
        assertThat(scan.isCaseInsensitiveEnumValuesAllowed()).isTrue();
        assertThat(scan.isUsageHelpAutoWidth()).isTrue();
    }

    private static void assertSame(CommandLine a, CommandLine b) {
        String name = a.getCommandSpec().qualifiedName();
        assertThat(a.getCommandSpec().qualifiedName()).isEqualTo(b.getCommandSpec().qualifiedName());
        assertThat(a.getUsageMessage(CommandLine.Help.Ansi.OFF)).as(name).isEqualTo(b.getUsageMessage(CommandLine.Help.Ansi.OFF));
        assertThat(optionNames(a)).as(name).isEqualTo(optionNames(b));
        assertThat(a.isCaseInsensitiveEnumValuesAllowed()).as(name).isEqualTo(b.isCaseInsensitiveEnumValuesAllowed());
        assertThat(a.isUsageHelpAutoWidth()).as(name).isEqualTo(b.isUsageHelpAutoWidth());
        assertThat(a.getSubcommands().keySet()).as(name).containsExactlyElementsOf(b.getSubcommands().keySet());
        a.getSubcommands().forEach((sub, cl) -> assertSame(cl, b.getSubcommands().get(sub)));
    }

    private static List<String> optionNames(CommandLine cl) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            names.add(String.join(",", o.names()) + (o.inherited() ? " (inherited)" : ""));
        }
        return names;
    }

    @Test
    void theVersionIsTheSameWithoutTheCommands() {
        ByteArrayOutputStream alone = new ByteArrayOutputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        CommandLine none = Cli.commandLine(context, "");
        assertThat(none.getSubcommands()).isEmpty();
        none.setOut(new java.io.PrintWriter(alone, true));
        assertThat(none.execute("--version")).isZero();
        CommandLine every = Cli.commandLine(context);
        every.setOut(new java.io.PrintWriter(all, true));
        assertThat(every.execute("--version")).isZero();
        assertThat(alone.toString()).isNotBlank().isEqualTo(all.toString());
    }
}
