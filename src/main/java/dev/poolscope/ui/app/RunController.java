package dev.poolscope.ui.app;

import dev.poolscope.cpython.CPythonOptions;
import dev.poolscope.cpython.CPythonService;
import dev.poolscope.cpython.PythonUnavailableException;
import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunDeadline;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.engine.WorkerPriority;
import dev.poolscope.os.OsSampler;
import dev.poolscope.trace.Makespan;
import dev.poolscope.ui.CurrentRun;
import dev.poolscope.ui.panels.RunPanels;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.TimelineView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs the pool and feeds the views. Threading: the engine calls the listener on the run's
 * event thread, and the listener only appends to a ConcurrentLinkedQueue (one per run, so a
 * late event of an old run can never reach a new one). One AnimationTimer drains the queue on
 * the FX thread each frame, updates the models and redraws; no Platform.runLater per event.
 */
public final class RunController implements CurrentRun {
    /** Bounds one frame's work if events arrive faster than they can be drawn. */
    private static final int MAX_EVENTS_PER_FRAME = 50_000;
    // Workers below the window's priority, so frames keep coming while they use every core.
    private final PoolService service = new PoolService(WorkerPriority.LOW);
    private final TimelineView timeline;
    private final RunPanels panels;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    /** Share of tasks finished while a run is running, 0 otherwise (the status bar's progress). */
    private final javafx.beans.property.ReadOnlyDoubleWrapper progress = new javafx.beans.property.ReadOnlyDoubleWrapper(0);
    private FrameProbe probe;
    private boolean measuringLayout;
    private Queue<RunEvent> inbox = new ConcurrentLinkedQueue<>();
    private RunHandle handle;
    /** The deadline of a Java run (CPython runs carry theirs in CPythonOptions); null for none. */
    private RunDeadline deadline;
    private Long deadlineMs;
    /** Samples the run's workers from the OS into the same queue (see OsSampler for the order kept). */
    private OsSampler os;
    private TimelineModel live;
    private long runStartNanos;
    /** The clock of a run shown still ({@link #showStill}), or -1 for a live run. */
    private long stillNow = -1;
    private FrameMetrics metrics;
    private long lastStatus;
    private Consumer<String> errors = msg -> { };
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // An exception escaping handle() can freeze JavaFX 21: catch everything here.
            try {
                frame(now);
            } catch (Throwable t) {
                errors.accept("Drawing failed: " + t);
            }
        }
    };

    public RunController(TimelineView timeline, RunPanels panels) {
        this.timeline = timeline;
        this.panels = panels;
        // A Python program's lanes sit below its main lane: lane i is the engine's slot i - 1.
        timeline.setKiller((lane, pid) -> handle != null && !handle.isDone() && live != null
                && handle.killWorker(lane - live.laneOffset(), pid));
        timer.start();
    }

    void onError(Consumer<String> errors) {
        this.errors = errors;
    }

    /** Records frame times and event delays from now on (the frame benchmark). */
    public void measure(FrameMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public RunHandle handle() {
        return handle;
    }

    @Override
    public TimelineModel live() {
        return live;
    }

    /** Starts a run; returns false (and does nothing) while one is running. */
    public boolean start(String scenarioName, RunConfig config) {
        return start(scenarioName, config, false);
    }

    /**
     * Starts a run on PoolScope's workers, or ({@code onCPython}) as the scenario's Python program
     * on CPython's own multiprocessing; returns false (and does nothing) while one is running or
     * when no usable python3 is found (the message says why).
     */
    public boolean start(String scenarioName, RunConfig config, boolean onCPython) {
        return start(scenarioName, config, onCPython, null);
    }

    /** As {@link #start(String, RunConfig, boolean)}, stopping the whole run after {@code deadlineMs} (null: none). */
    public boolean start(String scenarioName, RunConfig config, boolean onCPython, Long deadlineMs) {
        return start(scenarioName, config, onCPython ? "cpython" : "java", null, deadlineMs);
    }

    /**
     * Starts a run on the engine named: "java", "cpython" or "dask" ({@code scheduler} the Dask
     * cluster's address, null for a local cluster started with the run).
     */
    public boolean start(String scenarioName, RunConfig config, String engine, String scheduler, Long deadlineMs) {
        boolean onCPython = "cpython".equals(engine);
        boolean onDask = "dask".equals(engine);
        String badScheduler = onDask ? dev.poolscope.dask.DaskOptions.schedulerProblem(scheduler) : null;
        if (badScheduler != null) {
            errors.accept(badScheduler.replaceFirst("^--scheduler", "Dask scheduler"));
            return false;
        }
        if (running.get()) {
            return false;
        }
        List<String> names = new ArrayList<>(config.tasks().size());
        for (TaskSpec t : config.tasks()) {
            names.add(t.name());
        }
        Queue<RunEvent> q = new ConcurrentLinkedQueue<>();
        OsSampler sampler = new OsSampler(q::add);
        RunHandle started;
        try {
            started = onDask
                    ? new dev.poolscope.dask.DaskService().start(scenarioName, config,
                            dev.poolscope.dask.DaskOptions.defaults().withScheduler(scheduler).withDeadlineMs(deadlineMs),
                            sampler.tap(q::add))
                    : onCPython
                    ? new CPythonService().startScenario(scenarioName, config,
                            CPythonOptions.defaults().withDeadlineMs(deadlineMs), sampler.tap(q::add))
                    : service.start(config, sampler.tap(q::add));
        } catch (PythonUnavailableException | java.io.IOException e) {
            sampler.close();
            errors.accept(e.getMessage());
            return false;
        }
        show(started, q, sampler, new TimelineModel(names, config.slots()), scenarioName, config,
                onCPython || onDask ? null : started, deadlineMs);
        String interpreter = handle.info().interpreter();
        status.set(interpreter != null ? "Starting " + interpreter + " on the scenario's program\u2026"
                : "Starting " + config.slots() + " workers\u2026");
        return true;
    }

    /**
     * Runs a Python program on the real python3 and shows it live (the CPython engine): a lane
     * per child process under the main process's own lane, tasks as the program makes them.
     * Returns false while a run is running or when it cannot start (the message says why).
     */
    public boolean startProgram(java.nio.file.Path program) {
        return startProgram(program, null);
    }

    /** As {@link #startProgram(java.nio.file.Path)}, stopping the program after {@code deadlineMs} (null: none). */
    public boolean startProgram(java.nio.file.Path program, Long deadlineMs) {
        if (running.get()) {
            return false;
        }
        Queue<RunEvent> q = new ConcurrentLinkedQueue<>();
        OsSampler sampler = new OsSampler(q::add);
        RunHandle started;
        try {
            started = new CPythonService().start(program, List.of(), CPythonOptions.defaults().withDeadlineMs(deadlineMs),
                    sampler.tap(q::add));
        } catch (PythonUnavailableException | java.io.IOException e) {
            sampler.close();
            errors.accept(e.getMessage());
            return false;
        }
        String name = String.valueOf(program.getFileName());
        show(started, q, sampler, new TimelineModel(List.of(), 0, started.info().ofProgram()), name, started.config(), null,
                deadlineMs);
        status.set("Running " + name + " with " + started.info().interpreter() + "\u2026");
        return true;
    }

    /**
     * Points the views at a run that has just started (FX thread), whichever engine runs it.
     * {@code javaRun} gets a {@link RunDeadline}; a CPython run carries its own deadline.
     */
    private void show(RunHandle started, Queue<RunEvent> q, OsSampler sampler, TimelineModel model, String name,
                      RunConfig config, RunHandle javaRun, Long deadlineMs) {
        inbox = q;
        live = model;
        stillNow = -1;
        closeSampler();
        handle = started;
        armDeadline(javaRun, deadlineMs);
        sampler.start(handle.startNanos());
        os = sampler;
        // The engine's own clock: event times (RunEvent.at) count from here. Events cannot be
        // drained before the panels are reset: both happen here, on the FX thread.
        long start = handle.startNanos();
        runStartNanos = start;
        probe = metrics == null ? null : new FrameProbe(metrics, start);
        timeline.setRun(live);
        panels.reset(live, name, config, () -> System.nanoTime() - start);
        running.set(true);
    }

    /**
     * Shows a run that is not live, as it stood at {@code nowNs} (a replay; FX thread): the
     * views draw {@code run} exactly as they draw a live one, with the clock held at
     * {@code nowNs}. Ignored while a run is going.
     */
    @Override
    public void showStill(TimelineModel run, long nowNs, String statusText) {
        if (running.get()) {
            return;
        }
        inbox = new ConcurrentLinkedQueue<>();
        if (live != run) {
            live = run;
            timeline.setRun(run);
        }
        stillNow = nowNs;
        timeline.markDirty();
        status.set(statusText);
    }

    /** A Java run gets a RunDeadline; a CPython run ({@code run} null) has its own, known by deadlineHit(). */
    private void armDeadline(RunHandle run, Long ms) {
        if (deadline != null) {
            deadline.close();
        }
        deadline = run == null ? null : RunDeadline.arm(run, ms);
        deadlineMs = ms;
    }

    /** Whether the run's deadline stopped it. */
    public boolean stoppedByDeadline() {
        return (deadline != null && deadline.hit()) || (handle != null && handle.deadlineHit());
    }

    /** Stops the run: the engine kills every worker; the run then finishes as "stopped". */
    public void stop() {
        if (handle != null && !handle.isDone()) {
            handle.stop();
            status.set("Stopping\u2026");
        }
    }

    /** Stops any run and clears the picture. */
    @Override
    public void reset() {
        stop();
        closeSampler();
        inbox = new ConcurrentLinkedQueue<>();
        live = null;
        stillNow = -1;
        running.set(false);
        timeline.setRun(null);
        panels.reset(null, null, null, null);
        status.set("Ready");
        progress.set(0);
    }

    /** Closing the window: stop the run and wait briefly so no worker outlives the app. */
    public void shutdown() {
        timer.stop();
        closeSampler();
        RunHandle h = handle;
        if (h != null && !h.isDone()) {
            h.stop();
            try {
                h.awaitDone(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeSampler() {
        if (os != null) {
            os.close();
            os = null;
        }
    }

    /** The run's clock now: ns since it started, or its end once it has finished. */
    @Override
    public long runNow() {
        if (stillNow >= 0 && live != null) {
            return stillNow;
        }
        if (live != null && live.isFinished()) {
            return live.finishedAt();
        }
        return live == null ? 0 : System.nanoTime() - runStartNanos;
    }

    private void frame(long now) {
        long t0 = System.nanoTime();
        FrameProbe p = probe;
        if (p != null) {
            p.frameStarted(t0);
        }
        Queue<RunEvent> q = inbox;
        boolean changed = false;
        boolean finishedNow = false;
        int n = 0;
        RunEvent e;
        while (n < MAX_EVENTS_PER_FRAME && (e = q.poll()) != null) {
            n++;
            changed |= live.apply(e);
            panels.accept(e);
            if (p != null) {
                p.drained(e.at());
            }
            if (e instanceof RunEvent.RunFinished) {
                finishedNow = true;
            }
        }
        if (changed) {
            timeline.markDirty();
        }
        boolean drawing = running.get();
        long nowNs = runNow();
        timeline.render(nowNs, drawing);
        panels.flush(now, finishedNow);
        // The status text changes at most 4 times a second.
        if (live != null && (finishedNow || (n > 0 && now - lastStatus > 250_000_000L))) {
            lastStatus = now;
            updateStatus(finishedNow);
        }
        if (finishedNow) {
            running.set(false);
        }
        if (p != null) {
            p.handlerDone(drawing || n > 0);
            if (!measuringLayout) {
                p.afterLayout();
            }
        }
    }

    /** Measures each frame up to the end of the scene's CSS and layout pass. */
    void measureLayoutOf(javafx.scene.Scene scene) {
        measuringLayout = true;
        scene.addPostLayoutPulseListener(() -> {
            if (probe != null) {
                probe.afterLayout();
            }
        });
    }

    /** First task start to last task end, by the statistics' own rule ({@link Makespan}). */
    private String makespanText() {
        Makespan span = new Makespan();
        for (int i = 0; i < live.taskCount(); i++) {
            if (live.start(i) >= 0 && live.end(i) >= 0) {
                span.add(live.start(i) / 1e6, live.end(i) / 1e6);
            }
        }
        if (!span.any()) {
            return "\u2014";
        }
        double ms = span.ms();
        return ms >= 10_000 ? String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000)
                : String.format(java.util.Locale.ROOT, "%.0f ms", ms);
    }

    private void updateStatus(boolean finished) {
        progress.set(finished ? 0 : (double) live.finishedCount() / Math.max(1, live.taskCount()));
        if (finished) {
            double s = live.finishedAt() / 1e9;
            // Two different spans, both named: the wall time counts worker start-up, the makespan
            // (as in the statistics) runs from the first task's start to the last task's end.
            if (stoppedByDeadline()) {
                status.set(String.format("Stopped by the deadline of %d ms after %.1f s: %d of %d tasks done,"
                        + " the rest cancelled", deadlineMs, s, live.finishedCount(), live.taskCount()));
                return;
            }
            int children = live.laneCount() - live.laneOffset();
            if (!live.wasStopped() && panels.showsAProcessProgram()) {
                // Plain Processes are no pool: no makespan or tasks claimed, their facts are in Statistics.
                status.set(String.format("Finished in %.2f s wall time \u00b7 the program started %d %s (how each"
                        + " ended: Statistics)", s, children, children == 1 ? "process" : "processes"));
                return;
            }
            status.set(live.wasStopped()
                    ? String.format("Stopped after %.1f s: %d of %d tasks done", s, live.finishedCount(), live.taskCount())
                    : String.format("Finished in %.2f s wall time (incl. worker start-up) \u00b7 makespan %s (first"
                            + " task start to last task end) \u00b7 %d tasks on %d %s", s, makespanText(),
                            live.taskCount(), children,
                            // A program's lanes are its main process and the processes it started.
                            live.laneOffset() > 0 ? "child processes" : "workers"));
        } else {
            status.set(String.format("Running: %d of %d tasks done, %d started", live.finishedCount(), live.taskCount(),
                    live.startedCount()));
        }
    }
}
