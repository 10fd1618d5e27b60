package dev.poolscope.ui.timeline;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints the marks inside a lane: initializer spans, PID hand-overs, crashes and time-limit
 * kills, each with its text where the lane is tall enough, and says how far each one reaches
 * (the renderer repaints that much when a mark appears).
 */
final class MarkPainter {
    private Palette palette = Palette.LIGHT;
    private double textScale = 1;
    private Font font;
    private Font bold;
    private Font small;

    void setStyle(Palette palette, double textScale, Font font, Font bold, Font small) {
        this.palette = palette;
        this.textScale = textScale;
        this.font = font;
        this.bold = bold;
        this.small = small;
        widths.clear();
    }

    /** The x range a mark paints (line, span and its text). */
    double[] extent(TimelineGeometry geo, TimelineModel.Mark m, double[] out) {
        double x = geo.xOf(m.at());
        double left = m.kind() == TimelineModel.Mark.Kind.INIT || m.kind() == TimelineModel.Mark.Kind.INIT_FAILED
                ? Math.max(x, geo.headerWidth()) : x;
        double textW = markTextWidth(m);
        out[0] = left - 3;
        out[1] = Math.max(x, geo.xOf(m.endAt())) + 8 + textW;
        if (out[1] > geo.width() - 2) {
            // Near the right edge the text goes to the left of the mark instead (see markTextX).
            out[0] = Math.min(out[0], x - 8 - textW);
        }
        return out;
    }

    private final double[] extent = new double[2];
    private final double[] callRowEnds = new double[12];

    /** What a mark writes beside its line, and roughly how wide that is. */
    private static String markText(TimelineModel.Mark m) {
        return switch (m.kind()) {
            case CRASH -> "\u2716 worker killed";
            case TIMEOUT_KILL -> "\u25F7 killed: time limit";
            default -> m.text();
        };
    }

    private double markTextWidth(TimelineModel.Mark m) {
        boolean kill = m.kind() == TimelineModel.Mark.Kind.CRASH || m.kind() == TimelineModel.Mark.Kind.TIMEOUT_KILL;
        boolean init = m.kind() == TimelineModel.Mark.Kind.INIT || m.kind() == TimelineModel.Mark.Kind.INIT_FAILED;
        return measure(markText(m), kill ? bold : init ? font : small);
    }

    private final javafx.scene.text.Text measurer = new javafx.scene.text.Text();
    private final java.util.Map<String, Double> widths = new java.util.HashMap<>();

    /** The drawn width of a text in a font (cached; only marks and marked bars ask). */
    double measure(String text, Font f) {
        String key = (f == bold ? "b" : f == small ? "s" : f == font ? "n" : "o" + f.getSize()) + text;
        Double w = widths.get(key);
        if (w == null) {
            if (widths.size() > 2000) {
                widths.clear();
            }
            measurer.setFont(f);
            measurer.setText(text);
            w = measurer.getLayoutBounds().getWidth();
            widths.put(key, w);
        }
        return w;
    }

    /** Text right of the line at x, or left of it when it would run off the right edge. */
    private double markTextX(TimelineGeometry geo, TimelineModel.Mark m, double x) {
        double w = markTextWidth(m);
        return x + 4 + w > geo.width() - 2 ? x - 4 - w : x + 4;
    }

