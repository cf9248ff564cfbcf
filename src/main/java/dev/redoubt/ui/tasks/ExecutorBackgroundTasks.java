package dev.redoubt.ui.tasks;

import dev.redoubt.services.Cancellation;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BackgroundTasks} over two executors: one that runs the work, one that runs UI updates.
 * The window's is a small pool of named daemon threads with {@code Platform.runLater}; the tests' runs
 * both inline. The only place in Redoubt that calls {@code Platform.runLater}.
 */
public final class ExecutorBackgroundTasks implements BackgroundTasks {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorBackgroundTasks.class);

    private final Executor worker;
    private final Executor ui;
    private final ExecutorService owned;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();

    private ExecutorBackgroundTasks(Executor worker, Executor ui, ExecutorService owned) {
        this.worker = worker;
        this.ui = ui;
        this.owned = owned;
    }

    /** The window's: {@code threads} named daemon threads (a bounded queue behind them) and the FX thread for updates. */
    public static ExecutorBackgroundTasks fx(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
            Thread t = new Thread(r, "redoubt-task-" + n.incrementAndGet());
            t.setPriority(Thread.NORM_PRIORITY - 2);
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return new ExecutorBackgroundTasks(pool, Platform::runLater, pool);
    }

    /** Everything at once on the caller's thread: view-model tests need no toolkit and no waiting. */
    public static ExecutorBackgroundTasks inline() {
        return new ExecutorBackgroundTasks(Runnable::run, Runnable::run, null);
    }

    /** Work on {@code worker}, updates on {@code ui}: for tests that must stop work halfway. */
    public static ExecutorBackgroundTasks on(Executor worker, Executor ui) {
        return new ExecutorBackgroundTasks(worker, ui, null);
    }

    @Override
    public <T> RunningTask run(String title, boolean cancellable, Work<T> work, Consumer<? super T> onSuccess,
                               Consumer<? super Throwable> onFailure) {
        Cancellation cancellation = new Cancellation();
        RunningTask task = new RunningTask(title, cancellable, cancellation);
        running.add(task);
        Context context = new Context(task, cancellation);
        worker.execute(() -> {
            T value;
            try {
                value = work.run(context);
            } catch (Throwable t) {
                if (!(t instanceof dev.redoubt.services.ServiceFailure)) {
                    LOG.warn("{} failed", title, t);
                }
                ui.execute(() -> {
                    running.remove(task);
                    onFailure.accept(t);
                });
                return;
            }
            ui.execute(() -> {
                running.remove(task);
                onSuccess.accept(value);
            });
        });
        return task;
    }

    @Override
    public ObservableList<RunningTask> running() {
        return running;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    /** Progress is coalesced: at most one UI update waits at a time, carrying the latest values. */
    private final class Context implements TaskContext {
        private final RunningTask task;
        private final Cancellation cancellation;
        private final AtomicReference<double[]> latest = new AtomicReference<>();
        private final AtomicReference<String> latestText = new AtomicReference<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Context(RunningTask task, Cancellation cancellation) {
            this.task = task;
            this.cancellation = cancellation;
        }

        @Override
        public void progress(long done, long total, String message) {
            latest.set(new double[] {total <= 0 ? -1 : Math.min(1.0, (double) done / total)});
            latestText.set(message);
            if (scheduled.compareAndSet(false, true)) {
                ui.execute(() -> {
                    scheduled.set(false);
                    task.update(latest.get()[0], latestText.get());
                });
            }
        }

        @Override
        public void post(Runnable update) {
            ui.execute(update);
        }

        @Override
        public Cancellation cancellation() {
            return cancellation;
        }
    }
}
