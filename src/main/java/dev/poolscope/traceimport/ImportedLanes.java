package dev.poolscope.traceimport;

import dev.poolscope.engine.Lane;
import dev.poolscope.engine.Limits;
import dev.poolscope.trace.OsSample;
import dev.poolscope.trace.OutputRecord;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.Stats;
import dev.poolscope.trace.StatsCalculator;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.WorkerRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Another tool's lanes and bars, collected as read, then made into a {@link RunTrace} that every
 * view of PoolScope draws. A source lane whose bars overlap (nested B/E calls, a thread pool's
 * worker with several tasks at once) gets sub-rows: each bar goes on the first row free at its
 * start, and each row is a lane of its own, named after its source lane. Times are made relative
 * to the earliest one in the file.
 */
final class ImportedLanes {
    /** One bar as read: times in ms of the file's own clock. */
    record Bar(String name, String kind, double startMs, double endMs, String status, String detail) {}

    /** An instant event: a line on its lane, in time order with the rest. */
    record Instant(double atMs, String text) {}

    /** A source lane: its name, its PID when the file says it has one (else -1), its bars and instants. */
    static final class Source {
        final String name;
        long pid = -1;
        int sortIndex;
        /** A worker process of PoolScope's own run (its own export read back), not a lane of another tool. */
        boolean process;
        final List<Bar> bars = new ArrayList<>();
        final List<Instant> instants = new ArrayList<>();
        /** What the OS saw of the process (only our own export has it). */
        final List<OsSample> samples = new ArrayList<>();

        Source(String name) {
            this.name = name;
        }
    }

    private final String what;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private int bars;

    /** {@code what} names the format in messages: "Chrome trace", "Dask task stream". */
    ImportedLanes(String what) {
        this.what = what;
    }

    Source lane(String key, String name) {
        return sources.computeIfAbsent(key, k -> new Source(name));
    }

    void bar(Source s, Bar b) throws ImportException {
        if (++bars > Limits.MAX_TASKS) {
            throw new ImportException("more than " + Limits.MAX_TASKS + " bars; PoolScope opens at most that many"
                    + " (cut the " + what + " down to the part you want to see)");
        }
        s.bars.add(b);
    }

    /**
     * The trace; {@code keepOrigin}: the file's times are already the run's (PoolScope's own export),
     * else they are moved so the earliest is 0.
     */
    RunTrace build(String name, boolean keepOrigin) throws ImportException {
        List<Source> ordered = new ArrayList<>(sources.values());
        ordered.removeIf(s -> s.bars.isEmpty() && s.instants.isEmpty());
        ordered.sort(Comparator.comparingInt((Source s) -> s.sortIndex));
        if (ordered.stream().allMatch(s -> s.bars.isEmpty())) {
            throw new ImportException("no bars: the " + what + " has no complete events (X, or B with its E) to draw");
        }
        double origin = keepOrigin ? 0 : Double.MAX_VALUE;
        for (Source s : keepOrigin ? List.<Source>of() : ordered) {
            for (Bar b : s.bars) {
                origin = Math.min(origin, b.startMs());
            }
            for (Instant i : s.instants) {
                origin = Math.min(origin, i.atMs());
            }
        }
        List<WorkerRecord> workers = new ArrayList<>();
        List<TaskRecord> tasks = new ArrayList<>();
        List<OutputRecord> output = new ArrayList<>();
        for (Source s : ordered) {
            List<List<Bar>> rows = rows(s.bars);
            int first = workers.size();
            for (int r = 0; r < Math.max(1, rows.size()); r++) {
                int slot = workers.size();
                if (slot >= Limits.MAX_POOL) {
                    throw new ImportException("more than " + Limits.MAX_POOL + " lanes (counting the sub-rows of"
                            + " overlapping bars); PoolScope draws at most that many");
                }
                String laneName = rows.size() > 1 ? s.name + " \u00b7 row " + (r + 1) : s.name;
                List<Bar> row = r < rows.size() ? rows.get(r) : List.of();
                double spawn = row.isEmpty() ? 0 : round(row.get(0).startMs() - origin);
                workers.add(new WorkerRecord(slot, s.pid, 0, spawn, spawn, null, null, null, null, null, null, null, null,
                        r == 0 ? s.samples : List.of(), s.process ? Lane.PROCESS : Lane.imported(laneName)));
                for (Bar b : row) {
                    int index = tasks.size();
                    tasks.add(new TaskRecord(index, b.name(), b.kind(), index, slot, s.pid, round(b.startMs() - origin),
                            round(b.endMs() - origin), b.status(), "ok".equals(b.status()) ? b.detail() : null,
                            "ok".equals(b.status()) ? null : b.detail(), List.of(), false));
                }
            }
            for (Instant i : s.instants) {
                output.add(new OutputRecord(round(i.atMs() - origin), -1, first, s.pid, i.text()));
            }
        }
        output.sort(Comparator.comparingDouble(OutputRecord::atMs));
        double end = 0;
        for (TaskRecord t : tasks) {
            end = Math.max(end, t.endMs());
        }
        Stats stats = StatsCalculator.of(tasks, workers.size(), end);
        return new RunTrace(name, "apply_async", workers.size(), 1, null, false, true, stats.makespanMs(), workers, tasks,
                List.of(), output, stats);
    }

    /** Greedy interval partitioning: bars by start, each on the first row whose last bar has ended. */
    static List<List<Bar>> rows(List<Bar> bars) {
        List<Bar> sorted = new ArrayList<>(bars);
        sorted.sort(Comparator.comparingDouble(Bar::startMs).thenComparing(Comparator.comparingDouble(Bar::endMs).reversed()));
        List<List<Bar>> rows = new ArrayList<>();
        List<Double> rowEnds = new ArrayList<>();
        for (Bar b : sorted) {
            int row = -1;
            for (int r = 0; r < rows.size(); r++) {
                if (rowEnds.get(r) <= b.startMs()) {
                    row = r;
                    break;
                }
            }
            if (row < 0) {
                rows.add(new ArrayList<>());
                rowEnds.add(b.endMs());
                row = rows.size() - 1;
            }
            rows.get(row).add(b);
            rowEnds.set(row, b.endMs());
        }
        return rows;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000.0) / 1000.0;
    }
}
