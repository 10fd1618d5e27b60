package dev.poolscope.cpython;

import dev.poolscope.engine.RunEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The report of a program that started no process (most often: it failed before it could):
 * what failed and where, its exit code and what it printed (the traceback). No pool, mode or
 * statistics: there were none.
 */
public final class FailedProgramReport {
    private FailedProgramReport() {}

    /** Whether a run is a program's that ended without starting any child process (or thread of its work). */
    public static boolean applies(CPythonRun run) {
        return !run.isScenario() && run.startedNoProcess() && !run.ranThreadLanes() && !run.stopRequested()
                && !run.deadlineHit();
    }

    /** "p09.py line 3: NameError: name 'function_name' is not defined", or null when it did not fail so. */
    public static String oneLine(CPythonRun run) {
        return run.failure() == null ? null : CPythonReport.printable(run.failure().oneLine(run.program()));
    }

    private static String ended(CPythonRun run) {
        for (RunEvent e : run.events()) {
            if (e instanceof RunEvent.ProgramExited x) {
                return CPythonReport.printable(x.detail());
            }
        }
        return "exit code " + run.exitCode();
    }

    public static String render(CPythonRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("PoolScope run: ").append(CPythonReport.printable(run.program().getFileName().toString())).append('\n');
        sb.append(run.failure() != null ? "  the program failed before it started any process: " + oneLine(run)
                : "  the program started no process").append('\n');
        sb.append("  ").append(ended(run)).append("; no pool, no tasks, no statistics\n");
        sb.append("\nOutput (what the program printed, in the order written)\n");
        List<RunEvent.OutputLine> lines = new ArrayList<>();
        for (RunEvent e : run.events()) {
            if (e instanceof RunEvent.OutputLine o) {
                lines.add(o);
            }
        }
        lines.sort(Comparator.comparingLong(RunEvent.OutputLine::at));
        RunEvent.OutputTruncated cut = dev.poolscope.trace.TextReport.outputLeftOut(run.events()); // first and last lines kept
        for (RunEvent.OutputLine o : lines) {
            if (cut != null && o.at() > cut.at()) {
                sb.append("  ... ").append(dev.poolscope.trace.TextReport.leftOutText(cut)).append('\n');
                cut = null;
            }
            sb.append(String.format(Locale.ROOT, "  [pid %d] main: %s%n", o.pid(), CPythonReport.printable(o.text())));
        }
        if (cut != null) {
            sb.append("  ... ").append(dev.poolscope.trace.TextReport.leftOutText(cut)).append('\n');
        }
        if (lines.isEmpty() && dev.poolscope.trace.TextReport.outputLeftOut(run.events()) == null) {
            sb.append("  (none)\n");
        }
        sb.append("\nPython\n");
        sb.append("  program      ").append(CPythonReport.printable(run.program().toString())).append('\n');
        sb.append("  interpreter  ").append(CPythonReport.printable(run.interpreter().describe())).append('\n');
        sb.append("  main PID     ").append(run.mainPid()).append('\n');
        return sb.toString();
    }
}
