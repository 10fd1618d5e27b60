package dev.poolscope.ui.timeline;

import dev.poolscope.engine.WorkerState;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Paints a lane header: the slot, the current PID and, in tall lanes, the worker's state badge. */
final class HeaderPainter {
    private Palette palette = Palette.LIGHT;
    private double textScale = 1;
    private Font bold;
    private Font small;
    private double charWidth = 7.2;
    private final OsStripPainter os = new OsStripPainter();

    void setStyle(Palette palette, double textScale, Font bold, Font small, double charWidth) {
        this.palette = palette;
        this.textScale = textScale;
        this.bold = bold;
        this.small = small;
        this.charWidth = charWidth;
        os.setStyle(palette, textScale, small, bold);
    }

    /** Whether the lane header shows the state badge (tall enough lanes). */
    boolean showsState(TimelineGeometry geo) {
        return geo.laneHeight() >= 40 * textScale;
    }

    void draw(Pen g, TimelineGeometry geo, TimelineModel run, int laneIndex) {
        TimelineModel.Lane lane = run.lane(laneIndex);
        double top = geo.laneTop(laneIndex);
        double lh = geo.laneHeight();
        double hw = geo.headerWidth();
        g.setFill(palette.header());
        g.fillRect(0, top, hw - 4, lh);
        g.setFill(laneIndex % 2 == 1 ? palette.laneAlt() : palette.background());
        g.fillRect(hw - 4, top, 4, lh);
        g.setTextAlign(TextAlignment.LEFT);
        double mid = top + lh / 2;
        boolean twoRows = showsState(geo);
        // The lane's colour: a PID in the console is written in it too.
        g.setFill(Palette.lane(laneIndex, palette == Palette.DARK));
        g.setFont(lh < 16 * textScale ? small : bold);
        String name = lane.headerText(laneIndex);
        // Skipped when only the OS text at the right end is being repainted (generous width: no glyph is wider).
        if (g.mayTouch(8, top, 8 + name.length() * 9 * textScale, top + lh)) {
            g.fillText(name, 8, twoRows ? mid - 9 * textScale : mid);
        }
        os.drawHeader(g, geo, lane, twoRows ? mid - 9 * textScale : mid);
        if (twoRows) {
            double bw = drawBadge(g, lane.state(), lane.killedByTimeLimit(), lane.failedEnd(), 8, mid + 10 * textScale);
            if (lane.what().kind() == dev.poolscope.engine.Lane.Kind.THREAD && lane.what().name() != null) {
                // A thread lane's first row says TID and PID; its name goes beside the badge.
                g.setFill(palette.text());
                g.setFont(small);
                g.fillText(lane.what().name(), 8 + bw + 6, mid + 10 * textScale);
            }
        }
    }

    /** Draws the state badge; returns its width. */
    private double drawBadge(Pen g, WorkerState state, boolean limit, String failedEnd, double x, double cy) {
        String label = limit && state == WorkerState.EXITED ? "\u25F7 killed: limit"
                : failedEnd != null ? "\u2716 " + failedEnd : switch (state) {
            case STARTING -> "\u25CC starting";
            case IDLE -> "\u25CB idle";
            case BUSY -> "\u25CF busy";
            case EXITED -> "\u25A0 exited";
            case CRASHED -> "\u2716 CRASHED";
        };
        Color fill = switch (state) {
            case STARTING -> Palette.STARTING;
            case IDLE -> Palette.IDLE;
            case BUSY -> Palette.BUSY;
            case EXITED -> Palette.EXITED;
            case CRASHED -> palette.crash();
        };
        if (limit && state == WorkerState.EXITED) {
            fill = Palette.TIMEOUT_BADGE;
        }
        double bw = label.length() * charWidth * 0.92 + 12;
        double bh = 18 * textScale;
        g.setFill(fill);
        g.fillRoundRect(x, cy - bh / 2, bw, bh, bh, bh);
        g.setFill(state == WorkerState.IDLE || state == WorkerState.STARTING ? Color.BLACK : Color.WHITE);
        g.setFont(small);
        g.fillText(label, x + 6, cy);
        return bw;
    }
}
