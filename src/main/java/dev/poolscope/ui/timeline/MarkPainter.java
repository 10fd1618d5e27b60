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
        if (labelled(m)) {
            // A new call or line can regroup the labels before it: the lane repaints to its end.
            out[0] = Math.min(x, firstLabelX) - 3;
            out[1] = geo.width();
            return out;
        }
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
    /** Marks the lesson view lit (a picked line's calls), drawn in the accent colour. */
    private java.util.Set<TimelineModel.Mark> lit = java.util.Set.of();
    private static final Color LIT = Color.web("#1565c0");

    void highlight(java.util.Collection<TimelineModel.Mark> marks) {
        lit = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        lit.addAll(marks);
    }
    /** Where the last lane laid out began its labels (a regrouping repaints from there). */
    private double firstLabelX = Double.POSITIVE_INFINITY;

    static boolean labelled(TimelineModel.Mark m) {
        return m.kind() == TimelineModel.Mark.Kind.CALL || m.kind() == TimelineModel.Mark.Kind.OUTPUT
                || m.kind() == TimelineModel.Mark.Kind.EXIT;
    }

    /**
     * A lane's calls, printed lines and processes' exit labels ("exit 0 · lived 7.5 ms, ran 0.1 ms",
     * see {@link LifeWords#of}), in time order: laid out together, so an exit label never
     * covers a printed line and never runs off the right edge.
     */
    static java.util.List<TimelineModel.Mark> labelledMarks(TimelineModel run, TimelineModel.Lane lane) {
        java.util.List<TimelineModel.Mark> out = new java.util.ArrayList<>();
        for (TimelineModel.Mark m : lane.marks()) {
            if (labelled(m)) {
                out.add(m);
            }
        }
        if (run != null && lane.what.kind() != dev.poolscope.engine.Lane.Kind.THREAD) {
            for (TimelineModel.Life life : lane.lives) {
                String text = life.exitAt >= 0 ? LifeWords.of(run, lane, life) : null;
                if (text != null) {
                    out.add(new TimelineModel.Mark(TimelineModel.Mark.Kind.EXIT, life.exitAt, life.exitAt, life.pid, -1, text));
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(TimelineModel.Mark::at));
        return out;
    }

    /** Rows of call labels a lane of height lh has (none below 28 px: ticks only). */
    int labelRows(double lh) {
        return lh > 28 * textScale ? Math.max(1, (int) ((lh - 6) / (13 * textScale))) : 0;
    }

    /** The lane's labels as they are drawn (see {@link CallLabels}); empty where the lane is too low for text. */
    java.util.List<CallLabels.Placed> labels(TimelineGeometry geo, java.util.List<TimelineModel.Mark> marks, double top,
                                             double lh, java.util.function.Supplier<java.util.List<double[]>> barLabels) {
        int rows = labelRows(lh);
        if (rows == 0 || marks.isEmpty()) {
            return java.util.List.of();
        }
        return CallLabels.layout(marks, m -> geo.xOf(m.at()), MarkPainter::markText, t -> measure(t, small),
                geo.headerWidth(), geo.width(), top + 3 * textScale, 13 * textScale, rows, barLabels.get());
    }

    private static final java.util.regex.Pattern LINE_SUFFIX = java.util.regex.Pattern.compile("\\s*\\(line \\d+\\)\\s*$");

    /** What a mark writes beside its line, and roughly how wide that is. */
    private static String markText(TimelineModel.Mark m) {
        return switch (m.kind()) {
            case CRASH -> "\u2716 worker killed";
            case TIMEOUT_KILL -> "\u25F7 killed: time limit";
            case OUTPUT -> "\u203A " + m.text();
            // On the lane the call's words only: its "(line 12)" is in the hover and the lesson view.
            case CALL -> LINE_SUFFIX.matcher(m.text()).replaceFirst("");
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

    void draw(Pen g, TimelineGeometry geo, TimelineModel run, TimelineModel.Lane lane, double top, double lh,
                           double fromX, double toX, java.util.function.Supplier<java.util.List<double[]>> barLabels) {
        double hw = geo.headerWidth();
        java.util.List<TimelineModel.Mark> labelled = labelledMarks(run, lane);
        for (TimelineModel.Mark m : lane.marks()) {
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
                    // The main process's calls: a thin tick the lane's height (labels are drawn below).
                    boolean on = lit.contains(m);
                    g.setStroke(on ? LIT : palette.text());
                    g.setLineWidth(on ? 3 : 1.5);
                    g.strokeLine(x, top + 2, x, top + lh - 2);
                }
                case OUTPUT -> {
                    // A printed line: a short tick rising from the lane's bottom at the moment it was written.
                    g.setStroke(palette.now());
                    g.setLineWidth(2);
                    g.strokeLine(x, top + lh * 0.55, x, top + lh - 2);
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
        drawLabels(g, geo, labelled, top, lh, fromX, toX, barLabels);
    }

    private void drawLabels(Pen g, TimelineGeometry geo, java.util.List<TimelineModel.Mark> marks, double top, double lh,
                            double fromX, double toX, java.util.function.Supplier<java.util.List<double[]>> barLabels) {
        java.util.List<CallLabels.Placed> labels = labels(geo, marks, top, lh, barLabels);
        firstLabelX = labels.isEmpty() ? Double.POSITIVE_INFINITY : labels.get(0).x();
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        for (CallLabels.Placed p : labels) {
            if (p.x() > p.tick() + 4 && p.x() >= fromX && p.tick() <= toX) {
                // Shifted right of its tick to find room: a leader line joins them, under every label.
                g.setStroke(palette.mutedText());
                g.setLineWidth(1);
                g.strokeLine(p.tick(), p.y() + p.h() / 2, p.x(), p.y() + p.h() / 2);
            }
        }
        for (CallLabels.Placed p : labels) {
            if (p.x() > toX || p.x() + p.w() < fromX) {
                continue;
            }
            // A collapsed group keeps its words in its title (an SVG's <title>; the hover shows them).
            g.begin(p.collapsed() ? "mark-group" : "mark", p.collapsed() ? CallLabels.words(marks, p) : p.text());
            g.setFill(palette.labelBox());
            g.fillRect(p.x(), p.y(), p.w(), p.h());
            boolean on = false;
            for (int k : p.members()) {
                on |= lit.contains(marks.get(k));
            }
            if (p.collapsed() || on) {
                g.setStroke(on ? LIT : palette.mutedText());
                g.setLineWidth(on ? 2 : 1);
                g.strokeRect(p.x() + 0.5, p.y() + 0.5, p.w() - 1, p.h() - 1);
            }
            TimelineModel.Mark.Kind kind = marks.get(p.first()).kind();
            g.setFill(p.collapsed() ? palette.text() : kind == TimelineModel.Mark.Kind.OUTPUT ? palette.now()
                    : kind == TimelineModel.Mark.Kind.EXIT ? palette.mutedText() : palette.text());
            g.fillText(p.text(), p.x() + 2, p.y() + p.h() / 2);
            g.end();
        }
    }
}
