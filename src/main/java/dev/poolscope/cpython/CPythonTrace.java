package dev.poolscope.cpython;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.TraceBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of a CPython run, built by the same {@link TraceBuilder} as any run. A program's
 * tasks are calls of its own functions, so their kind is "python" (a scenario's keep their
 * kinds); a program whose processes ran no task at all has no tasks.
 */
public final class CPythonTrace {
    public static final String PYTHON_KIND = "python";

    private CPythonTrace() {}

    public static RunTrace of(CPythonRun run) {
        return of(run, List.of());
    }

    /** With events from beside the run, such as the OS sampler's, after the run's own. */
    public static RunTrace of(CPythonRun run, List<RunEvent> besides) {
        RunConfig config = run.config();
        RunTrace t = TraceBuilder.of(run.name(), run.info(), config, run.events(), besides);
        if (run.isScenario()) {
            return t;
        }
        List<TaskRecord> tasks = new ArrayList<>();
        for (TaskRecord r : t.tasks()) {
            tasks.add(new TaskRecord(r.index(), r.name(), PYTHON_KIND, r.chunk(), r.slot(), r.pid(), r.startMs(),
                    r.endMs(), r.status(), r.result(), r.error(), r.output(), r.outputTruncated()));
        }
        return t.withTasks(tasks);
    }
}
