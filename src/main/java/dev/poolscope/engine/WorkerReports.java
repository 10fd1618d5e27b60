package dev.poolscope.engine;

import dev.poolscope.supervisor.ProcessLimit;
import dev.poolscope.supervisor.Timers;

/**
 * What the run does with each report from a worker: ready, a task started, printed or ended,
 * a broken protocol, an engine error, the worker's exit; and a task's time limit running out.
 * Called on the worker's reader thread (the time limit on the run's timer thread); each
 * handler decides under the run's lock and then lets the run {@link PoolRun#act() act}.
 */
final class WorkerReports implements WorkerProcess.Callbacks {
    private final PoolRun run;

    WorkerReports(PoolRun run) {
        this.run = run;
    }

    @Override
    public void onReady(WorkerProcess w, long nanos) {
        synchronized (run.lock) {
            w.ready = true;
            run.slots.ready(w);
            run.setState(w, WorkerState.IDLE, run.since(nanos));
            run.dispatch.idle(w);
        }
        run.act();
    }

    @Override
    public void onInitializer(WorkerProcess w, long startNanos, long endNanos, String error) {
        synchronized (run.lock) {
            run.emit(new RunEvent.InitializerRan(run.since(endNanos), w.slot, w.pid, run.since(startNanos), error));
        }
    }

    @Override
    public void onTaskStarted(WorkerProcess w, int index, long nanos) {
        synchronized (run.lock) {
            if (run.tasks.isFinal(index)) {
                return;
            }
            if (w.state != WorkerState.BUSY) {
                run.setState(w, WorkerState.BUSY, run.since(nanos));
            }
            run.emit(new RunEvent.TaskStarted(run.since(nanos), index, w.slot, w.pid, w.chunk.number()));
            Long limit = run.config().timeoutFor(run.config().tasks().get(index));
            run.tasks.started(index, w, limit == null ? null
                    : Timers.after(limit, () -> onTimeout(w, index)));
        }
    }

    @Override
    public void onOutput(WorkerProcess w, int index, String text) {
        synchronized (run.lock) {
            if (run.tasks.admitOutput(index, text)) {
                run.emit(new RunEvent.OutputLine(run.now(), index, w.slot, w.pid, text));
            }
        }
    }

    @Override
    public void onTruncated(WorkerProcess w, int index, long lines, long bytes) {
        synchronized (run.lock) {
            if (index >= 0) {
                run.tasks.dropped(index, lines, bytes);
            } else {
                run.emit(new RunEvent.OutputTruncated(run.now(), index, w.slot, w.pid, lines, bytes));
            }
        }
    }

    @Override
    public void onTaskEnded(WorkerProcess w, int index, long nanos, boolean ok, String resultOrError) {
        synchronized (run.lock) {
            if (!run.tasks.isFinal(index)) {
                run.finalizeTask(index, ok ? TaskStatus.OK : TaskStatus.FAILED, ok ? resultOrError : null,
                        ok ? null : resultOrError, run.since(nanos), w);
            }
            Chunk c = w.chunk;
            if (c != null && c.indexes()[c.size() - 1] == index) {
                w.chunk = null;
                w.chunksDone++;
                if (!run.isEnding()) {
                    run.setState(w, WorkerState.IDLE, run.since(nanos));
                    run.dispatch.idle(w);
                }
            }
        }
        run.act();
    }

    @Override
    public void onProtocolError(WorkerProcess w, String problem) {
        synchronized (run.lock) {
            run.terminate(w, "killed by PoolScope: " + problem);
        }
        run.act();
    }

    @Override
    public void onEngineError(WorkerProcess w, RuntimeException error) {
        synchronized (run.lock) {
            run.terminate(w, "killed by PoolScope after an internal error in PoolScope (not the worker's fault): " + error);
        }
        run.act();
    }

    @Override
    public void onExit(WorkerProcess w, ExitInfo exit) {
        synchronized (run.lock) {
            ExitClassifier.Verdict v = ExitClassifier.classify(w, exit);
            // The task's fate first: a worker killed for a time limit ends because of its task.
            // (Still counted live here, so finishing its last task cannot end the run before its exit is told.)
            if (w.chunk != null) {
                run.dispatch.loseChunk(w, "worker " + w.pid + " " + v.detail(), run.isStopping());
            }
            run.slots.remove(w);
            run.emit(new RunEvent.WorkerExited(run.now(), w.slot, w.pid, v.kind(), exit.exitCode(), exit.signal(), v.detail()));
            run.setState(w, v.kind() == ExitKind.CRASHED ? WorkerState.CRASHED : WorkerState.EXITED, run.now());
            // Work put back goes to an idle worker now, not only when one next reports.
            run.dispatch.offerIdle();
            // A worker that was asked to quit needs no replacement: a retiring one already has its successor.
            boolean unplanned = v.kind() != ExitKind.NORMAL && v.kind() != ExitKind.RECYCLED && !w.quitSent;
            if (v.detail().contains(ProcessLimit.REACHED)) {
                run.slots.limitReached();
            }
            if (unplanned && !run.isEnding() && run.slots.isCurrent(w)) {
                run.slots.replace(w.slot, w.ready, v.detail(), run.dispatch);
            }
            run.checkAllGone();
        }
        run.act();
    }

    private void onTimeout(WorkerProcess w, int index) {
        synchronized (run.lock) {
            if (!run.tasks.isFinal(index) && run.tasks.startedOn(index) == w && run.slots.isLive(w)) {
                w.timedOutIndex = index;
                TaskSpec task = run.config().tasks().get(index);
                run.terminate(w, ExitClassifier.timeLimit(task, run.config().timeoutFor(task)));
            }
        }
        run.act();
    }
}
