package dev.poolscope.cpython;

import dev.poolscope.engine.RunEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a CPython run adds to the text report: the program and interpreter, the main process's
 * lane (its marks for start(), join(), is_alive() and the lines it printed, in time order), and
 * the notices, such as a Pool waiting forever for a lost task. Printable ASCII only, like the
 * rest of the report.
 */
public final class CPythonReport {
    private CPythonReport() {}

    public static String render(CPythonRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nPython\n");
        sb.append("  program      ").append(printable(run.program().toString())).append('\n');
        sb.append("  interpreter  ").append(printable(run.interpreter().describe())).append('\n');
        sb.append("  main PID     ").append(run.mainPid()).append('\n');
        for (RunEvent e : run.events()) {
            if (e instanceof RunEvent.ProgramExited x) {
                sb.append("  ended        ").append(printable(x.detail())).append(" at ").append(ms(x.at())).append(" ms\n");
            }
        }
        sb.append("\nMain process (PID ").append(run.mainPid()).append("): its calls on child processes and its lines\n");
        int shown = 0;
        List<RunEvent> byTime = new ArrayList<>(run.events());
        byTime.sort(Comparator.comparingLong(RunEvent::at)); // stable: what came together stays in order
        for (RunEvent e : byTime) {
            if (e instanceof RunEvent.ProcessMark m && m.slot() < 0) {
                sb.append(String.format(Locale.ROOT, "  %10s ms  %s%n", ms(m.at()), printable(m.text())));
                shown++;
            } else if (e instanceof RunEvent.OutputLine o && o.slot() < 0 && o.pid() == run.mainPid()) {
                sb.append(String.format(Locale.ROOT, "  %10s ms  | %s%n", ms(o.at()), printable(o.text())));
                shown++;
            }
        }
        if (shown == 0) {
            sb.append("  (none)\n");
        }
        sb.append("\nNotices\n");
        int notices = 0;
        for (RunEvent e : run.events()) {
            if (e instanceof RunEvent.RunNotice n) {
                sb.append(String.format(Locale.ROOT, "  %10s ms  %s%n", ms(n.at()), printable(n.text())));
                notices++;
            }
        }
        if (notices == 0) {
            sb.append("  (none)\n");
        }
        return sb.toString();
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** Safe to print: a program's text cannot send escape sequences to the terminal ({@link dev.poolscope.trace.TerminalText}). */
    static String printable(String s) {
        return dev.poolscope.trace.TerminalText.safe(s, 300);
    }
}
