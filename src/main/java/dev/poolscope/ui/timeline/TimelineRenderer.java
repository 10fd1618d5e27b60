package dev.poolscope.ui.timeline;

import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link LiveRun} with a {@link TimelineGeometry} onto a GraphicsContext. Used by the
 * live canvas and by image export. Built for 10,000 bars at 60 fps: only visible bars are
 * visited (binary search per lane), bars thinner than two pixels are merged into one grey run,
 * and a label is drawn only where it fits. Nothing is allocated per bar.
 */
public final class TimelineRenderer {
    private double textScale = 1;
    private Palette palette = Palette.LIGHT;
    private Font font = Font.font("System", 13);
    private Font bold = Font.font("System", FontWeight.BOLD, 13);
    private Font small = Font.font("System", 11);
    private Font large = Font.font("System", FontWeight.BOLD, 20);
    private double charWidth = 7.2;
    private LiveRun drawnRun;
    private long drawnVersion = -1;
    private long drawnNow;
    private boolean styleChanged = true;

    public void setStyle(Palette palette, double textScale) {
        this.palette = palette;
        styleChanged = true;
        if (textScale != this.textScale || font == null) {
            this.textScale = textScale;
            font = Font.font("System", 13 * textScale);
            bold = Font.font("System", FontWeight.BOLD, 13 * textScale);
            small = Font.font("System", 11 * textScale);
            large = Font.font("System", FontWeight.BOLD, 20 * textScale);
            charWidth = 7.2 * textScale;
        }
    }

    public Palette palette() {
        return palette;
    }

    /**
     * Draws a frame. Everything is redrawn when the geometry, the run or the style changed;
     * otherwise only each lane's strip from its earliest change (or running task, or the last
     * "now") to the right edge, the axis band, and the headers whose worker changed.
     */
    public void draw(GraphicsContext g, TimelineGeometry geo, LiveRun run, long nowNs) {
        boolean full = run != drawnRun || geo.version() != drawnVersion || styleChanged;
        if (full) {
            drawFull(g, geo, run, nowNs);
        } else {
            drawStrips(g, geo, run, nowNs);
        }
        drawnRun = run;
        drawnVersion = geo.version();
        drawnNow = nowNs;
        styleChanged = false;
    }

    /** Forgets what is on the canvas: the next frame redraws everything. */
    public void invalidate() {
        styleChanged = true;
    }

    private void drawFull(GraphicsContext g, TimelineGeometry geo, LiveRun run, long nowNs) {
        double w = geo.width();
        double h = geo.height();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        if (run == null) {
            g.setFill(palette.mutedText());
            g.setFont(bold);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Press \u25B6 Run (Ctrl+R) to start the pool", w / 2, h / 2);
            return;
        }
        g.setTextBaseline(VPos.CENTER);
        drawAxis(g, geo, nowNs);
        for (int lane = 0; lane < run.laneCount(); lane++) {
            laneBackground(g, geo, lane, geo.headerWidth());
            drawLane(g, geo, run, lane, nowNs, geo.headerWidth());
            drawHeader(g, geo, run, lane);
            run.lane(lane).dirtyFrom = Long.MAX_VALUE;
            run.lane(lane).headerDirty = false;
        }
        drawNow(g, geo, nowNs);
    }

    private void drawStrips(GraphicsContext g, TimelineGeometry geo, LiveRun run, long nowNs) {
        if (run == null) {
            return;
        }
        g.setTextBaseline(VPos.CENTER);
        double w = geo.width();
        drawAxis(g, geo, nowNs);
        for (int lane = 0; lane < run.laneCount(); lane++) {
            LiveRun.Lane l = run.lane(lane);
            long from = Math.min(l.dirtyFrom, drawnNow);
            if (l.running >= 0) {
                from = Math.min(from, run.start(l.running));
            }
            // Three pixels back covers the old "now" line; then back to the start of anything
            // drawn across that point, so nothing is cut or drawn twice (no clip: Canvas clips
            // are very slow in the software pipeline).
            double x = safeStart(geo, run, lane, Math.max(geo.headerWidth(), Math.floor(geo.xOf(from)) - 3), nowNs);
            if (x < w) {
                laneBackground(g, geo, lane, x);
                drawLane(g, geo, run, lane, nowNs, x);
            }
            if (l.headerDirty) {
                drawHeader(g, geo, run, lane);
            }
            l.dirtyFrom = Long.MAX_VALUE;
            l.headerDirty = false;
        }
        drawNow(g, geo, nowNs);
    }

