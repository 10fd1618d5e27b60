package dev.poolscope.ui;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.ui.app.AppOptions;
import dev.poolscope.ui.app.FrameMetrics;
import dev.poolscope.ui.app.MainWindow;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The frame benchmark ({@code poolscope bench-ui}): opens the real window on the current
 * display, runs {@code workers} workers over {@code tasks} short sleeps (0-20 ms, fixed seed)
 * and prints the FX thread's time per frame (handler, CSS and layout; see {@link FrameMetrics})
 * and the delay from each engine event to the end of the frame that first drew it, overall and
 * for start-up and steady state apart. Exit code 0 when, overall, p95 frame time is under
 * 16.7 ms and p95 event-to-frame delay under 50 ms.
 */
public final class FrameBenchmark {
    static final double FRAME_TARGET_MS = 16.7;
    static final double DELAY_TARGET_MS = 50;
    /** Time the new window gets to lay itself out and paint before the run starts. */
    static final long SETTLE_MS = 1500;

    private FrameBenchmark() {}

    public static int run(int workers, int tasks, PrintStream out) {
        try {
            startToolkit();
            FrameMetrics metrics = new FrameMetrics();
            AtomicReference<MainWindow> window = new AtomicReference<>();
            RunConfig config = config(workers, tasks);
            onFx(() -> {
                Stage stage = new Stage();
                MainWindow w = new MainWindow(stage, AppOptions.empty());
                w.config().load("frame-benchmark", workers + " workers, " + tasks + " sleeps of 0-20 ms", config);
                stage.show();
                window.set(w);
            });
            // As a person would: the window is open and painted before Run is pressed.
            Thread.sleep(SETTLE_MS);
            onFx(() -> {
                window.get().controller().measure(metrics);
                window.get().controller().start("frame-benchmark", config);
            });
            long t0 = System.nanoTime();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                AtomicReference<Boolean> running = new AtomicReference<>();
                onFx(() -> running.set(window.get().controller().runningProperty().get()));
                if (!running.get()) {
                    break;
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            onFx(() -> {
                window.get().shutdown();
                window.get().stage().close();
            });
            Platform.exit();
            return report(out, workers, tasks, seconds, metrics);
        } catch (Exception e) {
            out.println("bench-ui: " + e);
            return 2;
        }
    }

    static RunConfig config(int workers, int tasks) {
        Random random = new Random(42);
        RunConfig.Builder b = RunConfig.builder().mode(Mode.IMAP_UNORDERED).pool(workers).chunksize(1);
        for (int i = 0; i < tasks; i++) {
            b.task(TaskSpec.of("t" + i, TaskKind.SLEEP, random.nextInt(21)));
        }
        return b.build();
    }

    /** Run time before which 32 worker JVMs are still starting (reported apart; targets use all). */
    static final long STARTUP_NS = 1_500_000_000L;

    private static int report(PrintStream out, int workers, int tasks, double seconds, FrameMetrics m) {
        out.printf(Locale.ROOT, "bench-ui: %d workers, %d tasks, %.1f s, %d frames (%.0f fps), %d events%n", workers,
                tasks, seconds, m.frames(), m.fps(), m.events());
        out.println("frame = frame handler + CSS + layout on the FX thread; event-to-frame = engine timestamp to the"
                + " end of that frame");
        line(out, "all", m);
        line(out, "start-up (<1.5 s)", m.between(Long.MIN_VALUE, STARTUP_NS));
        line(out, "steady (>=1.5 s)", m.between(STARTUP_NS, Long.MAX_VALUE));
        out.printf(Locale.ROOT, "targets (all): frame p95 < %.1f ms, event-to-frame p95 < %.0f ms%n", FRAME_TARGET_MS,
                DELAY_TARGET_MS);
        boolean ok = m.frames() > 0 && m.frameMs(95) < FRAME_TARGET_MS && m.delayMs(95) < DELAY_TARGET_MS;
        out.println(ok ? "targets met" : "targets NOT met");
        return ok ? 0 : 1;
    }

    private static void line(PrintStream out, String what, FrameMetrics m) {
        out.printf(Locale.ROOT, "%-18s frame ms: p50 %5.2f  p95 %6.2f  max %6.1f | event-to-frame ms: p50 %5.1f  p95 %5.1f"
                        + "  max %6.1f | %4d frames %6d events%n", what, m.frameMs(50), m.frameMs(95), m.frameMs(100),
                m.delayMs(50), m.delayMs(95), m.delayMs(100), m.frames(), m.events());
    }

    private static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer in 30 s");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    public static void main(String[] args) {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        System.exit(run(workers, tasks, System.out));
    }
}
