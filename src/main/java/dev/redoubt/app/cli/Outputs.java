package dev.redoubt.app.cli;

import dev.redoubt.files.OutputFile;
import dev.redoubt.journal.JournalFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses, before a command does anything, an output file that is one of its inputs or one of
 * Redoubt's own files, however the path is spelled (another relative path, "..", a symbolic or hard
 * link): writing it would replace what the command reads, or the journal that records it. Exit 2,
 * and nothing is written or recorded.
 */
final class Outputs {
    private Outputs() {
    }

    /**
     * @param option the output's option, e.g. "--out"
     * @param out    the output path (null or "-" for standard output: nothing to check)
     * @param inputs pairs of an input's option (or a short description) and its path (null when not given)
     */
    static void refuseInputs(CliContext ctx, String option, Path out, Object... inputs) {
        if (out == null || out.toString().equals("-")) {
            return;
        }
        Map<String, Path> named = new LinkedHashMap<>();
        for (int i = 0; i + 1 < inputs.length; i += 2) {
            if (inputs[i + 1] != null) {
                named.put((String) inputs[i], (Path) inputs[i + 1]);
            }
        }
        for (Map.Entry<String, Path> in : named.entrySet()) {
            if (OutputFile.sameFile(out, in.getValue())) {
                String what = in.getKey().startsWith("--") ? "the file of " + in.getKey() + " (" + in.getValue() + ")" : in.getKey();
                throw new CliException(ExitCodes.USAGE, out + ": " + option + " names " + what
                        + ", which this command reads; writing there would replace it. Choose another file for " + option);
            }
        }
        JournalFiles journal = ctx.paths().journalFiles();
        Map<String, Path> own = new LinkedHashMap<>();
        own.put("Redoubt's journal", journal.database());
        own.put("the journal's checkpoint sidecar", journal.sidecar());
        own.put("the journal's signing key", journal.privateKey());
        own.put("Redoubt's settings (which pin the journal key)", journal.settingsFile());
        own.put("Redoubt's accepted risks", ctx.paths().suppressionsFile());
        for (Map.Entry<String, Path> f : own.entrySet()) {
            if (OutputFile.sameFile(out, f.getValue())) {
                throw new CliException(ExitCodes.USAGE, out + ": " + option + " names " + f.getKey() + " (" + f.getValue()
                        + "); writing there would destroy it. Choose another file for " + option);
            }
        }
    }
}
