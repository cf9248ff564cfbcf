package dev.redoubt.app.cli;

import picocli.CommandLine.Command;

@Command(name = "estate", description = "Create, check and summarize estate files (redoubt-estate/1).")
public final class EstateCommand {
}
