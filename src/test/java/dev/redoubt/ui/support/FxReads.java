package dev.redoubt.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.Button;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads the scene on the FX thread, for the GUI tests. The robot's own lookups (lookup, from, query, tryQuery) walk the
 * scene graph from the calling thread, and the FX thread rebuilds pages meanwhile (polls, progress, timers): walked from
 * the test thread, a children list can shrink under the walk (CI: IndexOutOfBoundsException in Parent.lookupAll), and a
 * node's or a view model's JavaFX state read there is a data race. So a test looks up and reads through {@link #fx},
 * and waits through {@link #waitUntil}; real input (clickOn, write) stays with the robot.
 */
public final class FxReads {
    private static final long READ_SECONDS = 30;

    private FxReads() {
    }

    /** The read's value, computed on the FX thread (directly when already there); its exception is rethrown as it was thrown. */
    public static <T> T fx(Callable<T> read) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return read.call();
        }
        try {
            return WaitForAsyncUtils.asyncFx(read).get(READ_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw new AssertionError(e.getCause());
        }
    }

    /**
     * Waits up to the given seconds until the condition holds, evaluating it on the FX thread each time; as with
     * {@link WaitForAsyncUtils#waitFor(long, TimeUnit, Callable)}, a condition that throws counts as not yet.
     */
    public static void waitUntil(long seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }

    /** Presses a button wherever the page has scrolled it (the robot clicks only what is on screen), found and fired on the FX thread. */
    public static void press(FxRobot robot, String id) throws Exception {
        String refused = fx(() -> {
            Button b = robot.lookup("#" + id).queryButton();
            if (b.isDisabled()) {
                return id + " is disabled";
            }
            b.fire();
            return null;
        });
        assertThat(refused).as(id + " enabled").isNull();
    }
}
