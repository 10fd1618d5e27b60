package dev.poolscope.ui.timeline;

import javafx.scene.text.Font;

/**
 * Draws each process's whole life on its lane, under its bars: a line from its start (the
 * parent's start(), a tick) to its exit (a tick and "exit 0", or the signal), so a child whose
 * target took 0.1 ms still shows the 100+ ms it lived, and the exit label gives the target's true
 * duration ("ran 0.1 ms"). Drawn before the lane's bars (a bar covers the line where the process
 * had a task); hooked into {@link TimelinePainter#drawLane}; label layout elsewhere stays the
 * timeline painter's.
 */
final class LifePainter {
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
        // Through the middle of the bars' band, drawn before the bars: where the process had a
        // task its bar covers the line, so the line shows the life around the tasks.
        double lineY = Math.floor(top + lh / 2) + 0.5;
        for (TimelineModel.Life life : lane.lives) {
            double x0 = Math.max(left, geo.xOf(life.startAt));
            // A life is drawn once it is over: the picture holds only what is known (and a frame
            // repaints only what changed, so nothing here may depend on "now").
            double x1 = life.exitAt >= 0 ? geo.xOf(life.exitAt) : x0;
            if (x1 < fromX - 400 * textScale || x0 > toX + 2) {
                continue;
            }
            g.setStroke(palette.mutedText());
            g.setLineWidth(Math.max(1, textScale));
            g.strokeLine(x0, lineY - 4 * textScale, x0, lineY + 4 * textScale);
            if (life.exitAt >= 0) {
                g.strokeLine(x0, lineY, Math.max(x0 + 1, x1), lineY);
                g.strokeLine(x1, lineY - 4 * textScale, x1, lineY + 4 * textScale);
                // Its label ("exit 0 · lived ...") is laid out with the lane's other labels (MarkPainter).
            }
        }
    }

    /**
     * How far right the lives that ended at or after {@code fromNs} draw, for a repaint: their exit
     * labels are laid out with the lane's labels, which may move any label after them, so the lane
     * is repainted to its end (an exit also repaints the lane from its start: TimelineModel).
     */
    double reach(TimelineGeometry geo, TimelineModel.Lane lane, double fromNs) {
        for (TimelineModel.Life life : lane.lives) {
            if (life.exitAt >= fromNs) {
                return geo.width();
            }
        }
        return Double.NEGATIVE_INFINITY;
    }
}
