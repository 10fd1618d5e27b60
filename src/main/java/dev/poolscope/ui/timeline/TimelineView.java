package dev.poolscope.ui.timeline;

import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import java.util.Locale;
import java.util.function.BiPredicate;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;

/**
 * The live timeline: canvas tiles that fill this pane ({@link TimelineTiles}), plus a hover
 * label and a context menu.
 * It never redraws on its own: the frame timer calls {@link #render} once per frame, and only
 * when something changed ({@link #markDirty}) or a task is running.
 */
public final class TimelineView extends Pane {
    private final Pane layer = new Pane();
    private final TimelineTiles tiles = new TimelineTiles(layer);
    private final Label tip = new Label();
    private final ContextMenu menu = new ContextMenu();
    private final TimelineGeometry geo = new TimelineGeometry();
    private final TimelineRenderer renderer = new TimelineRenderer();
    private TimelineModel run;
    private boolean dirty = true;
    private double textScale = 1;
    private double dragX = Double.NaN;
    private double mouseX = -1;
    private double mouseY = -1;
    private long lastNow;
    private BiPredicate<Integer, Long> killer = (slot, pid) -> false;
    /** A saved run's whole span, shown whatever moment of it is drawn ({@link #showWhole}); null for a live run. */
    private Whole whole;
    private java.util.function.Consumer<TimelineModel.Mark> markClicked = m -> { };
    private java.util.function.IntConsumer taskClicked = t -> { };

    /** A click on a call's or printed line's label or tick (the lesson view lights its line). */
    public void setOnMarkClicked(java.util.function.Consumer<TimelineModel.Mark> c) {
        markClicked = c;
    }

    /** A click on a task's bar. */
    public void setOnTaskClicked(java.util.function.IntConsumer c) {
        taskClicked = c;
    }

    /** Lights these marks (their ticks and labels); an empty set puts them out. */
    public void highlight(java.util.Collection<TimelineModel.Mark> marks) {
        renderer.painter().highlight(marks);
        renderer.repaintAll();
        dirty = true;
    }

    /** The mark whose label or tick is under a point (a group's first), or null. */
    public TimelineModel.Mark markAt(double x, double y) {
        int lane = geo.laneAt(y);
        if (run == null || lane < 0 || x < geo.headerWidth()) {
            return null;
        }
        java.util.List<TimelineModel.Mark> marks = MarkPainter.labelledMarks(run, run.lane(lane));
        for (CallLabels.Placed p : callLabels(lane)) {
            if (p.contains(x, y)) {
                return marks.get(p.first());
            }
        }
        for (TimelineModel.Mark m : marks) {
            if (Math.abs(geo.xOf(m.at()) - x) <= 3) {
                return m;
            }
        }
        return null;
    }

    public TimelineView() {
        getStyleClass().add("timeline");
        setId("timeline");
        setMinSize(200, 120);
        layer.setManaged(false);
        layer.setMouseTransparent(true);
        widthProperty().addListener((o, a, b) -> dirty = true);
        heightProperty().addListener((o, a, b) -> dirty = true);
        tip.getStyleClass().add("timeline-tip");
        tip.setId("timelineTip");
        tip.setManaged(false);
        tip.setVisible(false);
        tip.setMouseTransparent(true);
        getChildren().addAll(layer, tip);
        wireMouse();
    }

    /** Called with a slot and the PID the menu showed when the user picks "Kill worker"; returns whether it was killed. */
    public void setKiller(BiPredicate<Integer, Long> killer) {
        this.killer = killer;
    }

    public void setRun(TimelineModel run) {
        this.run = run;
        if (whole != null && whole.model() != run) {
            whole = null; // another run (a live one, or another moment's model) is drawn
        }
        geo.setLanes(run == null ? 1 : run.laneCount());
        geo.resetFollow(0);
        tip.setVisible(false);
        dirty = true;
    }

    public TimelineModel run() {
        return run;
    }

    public TimelineGeometry geometry() {
        return geo;
    }

    /** What draws the view (for tests: the painter's bar geometry). */
    TimelineRenderer renderer() {
        return renderer;
    }

