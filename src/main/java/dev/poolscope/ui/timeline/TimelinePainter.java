package dev.poolscope.ui.timeline;

import dev.poolscope.engine.TaskStatus;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints one rectangle of the timeline (a tile) completely: axis band, lane backgrounds and
 * grid, bars, marks, lane headers and the "now" line, everything that intersects it, in
 * timeline coordinates. Only visible bars are visited (binary search per lane), bars thinner
 * than two pixels are merged into one grey run, and a label is drawn only where it fits.
 *
 * <p>Failure is never shown by colour alone: a crashed or failed bar gets a hatch, a solid
 * outline and a "✖ … crashed" label; a timed-out bar a dashed outline, a wall at the limit and
 * a "◷ … timed out" label; a cancelled one a grey dashed outline.
 */
final class TimelinePainter {
    static final String EMPTY_HINT = "Press \u25B6 Run (Ctrl+R) to start the workers";
    /** How far right of its end a bar may draw (see drawLane). */
    private static final double BAR_REACH = 4;
    private double textScale = 1;
    private Palette palette = Palette.LIGHT;
    private Font font;
    private Font bold;
    private Font small;
    private Font large;
    private Font hint;
    private double charWidth;
    private double smallCharWidth;
    private final AxisTicks axis = new AxisTicks();
    private final HeaderPainter headers = new HeaderPainter();
    private final OsStripPainter osStrip = new OsStripPainter();
    private final MarkPainter marks = new MarkPainter();
    private final LifePainter lives = new LifePainter();

    TimelinePainter() {
        setStyle(Palette.LIGHT, 1);
    }

    void setStyle(Palette palette, double textScale) {
        this.palette = palette;
        this.textScale = textScale;
        font = Font.font("System", 13 * textScale);
        bold = Font.font("System", FontWeight.BOLD, 13 * textScale);
        small = Font.font("System", 11 * textScale);
        large = Font.font("System", FontWeight.BOLD, 20 * textScale);
        hint = Font.font("System", FontWeight.BOLD, 18 * textScale);
        headers.setStyle(palette, textScale, bold, small, 7.2 * textScale);
        osStrip.setStyle(palette, textScale, small, bold);
        charWidth = 7.2 * textScale;
        smallCharWidth = 6.4 * textScale;
        marks.setStyle(palette, textScale, font, bold, small);
        lives.setStyle(palette, textScale, small);
    }

    /** Where the header's OS text of a lane begins (see {@link OsStripPainter#headerTextLeft}). */
    double osHeaderLeft(TimelineGeometry geo, TimelineModel.Lane lane) {
        return osStrip.headerTextLeft(geo, lane);
    }

    /** Where the "stopped" labels of stops shown from {@code fromNs} on end (see {@link OsStripPainter#stoppedLabelReach}). */
    double stoppedLabelReach(TimelineGeometry geo, TimelineModel.Lane lane, double fromNs) {
        return Math.max(osStrip.stoppedLabelReach(geo, lane, fromNs), lives.reach(geo, lane, fromNs));
    }

    /** Whether the lane headers show the state badge (tall enough lanes). */
    boolean headerShowsState(TimelineGeometry geo) {
        return headers.showsState(geo);
    }

    Palette palette() {
        return palette;
    }

    double textScale() {
        return textScale;
    }

    /**
     * Repaints the tile's dirty parts ({@link DirtyRects}): for each, everything that intersects
     * it, clipped to it unless it is the whole tile. The parts are whole pixels, so each clip is a
     * plain rectangle, which the canvas applies directly (any other clip costs a mask per draw).
     */
    void paint(TimelineTiles.Tile t, TimelineGeometry geo, TimelineModel run, long nowNs) {
        if (t.wholeDirty()) {
            paintPart(t.pen, t.header, geo, run, nowNs, t.x0, t.y0, t.x1, t.y1);
            return;
        }
        DirtyRects parts = t.dirty;
        for (int i = 0; i < parts.count(); i++) {
            t.g.save();
            t.g.beginPath();
            t.g.rect(parts.x0(i), parts.y0(i), parts.x1(i) - parts.x0(i), parts.y1(i) - parts.y0(i));
            t.g.clip();
            t.pen.cullTo(parts.x0(i), parts.y0(i), parts.x1(i), parts.y1(i));
            try {
                paintPart(t.pen, t.header, geo, run, nowNs, parts.x0(i), parts.y0(i), parts.x1(i), parts.y1(i));
            } finally {
                t.pen.cullNothing();
                t.g.restore();
            }
        }
    }

