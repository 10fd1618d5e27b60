package dev.poolscope.trace;

import java.util.Locale;

/**
 * The statistics of a run of plain processes (one per task): each process's own facts, its life
 * from start to exit, how long its target ran, the CPU it used and how it ended. A pool's
 * figures (concurrency, a lower bound, utilization) would describe a pool there was not.
 */
final class ProcessFacts {
    private ProcessFacts() {}

    static void render(StringBuilder sb, RunTrace t) {
        sb.append("  one line per process: its life (start to exit), its target, its CPU time, how it ended\n");
        for (WorkerRecord w : t.workers()) {
            if (w.pid() < 0) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  pid %-8d", w.pid()));
            String end = w.exitMs() != null ? Ms.text(w.exitMs()) : "";
            line.append("life ").append(Ms.text(w.spawnMs())).append('-').append(end).append(" ms");
            if (w.exitMs() != null) {
                line.append(" (").append(Ms.text(w.exitMs() - w.spawnMs())).append(" ms)");
            }
            for (TaskRecord task : t.tasks()) {
                if (task.pid() == w.pid() && task.startMs() != null) {
                    line.append(", target ").append(TerminalText.safe(task.name(), 30)).append(' ')
                            .append(task.endMs() != null ? Ms.text(task.endMs() - task.startMs()) + " ms" : "running");
                }
            }
            if (!w.samples().isEmpty()) {
                line.append(", CPU ").append(Ms.text(w.samples().get(w.samples().size() - 1).cpuMs())).append(" ms");
            }
            if (w.exitCode() != null) {
                line.append(", exit code ").append(w.exitCode());
            } else if (w.signal() != null) {
                // The exit's own words: a signal may be terminate(), multiprocessing's exit or a kill from elsewhere.
                line.append(", ").append(w.detail() != null ? TerminalText.safe(w.detail(), 200) : "killed by signal " + w.signal());
            }
            sb.append(line).append('\n');
        }
    }
}
