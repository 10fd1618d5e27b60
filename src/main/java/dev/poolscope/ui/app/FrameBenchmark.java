package dev.poolscope.ui.app;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * and prints, overall and for start-up and steady state apart:
 * <ul>
 * <li>the frame as the screen sees it: from the frame handler's start to the end of the render
 * thread's work on that pulse (painting and presenting), from JavaFX's own pulse events
 * ({@link PulseRecording});
 * <li>its FX-thread part (handler, CSS and layout; see {@link FrameMetrics}), in wall time and in
 * the FX thread's CPU time, which a loaded machine cannot inflate;
 * <li>the delay from each engine event to the end of the frame that first showed it.
 * </ul>
 * Exit code 0 when, overall, p95 frame time is under 16.7 ms and p95 event-to-frame delay under
 * 50 ms, both as the screen sees them (the FX thread's part alone where JFR is missing).
 */
public final class FrameBenchmark {
    static final double FRAME_TARGET_MS = 16.7;
    static final double DELAY_TARGET_MS = 50;
    /** Time the new window gets to lay itself out and paint before the run starts. */
    static final long SETTLE_MS = 1500;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FrameBenchmark() {}

    /** What a benchmark run gives: its exit code and, per frame, its timings as CSV ({@link FrameMetrics#framesCsv}). */
    public record Outcome(int exitCode, String framesCsv) {}

    /** {@code jit}: how the JVM compiles, as the report should say it ("C1 only", ...). */
    public static Outcome run(int workers, int tasks, String jit, PrintStream out) {
        try {
            PulseRecording pulses = PulseRecording.start();
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
            long renderCpu0 = renderThreadCpu();
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
            long renderCpu = renderThreadCpu() - renderCpu0;
            onFx(() -> {
                window.get().shutdown();
                window.get().stage().close();
            });
            Platform.exit();
            boolean recorded = pulses != null && pulses.stop();
            Run run = new Run(workers, tasks, seconds, metrics, recorded ? pulses : null, renderCpu, jit);
            FrameMetrics screen = onScreen(run);
            return new Outcome(report(out, run, screen == null ? metrics : screen), metrics.framesCsv(screen));
        } catch (Exception e) {
            out.println("bench-ui: " + e);
            return new Outcome(2, "");
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

    private record Run(int workers, int tasks, double seconds, FrameMetrics fx, PulseRecording pulses,
                       long renderCpuNs, String jit) {}

    /** {@code screen}: the frames as the screen saw them, or the FX thread's part where JFR is missing. */
    private static int report(PrintStream out, Run r, FrameMetrics screen) {
        FrameMetrics fx = r.fx();
        out.printf(Locale.ROOT, "bench-ui: %d workers, %d tasks, %.1f s, %d frames (%.0f fps), %d events, %d CPUs,"
                        + " load average %.1f, JIT %s%n", r.workers(), r.tasks(), r.seconds(), fx.frames(), fx.fps(), fx.events(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                r.jit());
        if (r.pulses() != null) {
            out.println("screen frame = frame handler start to the end of the render thread's painting and presenting"
                    + " of that pulse; event-to-screen = engine timestamp to that end");
            line(out, "all", screen, true);
            line(out, "start-up (<1.5 s)", screen.between(Long.MIN_VALUE, STARTUP_NS), true);
            line(out, "steady (>=1.5 s)", screen.between(STARTUP_NS, Long.MAX_VALUE), true);
            int painted = r.pulses().paintedPulses();
            out.printf(Locale.ROOT, "render thread CPU: %.0f ms over %d painted pulses (%.2f ms each)%n",
                    r.renderCpuNs() / 1e6, painted, painted == 0 ? 0 : r.renderCpuNs() / 1e6 / painted);
        } else {
            out.println("(no JFR: the render thread's part is not measured; figures are the FX thread's)");
        }
        out.println("FX-thread part = frame handler + CSS + layout (wall; FX cpu = the FX thread's CPU time in that span;"
                + " render cpu = the render thread's CPU time until the next frame); event-to-frame = engine timestamp"
                + " to the end of that part");
        line(out, "all", fx, false);
        line(out, "start-up (<1.5 s)", fx.between(Long.MIN_VALUE, STARTUP_NS), false);
        line(out, "steady (>=1.5 s)", fx.between(STARTUP_NS, Long.MAX_VALUE), false);
        if (r.pulses() != null && Boolean.getBoolean("poolscope.benchPhases")) {
            r.pulses().printPhases(out);
        }
        out.printf(Locale.ROOT, "targets (all, %s): frame p95 < %.1f ms, event-to-frame p95 < %.0f ms%n",
                r.pulses() != null ? "as on screen" : "FX thread", FRAME_TARGET_MS, DELAY_TARGET_MS);
        boolean ok = fx.frames() > 0 && screen.frameMs(95) < FRAME_TARGET_MS && screen.delayMs(95) < DELAY_TARGET_MS;
        out.println(ok ? "targets met" : "targets NOT met");
        return ok ? 0 : 1;
    }

    /** The frames as the screen sees them, or null when JFR did not record the render thread. */
    private static FrameMetrics onScreen(Run r) {
        FrameMetrics fx = r.fx();
        return r.pulses() == null ? null : fx.onScreen(f -> r.pulses().afterFxNs(f, fx.frameNsOf(f)));
    }

    private static void line(PrintStream out, String what, FrameMetrics m, boolean screen) {
        if (screen) {
            out.printf(Locale.ROOT, "  %-18s screen frame ms: p50 %5.2f  p95 %6.2f  max %6.1f | event-to-screen ms: p50 %5.1f"
                            + "  p95 %5.1f  max %6.1f | %4d frames%n", what, m.frameMs(50), m.frameMs(95), m.frameMs(100),
                    m.delayMs(50), m.delayMs(95), m.delayMs(100), m.frames());
        } else {
            out.printf(Locale.ROOT, "  %-18s FX ms: p50 %5.2f  p95 %6.2f  max %6.1f | FX cpu p50 %5.2f  p95 %5.2f"
                            + " | render cpu p50 %5.2f  p95 %5.2f | event-to-frame ms: p50 %5.1f  p95 %5.1f  max %6.1f"
                            + " | %4d frames %6d events%n", what, m.frameMs(50), m.frameMs(95), m.frameMs(100), m.cpuMs(50),
                    m.cpuMs(95), m.renderCpuMs(50), m.renderCpuMs(95), m.delayMs(50), m.delayMs(95), m.delayMs(100),
                    m.frames(), m.events());
        }
    }

    /** CPU time of JavaFX's render thread (QuantumRenderer-0) so far, 0 if it cannot be found. */
    private static long renderThreadCpu() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                long ns = THREADS.getThreadCpuTime(t.getId());
                return Math.max(0, ns);
            }
        }
        return 0;
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
        System.exit(run(workers, tasks, "as started", System.out).exitCode());
    }
}
