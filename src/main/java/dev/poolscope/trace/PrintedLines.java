package dev.poolscope.trace;

import dev.poolscope.engine.RunEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's printed lines as its trace keeps them, from its {@link RunEvent.OutputLine} and
 * {@link RunEvent.OutputTruncated} events: the run's lines in the order written (at most
 * {@link TraceBuilder#MAX_OUTPUT_LINES}), and each task's first
 * {@link TraceBuilder#MAX_TASK_OUTPUT_LINES} with whether any of its lines were dropped.
 * {@link TraceBuilder} keeps them so while a run goes; a version-3 trace, which stores each line
 * once (as its event), rebuilds them so when it is read. Not thread-safe.
 */
final class PrintedLines {
    private final List<OutputRecord> run = new ArrayList<>();
    private final Map<Integer, List<String>> byTask = new HashMap<>();
    private final BitSet truncated = new BitSet();

    /** The lines of {@code events} for a run of {@code tasks} tasks. */
    static PrintedLines of(List<RunEvent> events, int tasks) {
        PrintedLines p = new PrintedLines();
        for (RunEvent e : events) {
            if (e instanceof RunEvent.OutputLine o && o.index() >= -1 && o.index() < tasks) {
                p.line(o, Ms.of(o.at()));
            } else if (e instanceof RunEvent.OutputTruncated o && o.index() >= 0 && o.index() < tasks) {
                p.truncate(o.index());
            }
        }
        return p;
    }

    /** A line of the run (its index already checked: -1, the initializer's, or a task of the run), written at {@code atMs}. */
    void line(RunEvent.OutputLine o, double atMs) {
        String text = o.text() == null ? "" : o.text();
        if (run.size() < TraceBuilder.MAX_OUTPUT_LINES) {
            // In the order written: a line can reach PoolScope after a later line of another process.
            int i = run.size();
            while (i > 0 && run.get(i - 1).atMs() > atMs) {
                i--;
            }
            run.add(i, new OutputRecord(atMs, o.index(), o.slot(), o.pid(), text));
        }
        if (o.index() < 0) {
            return; // the initializer's lines (index -1) live only in the run's output
        }
        List<String> lines = byTask.computeIfAbsent(o.index(), i -> new ArrayList<>());
        if (lines.size() < TraceBuilder.MAX_TASK_OUTPUT_LINES) {
            lines.add(text);
        } else {
            truncated.set(o.index());
        }
    }

    /** Some of a task's output was dropped (here, or by the engine's limits). */
    void truncate(int task) {
        truncated.set(task);
    }

    /** The run's kept lines, in the order written. */
    List<OutputRecord> run() {
        return run;
    }

    /** A task's kept lines (empty when it printed none). */
    List<String> of(int task) {
        List<String> lines = byTask.get(task);
        return lines == null ? List.of() : lines;
    }

    boolean truncated(int task) {
        return truncated.get(task);
    }
}