    /** Moves x left to the start of a bar or mark that covers it. */
    private double safeStart(TimelineGeometry geo, LiveRun run, int laneIndex, double x, long nowNs) {
        LiveRun.Lane lane = run.lane(laneIndex);
        LiveRun.IntList tasks = lane.tasks;
        if (tasks.size() > 0) {
            int t = tasks.get(firstVisible(run, tasks, geo.nsAt(x)));
            long end = run.end(t) < 0 ? nowNs : run.end(t);
            double bx0 = Math.floor(geo.xOf(run.start(t)));
            double bx1 = Math.floor(geo.xOf(end));
            if (bx0 < x && bx1 >= x - 1) {
                x = Math.max(geo.headerWidth(), bx0 - 1);
            }
        }
        for (LiveRun.Mark m : lane.marks()) {
            double mx = geo.xOf(m.at()) - 3;
            double right = Math.max(geo.xOf(m.endAt()), geo.xOf(m.at())) + 8 + m.text().length() * charWidth;
            if (mx < x && right >= x) {
                x = Math.max(geo.headerWidth(), Math.floor(mx) - 1);
            }
        }
        return x;
    }

    private void laneBackground(GraphicsContext g, TimelineGeometry geo, int lane, double fromX) {
        double top = geo.laneTop(lane);
        g.setFill(lane % 2 == 1 ? palette.laneAlt() : palette.background());
        g.fillRect(fromX, top, geo.width() - fromX, geo.laneHeight());
        double step = geo.tickStepNs(110 * textScale);
        double first = Math.ceil(Math.max(0, geo.nsAt(fromX)) / step) * step;
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        for (double t = first; t <= geo.visibleEndNs(); t += step) {
            double x = Math.round(geo.xOf(t)) + 0.5;
            g.strokeLine(x, top, x, top + geo.laneHeight());
        }
    }

    private void drawNow(GraphicsContext g, TimelineGeometry geo, long nowNs) {
        double nx = geo.xOf(nowNs);
        if (nx >= geo.headerWidth() && nx <= geo.width()) {
            g.setStroke(palette.now());
            g.setLineWidth(2);
            g.strokeLine(nx, geo.axisHeight() - 4, nx, geo.height());
        }
    }

    private void drawAxis(GraphicsContext g, TimelineGeometry geo, long nowNs) {
        g.setFill(palette.background());
        g.fillRect(0, 0, geo.width(), geo.axisHeight());
        double step = geo.tickStepNs(110 * textScale);
        double first = Math.ceil(Math.max(0, geo.visibleStartNs()) / step) * step;
        g.setFont(small);
        g.setTextAlign(TextAlignment.CENTER);
        g.setLineWidth(1);
        for (double t = first; t <= geo.visibleEndNs(); t += step) {
            double x = Math.round(geo.xOf(t)) + 0.5;
            g.setStroke(palette.grid());
            g.strokeLine(x, geo.axisHeight() - 6, x, geo.axisHeight());
            g.setFill(palette.mutedText());
            g.fillText(TimelineGeometry.formatTick(t, step), x, geo.axisHeight() / 2 - 2);
        }
        double nx = geo.xOf(nowNs);
        if (nx >= geo.headerWidth() && nx <= geo.width()) {
            g.setFill(palette.now());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("now", Math.min(nx + 3, geo.width() - 30 * textScale), geo.axisHeight() - 8 * textScale);
        }
    }