    void draw(Pen g, TimelineGeometry geo, TimelineModel.Lane lane, double top, double lh,
                           double fromX, double toX) {
        double hw = geo.headerWidth();
        // The main lane's call labels: each on the first row where it does not cover an earlier one.
        int rows = Math.max(1, (int) ((lh - 6) / (13 * textScale)));
        java.util.Arrays.fill(callRowEnds, Double.NEGATIVE_INFINITY);
        for (TimelineModel.Mark m : lane.marks()) {
            int row = 0;
            if (m.kind() == TimelineModel.Mark.Kind.CALL) {
                double tx = markTextX(geo, m, geo.xOf(m.at()));
                while (row < Math.min(rows, callRowEnds.length) - 1 && callRowEnds[row] > tx) {
                    row++;
                }
                callRowEnds[row] = tx + markTextWidth(m) + 6;
            }
            double x = geo.xOf(m.at());
            extent(geo, m, extent);
            boolean span = m.kind() == TimelineModel.Mark.Kind.INIT || m.kind() == TimelineModel.Mark.Kind.INIT_FAILED;
            if (extent[1] < fromX || extent[0] > toX || (!span && x < hw) || (span && geo.xOf(m.endAt()) < hw)) {
                continue;
            }
            g.setFont(small);
            g.setTextAlign(TextAlignment.LEFT);
            switch (m.kind()) {
                case INIT, INIT_FAILED -> {
                    double sx = Math.max(x, hw);
                    double x1 = Math.max(sx + 2, geo.xOf(m.endAt()));
                    double thick = Math.max(3, Math.min(8 * textScale, lh * 0.12));
                    double iy = top + lh - Math.max(4, lh * 0.16);
                    g.setFill(m.kind() == TimelineModel.Mark.Kind.INIT ? palette.init() : palette.crash());
                    g.fillRect(sx, iy - thick / 2, x1 - sx, thick);
                    if (lh > 40 * textScale) {
                        g.setFill(m.kind() == TimelineModel.Mark.Kind.INIT ? palette.text() : palette.crash());
                        g.setFont(font);
                        g.fillText(m.text(), sx + 2, iy - thick / 2 - 9 * textScale);
                    }
                }
                case HANDOVER -> {
                    g.setStroke(palette.text());
                    g.setLineWidth(2);
                    g.setLineDashes(5, 4);
                    g.strokeLine(x, top + 2, x, top + lh - 2);
                    g.setLineDashes((double[]) null);
                    if (lh > 28 * textScale) {
                        // On a small box of its own: the text crosses the top of the next bar.
                        double tx = markTextX(geo, m, x);
                        double ty = top + 9 * textScale;
                        g.setFill(palette.labelBox());
                        g.fillRect(tx - 2, ty - 7 * textScale, markTextWidth(m) + 4, 14 * textScale);
                        g.setFill(palette.text());
                        g.fillText(m.text(), tx, ty);
                    }
                }
                case CALL -> {
                    // The main process's calls: a thin tick, its words on three staggered rows so
                    // calls made a moment apart (two start()s) stay readable.
                    g.setStroke(palette.text());
                    g.setLineWidth(1.5);
                    g.strokeLine(x, top + 2, x, top + lh - 2);
                    if (lh > 28 * textScale) {
                        double tx = markTextX(geo, m, x);
                        double ty = top + (10 + row * 13) * textScale;
                        g.setFill(palette.labelBox());
                        g.fillRect(tx - 2, ty - 7 * textScale, markTextWidth(m) + 4, 13 * textScale);
                        g.setFill(palette.text());
                        g.fillText(m.text(), tx, ty + 3 * textScale);
                    }
                }
                case CRASH, TIMEOUT_KILL -> {
                    boolean limit = m.kind() == TimelineModel.Mark.Kind.TIMEOUT_KILL;
                    Color ink = limit ? palette.timeout() : palette.crash();
                    g.setStroke(ink);
                    g.setLineWidth(4);
                    if (limit) {
                        g.setLineDashes(7, 4);
                    }
                    // Its square ends reach 2 px past the points: from top + 2 it stays in the lane
                    // (a lane repainted alone must not leave the lane below's marks on it).
                    g.strokeLine(x, top + 2, x, top + lh - 2);
                    g.setLineDashes((double[]) null);
                    if (lh > 40 * textScale) {
                        double tx = markTextX(geo, m, x);
                        double ty = top + lh - 9 * textScale;
                        g.setFill(palette.labelBox());
                        g.fillRect(tx - 2, ty - 8 * textScale, markTextWidth(m) + 4, 16 * textScale);
                        g.setFill(ink);
                        g.setFont(bold);
                        g.fillText(markText(m), tx, ty);
                    }
                }
                default -> { }
            }
        }
    }
}