    /** Paints everything inside [x0, x1) x [y0, y1) of a header tile or a plot tile. */
    private void paintPart(Pen g, boolean header, TimelineGeometry geo, TimelineModel run, long nowNs,
                           double x0, double y0, double x1, double y1) {
        g.setTextBaseline(VPos.CENTER);
        if (run == null) {
            g.setFill(palette.background());
            g.fillRect(x0, y0, x1 - x0, y1 - y0);
            g.setFill(palette.mutedText());
            g.setFont(hint);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(EMPTY_HINT, geo.width() / 2, geo.height() / 2);
            return;
        }
        if (y0 < geo.axisHeight()) {
            drawAxis(g, geo, run, nowNs, x0, x1);
        }
        int first = Math.max(0, geo.laneAt(Math.max(y0, geo.axisHeight())));
        double bottom = geo.axisHeight();
        for (int lane = first; lane < run.laneCount(); lane++) {
            double top = geo.laneTop(lane);
            if (top >= y1) {
                break;
            }
            bottom = top + geo.laneHeight();
            if (header) {
                headers.draw(g, geo, run, lane);
            } else {
                laneBackground(g, geo, lane, x0, x1);
                drawLane(g, geo, run, lane, nowNs, x0, x1);
            }
        }
        if (bottom < y1 && geo.laneTop(run.laneCount()) < y1) {
            double from = Math.max(y0, geo.laneTop(run.laneCount()));
            g.setFill(palette.background());
            g.fillRect(x0, from, x1 - x0, y1 - from);
        }
        if (!header) {
            drawNow(g, geo, run, nowNs, x0, x1);
        }
    }

    /**
     * Paints the whole picture on one surface (an image or an SVG): the same parts as the tiles,
     * in an order that needs no clip: the axis, each lane's plot, then its header over anything
     * that reached left of the plot, then the "now" line.
     */
    void paintWhole(Pen g, TimelineGeometry geo, TimelineModel run, long nowNs) {
        g.setTextBaseline(VPos.CENTER);
        if (run == null) {
            paintEmpty(g, geo);
            return;
        }
        drawAxis(g, geo, run, nowNs, 0, geo.width());
        for (int lane = 0; lane < run.laneCount(); lane++) {
            if (geo.laneTop(lane) >= geo.height()) {
                break;
            }
            laneBackground(g, geo, lane, geo.headerWidth(), geo.width());
            drawLane(g, geo, run, lane, nowNs, geo.headerWidth(), geo.width());
            headers.draw(g, geo, run, lane);
        }
        double from = geo.laneTop(run.laneCount());
        if (from < geo.height()) {
            g.setFill(palette.background());
            g.fillRect(0, from, geo.width(), geo.height() - from);
        }
        drawNow(g, geo, run, nowNs, geo.headerWidth(), geo.width());
    }

    /** The empty picture: the hint to press Run. */
    private void paintEmpty(Pen g, TimelineGeometry geo) {
        g.setFill(palette.background());
        g.fillRect(0, 0, geo.width(), geo.height());
        g.setFill(palette.mutedText());
        g.setFont(hint);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(EMPTY_HINT, geo.width() / 2, geo.height() / 2);
    }

