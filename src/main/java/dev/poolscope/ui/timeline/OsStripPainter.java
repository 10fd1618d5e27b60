package dev.poolscope.ui.timeline;

import dev.poolscope.engine.WorkerState;
import dev.poolscope.os.OsState;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints the operating system's view in a lane: a thin CPU strip under the bars (its height is
 * the CPU % of one core, so a spinning worker is a full strip and a sleeping one a flat line),
 * an icy veil with "stopped" over the time a process was stopped (SIGSTOP: its bar still grows,
 * because the task has not finished, but the process gets no CPU), and in the header the state
 * letter and CPU % beside the PID. The strip sits in the lane's bottom margin, below the chunk
 * brackets, so it never covers a bar.
 */
final class OsStripPainter {
    /** The veil over a stopped process (light blue, see-through: the bar stays readable). */
    private static final Color FROZEN = Color.rgb(86, 180, 233, 0.45);
    private static final Color FROZEN_INK = Color.web("#0b4f7a");
    /** The same ink on the dark theme's label boxes. */
    private static final Color FROZEN_INK_DARK = Color.web("#a8dcff");
    /** The freeze mark (a snowflake: DejaVu and most UI fonts have it; U+23F8 "pause" is missing in many). */
    private static final String FROZEN_MARK = "\u2744";
    private static final String STOPPED = FROZEN_MARK + " stopped (SIGSTOP)";
    private Palette palette = Palette.LIGHT;
    private double textScale = 1;
    private Font small;
    private Font bold;
    private double stoppedWidth = 150;

    void setStyle(Palette palette, double textScale, Font small, Font bold) {
        this.palette = palette;
        this.textScale = textScale;
        this.small = small;
        this.bold = bold;
        javafx.scene.text.Text measure = new javafx.scene.text.Text(STOPPED);
        measure.setFont(bold);
        stoppedWidth = Math.ceil(measure.getLayoutBounds().getWidth());
    }

    /** The strip's top and height in a lane: the lane's bottom margin, under the chunk brackets. */
    static double[] strip(double top, double lh) {
        double pad = Math.max(1, Math.min(10, lh * 0.18));
        double h = Math.max(2, pad - 3);
        return new double[] {top + lh - 1 - h, h};
    }

    /** Draws the strip and the stopped veils of a lane between fromX and toX. */
    void drawLane(Pen g, TimelineGeometry geo, TimelineModel.Lane lane, double top, double lh,
                  double fromX, double toX) {
        OsTrack os = lane.os();
        if (os.size() == 0) {
            return;
        }
        double[] strip = strip(top, lh);
        double sy = strip[0];
        double sh = strip[1];
        double left = Math.max(fromX, geo.headerWidth());
        double labelW = stoppedWidth + 8;
        int first = os.firstEndingAfter(geo.nsAt(left - labelW));
        Color ink = palette.text();
        int labelFrom = -1;
        for (int i = first; i < os.size(); i++) {
            // Whole pixels, so neighbouring samples meet without a seam of background between them.
            double x0 = Math.max(Math.floor(geo.xOf(os.from(i))), geo.headerWidth());
            double x1 = Math.floor(geo.xOf(os.at(i)));
            if (x0 > toX) {
                break;
            }
            if (x1 <= x0) {
                continue;
            }
            if (OsState.isStopped(os.state(i))) {
                g.setFill(FROZEN);
                g.fillRect(x0, top + 1, x1 - x0, lh - 2);
                boolean startsRun = i == 0 || !OsState.isStopped(os.state(i - 1)) || os.pid(i - 1) != os.pid(i);
                if (startsRun && labelFrom < 0) {
                    labelFrom = i;
                }
            }
            double h = sh * Math.min(100, os.cpu(i)) / 100;
            // A whole pixel at least: a few percent should show, not blur into the track.
            h = os.cpu(i) >= 1 ? Math.max(1, Math.round(h)) : 0;
            g.setFill(palette.grid());
            g.fillRect(x0, sy, x1 - x0, sh - h);
            if (h > 0) {
                g.setFill(ink);
                g.fillRect(x0, sy + sh - h, x1 - x0, h);
            }
        }
        if (labelFrom >= 0 && lh >= 24 * textScale) {
            // The labels last, so later stopped samples' veils do not wash over them.
            drawStoppedLabels(g, geo, os, labelFrom, top, labelW, toX);
        }
    }

