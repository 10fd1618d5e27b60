package dev.poolscope.trace;

import java.util.List;

/**
 * The report's bar chart: one row per slot, {@link #WIDTH} columns spanning the makespan from
 * the first task start. A task is drawn with its symbol (A-Z, a-z, 0-9 by index, repeating),
 * or '!' if it failed, crashed or timed out; '.' is idle. Every task gets at least one column,
 * so a very short task stays visible.
 */
final class AsciiChart {
    static final int WIDTH = 60;
    private static final String SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private AsciiChart() {}

    static char symbol(TaskRecord t) {
        if ("failed".equals(t.status()) || "crashed".equals(t.status()) || "timeout".equals(t.status())) {
            return '!';
        }
        return SYMBOLS.charAt(t.index() % SYMBOLS.length());
    }

    /** @param bySlot the started tasks of each slot, in start order */
    static void render(StringBuilder sb, RunTrace t, List<List<TaskRecord>> bySlot) {
        Double origin = null;
        for (List<TaskRecord> slot : bySlot) {
            for (TaskRecord task : slot) {
                origin = origin == null ? task.startMs() : Math.min(origin, task.startMs());
            }
        }
        if (origin == null) {
            sb.append(t.finished() ? "  (no task ran)\n" : "  (no task has started yet)\n");
            return;
        }
        double span = Math.max(t.makespanMs(), 0.001);
        sb.append("  0 = first task start (").append(Ms.text(origin)).append(" ms); ").append(WIDTH)
                .append(" columns = ").append(Ms.text(t.makespanMs())).append(" ms\n");
        String rule = "          +" + "-".repeat(WIDTH) + "+\n";
        sb.append(rule);
        for (int s = 0; s < bySlot.size(); s++) {
            char[] row = ".".repeat(WIDTH).toCharArray();
            for (TaskRecord task : bySlot.get(s)) {
                // A running task has no end yet: it reaches the chart's end ("now").
                double end = task.endMs() != null ? task.endMs() : origin + span;
                int from = column(task.startMs() - origin, span);
                int to = column(end - origin, span);
                from = Math.min(from, WIDTH - 1);
                to = Math.max(to, from + 1);
                for (int c = from; c < to && c < WIDTH; c++) {
                    row[c] = symbol(task);
                }
            }
            sb.append(String.format("  slot %-3d|", s)).append(row).append("|\n");
        }
        sb.append(rule);
        key(sb, t.tasks());
    }

    private static int column(double ms, double span) {
        return (int) Math.max(0, Math.min(WIDTH, Math.round(ms / span * WIDTH)));
    }

    private static void key(StringBuilder sb, List<TaskRecord> tasks) {
        StringBuilder line = new StringBuilder("  key:");
        int shown = Math.min(tasks.size(), SYMBOLS.length());
        for (int i = 0; i < shown; i++) {
            String entry = " " + SYMBOLS.charAt(i) + "=" + TerminalText.safe(tasks.get(i).name(), 20);
            if (line.length() + entry.length() > 100) {
                sb.append(line).append('\n');
                line = new StringBuilder("      ");
            }
            line.append(entry);
        }
        sb.append(line).append('\n');
        if (tasks.size() > SYMBOLS.length()) {
            sb.append("       (symbols repeat: task i is drawn with symbol i mod ").append(SYMBOLS.length()).append(")\n");
        }
        sb.append("       ! = failed, crashed or timed out; . = idle\n");
    }
}
