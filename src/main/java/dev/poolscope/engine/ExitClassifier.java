package dev.poolscope.engine;

import dev.poolscope.supervisor.ProcessLimit;

/**
 * Why a worker process ended, in one word and in words. The rule: a worker PoolScope ended
 * itself (the run was stopped, a task ran past its time limit, it broke the protocol, it was
 * not needed any more, it did not quit when asked) is {@link ExitKind#TERMINATED} with that
 * reason, never {@link ExitKind#CRASHED}; the reason is recorded before the kill, so the exit
 * code of the kill (137) or the closed stream it leaves behind cannot be mistaken for a crash.
 * A worker that exits 0 after being asked to quit ended normally (or retired); anything else
 * happened to it: a crash task, a signal from outside, a kill from the window.
 */
final class ExitClassifier {
    /** A worker still starting when the work is done is stopped quietly, with this reason. */
    static final String NOT_NEEDED = "not needed: the work was done before it was ready";
    static final String STOPPED = "terminated: the run was stopped";
    /**
     * A worker ignores SIGINT from its first instruction and runs in a session of its own, so
     * only the Ctrl+C a terminal sends to PoolScope's group can reach it, in the instant after
     * it was forked and before it left that group. That Ctrl+C stops the run: the worker was
     * ended by the user's stop, not crashed.
     */
    static final String CTRL_C = "terminated: the Ctrl+C (SIGINT) that stops the run reached it while it started";
    private static final int SIGINT = 2;

    record Verdict(ExitKind kind, String detail) {}

    private ExitClassifier() {}

    /** Lock held: reads the worker's run-guarded fields. */
    static Verdict classify(WorkerProcess w, ExitInfo exit) {
        if (w.killReason != null) {
            return new Verdict(ExitKind.TERMINATED, w.killReason);
        }
        if (!w.ready && exit.signal() != null && exit.signal() == SIGINT) {
            return new Verdict(ExitKind.TERMINATED, CTRL_C);
        }
        if (w.quitSent && exit.exitCode() == 0) {
            return w.retiring
                    ? new Verdict(ExitKind.RECYCLED, "retired after " + w.chunksDone + " chunk(s) (maxTasksPerChild)")
                    : new Verdict(ExitKind.NORMAL, "exited normally");
        }
        String tail = w.ready ? "" : w.stderrTail();
        if (!w.ready && ProcessLimit.isHit(tail)) {
            // The JVM's own words ("[warning][os,thread] Failed to start thread ...") say no more than this.
            return new Verdict(ExitKind.CRASHED, "died during start-up: " + ProcessLimit.describe());
        }
        return new Verdict(ExitKind.CRASHED, (w.ready ? "" : "died during start-up, ") + exit.describe()
                + (tail.isEmpty() ? "" : ": " + tail));
    }

    /**
     * Why a worker process could not be started: a Ctrl+C that killed the JDK's spawn helper
     * ("Failed to exec spawn helper: pid: N, signal: 2") is the user's stop, like {@link #CTRL_C}.
     */
    static Verdict startFailure(Throwable e, boolean stopping) {
        String message = e.getMessage();
        if (stopping || (message != null && message.contains("signal: " + SIGINT))) {
            return new Verdict(ExitKind.TERMINATED, stopping ? STOPPED : CTRL_C);
        }
        if (ProcessLimit.isHit(e)) {
            return limitReached();
        }
        return new Verdict(ExitKind.CRASHED, "could not start a worker process: " + message);
    }

    /** A slot PoolScope could not start a worker for, or whose worker could not start its threads: the limit. */
    static Verdict limitReached() {
        return new Verdict(ExitKind.CRASHED, "not started: " + ProcessLimit.describe());
    }

    /** The reason given when a task runs past its limit and its worker is killed. */
    static String timeLimit(TaskSpec task, long limitMs) {
        return "killed by PoolScope: task " + task.name() + " ran past its time limit of " + limitMs + " ms";
    }
}
