package dev.poolscope.ui.timeline;

import dev.poolscope.engine.WorkerState;
import java.util.Arrays;

/**
 * Decides, each frame, which parts of the timeline changed, and has the painter repaint only
 * those: in each tile that holds a change, the rectangle around its changes, not the whole tile
 * (see {@link TimelineTiles} for why; in the software renderer the cost of a frame is close to
 * the number of pixels painted, and "now" moves a few pixels a frame). Everything is repainted
 * when the geometry, the run, the style or the tiles changed; otherwise what is repainted is:
 * <ul>
 *   <li>the old or the new "now" line, or the old or new "now" label;</li>
 *   <li>part of a lane that changed since the last frame (a task started or ended, a mark was
 *       added), from the earliest change to "now" (or to the end of a new mark's text);</li>
 *   <li>a running bar whose label just appeared or grew;</li>
 *   <li>a lane header whose PID or visible state changed, or only the right end of one whose OS
 *       text changed;</li>
 *   <li>a lane's CPU strip band, from a new OS sample's start to "now".</li>
 * </ul>
 * No allocation per frame once the per-lane arrays have grown to the lane count.
 */
public final class TimelineRenderer {
    private final TimelinePainter painter = new TimelinePainter();

    TimelinePainter painter() {
        return painter;
    }

    /** The next frame repaints everything (marks were lit or put out). */
    void repaintAll() {
        drawnVersion = -1;
    }
    private TimelineModel drawnRun;
    private long drawnVersion = -1;
    private long drawnTiles = -1;
    private long drawnNow;
    private boolean drawnFinished;
    private boolean styleChanged = true;
    private long[] drawnPid = new long[0];
    private WorkerState[] drawnState = new WorkerState[0];
    private int[] drawnRunning = new int[0];
    private int[] drawnLabel = new int[0];
    private boolean[] drawnLimit = new boolean[0];
    private double[] drawnOsLeft = new double[0];
    private final double[] extent = new double[2];
    private int tilesPainted;

    public void setStyle(Palette palette, double textScale) {
        painter.setStyle(palette, textScale);
        styleChanged = true;
    }

    public Palette palette() {
        return painter.palette();
    }

    /** Tiles repainted (wholly or in part) by the last {@link #draw} (for tests and the frame benchmark). */
    public int tilesPainted() {
        return tilesPainted;
    }

    void draw(TimelineTiles tiles, TimelineGeometry geo, TimelineModel run, long nowNs) {
        boolean full = run != drawnRun || geo.version() != drawnVersion || styleChanged
                || tiles.version() != drawnTiles;
        if (run != null) {
            grow(run.laneCount());
        }
        if (full) {
            for (TimelineTiles.Tile t : tiles.all()) {
                t.markAll();
            }
        } else if (run != null) {
            markChanges(tiles, geo, run, nowNs);
        }
        tilesPainted = 0;
        for (TimelineTiles.Tile t : tiles.all()) {
            if (!t.dirty.isEmpty()) {
                painter.paint(t, geo, run, nowNs);
                t.dirty.clear();
                tilesPainted++;
            }
        }
        if (run != null) {
            remember(geo, run, nowNs);
        }
        drawnRun = run;
        drawnVersion = geo.version();
        drawnTiles = tiles.version();
        drawnNow = nowNs;
        drawnFinished = run != null && run.isFinished();
        styleChanged = false;
    }