    private void laneBackground(Pen g, TimelineGeometry geo, int lane, double fromX, double toX) {
        double top = geo.laneTop(lane);
        double lh = geo.laneHeight();
        g.setFill(lane % 2 == 1 ? palette.laneAlt() : palette.background());
        g.fillRect(fromX, top, toX - fromX, lh);
        axis.update(geo, textScale);
        g.setFill(palette.grid());
        for (int i = 0; i < axis.count; i++) {
            double x = axis.x[i];
            if (x >= fromX - 1 && x <= toX + 1) {
                g.fillRect(x - 0.5, top, 1, lh); // exactly the lane's rows: see drawBarParts
            }
        }
    }

    /**
     * The pixels of {@code strokeLine(x, y0, x, y1)} at that width with the default square caps,
     * drawn as a filled rectangle: the software renderer fills a rectangle directly, where a
     * stroke goes through its path rasteriser (a fifth of the render thread's time in bench-ui).
     */
    private static void verticalLine(Pen g, double x, double y0, double y1, double width) {
        g.fillRect(x - width / 2, y0 - width / 2, width, y1 - y0 + width);
    }

    private void drawNow(Pen g, TimelineGeometry geo, TimelineModel run, long nowNs, double fromX, double toX) {
        double nx = geo.xOf(nowNs);
        if (nx >= geo.headerWidth() && nx <= geo.width() && nx >= fromX - 2 && nx <= toX + 2) {
            g.setFill(palette.now());
            verticalLine(g, nx, geo.axisHeight() - 4, Math.min(geo.height(), geo.laneTop(run.laneCount())), 2);
        }
    }

    /** Where the "now" label is drawn, and its width (the renderer redraws that area when it moves). */
    double nowLabelX(TimelineGeometry geo, long nowNs) {
        return Math.min(geo.xOf(nowNs) + 3, geo.width() - nowLabelWidth() - 2);
    }

    double nowLabelWidth() {
        // Measured, not guessed from a character width: at presenter mode's larger text "now" is
        // wider than three average characters, and what lay past the guess was left on screen.
        return Math.max(3 * smallCharWidth, Math.max(marks.measure("now", small), marks.measure("end", small))) + 4;
    }

    private void drawAxis(Pen g, TimelineGeometry geo, TimelineModel run, long nowNs, double fromX, double toX) {
        double ah = geo.axisHeight();
        g.setFill(palette.background());
        g.fillRect(fromX, 0, toX - fromX, ah);
        axis.update(geo, textScale);
        g.setFont(small);
        g.setLineWidth(1);
        for (int i = 0; i < axis.count; i++) {
            double x = axis.x[i];
            String label = axis.labels[i];
            double half = label.length() * smallCharWidth / 2;
            // The last label would run off the right edge: right-align it to the edge instead.
            boolean atEdge = x + half > geo.width() - 2;
            double left = atEdge ? geo.width() - 2 - 2 * half : x - half;
            if (left + 2 * half < fromX - 1 || left > toX + 1) {
                continue;
            }
            g.setFill(palette.grid());
            verticalLine(g, x, ah - 6, ah, 1);
            g.setFill(palette.mutedText());
            g.setTextAlign(atEdge ? TextAlignment.RIGHT : TextAlignment.CENTER);
            // Tick labels on the upper row, the "now" label on the lower one: they never overlap.
            g.fillText(label, atEdge ? geo.width() - 2 : x, 10 * textScale);
        }
        double nx = geo.xOf(nowNs);
        double lx = nowLabelX(geo, nowNs);
        if (nx >= geo.headerWidth() && nx <= geo.width() && lx + nowLabelWidth() >= fromX && lx <= toX) {
            g.setFill(palette.now());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(run.isFinished() ? "end" : "now", lx, ah - 9 * textScale);
        }
    }

