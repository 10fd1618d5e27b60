package dev.poolscope.sweep;

import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.WorkerRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code poolscope compare} prints: every run's lanes on one time scale (0 = each run's
 * start, so start-up shows too), the statistics side by side, and the differences in words.
 * In a lane, a task is its letter (A-Z, a-z, 0-9 by index; '!' when it failed), '.' is a ready
 * worker with nothing to do and ' ' a worker still starting.
 */
public final class CompareReport {
    static final int WIDTH = 72;
    private static final String SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private CompareReport() {}

    public static String render(String title, Comparison c) {
        StringBuilder sb = new StringBuilder();
        double span = Math.max(1, c.scaleEndMs());
        sb.append("Compare ").append(title).append('\n');
        sb.append(String.format(Locale.ROOT, "One time scale for every run: 0 = the run's start, %d columns = %s ms"
                + " (%s ms per column)%n", WIDTH, Format.ms(span), Format.ms(span / WIDTH)));
        String rule = "         +" + "-".repeat(WIDTH) + "+\n"; // its + above the lanes' |, in column 9
        for (int i = 0; i < c.traces().size(); i++) {
            RunTrace t = c.traces().get(i);
            sb.append('\n').append(c.labels().get(i)).append(": makespan ").append(Format.ms(t.makespanMs()))
                    .append(" ms\n").append(rule);
            for (int s = 0; s < t.slots(); s++) {
                sb.append(String.format(Locale.ROOT, "  W%-6d|", s)).append(lane(t, s, span)).append("|\n");
            }
            sb.append(rule);
        }
        sb.append("\n").append(ruler(span));
        sb.append("\nStatistics\n");
        int width = Math.max(18, c.labels().stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-32s", ""));
        c.labels().forEach(l -> head.append(String.format(Locale.ROOT, "%" + width + "s", l)));
        sb.append(head.toString().stripTrailing()).append('\n');
        for (Comparison.Row row : c.rows()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-32s", row.name()));
            row.values().forEach(v -> line.append(String.format(Locale.ROOT, "%" + width + "s", v)));
            sb.append(line).append('\n');
        }
        sb.append("\nDifferences\n");
        List<String> diffs = c.differences();
        diffs.forEach(d -> sb.append("  - ").append(d).append('\n'));
        return sb.toString();
    }

    private static String lane(RunTrace t, int slot, double span) {
        char[] row = new char[WIDTH];
        Arrays.fill(row, ' ');
        for (WorkerRecord w : t.workers()) {
            if (w.slot() == slot && w.readyMs() != null) {
                double end = w.exitMs() != null ? w.exitMs() : span;
                fill(row, column(w.readyMs(), span), column(end, span), '.');
            }
        }
        for (TaskRecord task : t.tasks()) {
            if (task.slot() == slot && task.startMs() != null) {
                double end = task.endMs() != null ? task.endMs() : span;
                int from = Math.min(column(task.startMs(), span), WIDTH - 1);
                boolean bad = task.status() != null && !"ok".equals(task.status()) && !"cancelled".equals(task.status());
                fill(row, from, Math.max(from + 1, column(end, span)), bad ? '!' : SYMBOLS.charAt(task.index() % SYMBOLS.length()));
            }
        }
        return new String(row);
    }

    private static String ruler(double span) {
        StringBuilder sb = new StringBuilder("          0");
        String end = Format.ms(span) + " ms";
        sb.append(" ".repeat(Math.max(1, WIDTH + 1 - end.length() - 1))).append(end).append('\n');
        return sb.toString();
    }

    private static void fill(char[] row, int from, int to, char c) {
        for (int i = Math.max(0, from); i < Math.min(WIDTH, to); i++) {
            row[i] = c;
        }
    }

    private static int column(double ms, double span) {
        return (int) Math.max(0, Math.min(WIDTH, Math.round(ms / span * WIDTH)));
    }
}