    private void drawLane(GraphicsContext g, TimelineGeometry geo, LiveRun run, int laneIndex, long nowNs,
                          double fromX) {
        LiveRun.Lane lane = run.lane(laneIndex);
        double top = geo.laneTop(laneIndex);
        double lh = geo.laneHeight();
        double pad = Math.max(1, Math.min(10, lh * 0.18));
        double y = top + pad;
        double bh = lh - 2 * pad;
        double left = geo.headerWidth();
        double right = geo.width();
        LiveRun.IntList tasks = lane.tasks;
        int i = firstVisible(run, tasks, geo.nsAt(fromX));
        double denseFrom = -1;
        double denseTo = -1;
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        for (; i < tasks.size(); i++) {
            int t = tasks.get(i);
            long s = run.start(t);
            long e = run.end(t) < 0 ? Math.max(s, nowNs) : run.end(t);
            double x0 = Math.floor(geo.xOf(s));
            if (x0 > right) {
                break;
            }
            double x1 = Math.floor(geo.xOf(e));
            if (x1 < fromX) {
                continue;
            }
            x0 = Math.max(x0, left);
            x1 = Math.min(x1, right);
            TaskStatus st = run.status(t);
            boolean bad = st != null && st != TaskStatus.OK;
            if (x1 - x0 < 2 && !bad) {
                // Sub-pixel bars: merge neighbours into one run instead of thousands of rects.
                if (denseFrom >= 0 && x0 <= denseTo + 1) {
                    denseTo = Math.max(denseTo, x1);
                } else {
                    flushDense(g, denseFrom, denseTo, y, bh);
                    denseFrom = x0;
                    denseTo = Math.max(x1, x0 + 1);
                }
                continue;
            }
            flushDense(g, denseFrom, denseTo, y, bh);
            denseFrom = -1;
            drawBar(g, run, t, st, x0, x1, y, bh, i + 1 < tasks.size() ? tasks.get(i + 1) : -1);
        }
        flushDense(g, denseFrom, denseTo, y, bh);
        drawMarks(g, geo, lane, top, lh, fromX);
    }

    private void flushDense(GraphicsContext g, double from, double to, double y, double bh) {
        if (from >= 0) {
            g.setFill(palette.dense());
            g.fillRect(from, y, to - from, bh);
        }
    }

    private void drawBar(GraphicsContext g, LiveRun run, int t, TaskStatus st, double x0, double x1,
                         double y, double bh, int nextOnLane) {
        double bw = Math.max(1, x1 - x0 - 1);
        g.setFill(Palette.task(t));
        g.fillRect(x0, y, bw, bh);
        if (st != null && st != TaskStatus.OK) {
            hatch(g, x0, y, bw, bh);
            g.setStroke(palette.crash());
            g.setLineWidth(3);
            g.strokeRect(x0 + 1.5, y + 1.5, bw - 3, bh - 3);
        }
        if (nextOnLane >= 0 && run.chunk(nextOnLane) == run.chunk(t) && run.chunk(t) >= 0) {
            // Chunk grouping: a bracket under tasks handed out together as one chunk.
            g.setStroke(palette.text());
            g.setLineWidth(2);
            g.strokeLine(x0, y + bh + 2, x1 + 1, y + bh + 2);
        }
        String label = st == TaskStatus.CRASHED ? "\u2716 " + run.name(t) + " crashed"
                : st == TaskStatus.FAILED ? "\u26A0 " + run.name(t) + " failed"
                : st == TaskStatus.TIMEOUT ? "\u23F1 " + run.name(t) + " timeout"
                : run.name(t);
        if (bh >= 10 * textScale && label.length() * charWidth + 8 < bw) {
            g.setFill(st != null && st != TaskStatus.OK ? palette.crash() : Palette.onTask(t));
            if (st != null && st != TaskStatus.OK) {
                g.setFill(Color.WHITE);
                g.fillRect(x0 + 4, y + bh / 2 - 9 * textScale, label.length() * charWidth + 2, 18 * textScale);
                g.setFill(palette.crash());
            }
            boolean big = bh >= 60 * textScale && label.length() * charWidth * 1.5 + 12 < bw;
            g.setFont(big ? large : st != null && st != TaskStatus.OK ? bold : font);
            g.fillText(label, x0 + (big ? 8 : 5), y + bh / 2);
            g.setFont(font);
        }
    }