    private void drawLane(Pen g, TimelineGeometry geo, TimelineModel run, int laneIndex, long nowNs,
                          double fromX, double toX) {
        TimelineModel.Lane lane = run.lane(laneIndex);
        double top = geo.laneTop(laneIndex);
        double lh = geo.laneHeight();
        double pad = Math.max(1, Math.min(10, lh * 0.18));
        double y = top + pad;
        double bh = lh - 2 * pad;
        double left = geo.headerWidth();
        double right = geo.width();
        TimelineModel.IntList tasks = lane.tasks;
        // A bar draws up to 2 px past its end (a hatch line's width, a chunk bracket's cap):
        // one that ends just left of fromX still reaches into what is being painted.
        lives.draw(g, geo, run, lane, top, lh, nowNs, fromX, toX);
        int i = firstVisible(run, tasks, geo.nsAt(fromX - BAR_REACH));
        double denseFrom = -1;
        double denseTo = -1;
        for (; i < tasks.size(); i++) {
            int t = tasks.get(i);
            long s = run.start(t);
            long e = run.end(t) < 0 ? Math.max(s, nowNs) : run.end(t);
            double x0 = Math.floor(geo.xOf(s));
            if (x0 > toX || x0 > right) {
                break;
            }
            double x1 = Math.floor(geo.xOf(e));
            double drawnTo = drawnEnd(geo, run, tasks, i, x0, x1);
            if (drawnTo < fromX - BAR_REACH || drawnTo < left) {
                continue;
            }
            x0 = Math.max(x0, left);
            x1 = Math.min(x1, right);
            drawnTo = Math.min(drawnTo, right);
            TaskStatus st = run.status(t);
            boolean marked = st != null && st != TaskStatus.OK;
            boolean joinsDense = denseFrom >= 0 && x0 <= denseTo + 1 && x1 - x0 < 2;
            if ((drawnTo - x0 < 2 || joinsDense) && !marked) {
                // Sub-pixel bars packed together: merge neighbours into one run instead of thousands of rects.
                if (denseFrom >= 0 && x0 <= denseTo + 1) {
                    denseTo = Math.max(denseTo, x1);
                } else {
                    flushDense(g, denseFrom, denseTo, y, bh);
                    denseFrom = x0;
                    denseTo = Math.max(x1, x0 + 1);
                }
                continue;
            }
            x1 = drawnTo;
            flushDense(g, denseFrom, denseTo, y, bh);
            denseFrom = -1;
            drawBar(g, run, t, st, x0, x1, y, bh, pad, i + 1 < tasks.size() ? tasks.get(i + 1) : -1);
        }
        flushDense(g, denseFrom, denseTo, y, bh);
        osStrip.drawLane(g, geo, lane, top, lh, fromX, toX);
        marks.draw(g, geo, run, lane, top, lh, fromX, toX, () -> barLabelBoxes(geo, run, laneIndex, nowNs));
    }

    /**
     * The narrowest a bar is drawn, in pixels (its colour, not a hairline): a Process target of
     * 0.1 ms on a 10 s axis is a hundredth of a pixel. Scaled with the text (presenter mode).
     * Its true duration is in the hover and, for a process's one target, in its exit label.
     */
    double minBarWidth() {
        return Math.round(4 * textScale);
    }

    /**
     * Where a bar from {@code x0} to {@code x1} (task {@code i} of the lane) is drawn to: at least
     * {@link #minBarWidth} wide, but never over the next bar on the lane (so packed short tasks
     * stay a "many short tasks" run). The renderer repaints that far right of "now" (see
     * TimelineRenderer.markChanges), so a bar widened there is never left half-drawn.
     */
    double drawnEnd(TimelineGeometry geo, TimelineModel run, TimelineModel.IntList tasks, int i, double x0, double x1) {
        double wanted = x0 + minBarWidth() + 1; // barWidth leaves a pixel's gap at the end
        if (x1 >= wanted) {
            return x1;
        }
        if (i + 1 < tasks.size()) {
            wanted = Math.min(wanted, Math.floor(geo.xOf(run.start(tasks.get(i + 1)))));
        }
        return Math.max(x1, wanted);
    }

    private void flushDense(Pen g, double from, double to, double y, double bh) {
        if (from >= 0) {
            g.setFill(palette.dense());
            g.fillRect(from, y, to - from, bh);
        }
    }

