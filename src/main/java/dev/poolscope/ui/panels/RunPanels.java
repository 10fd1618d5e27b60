package dev.poolscope.ui.panels;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.Stats;
import dev.poolscope.ui.timeline.TimelineModel;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.scene.control.SplitPane;

/**
 * The side panels under the timeline: queue, results (delivery order beside completion order),
 * console and statistics. Events are recorded as they are drained (cheap: a line into a capped
 * deque); the lists reach the screen at most every {@link #LIST_EVERY_NS}; the statistics are
 * computed on their own thread ({@link LiveStats}) and shown when a new snapshot is ready, never
 * in the same frame as the lists. So the panels cost the frame loop little however fast events
 * come, and a flood of output keeps at most {@link #CONSOLE_CAP} lines.
 */
public final class RunPanels extends SplitPane {
    static final long LIST_EVERY_NS = 250_000_000L;
    /**
     * A list that got more than {@link #FAST_LINES} lines since its last refresh waits this long
     * for the next: at hundreds of lines a second nobody reads the lines, and each refresh
     * re-lays out the visible rows (3-8 ms of a frame in a 10,000-task run, so with three lists
     * and the statistics, refreshes once a second each were 1 frame in 12).
     */
    static final long FAST_LIST_EVERY_NS = 2_000_000_000L;
    static final int FAST_LINES = 50;
    /** Lines the console keeps (the newest); a truncation marker says when output was cut. */
    public static final int CONSOLE_CAP = 2000;
    private static final int RESULTS_CAP = 2000;
    private static final int QUEUE_SHOWN = 200;
    private final CappedList queue = new CappedList("Queue", "queueList", QUEUE_SHOWN + 1, "tasks");
    private final CappedList delivered = new CappedList("Delivered", "deliveredList", RESULTS_CAP, "results");
    private final CappedList completed = new CappedList("Completed", "completedList", RESULTS_CAP, "results");
    private final CappedList console = new CappedList("Console", "consoleList", CONSOLE_CAP, "lines");
    private final StatsPanel stats = new StatsPanel();
    private LiveStats live;
    private TimelineModel run;
    /** When each list (queue, delivered, completed, console) was last put on screen. */
    private final long[] lastFlush = new long[4];
    /** How long each list waits after its last refresh (see {@link #FAST_LIST_EVERY_NS}). */
    private final long[] wait = new long[4];
    private final int[] countAtFlush = new int[4];
    private final CappedList[] lists;
    private long lastAnyFlush;
    private Stats lastShown;
    private int queueCount;
    private int queueStamp = -1;

    private final javafx.beans.property.BooleanProperty dark = new javafx.beans.property.SimpleBooleanProperty();
    private final PanelSplit split;

    public RunPanels() {
        getStyleClass().add("run-panels");
        getStylesheets().add(RunPanels.class.getResource("/dev/poolscope/ui/panels/panels.css").toExternalForm());
        // Panels side by side with dividers the user moves (remembered, see PanelSplit). The queue's
        // rows are narrow ("#3 D"), its title is not ("Queue (10000)"): the title sets its least width.
        queue.setListPrefWidth(84);
        queue.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // A result row's "#3 …" and its PID never give way (see CappedList): the results lists keep
        // that much room when the row is short of it; the console gives way first.
        for (CappedList l : List.of(delivered, completed)) {
            l.getStyleClass().add("results-list");
        }
        console.setMinWidth(80);
        // Printed lines whole: rows wrap (as tall as their text), lines kept up to 4,000 characters.
        console.useWrappedRows(v -> new ConsoleLines.Cell(v, this::laneOfPid, dark), 4000);
        console.orderBy(ConsoleLines::writtenAt);
        stats.setMinWidth(150);
        split = new PanelSplit(this, List.of(queue, delivered, completed, console, stats), console, stats);
        lists = new CappedList[] {queue, delivered, completed, console};
    }

    /** Where the dividers are remembered (the window's preferences; tests give a throwaway node). */
    public void remember(java.util.prefs.Preferences prefs) {
        split.remember(prefs);
    }

