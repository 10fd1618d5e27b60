package dev.poolscope.ui.panels;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.Stats;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.ui.timeline.LiveRun;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The side panels under the timeline: queue, results (delivery order beside completion order),
 * console and statistics. Events are recorded as they are drained; the lists reach the screen
 * at most every {@link #LIST_EVERY_NS} and the statistics every {@link #STATS_EVERY_NS}, so the
 * panels cost the frame loop little however fast events come.
 */
public final class RunPanels extends HBox {
    static final long LIST_EVERY_NS = 250_000_000L;
    static final long STATS_EVERY_NS = 500_000_000L;
    private static final int QUEUE_SHOWN = 200;
    private final CappedList queue = new CappedList("Queue", "queueList", QUEUE_SHOWN + 1);
    private final CappedList delivered = new CappedList("Delivered", "deliveredList", 2000);
    private final CappedList completed = new CappedList("Completed", "completedList", 2000);
    private final CappedList console = new CappedList("Console", "consoleList", 3000);
    private final StatsPanel stats = new StatsPanel();
    private TraceBuilder trace;
    private LiveRun run;
    private long lastLists;
    private long lastStats;
    private Stats lastShown;
    private int queueCount;

    public RunPanels() {
        getStyleClass().add("run-panels");
        getStylesheets().add(RunPanels.class.getResource("/dev/poolscope/ui/panels/panels.css").toExternalForm());
        setSpacing(8);
        for (javafx.scene.layout.Region r : List.of(queue, delivered, completed, console, stats)) {
            HBox.setHgrow(r, Priority.ALWAYS);
            r.setPrefWidth(200);
            r.setMinWidth(120);
        }
        queue.autoScroll = false;
        console.setPrefWidth(320);
        stats.setPrefWidth(300);
        stats.setMinWidth(240);
        getChildren().addAll(queue, delivered, completed, console, stats);
    }

    /** Starts showing a new run (or nothing, when run is null). */
    public void reset(LiveRun run, String scenarioName, RunConfig config) {
        this.run = run;
        this.trace = run == null ? null : new TraceBuilder(scenarioName, config);
        queue.clear();
        delivered.clear();
        completed.clear();
        console.clear();
        stats.clear();
        lastShown = null;
        lastLists = 0;
        lastStats = 0;
        if (run != null) {
            refreshQueue();
            queue.flush();
            queue.setTotal(queueCount);
        }
    }

    /** Records one event (called from the frame loop, in order). */
    public void accept(RunEvent e) {
        if (trace == null) {
            return;
        }
        trace.accept(e);
        if (e instanceof RunEvent.ResultDelivered d) {
            delivered.add(line(d.index(), d.status(), d.status() == TaskStatus.OK ? d.result() : d.error()));
        } else if (e instanceof RunEvent.TaskFinished f) {
            completed.add(line(f.index(), f.status(), f.status() == TaskStatus.OK ? f.result() : f.error())
                    + (f.pid() > 0 ? "  (PID " + f.pid() + ")" : ""));
        } else if (e instanceof RunEvent.OutputLine o) {
            console.add("[" + o.pid() + "] " + o.text());
        } else if (e instanceof RunEvent.OutputTruncated o) {
            console.add("[" + o.pid() + "] \u2026 " + o.lines() + " more lines not kept");
        } else if (e instanceof RunEvent.WorkerExited x && x.kind() == dev.poolscope.engine.ExitKind.CRASHED) {
            console.add("\u2716 worker W" + x.slot() + " PID " + x.pid() + " " + x.detail());
        }
    }

    private String line(int index, TaskStatus status, String value) {
        String name = run == null ? String.valueOf(index) : run.name(index);
        String mark = status == TaskStatus.OK ? "" : "\u2716 " + status.id() + ": ";
        return "#" + index + " " + name + " \u2192 " + mark + (value == null ? "done" : value);
    }

    /** Puts what was recorded on screen when it is time (or now, with {@code force}). */
    public void flush(long frameNanos, long runNowNs, boolean force) {
        if (trace == null) {
            return;
        }
        if (force || frameNanos - lastLists >= LIST_EVERY_NS) {
            lastLists = frameNanos;
            refreshQueue();
            queue.flush();
            queue.setTotal(queueCount);
            delivered.flush();
            completed.flush();
            console.flush();
            if (!force) {
                return;
            }
        }
        // Never in the same frame as the lists (unless forced): each is the frame's big cost.
        if (force || frameNanos - lastStats >= STATS_EVERY_NS) {
            lastStats = frameNanos;
            RunTrace t = trace.snapshot(runNowNs);
            if (!t.stats().equals(lastShown)) {
                lastShown = t.stats();
                stats.show(t.stats());
            }
        }
    }

    private void refreshQueue() {
        List<String> waiting = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < run.taskCount(); i++) {
            if (run.start(i) < 0 && run.status(i) == null) {
                if (count < QUEUE_SHOWN) {
                    waiting.add("#" + i + " " + run.name(i));
                }
                count++;
            }
        }
        if (count > QUEUE_SHOWN) {
            waiting.add("\u2026 and " + (count - QUEUE_SHOWN) + " more");
        }
        queue.clear();
        waiting.forEach(queue::add);
        queueCount = count;
    }

    /** The latest statistics shown (null before the first), for tests and export. */
    public Stats shownStats() {
        return lastShown;
    }

    public List<String> deliveredLines() {
        return List.copyOf(delivered.items());
    }
}