    /** 0: no label fits; 1: the normal label; 2: the large one. */
    int labelKind(TimelineModel run, int t, double bw, double bh) {
        String label = run.label(t);
        if (bh < 10 * textScale || label.length() * charWidth + 8 >= bw) {
            return 0;
        }
        return bh >= 60 * textScale && label.length() * charWidth * 1.5 + 12 < bw ? 2 : 1;
    }

    /** The bar's drawn width for a task from x0 to x1 (as {@link #drawBar} draws it). */
    static double barWidth(double x0, double x1) {
        return Math.max(1, x1 - x0 - 1);
    }

    /** Bar height in a lane of height {@code lh}. */
    static double barHeight(double lh) {
        return lh - 2 * Math.max(1, Math.min(10, lh * 0.18));
    }

    private void drawBar(Pen g, TimelineModel run, int t, TaskStatus st, double x0, double x1,
                         double y, double bh, double pad, int nextOnLane) {
        double bw = barWidth(x0, x1);
        g.begin("task", run.name(t));
        try {
            drawBarParts(g, run, t, st, x0, x1, y, bh, bw, pad, nextOnLane);
        } finally {
            g.end();
        }
    }

    private void drawBarParts(Pen g, TimelineModel run, int t, TaskStatus st, double x0, double x1,
                              double y, double bh, double bw, double pad, int nextOnLane) {
        g.setFill(Palette.task(t));
        g.fillRect(x0, y, bw, bh);
        boolean marked = st != null && st != TaskStatus.OK;
        if (st == TaskStatus.CRASHED || st == TaskStatus.FAILED) {
            hatch(g, x0, y, bw, bh);
            g.setStroke(palette.crash());
            g.setLineWidth(3);
            g.strokeRect(x0 + 1.5, y + 1.5, bw - 3, bh - 3);
        } else if (st == TaskStatus.TIMEOUT) {
            // A dashed outline and a solid wall where the limit stopped it.
            g.setStroke(palette.timeout());
            g.setLineWidth(3);
            g.setLineDashes(8, 5);
            g.strokeRect(x0 + 1.5, y + 1.5, bw - 3, bh - 3);
            g.setLineDashes((double[]) null);
            g.setFill(palette.timeout());
            // Past the bar's ends, but never above the lane: a lane repainted alone (see
            // TimelineRenderer) would not repaint the lane below it, whose overhang would be missing.
            double over = Math.min(3, pad);
            g.fillRect(x0 + bw - Math.min(6, bw), y - over, Math.min(6, bw), bh + 2 * over);
        } else if (st == TaskStatus.CANCELLED) {
            g.setStroke(palette.mutedText());
            g.setLineWidth(2);
            g.setLineDashes(4, 4);
            g.strokeRect(x0 + 1, y + 1, bw - 2, bh - 2);
            g.setLineDashes((double[]) null);
        }
        if (nextOnLane >= 0 && run.chunk(nextOnLane) == run.chunk(t) && run.chunk(t) >= 0) {
            // Chunk grouping: a bracket under tasks handed out together as one chunk.
            g.setStroke(palette.text());
            g.setLineWidth(2);
            g.strokeLine(x0, y + bh + 2, x1 + 1, y + bh + 2);
        }
        int kind = labelKind(run, t, bw, bh);
        if (kind == 0) {
            return;
        }
        String label = run.label(t);
        g.setTextAlign(TextAlignment.LEFT);
        if (marked) {
            Color ink = st == TaskStatus.TIMEOUT ? palette.timeout()
                    : st == TaskStatus.CANCELLED ? palette.mutedText() : palette.crash();
            g.setFill(palette.labelBox());
            double boxTop = Math.max(y - pad, y + bh / 2 - 9 * textScale); // not above the lane: see the wall below
            g.fillRect(x0 + 3, boxTop, Math.min(bw - 6, marks.measure(label, bold) + 4), y + bh / 2 + 9 * textScale - boxTop);
            g.setFill(ink);
            g.setFont(bold);
            g.fillText(label, x0 + 5, y + bh / 2);
        } else {
            g.setFill(Palette.onTask(t));
            g.setFont(kind == 2 ? large : font);
            g.fillText(label, x0 + (kind == 2 ? 8 : 5), y + bh / 2);
        }
    }

