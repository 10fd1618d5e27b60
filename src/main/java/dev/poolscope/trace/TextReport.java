package dev.poolscope.trace;

import dev.poolscope.engine.Limits;
import dev.poolscope.engine.RunEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What {@code poolscope run} prints: a plain-text report (UTF-8) that reads well in any terminal.
 * Sections: header, timeline (per slot: PIDs and tasks as "name [start-end ms]", then an
 * {@link AsciiChart}), results in delivery order, output, statistics, and the worker exits
 * that were not normal. Text from tasks keeps every script's letters but no control or
 * bidirectional characters ({@link TerminalText}), so a task cannot send escape sequences to the
 * terminal or reorder what a line says.
 */
public final class TextReport {
    private static final int LINE = 100;
    /** At most this many undelivered tasks that failed or never ran are listed in a finished run's results. */
    private static final int NOT_DELIVERED_SHOWN = 10;

    private TextReport() {}

    public static String render(RunTrace t) {
        StringBuilder sb = new StringBuilder();
        List<List<TaskRecord>> bySlot = bySlot(t);
        header(sb, t);
        sb.append("\nTimeline (one line per worker slot)\n");
        timeline(sb, t, bySlot);
        sb.append('\n');
        AsciiChart.render(sb, t, bySlot);
        sb.append("\nResults (delivery order)\n");
        results(sb, t);
        sb.append("\nOutput\n");
        output(sb, t);
        sb.append("\nStatistics\n");
        statistics(sb, t);
        sb.append("\nWorker exits (not normal)\n");
        exits(sb, t);
        return sb.toString();
    }

    private static void header(StringBuilder sb, RunTrace t) {
        sb.append("PoolScope run: ").append(TerminalText.safe(t.scenario() == null ? "(unnamed)" : t.scenario(), 80)).append('\n');
        sb.append("  mode ").append(TerminalText.safe(t.mode(), 20));
        if ("process".equals(t.mode())) {
            sb.append(", one process per task");
        } else {
            sb.append(", pool ").append(t.pool()).append(", chunksize ").append(t.chunksize())
                    .append(", maxtasksperchild ").append(t.maxTasksPerChild() == null ? "none" : t.maxTasksPerChild());
        }
        sb.append(", ").append(t.tasks().size()).append(" tasks\n");
        String state = !t.finished() ? "in progress" : t.stopped() ? "stopped before every task ran" : "finished";
        sb.append("  ").append(state).append("; times are ms since the run started\n");
    }

    private static void timeline(StringBuilder sb, RunTrace t, List<List<TaskRecord>> bySlot) {
        for (int s = 0; s < bySlot.size(); s++) {
            StringBuilder pids = new StringBuilder();
            for (WorkerRecord w : t.workers()) {
                if (w.slot() == s && w.pid() >= 0) {
                    pids.append(pids.length() == 0 ? "pid " : " -> ").append(w.pid());
                    if (w.lane().tid() != null) { // a thread of that process
                        pids.append(" thread tid ").append(w.lane().tid()).append(" (").append(TerminalText.safe(String.valueOf(w.lane().name()), 40)).append(")");
                    }
                }
            }
            sb.append("  slot ").append(s).append("  ").append(pids.length() == 0 ? "no process" : pids).append('\n');
            StringBuilder line = new StringBuilder("      ");
            for (TaskRecord task : bySlot.get(s)) {
                String end = task.endMs() != null ? Ms.text(task.endMs()) : "";
                String note = task.running() ? " running" : "ok".equals(task.status()) ? "" : " " + task.status();
                String entry = TerminalText.safe(task.name(), 40) + " [" + Ms.text(task.startMs()) + "-" + end + " ms" + note + "]";
                if (line.length() > 6 && line.length() + entry.length() + 2 > LINE) {
                    sb.append(line).append('\n');
                    line = new StringBuilder("      ");
                }
                line.append(line.length() > 6 ? "  " : "").append(entry);
            }
            sb.append(line.length() > 6 ? line : line.append("(no tasks)")).append('\n');
        }
    }

