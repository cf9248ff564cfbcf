package dev.redoubt.aws.signin;

import java.time.Duration;

/** Waiting between polls, injectable so tests do not sleep. */
@FunctionalInterface
public interface Pause {
    void pause(Duration duration) throws InterruptedException;

    Pause REAL = d -> Thread.sleep(d.toMillis());
}
