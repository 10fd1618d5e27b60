package dev.poolscope.ui.sweep;

import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.WorkerPriority;
import dev.poolscope.sweep.SweepPlan;
import dev.poolscope.sweep.SweepResult;
import dev.poolscope.sweep.SweepRun;
import dev.poolscope.sweep.SweepRunner;
import dev.poolscope.sweep.SweepSummary;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One sweep at a time for the window: the runner works on its own daemon thread and reports
 * once per run (not per event) through {@link Platform#runLater}; the properties change on the
 * FX thread only. The summary is recomputed after every run, so the chart fills in as the sweep
 * goes.
 */
final class SweepSession {
    // Workers below the window's priority, as for a single run, so the window stays responsive.
    private final PoolService service = new PoolService(WorkerPriority.LOW);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not started");
    private final ReadOnlyObjectWrapper<SweepSummary> summary = new ReadOnlyObjectWrapper<>();
    private final List<SweepRun> runs = new ArrayList<>();
    private SweepRunner runner;
    private Thread thread;
    /** The last estimate of the time left, ms; -1 before the first run ends. FX thread only. */
    private long left = -1;
    /** The first run that does not count, and why (shown when the sweep ends). FX thread only. */
    private String problem;

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SweepSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Starts a sweep on the FX thread's behalf; ignored while one runs. */
    void start(SweepPlan newPlan) {
        if (running.get()) {
            return;
        }
        problem = null;
        runs.clear();
        summary.set(null);
        progress.set(0);
        running.set(true);
        status.set("Starting " + newPlan.runCount() + " runs\u2026");
        SweepRunner r = new SweepRunner(service);
        runner = r;
        thread = new Thread(() -> work(r, newPlan), "poolscope-sweep");
        thread.setDaemon(true);
        thread.start();
    }

    /** Cancels the sweep: the run in progress is stopped at once. Safe to call at any time. */
    void cancel() {
        SweepRunner r = runner;
        if (r != null) {
            r.cancel();
        }
    }

    /** Cancels and waits briefly for the runner (the window is closing). */
    void shutdown() {
        cancel();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void work(SweepRunner r, SweepPlan p) {
        SweepResult result;
        try {
            result = r.run(p, new SweepRunner.Listener() {
                @Override
                public void runStarted(int index, int total, String label, int repeat) {
                    Platform.runLater(() -> status.set("Run " + (index + 1) + " of " + total + ": " + label
                            + (p.repeats() > 1 ? ", repeat " + (repeat + 1) : "") + timeLeft()));
                }

                @Override
                public void runFinished(SweepRun run, int done, int total, long msLeft) {
                    Platform.runLater(() -> {
                        if (!run.complete() && problem == null) {
                            problem = p.label(run.valueIndex()) + ", run " + (run.repeat() + 1) + ": " + run.problem();
                        }
                        runs.add(run);
                        left = msLeft;
                        progress.set((double) done / total);
                        summary.set(new SweepResult(p, runs, false).summary());
                    });
                }
            });
        } catch (InterruptedException | RuntimeException e) {
            Platform.runLater(() -> finish("Sweep failed: " + e.getMessage()));
            return;
        }
        Platform.runLater(() -> finish(result.cancelled()
                ? "Cancelled after " + result.runs().size() + " of " + p.runCount() + " runs"
                : "Done: " + result.runs().size() + " runs" + (problem == null ? "" : "; not counted: " + problem)));
    }

    private String timeLeft() {
        return left < 0 ? "" : " \u00b7 about " + Math.round(left / 1000.0) + " s left";
    }

    private void finish(String text) {
        status.set(text);
        running.set(false);
        left = -1;
    }
}
