package dev.poolscope.sweep;

import dev.poolscope.cpython.CPythonOptions;
import dev.poolscope.cpython.CPythonService;
import dev.poolscope.cpython.PythonUnavailableException;
import dev.poolscope.dask.DaskOptions;
import dev.poolscope.dask.DaskService;
import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunListener;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link SweepPlan} one run at a time on real workers. The order is round by round
 * (every value once, then every value again), so a machine that gets busier halfway through
 * slows every value a little instead of making the last values look slow.
 *
 * <p>{@link #run} blocks the calling thread; {@link #cancel} may be called from any thread and
 * stops the run in progress at once (its workers are killed). Listener methods are called on
 * the thread that called {@link #run}.
 */
public final class SweepRunner {
    /** What a sweep reports while it runs. Every method has a no-op default. */
    public interface Listener {
        /** A run is about to start: {@code index} counts from 0 up to {@code total - 1}. */
        default void runStarted(int index, int total, String label, int repeat) {}

        /** A run has finished; {@code msLeft} estimates the rest of the sweep. */
        default void runFinished(SweepRun run, int done, int total, long msLeft) {}
    }

    /** Worker start-up added to every run's estimate before any run has been measured. */
    private static final double STARTUP_GUESS_MS = 150;

    private final PoolService service;
    private volatile boolean cancelled;
    private volatile RunHandle current;

    public SweepRunner(PoolService service) {
        this.service = service;
    }

    /** Stops the sweep: the run in progress is stopped and no further run starts. */
    public void cancel() {
        cancelled = true;
        RunHandle h = current;
        if (h != null) {
            h.stop();
        }
    }

    /** Runs the plan; returns every run that finished (all of them unless cancelled). */
    public SweepResult run(SweepPlan plan, Listener listener) throws InterruptedException {
        Listener l = listener == null ? new Listener() {} : listener;
        List<SweepRun> runs = new ArrayList<>();
        int total = plan.runCount();
        double measured = 0;
        double guessedForMeasured = 0;
        int index = 0;
        for (int r = 0; r < plan.repeats() && !cancelled; r++) {
            for (int v = 0; v < plan.values().size() && !cancelled; v++) {
                l.runStarted(index, total, plan.label(v), r);
                SweepRun run = runOnce(plan, v, r);
                index++;
                if (run == null) {
                    break; // cancelled while it ran: a stopped run says nothing about timing
                }
                runs.add(run);
                measured += run.wallMs();
                guessedForMeasured += guessMs(plan.config(v));
                double left = 0;
                for (int k = index; k < total; k++) {
                    left += guessMs(plan.config(k % plan.values().size()));
                }
                long msLeft = Math.round(left * measured / Math.max(1, guessedForMeasured));
                l.runFinished(run, index, total, msLeft);
            }
        }
        return new SweepResult(plan, runs, cancelled);
    }

    private SweepRun runOnce(SweepPlan plan, int v, int repeat) throws InterruptedException {
        RunConfig config = plan.config(v);
        long t0 = System.nanoTime();
        RunHandle h = start(plan, v, config);
        current = h;
        try {
            if (cancelled) {
                h.stop();
            }
            while (!h.awaitDone(Duration.ofMillis(200))) {
                if (cancelled) {
                    h.stop();
                }
            }
        } catch (InterruptedException e) {
            h.stop();
            h.awaitDone(Duration.ofSeconds(5));
            throw e;
        } finally {
            current = null;
        }
        if (cancelled) {
            return null;
        }
        // Every engine runs the plan's scenario, so one builder makes every engine's trace, from the
        // run's own configuration: a Dask run's pool is the workers its cluster had.
        RunTrace trace = TraceBuilder.of(plan.scenario(), h.info(), h.config(), h.events(), List.of());
        return new SweepRun(v, plan.values().get(v), repeat, config, trace, h.events(), (System.nanoTime() - t0) / 1e6);
    }

    /** Starts one run on the engine the plan asks for (PoolScope's workers unless it varies the engine). */
    private RunHandle start(SweepPlan plan, int v, RunConfig config) {
        if (plan.onDask(v)) {
            try {
                return new DaskService().start(plan.scenario(), config,
                        DaskOptions.defaults().withDeadlineMs(60_000 + config.tasks().stream().mapToLong(TaskSpec::ms).sum()),
                        RunListener.NONE);
            } catch (PythonUnavailableException | java.io.IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        if (!plan.onCPython(v)) {
            return service.start(config, RunListener.NONE);
        }
        // CPython's Pool waits forever for a task lost with a crashed worker: a deadline ends such a run.
        long deadline = 30_000 + config.tasks().stream().mapToLong(TaskSpec::ms).sum();
        try {
            return new CPythonService().startScenario(plan.scenario(), config,
                    CPythonOptions.defaults().withDeadlineMs(deadline), RunListener.NONE);
        } catch (PythonUnavailableException | java.io.IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * A rough duration of a run from its tasks' stated times: the schedule bound plus start-up.
     * Only the ratios between values matter; measured runs scale it to this machine.
     */
    static double guessMs(RunConfig config) {
        double total = 0;
        double longest = 0;
        for (TaskSpec t : config.tasks()) {
            total += t.ms();
            longest = Math.max(longest, t.ms());
        }
        return Math.max(longest, total / Math.max(1, config.slots())) + STARTUP_GUESS_MS;
    }
}