    private void drawStoppedLabels(Pen g, TimelineGeometry geo, OsTrack os, int from, double top, double labelW,
                                   double toX) {
        g.setFont(bold);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = from; i < os.size(); i++) {
            double x0 = Math.max(Math.floor(geo.xOf(os.from(i))), geo.headerWidth());
            if (x0 > toX) {
                break;
            }
            boolean startsRun = OsState.isStopped(os.state(i))
                    && (i == 0 || !OsState.isStopped(os.state(i - 1)) || os.pid(i - 1) != os.pid(i));
            if (startsRun) {
                g.setFill(palette.labelBox());
                g.fillRect(x0 + 2, top + 2, labelW - 4, 16 * textScale);
                g.setFill(frozenInk());
                g.fillText(STOPPED, x0 + 4, top + 2 + 8 * textScale);
            }
        }
    }

    private Color frozenInk() {
        return palette == Palette.DARK ? FROZEN_INK_DARK : FROZEN_INK;
    }

    /**
     * The left end of the header's OS text as {@link #drawHeader} draws it now, with room to
     * spare (no glyph of the small font is 8 px wide at scale 1): the renderer repaints from there
     * when only that text changed. The header width when there is none.
     */
    double headerTextLeft(TimelineGeometry geo, TimelineModel.Lane lane) {
        OsTrack os = lane.os();
        String text = os.headerText();
        if (text.isEmpty()) {
            return geo.headerWidth();
        }
        double w = (text.length() + 2) * 8 * textScale + (OsState.isStopped(os.headerState()) ? 26 * textScale : 0);
        return geo.headerWidth() - 10 - w;
    }

    /**
     * The right end of the "stopped" labels of runs of stopped samples that end at or after
     * {@code fromNs}, or -infinity: a label reaches past "now", so when a stop begins, the
     * renderer repaints that far.
     */
    double stoppedLabelReach(TimelineGeometry geo, TimelineModel.Lane lane, double fromNs) {
        OsTrack os = lane.os();
        double reach = Double.NEGATIVE_INFINITY;
        for (int i = os.size() - 1; i >= 0 && os.at(i) >= fromNs; i--) {
            boolean startsRun = OsState.isStopped(os.state(i))
                    && (i == 0 || !OsState.isStopped(os.state(i - 1)) || os.pid(i - 1) != os.pid(i));
            if (startsRun) {
                reach = Math.max(reach, Math.max(Math.floor(geo.xOf(os.from(i))), geo.headerWidth()) + stoppedWidth + 8);
            }
        }
        return reach;
    }

    /** The state letter and CPU % right-aligned in the header row of the PID, while the process lives. */
    void drawHeader(Pen g, TimelineGeometry geo, TimelineModel.Lane lane, double textY) {
        OsTrack os = lane.os();
        String text = os.headerText();
        if (text.isEmpty() || os.headerPid() != lane.pid()
                || lane.state() == WorkerState.EXITED || lane.state() == WorkerState.CRASHED) {
            return;
        }
        double right = geo.headerWidth() - 10;
        g.setFont(small);
        g.setTextAlign(TextAlignment.RIGHT);
        if (OsState.isStopped(os.headerState())) {
            double w = text.length() * 6.6 * textScale + 22 * textScale;
            g.setFill(FROZEN.deriveColor(0, 1, 1, 2));
            g.fillRoundRect(right - w + 4, textY - 8 * textScale, w, 16 * textScale, 8, 8);
            g.setFill(FROZEN_INK);
            g.fillText(FROZEN_MARK + " " + text, right, textY);
        } else {
            g.setFill(palette.mutedText());
            g.fillText(text, right, textY);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** The hover text of the OS view at a point: the sample under it, or in the header the latest; null if none. */
    static String hoverText(TimelineModel run, TimelineGeometry geo, double x, double y) {
        int laneIndex = geo.laneAt(y);
        if (run == null || laneIndex < 0) {
            return null;
        }
        OsTrack os = run.lane(laneIndex).os();
        int i = x < geo.headerWidth() ? os.size() - 1 : os.sampleAt(geo.nsAt(x));
        return i < 0 ? null : os.describe(i);
    }
}
