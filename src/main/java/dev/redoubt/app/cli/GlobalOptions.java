package dev.redoubt.app.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts; Cli reads them before parsing so error handling can use them. */
public final class GlobalOptions {
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Add detail to error messages.")
    boolean verbose;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces (for bug reports).")
    boolean debug;
}