    private void markChanges(TimelineTiles tiles, TimelineGeometry geo, TimelineModel run, long nowNs) {
        double oldX = geo.xOf(drawnNow);
        double newX = geo.xOf(nowNs);
        boolean nowMoved = Math.abs(newX - oldX) >= 0.5 || run.isFinished() != drawnFinished;
        double nowFrom = Math.min(oldX, newX) - 3;
        double nowTo = Math.max(oldX, newX) + 3;
        if (nowMoved) {
            // The axis band: the old and new "now" label.
            double labelFrom = Math.min(painter.nowLabelX(geo, drawnNow), painter.nowLabelX(geo, nowNs)) - 2;
            double labelTo = Math.max(painter.nowLabelX(geo, drawnNow), painter.nowLabelX(geo, nowNs))
                    + painter.nowLabelWidth() + 2;
            mark(tiles, Math.min(nowFrom, labelFrom), Math.max(nowTo, labelTo), 0, geo.axisHeight(), false);
            // The line itself, top to bottom (its ends reach a pixel past the last lane).
            mark(tiles, nowFrom, nowTo, geo.axisHeight(), geo.height(), false);
        }
        double lh = geo.laneHeight();
        double bh = TimelinePainter.barHeight(lh);
        boolean badges = painter.headerShowsState(geo);
        for (int i = 0; i < run.laneCount(); i++) {
            TimelineModel.Lane lane = run.lane(i);
            double top = geo.laneTop(i);
            double from = Double.POSITIVE_INFINITY;
            double to = Double.NEGATIVE_INFINITY;
            if (lane.dirtyFrom != Long.MAX_VALUE) {
                from = Math.min(from, Math.floor(geo.xOf(lane.dirtyFrom)) - 3);
                // A bar started by now may be drawn wider than it lasted (its minimum width).
                TimelineModel.IntList tasks = lane.tasks;
                double lastStart = tasks.size() == 0 ? nowNs : Math.max(nowNs, run.start(tasks.get(tasks.size() - 1)));
                double barReach = Math.ceil(geo.xOf(lastStart)) + painter.minBarWidth() + 3;
                to = Math.max(to, Math.max(barReach, painter.stoppedLabelReach(geo, lane, lane.dirtyFrom)));
                for (TimelineModel.Mark m : lane.marks()) {
                    if (m.at() >= lane.dirtyFrom || m.endAt() >= lane.dirtyFrom) {
                        painter.markExtent(geo, m, extent);
                        from = Math.min(from, extent[0]);
                        to = Math.max(to, extent[1]);
                    }
                }
            }
            int r = lane.running;
            if (r >= 0) {
                double x0 = Math.max(geo.headerWidth(), Math.floor(geo.xOf(run.start(r))));
                double x1 = Math.min(geo.width(), Math.floor(geo.xOf(nowNs)));
                int kind = painter.labelKind(run, r, TimelinePainter.barWidth(x0, x1), bh);
                if (r != drawnRunning[i] || kind != drawnLabel[i]) {
                    from = Math.min(from, x0 - 1);
                    // Printed lines are laid out around the bars' names: a name that appears can move them.
                    to = Math.max(to, lane.marks().isEmpty() && lane.lives().isEmpty() ? newX + 3 : geo.width());
                }
            }
            if (from <= to) {
                mark(tiles, Math.max(from, geo.headerWidth()), to, top, top + lh, false);
            }
            if (lane.stripDirtyFrom != Long.MAX_VALUE) {
                // Only the CPU strip in the lane's bottom margin changed: repaint that band alone.
                double[] strip = OsStripPainter.strip(top, lh);
                mark(tiles, Math.max(Math.floor(geo.xOf(lane.stripDirtyFrom)) - 1, geo.headerWidth()), newX + 3,
                        strip[0] - 1, strip[0] + strip[1] + 1, false);
            }
            if (lane.pid() != drawnPid[i] || lane.headerDirty || (badges && (lane.state() != drawnState[i]
                    || lane.killedByTimeLimit() != drawnLimit[i]))) {
                mark(tiles, 0, geo.headerWidth(), top, top + lh, true);
            } else if (lane.osHeaderDirty) {
                // Only "R 50%" changed: from the left end of the old or the new text to the header's edge.
                double left = Math.min(drawnOsLeft[i], painter.osHeaderLeft(geo, lane));
                mark(tiles, left - 2, geo.headerWidth(), top, top + lh, true);
            }
        }
    }

    private static void mark(TimelineTiles tiles, double fromX, double toX, double fromY, double toY, boolean header) {
        for (TimelineTiles.Tile t : tiles.all()) {
            if (t.header == header && t.intersectsX(fromX, toX) && t.intersectsY(fromY, toY)) {
                t.mark(fromX, fromY, toX, toY);
            }
        }
    }

    private void remember(TimelineGeometry geo, TimelineModel run, long nowNs) {
        double bh = TimelinePainter.barHeight(geo.laneHeight());
        for (int i = 0; i < run.laneCount(); i++) {
            TimelineModel.Lane lane = run.lane(i);
            drawnPid[i] = lane.pid();
            drawnState[i] = lane.state();
            drawnLimit[i] = lane.killedByTimeLimit();
            drawnOsLeft[i] = painter.osHeaderLeft(geo, lane);
            int r = lane.running;
            drawnRunning[i] = r;
            if (r >= 0) {
                double x0 = Math.max(geo.headerWidth(), Math.floor(geo.xOf(run.start(r))));
                double x1 = Math.min(geo.width(), Math.floor(geo.xOf(nowNs)));
                drawnLabel[i] = painter.labelKind(run, r, TimelinePainter.barWidth(x0, x1), bh);
            }
            lane.dirtyFrom = Long.MAX_VALUE;
            lane.stripDirtyFrom = Long.MAX_VALUE;
            lane.headerDirty = false;
            lane.osHeaderDirty = false;
        }
    }

    private void grow(int lanes) {
        if (drawnPid.length < lanes) {
            drawnPid = Arrays.copyOf(drawnPid, lanes);
            drawnState = Arrays.copyOf(drawnState, lanes);
            drawnRunning = Arrays.copyOf(drawnRunning, lanes);
            drawnLabel = Arrays.copyOf(drawnLabel, lanes);
            drawnLimit = Arrays.copyOf(drawnLimit, lanes);
            drawnOsLeft = Arrays.copyOf(drawnOsLeft, lanes);
        }
    }
}