    private void hatch(Pen g, double x, double y, double w, double h) {
        // Diagonal lines cut to the bar by hand: a Canvas clip is very slow in software rendering.
        g.setStroke(palette.crash());
        g.setLineWidth(2);
        for (double d = -h; d < w; d += 9) {
            double sx = x + d;
            double sy = y + h;
            double ex = x + d + h;
            double ey = y;
            if (sx < x) {
                sy -= x - sx;
                sx = x;
            }
            if (ex > x + w) {
                ey += ex - (x + w);
                ex = x + w;
            }
            if (sy > ey) {
                g.strokeLine(sx, sy, ex, ey);
            }
        }
    }

    void highlight(java.util.Collection<TimelineModel.Mark> lit) {
        marks.highlight(lit);
    }

    /** The labels of a lane's calls and printed lines as they are drawn, and the marks they stand for. */
    java.util.List<CallLabels.Placed> callLabels(TimelineGeometry geo, TimelineModel run, java.util.List<TimelineModel.Mark> marks,
                                                 int lane, long nowNs) {
        return this.marks.labels(geo, marks, geo.laneTop(lane), geo.laneHeight(),
                () -> run == null ? java.util.List.of() : barLabelBoxes(geo, run, lane, nowNs));
    }

    /**
     * The boxes of the task names drawn inside a lane's bars ({x0, y0, x1, y1}), as drawBarParts
     * draws them: printed lines and exit labels are laid out around them (see CallLabels).
     */
    java.util.List<double[]> barLabelBoxes(TimelineGeometry geo, TimelineModel run, int laneIndex, long nowNs) {
        TimelineModel.Lane lane = run.lane(laneIndex);
        double lh = geo.laneHeight();
        double pad = Math.max(1, Math.min(10, lh * 0.18));
        double y = geo.laneTop(laneIndex) + pad;
        double bh = lh - 2 * pad;
        double left = geo.headerWidth();
        double right = geo.width();
        TimelineModel.IntList tasks = lane.tasks;
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int i = firstVisible(run, tasks, geo.nsAt(left)); i < tasks.size(); i++) {
            int t = tasks.get(i);
            long s = run.start(t);
            long e = run.end(t) < 0 ? Math.max(s, nowNs) : run.end(t);
            double x0 = Math.floor(geo.xOf(s));
            if (x0 > right) {
                break;
            }
            double x1 = Math.min(drawnEnd(geo, run, tasks, i, x0, Math.floor(geo.xOf(e))), right);
            x0 = Math.max(x0, left);
            if (x1 < left) {
                continue;
            }
            int kind = labelKind(run, t, barWidth(x0, x1), bh);
            if (kind == 0) {
                continue;
            }
            TaskStatus st = run.status(t);
            boolean marked = st != null && st != TaskStatus.OK;
            double w = marks.measure(run.label(t), marked ? bold : kind == 2 ? large : font);
            double tx = x0 + (kind == 2 ? 8 : 5);
            double half = (kind == 2 ? 14 : 9) * textScale;
            out.add(new double[] {tx - 2, y + bh / 2 - half, Math.min(x1, tx + w + 2), y + bh / 2 + half});
        }
        return out;
    }

    /** The x range a mark paints (line, span and its text). */
    double[] markExtent(TimelineGeometry geo, TimelineModel.Mark m, double[] out) {
        return marks.extent(geo, m, out);
    }

    /** Index into a lane's task list of the first task that may reach {@code ns}. */
    static int firstVisible(TimelineModel run, TimelineModel.IntList tasks, double ns) {
        int lo = 0;
        int hi = tasks.size() - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (run.start(tasks.get(mid)) <= ns) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