    private void hatch(GraphicsContext g, double x, double y, double w, double h) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.setStroke(palette.crash());
        g.setLineWidth(2);
        for (double d = -h; d < w; d += 9) {
            g.strokeLine(x + d, y + h, x + d + h, y);
        }
        g.restore();
    }

    private void drawMarks(GraphicsContext g, TimelineGeometry geo, LiveRun.Lane lane, double top, double lh,
                           double fromX) {
        for (LiveRun.Mark m : lane.marks()) {
            double x = geo.xOf(m.at());
            if (m.endAt() < geo.visibleStartNs() || m.at() > geo.visibleEndNs() || x - 3 < fromX - 1) {
                continue;
            }
            g.setFont(small);
            g.setTextAlign(TextAlignment.LEFT);
            switch (m.kind()) {
                case INIT, INIT_FAILED -> {
                    double x1 = Math.max(x + 2, geo.xOf(m.endAt()));
                    double iy = top + lh - Math.max(4, lh * 0.16);
                    g.setFill(m.kind() == LiveRun.Mark.Kind.INIT ? palette.init() : palette.crash());
                    g.fillRect(Math.max(x, geo.headerWidth()), iy - 3, x1 - Math.max(x, geo.headerWidth()), 5);
                    if (lh > 40 * textScale) {
                        g.fillText(m.text(), Math.max(x, geo.headerWidth()) + 2, iy - 9 * textScale);
                    }
                }
                case HANDOVER -> {
                    g.setStroke(palette.text());
                    g.setLineWidth(2);
                    g.setLineDashes(5, 4);
                    g.strokeLine(x, top + 2, x, top + lh - 2);
                    g.setLineDashes((double[]) null);
                    if (lh > 28 * textScale) {
                        g.setFill(palette.text());
                        g.fillText(m.text(), x + 4, top + 9 * textScale);
                    }
                }
                case CRASH -> {
                    g.setStroke(palette.crash());
                    g.setLineWidth(4);
                    g.strokeLine(x, top + 1, x, top + lh - 1);
                    g.setFill(palette.crash());
                    g.setFont(bold);
                    if (lh > 40 * textScale) {
                        g.fillText("\u2716 worker killed", x + 4, top + lh - 9 * textScale);
                    }
                }
                default -> { }
            }
        }
    }

    private void drawHeader(GraphicsContext g, TimelineGeometry geo, LiveRun run, int laneIndex) {
        LiveRun.Lane lane = run.lane(laneIndex);
        double top = geo.laneTop(laneIndex);
        double lh = geo.laneHeight();
        double hw = geo.headerWidth();
        g.setFill(palette.header());
        g.fillRect(0, top, hw - 4, lh);
        g.setFill(laneIndex % 2 == 1 ? palette.laneAlt() : palette.background());
        g.fillRect(hw - 4, top, 4, lh);
        g.setTextAlign(TextAlignment.LEFT);
        double mid = top + lh / 2;
        boolean twoRows = lh >= 40 * textScale;
        g.setFill(palette.text());
        g.setFont(bold);
        String pid = lane.pid() < 0 ? "\u2014" : String.valueOf(lane.pid());
        g.fillText("W" + laneIndex + "  PID " + pid, 8, twoRows ? mid - 9 * textScale : mid);
        drawBadge(g, lane.state(), twoRows ? 8 : hw - 78 * textScale, twoRows ? mid + 10 * textScale : mid, twoRows);
    }

    private void drawBadge(GraphicsContext g, WorkerState state, double x, double cy, boolean show) {
        if (!show) {
            return;
        }
        String label = switch (state) {
            case STARTING -> "\u25CC starting";
            case IDLE -> "\u25CB idle";
            case BUSY -> "\u25CF busy";
            case EXITED -> "\u25A0 exited";
            case CRASHED -> "\u2716 CRASHED";
        };
        Color fill = switch (state) {
            case STARTING -> Color.web("#56B4E9");
            case IDLE -> Color.web("#c9ced6");
            case BUSY -> Color.web("#009E73");
            case EXITED -> Color.web("#6b7785");
            case CRASHED -> palette.crash();
        };
        double bw = label.length() * charWidth * 0.92 + 12;
        double bh = 18 * textScale;
        g.setFill(fill);
        g.fillRoundRect(x, cy - bh / 2, bw, bh, bh, bh);
        g.setFill(state == WorkerState.IDLE || state == WorkerState.STARTING ? Color.BLACK : Color.WHITE);
        g.setFont(small);
        g.fillText(label, x + 6, cy);
    }

    /** Index into a lane's task list of the first task that may reach {@code ns}. */
    static int firstVisible(LiveRun run, LiveRun.IntList tasks, double ns) {
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