    private static void results(StringBuilder sb, RunTrace t) {
        int width = 4;
        for (TaskRecord task : t.tasks()) {
            width = Math.max(width, Math.min(24, TerminalText.safe(task.name(), 24).length()));
        }
        for (int index : t.deliveryOrder()) {
            resultRow(sb, t.tasks().get(index), width);
        }
        int left = t.tasks().size() - t.deliveryOrder().size();
        if (!t.finished()) {
            if (t.deliveryOrder().isEmpty()) {
                sb.append("  (none delivered yet)\n");
            } else if (left > 0) {
                sb.append("  (").append(left).append(" not delivered yet)\n");
            }
            return;
        }
        // A finished run: what the program never received, and why, beside each task that failed or never ran.
        if (t.tasks().isEmpty()) {
            sb.append("  (no tasks)\n");
            return;
        }
        if (left == 0) {
            return;
        }
        String ended = t.stopped() ? "before the run was stopped" : "to the program";
        if ("process".equals(t.mode()) && t.deliveryOrder().isEmpty()) {
            sb.append("  (none: a Process's target returns nothing to the program)\n");
        } else {
            sb.append(t.deliveryOrder().isEmpty() ? "  (none delivered " + ended + ")\n"
                    : "  (" + left + " not delivered " + ended + ")\n");
        }
        java.util.Set<Integer> delivered = new java.util.HashSet<>(t.deliveryOrder());
        int okNotDelivered = 0;
        int shown = 0;
        int notShown = 0;
        for (TaskRecord task : t.tasks()) {
            if (delivered.contains(task.index())) {
                continue;
            }
            if ("ok".equals(task.status())) {
                okNotDelivered++;
            } else if (shown < NOT_DELIVERED_SHOWN) {
                if (shown++ == 0) {
                    sb.append("  failed or never ran:\n");
                }
                resultRow(sb, task, width);
            } else {
                notShown++;
            }
        }
        if (notShown > 0) {
            sb.append("  (and ").append(notShown).append(" more that failed or never ran: see the trace)\n");
        }
        if (okNotDelivered > 0 && !"process".equals(t.mode())) {
            sb.append("  (").append(okNotDelivered).append(okNotDelivered == 1 ? " task" : " tasks")
                    .append(" finished ok, but the program never received ").append(okNotDelivered == 1 ? "its result" : "their results")
                    .append(")\n");
        }
    }

    private static void resultRow(StringBuilder sb, TaskRecord task, int width) {
        // A failure's own error; a task that never ran (or was cut short) says why in its own words.
        String outcome = task.error() != null ? ("failed".equals(task.status()) || "crashed".equals(task.status()) || "timeout".equals(task.status())
                ? "error: " : "") + TerminalText.safe(task.error(), 200)
                : task.result() != null ? TerminalText.safe(task.result(), 200) : "";
        sb.append(String.format(Locale.ROOT, "  %5d  %-" + width + "s  %-9s  %s", task.index(), TerminalText.safe(task.name(), 24),
                task.status() == null ? "?" : task.status(), outcome).stripTrailing()).append('\n');
    }

    private static void output(StringBuilder sb, RunTrace t) {
        RunEvent.OutputTruncated cut = outputLeftOut(t.events());
        boolean said = cut == null;
        java.util.Set<Long> initialized = new java.util.HashSet<>();
        for (WorkerRecord w : t.workers()) {
            if (w.initStartMs() != null) {
                initialized.add(w.pid());
            }
        }
        for (OutputRecord o : t.output()) {
            if (!said && o.atMs() > Ms.of(cut.at())) {
                sb.append("  ... ").append(leftOutText(cut)).append('\n');
                said = true;
            }
            // Outside any task: a Pool worker's initializer, or (a Process whose target raised) multiprocessing's own print.
            String who = o.slot() < 0 ? "main" // a Python program's main process (CPython engine)
                    : o.index() >= 0 && o.index() < t.tasks().size() ? t.tasks().get(o.index()).name()
                    : initialized.contains(o.pid()) ? "initializer" : "outside a task";
            sb.append("  [pid ").append(o.pid()).append("] ").append(TerminalText.safe(who, 40)).append(": ")
                    .append(TerminalText.safe(o.text(), 500)).append('\n');
        }
        if (!said) {
            sb.append("  ... ").append(leftOutText(cut)).append('\n');
        }
        if (t.output().isEmpty() && cut == null) {
            sb.append("  (none)\n");
        }
        for (TaskRecord task : t.tasks()) {
            if (task.outputTruncated()) {
                sb.append("  (some output of ").append(TerminalText.safe(task.name(), 40)).append(" was dropped: too many lines)\n");
            }
        }
    }

