package dev.redoubt.app;

import dev.redoubt.services.ScanStatus;
import dev.redoubt.ui.navigation.Destinations;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The console's measurements for bench/console.sh, switched on only by -Dredoubt.bench=WHAT[,WHAT]:
 * {@code first-window} (JVM start to the first frame), {@code demo} (the "Explore the demo" click to
 * the scorecard on screen), {@code stall} (the FX thread's longest answer time while a scan runs),
 * {@code heap} (heap in use with the estate open, after GC), {@code cancel-at-points=N} (cancel the scan
 * once N recovery points were read and time how long it takes to stop), {@code open=FILE} (open the capture FILE as a user
 * does from the start screen, twice in a row, and time each open to its scorecard on screen, with the FX thread's longest
 * answer time meanwhile), {@code exit} (quit when done). Prints BENCH lines.
 * For investigating a stall: {@code stall-stacks} (the FX thread's stack on stderr whenever it has kept a heartbeat
 * waiting 250 ms, when each stall happened, and a plain thread's oversleep beside it) and {@code on-start-screen}
 * (measure with the window away from the scan screen).
 */
final class BenchProbe {
    private final Console console;
    private final Set<String> what;
    private final long cancelAt;
    private final java.nio.file.Path openFile;
    private final Stage stage;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redoubt-bench-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong maxDelayNanos = new AtomicLong();
    private final LongAdder beats = new LongAdder();
    private final long[] histogramMs = new long[10001];
    private volatile boolean measuring;
    private long scanStarted;
    /** The FX thread's CPU time when the scan's first status arrived (listeners run on the FX thread). */
    private long fxCpuAtScanStart;
    private long cancelPressed;
    private long readingStopped;
    private boolean cancelled;
    private boolean reported;
    private boolean demoTimed;

    private BenchProbe(Console console, Stage stage, Set<String> what, long cancelAt, java.nio.file.Path openFile) {
        this.console = console;
        this.stage = stage;
        this.what = what;
        this.cancelAt = cancelAt;
        this.openFile = openFile;
    }

    static boolean wanted() {
        return System.getProperty("redoubt.bench") != null;
    }

    /** Call on the FX thread right after the stage is shown, before the console opens what it was asked to. */
    static void attach(Console console, Stage stage) {
        String spec = System.getProperty("redoubt.bench", "");
        long cancelAt = -1;
        java.nio.file.Path openFile = null;
        for (String s : spec.split(",")) {
            if (s.startsWith("cancel-at-points=")) {
                cancelAt = Long.parseLong(s.substring("cancel-at-points=".length()));
            } else if (s.startsWith("open=")) {
                openFile = java.nio.file.Path.of(s.substring("open=".length()));
            }
        }
        BenchProbe probe = new BenchProbe(console, stage, Set.copyOf(Arrays.asList(spec.split(","))), cancelAt, openFile);
        probe.start();
    }

    private void start() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                if (what.contains("first-window")) {
                    print("first-window-ms %d", System.currentTimeMillis() - jvmStart);
                }
                afterFirstFrame();
            }
        }.start();
    }

    private void afterFirstFrame() {
        if (what.contains("demo")) {
            long clicked = System.nanoTime();
            console.workspace().auditProperty().addListener((o, a, audit) -> {
                if (audit != null && !demoTimed) {
                    demoTimed = true;
                    // The overview summarises the audit in a task of its own: wait for the frame that shows this audit's scorecard.
                    String digest = ((dev.redoubt.services.AuditRun) audit).digest();
                    new AnimationTimer() {
                        @Override
                        public void handle(long now) {
                            if (scorecardOnScreen(digest)) {
                                stop();
                                print("demo-to-scorecard-ms %d", (System.nanoTime() - clicked) / 1_000_000);
                                finish();
                            }
                        }
                    }.start();
                }
            });
            console.actions().openDemo();
        }
        if (openFile != null) {
            heartbeat.scheduleAtFixedRate(this::beat, 10, 10, TimeUnit.MILLISECONDS);
            openCapture(1);
        }
        if (what.contains("stall") || cancelAt > 0 || what.contains("heap")) {
            console.workspace().scanProgressProperty().addListener((o, a, status) -> onScan(status));
            console.workspace().auditProperty().addListener((o, a, audit) -> {
                if (audit != null && scanStarted > 0 && !reported) {
                    scanEnded();
                }
            });
            console.workspace().busyProperty().addListener((o, a, busy) -> {
                if (!busy && scanStarted > 0 && !reported) {
                    scanEnded();
                }
            });
            heartbeat.scheduleAtFixedRate(this::beat, 10, 10, TimeUnit.MILLISECONDS);
            if (what.contains("stall-stacks")) {
                // A plain thread's oversleep, beside the FX thread's delay: tells the JVM's pauses from the FX thread's own.
                Thread plain = new Thread(() -> {
                    while (true) {
                        long t = System.nanoTime();
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                        long over = (System.nanoTime() - t) / 1_000_000 - 10;
                        if (measuring && over > plainMax) {
                            plainMax = over;
                        }
                    }
                }, "redoubt-bench-plain");
                plain.setDaemon(true);
                plain.start();
            }
        }
        if (what.equals(Set.of("first-window", "exit")) || what.equals(Set.of("first-window"))) {
            finish();
        }
    }

    private static final int OPENS = 2;

    /**
     * Opens the capture as the start screen does and times it to the first frame that shows its audit's scorecard (see
     * {@link #scorecardOnScreen}); then once more, the JVM warm from the first.
     */
    private void openCapture(int run) {
        maxDelayNanos.set(0);
        Arrays.fill(histogramMs, 0);
        beats.reset();
        scanStarted = System.nanoTime();
        measuring = true;
        long clicked = System.nanoTime();
        javafx.beans.value.ChangeListener<Object> shown = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<?> o, Object a, Object audit) {
                if (audit == null) {
                    return;
                }
                console.workspace().auditProperty().removeListener(this);
                String digest = ((dev.redoubt.services.AuditRun) audit).digest();
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        if (!scorecardOnScreen(digest)) {
                            return;
                        }
                        stop();
                        measuring = false;
                        print("open-capture-ms %d (open %d of %d: read, validated, audited, its scorecard on screen)%s",
                                (System.nanoTime() - clicked) / 1_000_000, run, OPENS, run == 1 ? "" : " (the JVM warm from open 1)");
                        print("open-capture fx-max-stall-ms %d p99-ms %d heartbeats %d", maxDelayNanos.get() / 1_000_000, percentile(0.99),
                                beats.sum());
                        if (run < OPENS) {
                            openCapture(run + 1);
                        } else {
                            finish();
                        }
                    }
                }.start();
            }
        };
        console.workspace().auditProperty().addListener(shown);
        console.actions().openCapture(openFile);
    }

    /**
     * Whether this frame shows the overview with the scorecard of the audit whose results digest is given: the overview
     * selected, its content shown, not updating, and the digest on it this audit's (the overview hides its content while
     * it summarises another estate, so a digest equal to the last one's still means the new summary).
     */
    private boolean scorecardOnScreen(String digest) {
        if (console.shell().selected().filter(Destinations.OVERVIEW::equals).isEmpty() || stage.getScene() == null) {
            return false;
        }
        javafx.scene.Node content = stage.getScene().lookup("#" + dev.redoubt.ui.overview.OverviewView.ID_CONTENT);
        javafx.scene.Node updating = stage.getScene().lookup("#" + dev.redoubt.ui.overview.OverviewView.ID_UPDATING);
        javafx.scene.Node shown = stage.getScene().lookup("#" + dev.redoubt.ui.overview.OverviewView.ID_RESULTS_DIGEST);
        return content != null && content.getParent() != null && visible(content) && (updating == null || !visible(updating))
                && shown instanceof javafx.scene.control.TextField field && digest.equals(field.getText());
    }

    private static boolean visible(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private final AtomicLong oldestPending = new AtomicLong();
    private volatile long plainMax;
    private final java.util.List<String> stalls = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private volatile Thread fxThread;

    private void beat() {
        if (!measuring) {
            return;
        }
        long posted = System.nanoTime();
        oldestPending.compareAndSet(0, posted);
        long waiting = System.nanoTime() - oldestPending.get();
        if (waiting > 250_000_000L && fxThread != null && what.contains("stall-stacks")) {
            // Say what holds the FX thread, for whoever investigates a stall (stderr, not a figure).
            StringBuilder sb = new StringBuilder("bench: FX thread busy for " + waiting / 1_000_000 + " ms at:\n");
            for (StackTraceElement e : fxThread.getStackTrace()) {
                sb.append("    ").append(e).append('\n');
            }
            System.err.print(sb);
        }
        Platform.runLater(() -> {
            fxThread = Thread.currentThread();
            oldestPending.set(0);
            long delay = System.nanoTime() - posted;
            if (delay > 100_000_000L && stalls.size() < 200) {
                ScanStatus st = console.workspace().scanProgressProperty().get();
                stalls.add(String.format(Locale.ROOT, "%.1fs:%dms:%s", (posted - scanStarted) / 1e9, delay / 1_000_000,
                        st == null ? "after-scan" : st.phase()));
            }
            maxDelayNanos.accumulateAndGet(delay, Math::max);
            beats.increment();
            int ms = (int) Math.min(histogramMs.length - 1, delay / 1_000_000);
            histogramMs[ms]++;
        });
    }

    private void onScan(ScanStatus status) {
        if (status != null && scanStarted == 0) {
            scanStarted = System.nanoTime();
            fxCpuAtScanStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            measuring = true;
            if (what.contains("on-start-screen")) {
                console.shell().select(Destinations.START);
            }
        }
        if (status != null && cancelled && readingStopped == 0
                && ("assembling".equals(status.phase()) || "cancelled".equals(status.phase()) || "done".equals(status.phase()))) {
            // Status arrives five times a second: this is when the scan stopped reading, to within 200 ms.
            readingStopped = System.nanoTime();
            print("cancel-to-reading-stopped-ms %d (status every 200 ms)", (readingStopped - cancelPressed) / 1_000_000);
        }
        if (status != null && cancelAt > 0 && !cancelled && status.recoveryPoints() >= cancelAt) {
            cancelled = true;
            cancelPressed = System.nanoTime();
            print("cancel-pressed-after %.1f s, %d recovery points read, %d of %d units", (cancelPressed - scanStarted) / 1e9,
                    status.recoveryPoints(), status.unitsDone(), status.unitsKnown());
            console.actions().cancelScan();
        }
    }

    private void scanEnded() {
        measuring = false;
        reported = true;
        long end = System.nanoTime();
        if (cancelled) {
            print("cancel-to-partial-capture-shown-ms %d (assembled, written, journaled and audited)", (end - cancelPressed) / 1_000_000);
        }
        long total = beats.sum();
        print("scan-s %.1f", (end - scanStarted) / 1e9);
        print("fx-max-stall-ms %d p99-ms %d heartbeats %d", maxDelayNanos.get() / 1_000_000, percentile(0.99), total);
        // The FX thread's own work during the scan, less noisy than its stalls, which also count the time it waited for a core.
        print("fx-thread-cpu-ms %d", (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - fxCpuAtScanStart) / 1_000_000);
        if (what.contains("stall-stacks")) {
            print("plain-thread-max-oversleep-ms %d", plainMax);
            System.err.println("bench: stalls over 100 ms (when:how long:phase): " + String.join(" ", stalls));
        }
        if (what.contains("heap")) {
            // Let the overview finish drawing, then weigh what stays: the estate, its audit and the screens.
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames < 30) {
                        return;
                    }
                    stop();
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                    }
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    print("heap-mb %d", used / (1024 * 1024));
                    finish();
                }
            }.start();
        } else {
            finish();
        }
    }

    private long percentile(double p) {
        long total = 0;
        for (long c : histogramMs) {
            total += c;
        }
        long seen = 0;
        for (int i = 0; i < histogramMs.length; i++) {
            seen += histogramMs[i];
            if (seen >= p * total) {
                return i;
            }
        }
        return histogramMs.length - 1;
    }

    private void finish() {
        heartbeat.shutdownNow();
        if (what.contains("exit")) {
            Platform.exit();
        }
    }

    private static void print(String format, Object... args) {
        System.out.println("BENCH console " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