    /** The lane a PID's lines belong to: the lane it is drawn on now, or -1. */
    private int laneOfPid(long pid) {
        TimelineModel r = run;
        if (r != null) {
            for (int i = 0; i < r.laneCount(); i++) {
                if (r.lane(i).pid() == pid) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** "pool" (queue, results, console, statistics) or "process" (console first, for Process programs). */
    public String layoutName() {
        return split.layoutName();
    }

    public javafx.beans.property.ReadOnlyStringProperty layoutProperty() {
        return split.layoutProperty();
    }

    /**
     * Starts showing a new run (or nothing, when run is null). {@code runNowNs} is the run's
     * clock (ns since it started); the statistics thread reads it.
     */
    public void reset(TimelineModel run, String scenarioName, RunConfig config, LongSupplier runNowNs) {
        if (live != null) {
            live.close();
        }
        this.run = run;
        this.live = run == null ? null : new LiveStats(scenarioName, config, runNowNs);
        queue.clear();
        delivered.clear();
        completed.clear();
        console.clear();
        stats.clear();
        lastShown = null;
        java.util.Arrays.fill(lastFlush, Long.MIN_VALUE / 2);
        java.util.Arrays.fill(wait, LIST_EVERY_NS);
        java.util.Arrays.fill(countAtFlush, 0);
        lastAnyFlush = Long.MIN_VALUE / 2;
        queueStamp = -1;
        // A Python program is shown as a Process program (the console and the lanes are the
        // picture) until it starts Pool tasks; a scenario's run is a pool's.
        split.use(run != null && run.laneOffset() == 1 ? PanelSplit.PROCESS : PanelSplit.POOL);
        if (run != null) {
            refreshQueue();
        }
    }

    /** Records one event (called from the frame loop, in order). */
    public void accept(RunEvent e) {
        if (live == null) {
            return;
        }
        live.offer(e);
        if (run.laneOffset() == 1 && PanelSplit.PROCESS.equals(split.layoutName()) && looksLikeAPool(e)) {
            split.use(PanelSplit.POOL); // a Pool's tasks: the queue and the results matter again
        }
        if (e instanceof RunEvent.ResultDelivered d) {
            delivered.add(line(d.index(), d.status(), d.status() == TaskStatus.OK ? d.result() : d.error(),
                    run.pid(d.index())));
        } else if (e instanceof RunEvent.TaskFinished f) {
            completed.add(line(f.index(), f.status(), f.status() == TaskStatus.OK ? f.result() : f.error(), f.pid()));
            if (f.status() == TaskStatus.TIMEOUT) {
                console.add("\u25F7 task " + run.name(f.index()) + " " + f.error());
            }
        } else if (e instanceof RunEvent.OutputLine o) {
            console.add(ConsoleLines.encode(o.at(), o.pid(), o.text()));
        } else if (e instanceof RunEvent.OutputTruncated o) {
            console.add(truncationMarker(o));
        } else if (e instanceof RunEvent.RunNotice n) {
            console.add("\u26A0 " + n.text()); // the CPython engine's plain words, e.g. a Pool waiting forever
        } else if (e instanceof RunEvent.WorkerExited x && x.kind() == ExitKind.CRASHED) {
            console.add("\u2716 worker W" + x.slot() + " PID " + x.pid() + " " + x.detail());
        }
    }

    /**
     * Whether a program's event shows a Pool at work: a result delivered to the caller, or a
     * process running a second task (a Process runs one target; a Pool's worker takes many).
     */
    private boolean looksLikeAPool(RunEvent e) {
        if (e instanceof RunEvent.ResultDelivered) {
            return true;
        }
        if (e instanceof RunEvent.TaskStarted s && s.slot() >= 0 && s.slot() + 1 < run.laneCount()) {
            return run.lane(s.slot() + 1).taskIndexes().length > 1;
        }
        return false;
    }

    /** "… task A: 48,000 lines (48,000,000 bytes) not shown". */
    String truncationMarker(RunEvent.OutputTruncated o) {
        String who = o.index() < 0 ? "initializer of PID " + o.pid() : "task " + run.name(o.index());
        return String.format("\u2026 %s: %,d lines (%,d bytes) not shown", who, o.lines(), o.bytes());
    }

    /**
     * "#1 B" and "= 4  pid 1234" (or "✖ crashed  pid 1234"), split by a tab: the list shows the
     * second part whole and shortens the first if the panel is narrow.
     */
    private String line(int index, TaskStatus status, String value, long pid) {
        String name = run == null ? String.valueOf(index) : run.name(index);
        StringBuilder sb = new StringBuilder(32).append('#').append(index).append(' ').append(name).append('\t');
        switch (status) {
            case OK -> sb.append(value == null ? "done" : "= " + shorten(value, 16));
            case CRASHED -> sb.append("\u2716 crash");
            case FAILED -> sb.append("\u26A0 failed");
            case TIMEOUT -> sb.append("\u25F7 timeout");
            case CANCELLED -> sb.append("\u25A0 cancelled");
        }
        if (pid > 0) {
            sb.append("  pid ").append(pid);
        }
        return sb.toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /**
     * Puts what was recorded on screen (everything now, with {@code force}). At most one list is
     * refreshed per {@link #LIST_EVERY_NS}/4: one that changed and was last refreshed
     * {@link #LIST_EVERY_NS} ago or more (the one waiting longest); a list that is flooded with
     * lines waits {@link #FAST_LIST_EVERY_NS}. So a change shows at once when events are few,
     * and under load the refreshes are few and spread out, never two in one frame. The statistics appear in a frame that
     * refreshes no list.
     */
    public void flush(long frameNanos, boolean force) {
        if (live == null) {
            return;
        }
        if (force) {
            RunTrace t = live.finish();
            Stats s = t != null ? t.stats() : live.latest();
            if (s != null) {
                lastShown = s;
                stats.show(s);
            }
            stats.showProcesses(processFacts());
            refreshQueue();
            for (CappedList l : lists) {
                l.flush();
            }
            return;
        }
        int oldest = -1;
        for (int i = 0; i < 4 && frameNanos - lastAnyFlush >= LIST_EVERY_NS / 4; i++) {
            boolean changed = i == 0 ? queueStamp != queueStampNow() : lists[i].hasChanges();
            if (changed && frameNanos - lastFlush[i] >= wait[i]
                    && (oldest < 0 || lastFlush[i] < lastFlush[oldest])) {
                oldest = i;
            }
        }
        if (oldest >= 0) {
            lastFlush[oldest] = frameNanos;
            lastAnyFlush = frameNanos;
            int count = oldest == 0 ? queueStampNow() : lists[oldest].added();
            wait[oldest] = count - countAtFlush[oldest] > FAST_LINES ? FAST_LIST_EVERY_NS : LIST_EVERY_NS;
            countAtFlush[oldest] = count;
            if (oldest == 0) {
                refreshQueue();
            } else {
                lists[oldest].flush();
            }
            return;
        }
        Stats s = live.latest();
        if (s != null && s != lastShown) {
            lastShown = s;
            stats.show(s);
            stats.showProcesses(processFacts());
        }
    }

    /**
     * A Process program's facts for the statistics panel (issue 21: per-process facts, not a
     * pool's statistics): one line per process that has ended, "W0 PID 4822: exit 0 · lived
     * 6.4 ms, ran 0.084 ms"; empty for a pool's run (or a program that started a Pool).
     */
    java.util.List<String> processFacts() {
        if (!showsAProcessProgram()) {
            return java.util.List.of();
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i < run.laneCount(); i++) {
            TimelineModel.Lane lane = run.lane(i);
            for (TimelineModel.Life life : lane.lives()) {
                String words = dev.poolscope.ui.timeline.LifeWords.of(run, lane, life);
                out.add("W" + (i - 1) + " PID " + life.pid() + ": " + (words == null ? "running" : words));
            }
        }
        if (!out.isEmpty()) {
            out.add(0, out.size() + (out.size() == 1 ? " process" : " processes") + " started by the program:");
        }
        return out;
    }

    /** Whether the run is a program of plain Processes (no Pool seen): its facts are its processes', not a pool's. */
    public boolean showsAProcessProgram() {
        return run != null && run.laneOffset() == 1 && PanelSplit.PROCESS.equals(split.layoutName());
    }

    /** The statistics panel's per-process lines as shown (empty for a pool's run), for tests. */
    public java.util.List<String> processLines() {
        return stats.processLines();
    }

    private int queueStampNow() {
        return run.startedCount() + run.finishedCount();
    }

    private void refreshQueue() {
        int stamp = queueStampNow();
        if (stamp == queueStamp) {
            return;
        }
        queueStamp = stamp;
        queue.clear();
        int count = 0;
        for (int i = 0; i < run.taskCount(); i++) {
            if (run.start(i) < 0 && run.status(i) == null) {
                if (count < QUEUE_SHOWN) {
                    queue.add("#" + i + " " + run.name(i));
                }
                count++;
            }
        }
        if (count > QUEUE_SHOWN) {
            queue.add("\u2026 and " + (count - QUEUE_SHOWN) + " more");
        }
        queue.flush();
        queueCount = count;
        queue.setTotal(queueCount);
    }

    /** Theme and text scale for what is drawn rather than styled. */
    public void setLook(boolean dark, double scale) {
        this.dark.set(dark);
        stats.setLook(dark, scale);
        console.view().refresh();
    }

    /**
     * The finished run's trace as the panels recorded it: every event the window showed, the OS
     * samples included (Save Trace uses it). Null before the run has finished.
     */
    public RunTrace finishedTrace() {
        return live == null ? null : live.finishedTrace();
    }

    /** The latest statistics shown (null before the first), for tests and export. */
    public Stats shownStats() {
        return lastShown;
    }

    /** The Delivered list as shown ("#1 B  = 4  pid 1234"), for tests. */
    public List<String> deliveredLines() {
        return delivered.items().stream().map(l -> l.replace("\t", "  ")).toList();
    }

    /** The Completed list as shown, for tests. */
    public List<String> completedLines() {
        return completed.items().stream().map(l -> l.replace("\t", "  ")).toList();
    }

    /** The console as shown ("576.8 ms  [4278]  ID of main process: 4278"), for tests. */
    public List<String> consoleLines() {
        return console.items().stream().map(ConsoleLines::readable).toList();
    }
}
