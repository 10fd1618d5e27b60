package dev.poolscope.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws each process's whole life on its lane, under its bars: a line from its start (the
 * parent's start(), a tick) to its exit (a tick and "exit 0", or the signal), so a child whose
 * target took 0.1 ms still shows the 100+ ms it lived. A task bar narrower than
 * {@link #MIN_BAR_PX} is drawn that wide, with its true duration beside the exit, so a short
 * target stays visible. Hooked into {@link TimelinePainter#drawLane}; label layout elsewhere
 * stays the timeline painter's.
 */
final class LifePainter {
    /** The narrowest a task bar is drawn. */
    static final double MIN_BAR_PX = 5;

    private Palette palette;
    private double textScale = 1;
    private Font small;

    void setStyle(Palette palette, double textScale, Font small) {
        this.palette = palette;
        this.textScale = textScale;
        this.small = small;
    }

    void draw(Pen g, TimelineGeometry geo, TimelineModel run, TimelineModel.Lane lane, double top, double lh,
              long nowNs, double fromX, double toX) {
        if (lane.what.kind() == dev.poolscope.engine.Lane.Kind.THREAD) {
            return; // a thread's life is its own painter's
        }
        double left = geo.headerWidth();
        double lineY = Math.floor(top + lh - Math.max(2, lh * 0.07)) - 0.5;
        for (TimelineModel.Life life : lane.lives) {
            double x0 = Math.max(left, geo.xOf(life.startAt));
            double x1 = geo.xOf(life.exitAt >= 0 ? life.exitAt : Math.max(life.startAt, nowNs));
            if (x1 < fromX - 80 * textScale || x0 > toX + 2) {
                continue;
            }
            g.setStroke(palette.mutedText());
            g.setLineWidth(Math.max(1, textScale));
            g.strokeLine(x0, lineY, Math.max(x0 + 1, x1), lineY);
            g.strokeLine(x0, lineY - 4 * textScale, x0, lineY + 1);
            if (life.exitAt >= 0) {
                g.strokeLine(x1, lineY - 4 * textScale, x1, lineY + 1);
                String text = exitText(run, lane, life);
                if (text != null && lh >= 24 * textScale) {
                    g.setFont(small);
                    g.setFill(palette.mutedText());
                    // Right of the exit when it fits, else ending at it (a run's last exits sit at the right edge).
                    boolean fits = x1 + 3 + text.length() * 6.4 * textScale <= geo.width();
                    g.setTextAlign(fits ? TextAlignment.LEFT : TextAlignment.RIGHT);
                    g.setTextBaseline(VPos.BOTTOM);
                    g.fillText(text, fits ? x1 + 3 : x1 - 3, lineY - 1);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setTextBaseline(VPos.BASELINE);
                }
            }
        }
        drawShortBars(g, geo, run, lane, top, lh, fromX, toX);
    }

    /** A bar too narrow to see gets {@link #MIN_BAR_PX}: a target of 0.1 ms is still there. */
    private void drawShortBars(Pen g, TimelineGeometry geo, TimelineModel run, TimelineModel.Lane lane, double top,
                               double lh, double fromX, double toX) {
        if (lane.tasks.size() > 8) {
            return; // a busy pool lane: thin bars merge into a dense run, as they should
        }
        double pad = Math.max(1, Math.min(10, lh * 0.18));
        for (int t : lane.taskIndexes()) {
            long s = run.start(t);
            long e = run.end(t);
            if (s < 0 || e < 0) {
                continue;
            }
            double x0 = geo.xOf(s);
            if (geo.xOf(e) - x0 >= MIN_BAR_PX || x0 > toX + 1 || x0 + MIN_BAR_PX < fromX - 1) {
                continue;
            }
            g.setFill(Palette.task(t));
            g.fillRect(Math.max(geo.headerWidth(), x0), top + pad, MIN_BAR_PX, lh - 2 * pad);
        }
    }

    /** "exit 0 · lived 134 ms, ran 0.1 ms": how it ended, how long it lived, how long its one task ran. */
    static String exitText(TimelineModel run, TimelineModel.Lane lane, TimelineModel.Life life) {
        String end = life.signal != null ? "signal " + life.signal : life.exitCode != null ? "exit " + life.exitCode : null;
        if (end == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(end).append(" \u00b7 lived ").append(ms(life.exitAt - life.startAt));
        int[] tasks = lane.taskIndexes();
        if (tasks.length == 1 && run.pid(tasks[0]) == life.pid && run.end(tasks[0]) >= 0) {
            sb.append(", ran ").append(ms(run.end(tasks[0]) - run.start(tasks[0])));
        }
        return sb.toString();
    }

    private static String ms(long ns) {
        double ms = ns / 1e6;
        return ms < 10 ? String.format(java.util.Locale.ROOT, "%.1f ms", ms)
                : String.format(java.util.Locale.ROOT, "%.0f ms", ms);
    }
}
