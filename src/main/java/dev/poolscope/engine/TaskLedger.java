package dev.poolscope.engine;

import java.util.concurrent.ScheduledFuture;

/**
 * What the run knows of every task: where it started, its final status, its output budget, and
 * when its result reaches the caller. Emits the task events. Guarded by the run's lock.
 */
final class TaskLedger {
    private static final class Entry {
        TaskStatus status;
        String result;
        String error;
        WorkerProcess startedOn;
        ScheduledFuture<?> timeout;
        long droppedLines;
        long droppedBytes;
    }

    private final Entry[] entries;
    private final ResultOrder order;
    private final EventLog log;
    private int finalCount;
    private int outputLines;
    private long outputChars;

    TaskLedger(RunConfig config, EventLog log) {
        this.entries = new Entry[config.tasks().size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = new Entry();
        }
        this.order = new ResultOrder(config.mode(), entries.length);
        this.log = log;
    }

    boolean isFinal(int index) {
        return entries[index].status != null;
    }

    boolean allFinal() {
        return finalCount == entries.length;
    }

    WorkerProcess startedOn(int index) {
        return entries[index].startedOn;
    }

    void started(int index, WorkerProcess w, ScheduledFuture<?> timeout) {
        if (entries[index].timeout != null) {
            entries[index].timeout.cancel(false); // never two timers for one task
        }
        entries[index].startedOn = w;
        entries[index].timeout = timeout;
    }

    /** Whether a line fits the run's output budget; a line that does not is counted against its task. */
    boolean admitOutput(int index, String text) {
        if (outputLines >= Limits.MAX_RUN_OUTPUT_LINES || outputChars + text.length() > Limits.MAX_RUN_OUTPUT_CHARS) {
            if (index >= 0) {
                dropped(index, 1, text.length());
            }
            return false;
        }
        outputLines++;
        outputChars += text.length();
        return true;
    }

    void dropped(int index, long lines, long bytes) {
        entries[index].droppedLines += lines;
        entries[index].droppedBytes += bytes;
    }

    /**
     * Gives a task its final status and delivers whatever results the mode now releases.
     * {@code w} is the worker it ran on, or null if it never started.
     */
    void finish(int index, TaskStatus status, String result, String error, long at, WorkerProcess w) {
        Entry e = entries[index];
        e.status = status;
        e.result = result;
        e.error = error;
        if (e.timeout != null) {
            e.timeout.cancel(false);
            e.timeout = null;
        }
        int slot = w == null ? -1 : w.slot;
        long pid = w == null ? -1 : w.pid;
        if (e.droppedLines > 0) {
            log.add(new RunEvent.OutputTruncated(at, index, slot, pid, e.droppedLines, e.droppedBytes));
        }
        log.add(new RunEvent.TaskFinished(at, index, slot, pid, status, result, error));
        finalCount++;
        for (int ready : order.onFinished(index)) {
            Entry r = entries[ready];
            log.add(new RunEvent.ResultDelivered(at, ready, r.status, r.result, r.error));
        }
    }
}
