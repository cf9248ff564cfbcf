package dev.redoubt.journal;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A separate JVM that creates a journal and halts, as a kill would, when creation reaches the step
 * named by its second argument: {@code HOME STEP}. Exit 137 means it stopped there; 0 that it never
 * got there.
 */
public final class CreatingChild {
    static final int HALTED = 137;

    private CreatingChild() {
    }

    public static void main(String[] args) {
        String stop = args[1];
        SqliteJournal.creationStep = step -> {
            if (step.equals(stop)) {
                Runtime.getRuntime().halt(HALTED);
            }
        };
        SqliteJournal.open(Fixture.files(Path.of(args[0])), Clock.systemUTC()).close();
    }
}