    /**
     * What a run left out of its printed lines (an OutputTruncated of the run, index and slot -1:
     * the CPython engine keeps a program's first and last lines), or null when it kept them all.
     */
    public static RunEvent.OutputTruncated outputLeftOut(List<RunEvent> events) {
        RunEvent.OutputTruncated cut = null;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.OutputTruncated o && o.index() < 0 && o.slot() < 0) {
                cut = cut == null ? o : new RunEvent.OutputTruncated(Math.min(cut.at(), o.at()), -1, -1, o.pid(),
                        cut.lines() + o.lines(), cut.bytes() + o.bytes());
            }
        }
        return cut;
    }

    /** "1,234 printed lines (5.2 MB) left out here: ...", for the report, the console and the window. */
    public static String leftOutText(RunEvent.OutputTruncated cut) {
        return String.format(Locale.ROOT, "%,d printed %s (%s) left out here: PoolScope keeps a run's first and last"
                        + " lines, %,d lines or %s in all; the program itself was not changed: it printed all of it and ran to its end",
                cut.lines(), cut.lines() == 1 ? "line" : "lines", size(cut.bytes()), Limits.MAX_RUN_OUTPUT_LINES,
                size(Limits.MAX_RUN_OUTPUT_CHARS));
    }

    private static String size(long bytes) {
        return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                : bytes >= 1000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3) : bytes + " bytes";
    }

    private static void statistics(StringBuilder sb, RunTrace t) {
        Stats s = t.stats();
        int slots = Math.max(1, t.slots());
        if (t.stopped() || !t.finished()) {
            // Not every task ran: the figures below cover what did, and nothing is rated.
            sb.append("  the run was ").append(t.stopped() ? "stopped" : "still going")
                    .append(" before every task ran: no concurrency, speedup or bound is rated\n");
            stat(sb, "makespan", Ms.text(s.makespanMs()) + " ms", "first task start to last task end, of the tasks that ran");
            stat(sb, "total busy", Ms.text(s.totalBusyMs()) + " ms", "sum of task times, of the tasks that ran");
            osStatistics(sb, s);
            return;
        }
        if ("process".equals(t.mode())) {
            ProcessFacts.render(sb, t);
            osStatistics(sb, s);
            return;
        }
        stat(sb, "makespan", Ms.text(s.makespanMs()) + " ms", "first task start to last task end");
        stat(sb, "total busy", Ms.text(s.totalBusyMs()) + " ms", "sum of task times");
        stat(sb, "concurrency", String.format(Locale.ROOT, "%.2f", s.concurrency()),
                "tasks running at once on average (total busy / makespan); not a speedup");
        if (s.cpuCores() != null) {
            stat(sb, "CPU use", String.format(Locale.ROOT, "%.2f cores", s.cpuCores()),
                    "CPU time of the workers within the makespan / makespan");
        }
        if (s.speedup() != null) {
            stat(sb, "speedup", String.format(Locale.ROOT, "%.2f", s.speedup()),
                    "baseline makespan " + Ms.text(s.baselineMakespanMs()) + " ms / this makespan");
            if (s.efficiency() != null) {
                stat(sb, "efficiency", percent(s.efficiency()), "speedup / workers");
            }
        } else {
            stat(sb, "speedup", "-", "not measured: it needs a baseline run (a sweep measures one: poolscope sweep)");
        }
        stat(sb, "lower bound", Ms.text(s.lowerBoundMs()) + " ms",
                "max(longest task " + Ms.text(s.longestTaskMs()) + " ms, total busy / " + slots + " slots)");
        StringBuilder line = new StringBuilder("  utilization  ");
        for (SlotStats slot : s.slots()) {
            String entry = "slot " + slot.slot() + " " + percent(slot.utilization());
            if (line.length() + entry.length() + 2 > LINE) {
                sb.append(line).append('\n');
                line = new StringBuilder("               ");
            }
            line.append(line.charAt(line.length() - 1) == ' ' ? "" : ", ").append(entry);
        }
        sb.append(line).append('\n');
        osStatistics(sb, s);
        double firstReady = Double.MAX_VALUE;
        double lastReady = -1;
        for (WorkerRecord w : t.workers()) {
            if (w.readyMs() != null && w.generation() == 0) {
                firstReady = Math.min(firstReady, w.readyMs());
                lastReady = Math.max(lastReady, w.readyMs());
            }
        }
        if (lastReady >= 0) {
            stat(sb, "start-up", Ms.text(firstReady) + "-" + Ms.text(lastReady) + " ms",
                    "first workers ready, after the run started (not part of the makespan)");
        }
    }

    /** The OS view's figures, when the run was sampled: CPU per slot (1 core = 100 %) and the machine. */
    private static void osStatistics(StringBuilder sb, Stats s) {
        if (s.slots().stream().anyMatch(slot -> slot.cpuUtilization() != null)) {
            StringBuilder line = new StringBuilder("  cpu          ");
            for (SlotStats slot : s.slots()) {
                String entry = "slot " + slot.slot() + " "
                        + (slot.cpuUtilization() == null ? "-" : percent(slot.cpuUtilization()));
                if (line.length() + entry.length() + 2 > LINE) {
                    sb.append(line).append('\n');
                    line = new StringBuilder("               ");
                }
                line.append(line.charAt(line.length() - 1) == ' ' ? "" : ", ").append(entry);
            }
            sb.append(line).append("   (CPU time / makespan, 100 % = one core)\n");
        }
        if (s.machineCpus() > 0) {
            stat(sb, "machine", s.machineCpus() + " CPUs", s.machineLoad1() >= 0
                    ? String.format(Locale.ROOT, "load %.2f (1-minute average at the end of the run)", s.machineLoad1())
                    : "load not known");
        }
    }

    private static void stat(StringBuilder sb, String name, String value, String meaning) {
        sb.append(String.format(Locale.ROOT, "  %-12s %12s   %s%n", name, value, meaning).replace("\r", ""));
    }

    private static void exits(StringBuilder sb, RunTrace t) {
        int count = 0;
        for (WorkerRecord w : t.workers()) {
            String who = "  slot " + w.slot() + " pid " + w.pid() + ": ";
            if (w.initError() != null) {
                sb.append(who).append("initializer failed: ").append(TerminalText.safe(w.initError(), 200)).append('\n');
                count++;
            }
            if (w.exit() != null && !"normal".equals(w.exit())) {
                sb.append(who).append(w.exit());
                if (w.exitCode() != null) {
                    sb.append(", exit code ").append(w.exitCode());
                }
                if (w.signal() != null) {
                    sb.append(", signal ").append(w.signal());
                }
                if (w.detail() != null) {
                    sb.append(" (").append(TerminalText.safe(w.detail(), 200)).append(')');
                }
                sb.append('\n');
                count++;
            }
        }
        if (count == 0) {
            sb.append("  (none)\n");
        }
    }

    /** The started tasks of each slot in start order; slots run from 0 to the highest one used. */
    private static List<List<TaskRecord>> bySlot(RunTrace t) {
        int slots = t.slots();
        for (TaskRecord task : t.tasks()) {
            slots = Math.max(slots, task.slot() + 1);
        }
        for (WorkerRecord w : t.workers()) {
            slots = Math.max(slots, w.slot() + 1);
        }
        List<List<TaskRecord>> bySlot = new ArrayList<>(slots);
        for (int s = 0; s < slots; s++) {
            bySlot.add(new ArrayList<>());
        }
        for (TaskRecord task : t.tasks()) {
            if (task.slot() >= 0 && task.startMs() != null) {
                bySlot.get(task.slot()).add(task);
            }
        }
        bySlot.forEach(list -> list.sort(Comparator.comparingDouble(TaskRecord::startMs)));
        return bySlot;
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }
}
