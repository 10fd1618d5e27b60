package dev.poolscope.ui.timeline;

/**
 * A process's life in words, as its lane's exit label says it ("exit 0 · lived 6.4 ms, ran 0.084
 * ms"): drawn by the lane's labels, listed by the statistics panel.
 */
public final class LifeWords {
    private LifeWords() {}

    /**
     * "exit 0 · lived 134 ms, ran 0.1 ms": how it ended (its exit code, its signal, or who ended it:
     * "terminated by multiprocessing at exit (signal 15)"), how long it lived, how long its one task ran;
     * null while it lives.
     */
    public static String of(TimelineModel run, TimelineModel.Lane lane, TimelineModel.Life life) {
        String signal = life.signal != null ? "signal " + life.signal : null;
        String end = life.endedBy != null ? life.endedBy + (signal != null ? " (" + signal + ")" : "")
                : signal != null ? signal : life.exitCode != null ? "exit " + life.exitCode : null;
        if (end == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(end).append(" \u00b7 lived ").append(ms(life.exitAt - life.startAt));
        int[] tasks = lane.taskIndexes();
        if (tasks.length == 1 && run.pid(tasks[0]) == life.pid && run.end(tasks[0]) >= 0) {
            sb.append(", ran ").append(ms(run.end(tasks[0]) - run.start(tasks[0])));
        }
        return sb.toString();
    }

    private static String ms(long ns) {
        double ms = ns / 1e6;
        if (ms < 0.1 && ns > 0) {
            return String.format(java.util.Locale.ROOT, "%.3f ms", ms); // a 40 us target is not "0.0 ms"
        }
        return ms < 10 ? String.format(java.util.Locale.ROOT, "%.1f ms", ms)
                : String.format(java.util.Locale.ROOT, "%.0f ms", ms);
    }
}