    public void setStyle(Palette palette, double textScale) {
        this.textScale = textScale;
        renderer.setStyle(palette, textScale);
        dirty = true;
    }

    /** The colours the view draws with (what an export in "the current theme" uses). */
    public Palette palette() {
        return renderer.palette();
    }

    /** The text scale (larger in presenter mode). */
    public double textScale() {
        return textScale;
    }

    public void markDirty() {
        dirty = true;
    }

    /** What {@link #showWhole} holds: the span of the run {@code model} is a moment of. */
    private record Whole(TimelineModel model, double fromNs, double toNs) {}

    /**
     * Shows the span [{@code fromNs}, {@code toNs}] of a run whose end is known (a saved trace),
     * fitted to the plot's width whenever it is drawn, for as long as {@code model} is the run
     * drawn and the user has not zoomed or panned; Fit comes back to it. A replay at any moment
     * is drawn on the axis of the whole run, so its first frame is not a live run's first second
     * (or, before the window is laid out, a scale computed for a plot 1 px wide).
     */
    public void showWhole(TimelineModel model, double fromNs, double toNs) {
        whole = new Whole(model, fromNs, Math.max(fromNs, toNs));
        geo.resetFollow(fromNs, toNs);
        dirty = true;
    }

    /** Whether the view holds a saved run's whole span ({@link #showWhole}) for the run it draws. */
    private boolean showsWhole() {
        return whole != null && run != null && whole.model() == run;
    }

    /** Fits the whole run and follows it again. */
    public void fit() {
        if (showsWhole()) {
            geo.resetFollow(whole.fromNs(), whole.toNs());
        } else if (run != null && run.isFinished()) {
            geo.resetFollow(firstActivity(run), lastNow);
        } else {
            geo.resetFollow(lastNow);
        }
        dirty = true;
    }

    /**
     * Where a finished run's picture begins: for a Python program, when the first task started or
     * the first mark was made (its interpreter's start-up, 100-250 ms, is not what the lesson is
     * about); 0 for a pool of PoolScope's workers, whose start-up is part of the picture.
     */
    public static double firstActivity(TimelineModel run) {
        if (run.laneOffset() == 0) {
            return 0;
        }
        double first = Double.POSITIVE_INFINITY;
        for (int i = 0; i < run.taskCount(); i++) {
            if (run.start(i) >= 0) {
                first = Math.min(first, run.start(i));
            }
        }
        for (int l = 0; l < run.laneCount(); l++) {
            for (TimelineModel.Mark m : run.lane(l).marks()) {
                first = Math.min(first, m.at());
            }
        }
        return first == Double.POSITIVE_INFINITY ? 0 : first;
    }

    /** Draws a frame if needed; returns whether it drew. */
    public boolean render(long nowNs, boolean running) {
        if (!dirty && !running) {
            return false;
        }
        lastNow = nowNs;
        if (run != null && run.laneCount() != geo.lanes() && run.laneCount() > 0) {
            geo.setLanes(run.laneCount()); // a Python program's lanes come as it starts processes
        }
        geo.resize(Math.ceil(getWidth()), Math.ceil(getHeight()), textScale);
        tiles.fit(geo.width(), geo.height(), geo.headerWidth());
        if (showsWhole() && !geo.userControlled()) {
            geo.fitActivity(whole.fromNs(), whole.toNs());
        } else if (run != null && run.isFinished() && !geo.userControlled()) {
            geo.fitActivity(firstActivity(run), nowNs);
        } else {
            geo.follow(nowNs);
        }
        renderer.draw(tiles, geo, run, nowNs);
        if (tip.isVisible()) {
            updateTip();
        }
        dirty = false;
        return true;
    }

    /** The middle of a lane's plot area, in this pane's coordinates (for tests and tools). */
    public Point2D laneCenter(int lane) {
        return new Point2D(geo.headerWidth() + geo.plotWidth() / 2, geo.laneTop(lane) + geo.laneHeight() / 2);
    }

    private void wireMouse() {
        setOnScroll((ScrollEvent e) -> {
            if (e.getDeltaY() != 0) {
                geo.zoomAt(Math.max(e.getX(), geo.headerWidth()), e.getDeltaY() > 0 ? 1.25 : 0.8);
                dirty = true;
            }
            e.consume();
        });
        setOnMousePressed(e -> {
            menu.hide();
            if (e.getButton() == MouseButton.PRIMARY) {
                dragX = e.getX();
            } else if (e.getButton() == MouseButton.SECONDARY) {
                // Not every platform marks the press as a popup trigger; show the menu here too.
                showMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        setOnMouseDragged(e -> {
            if (!Double.isNaN(dragX)) {
                geo.panBy(e.getX() - dragX);
                dragX = e.getX();
                dirty = true;
            }
        });
        setOnMouseReleased(e -> dragX = Double.NaN);
        setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || run == null) {
                return;
            }
            TimelineModel.Mark m = markAt(e.getX(), e.getY());
            if (m != null) {
                markClicked.accept(m);
            } else {
                int t = taskAt(e.getX(), e.getY());
                if (t >= 0) {
                    taskClicked.accept(t);
                }
            }
        });
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> tip.setVisible(false));
        setOnContextMenuRequested(e -> {
            if (!menu.isShowing()) {
                showMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }

    private void showMenu(double x, double y, double screenX, double screenY) {
        int lane = geo.laneAt(y);
        if (run == null || lane < 0) {
            return;
        }
        TimelineModel.Lane l = run.lane(lane);
        boolean alive = !run.isFinished() && (l.state() == WorkerState.BUSY || l.state() == WorkerState.IDLE);
        MenuItem kill = new MenuItem("Kill worker W" + lane + " (PID " + l.pid() + ")");
        kill.setId("killWorker");
        kill.setDisable(!alive);
        long pid = l.pid();
        kill.setOnAction(a -> killer.test(lane, pid));
        menu.getItems().setAll(kill);
        menu.show(this, screenX, screenY);
    }

    private void hover(MouseEvent e) {
        mouseX = e.getX();
        mouseY = e.getY();
        updateTip();
    }

    /** A lane's call and printed-line labels as drawn now (lane 0 of a program is its main process). */
    public java.util.List<CallLabels.Placed> callLabels(int lane) {
        if (run == null || lane < 0 || lane >= run.laneCount()) {
            return java.util.List.of();
        }
        return renderer.painter().callLabels(geo, run, MarkPainter.labelledMarks(run, run.lane(lane)), lane, lastNow);
    }

    /** The words of the label or tick under a point: a group's every mark with its time. */
    public String markWordsAt(double x, double y) {
        int lane = geo.laneAt(y);
        if (run == null || lane < 0 || x < geo.headerWidth()) {
            return null;
        }
        java.util.List<TimelineModel.Mark> marks = MarkPainter.labelledMarks(run, run.lane(lane));
        for (CallLabels.Placed p : callLabels(lane)) {
            if (p.contains(x, y)) {
                return CallLabels.words(marks, p);
            }
        }
        StringBuilder near = new StringBuilder();
        for (TimelineModel.Mark m : marks) {
            if (Math.abs(geo.xOf(m.at()) - x) <= 3) {
                near.append(near.length() == 0 ? "" : "\n").append(ms(m.at())).append("  ")
                        .append(m.kind() == TimelineModel.Mark.Kind.OUTPUT ? "printed: " : "").append(m.text());
            }
        }
        return near.length() == 0 ? null : near.toString();
    }

    private void updateTip() {
        int task = taskAt(mouseX, mouseY);
        String os = OsStripPainter.hoverText(run, geo, mouseX, mouseY);
        String marks = markWordsAt(mouseX, mouseY);
        if (task < 0 && os == null && marks == null) {
            tip.setVisible(false);
            return;
        }
        String text = marks != null ? marks : task < 0 ? os : os == null ? describe(task) : describe(task) + "\n" + os;
        tip.setText(text);
        tip.autosize();
        double x = Math.min(mouseX + 14, getWidth() - tip.getWidth() - 4);
        double y = mouseY + 18 + tip.getHeight() > getHeight() ? mouseY - tip.getHeight() - 8 : mouseY + 18;
        tip.relocate(Math.max(0, x), Math.max(0, y));
        tip.setVisible(true);
    }

    /** The task whose bar is under a point, or -1. */
    public int taskAt(double x, double y) {
        int lane = geo.laneAt(y);
        if (run == null || lane < 0 || x < geo.headerWidth()) {
            return -1;
        }
        TimelineModel.IntList tasks = run.lane(lane).tasks;
        double ns = geo.nsAt(x);
        double slack = 2 * geo.nsPerPx();
        int i = TimelinePainter.firstVisible(run, tasks, ns + slack);
        TimelinePainter painter = renderer.painter();
        for (int k = Math.max(0, i - 1); k <= Math.min(tasks.size() - 1, i + 1); k++) {
            int t = tasks.get(k);
            long end = run.end(t) < 0 ? lastNow : run.end(t);
            // Where the bar is drawn to (a short one is drawn wider than it lasted).
            double x0 = Math.floor(geo.xOf(run.start(t)));
            double drawnEnd = geo.nsAt(painter.drawnEnd(geo, run, tasks, k, x0, Math.floor(geo.xOf(end))));
            if (run.start(t) - slack <= ns && ns <= Math.max(end, drawnEnd) + slack) {
                return t;
            }
        }
        return -1;
    }

    private String describe(int t) {
        TaskStatus st = run.status(t);
        long end = run.end(t);
        StringBuilder sb = new StringBuilder();
        sb.append("Task ").append(run.name(t)).append("  (#").append(t).append(')');
        // What the lane is: an imported lane has no PID to show; a Dask worker has its address.
        int laneIndex = run.slot(t) + run.laneOffset();
        dev.poolscope.engine.Lane what = laneIndex >= 0 && laneIndex < run.laneCount() ? run.lane(laneIndex).what() : null;
        if (what != null && what.kind() == dev.poolscope.engine.Lane.Kind.LANE) {
            sb.append("\n").append(run.pid(t) >= 0 ? "PID " + run.pid(t) + "  \u00b7  " : "").append("lane ").append(what.name());
        } else {
            sb.append("\nPID ").append(run.pid(t)).append("  \u00b7  worker W").append(run.slot(t));
            if (what != null && what.kind() == dev.poolscope.engine.Lane.Kind.WORKER && what.name() != null) {
                sb.append("  \u00b7  ").append(what.name()).append(what.host() != null ? " on " + what.host() : "");
            }
        }
        if (run.chunk(t) >= 0) {
            sb.append("  \u00b7  chunk ").append(run.chunk(t));
        }
        sb.append("\nstart ").append(ms(run.start(t)));
        sb.append("   end ").append(end < 0 ? "running" : ms(end));
        sb.append("\nduration ").append(ms((end < 0 ? lastNow : end) - run.start(t)));
        double px = ((end < 0 ? lastNow : end) - run.start(t)) / geo.nsPerPx();
        if (px < renderer.painter().minBarWidth()) {
            // The bar is drawn wider than it lasted, so it can be seen: say so beside its true length.
            sb.append(String.format(Locale.ROOT, "  (drawn %.0f px wide so it can be seen)", renderer.painter().minBarWidth()));
        }
        if (st == null) {
            sb.append("\nstatus: running");
        } else if (st == TaskStatus.OK) {
            String r = run.resultOrError(t);
            sb.append("\nresult: ").append(r == null ? "(none)" : r);
        } else if (st == TaskStatus.TIMEOUT) {
            // The engine's words: "timed out after N ms; worker P was killed".
            sb.append("\n\u25F7 ").append(run.resultOrError(t));
        } else {
            sb.append("\n\u2716 ").append(st.id()).append(": ").append(run.resultOrError(t));
        }
        return sb.toString();
    }

    static String ms(long ns) {
        double ms = ns / 1e6;
        if (ms < 0.1 && ns > 0) {
            return String.format(Locale.ROOT, "%.3f ms", ms); // a 40 us target is not "0.0 ms"
        }
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
