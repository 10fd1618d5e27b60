package dev.poolscope.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Lays out the labels of a lane's labelled marks (the main process's calls, printed lines) so
 * that none covers another: each goes on the first row where it fits after its tick; when no
 * row has room, it joins the label before it, and the two show as one collapsed group ("4 calls",
 * hover or zoom in to read them). Marks a moment apart (four {@code start()}s 1 ms apart) thus
 * read as a staircase where the lane is tall enough and as one group where it is not.
 *
 * <p>Plain geometry, no drawing: the painter draws what this returns, the hover reads the same
 * boxes, and the tests compare them.
 */
public final class CallLabels {
    /** Space kept between two labels on a row. */
    static final double GAP = 6;
    /** How far right of its tick a printed line's label may go. */
    static final double LINE_SHIFT = 60;

    /**
     * A label as placed: its box (x, y, w, h, in the timeline's pixels), its text, the x of its
     * (first) mark's tick, and which of the marks it stands for.
     */
    public record Placed(int first, int count, double x, double y, double w, double h, String text, double tick,
                         int[] members) {
        /** Indexes of the marks this label stands for, in the list laid out. */
        public int[] members() {
            return members == null ? new int[] {first} : members;
        }

        public boolean collapsed() {
            return count > 1;
        }

        public boolean overlaps(Placed o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        public boolean contains(double px, double py) {
            return px >= x && px < x + w && py >= y && py < y + h;
        }
    }

    private CallLabels() {}

    /**
     * Lays out the calls first, then the printed lines where room is left (a line without room
     * keeps its tick; its words are in the hover and the console).
     *
     * @param marks the labelled marks in time order
     * @param xOf a mark's tick x
     * @param textOf what a single mark's label says
     * @param widthOf a text's drawn width
     * @param left, right where labels may go (the plot area)
     * @param top the first row's top; {@code rowH} a row's height; {@code rows} how many rows fit
     */
    public static List<Placed> layout(List<TimelineModel.Mark> marks, ToDoubleFunction<TimelineModel.Mark> xOf,
                                      java.util.function.Function<TimelineModel.Mark, String> textOf,
                                      ToDoubleFunction<String> widthOf, double left, double right, double top,
                                      double rowH, int rows) {
        return layout(marks, xOf, textOf, widthOf, left, right, top, rowH, rows, List.of());
    }

    /**
     * As {@link #layout(List, ToDoubleFunction, java.util.function.Function, ToDoubleFunction, double, double,
     * double, double, int)}, keeping printed lines and exit labels off {@code blocked} boxes
     * ({x0, y0, x1, y1}: the bars' own labels), so a printed line never covers a task's name.
     */
    public static List<Placed> layout(List<TimelineModel.Mark> marks, ToDoubleFunction<TimelineModel.Mark> xOf,
                                      java.util.function.Function<TimelineModel.Mark, String> textOf,
                                      ToDoubleFunction<String> widthOf, double left, double right, double top,
                                      double rowH, int rows, List<double[]> blocked) {
        rows = Math.max(1, rows);
        // A label may sit a little right of its tick, joined to it by a leader line.
        double maxShift = Math.max(40, (right - left) * 0.6);
        List<TimelineModel.Mark> calls = new ArrayList<>();
        List<Integer> callIndex = new ArrayList<>();
        for (int k = 0; k < marks.size(); k++) {
            if (!placedWhereRoomIsLeft(marks.get(k))) {
                calls.add(marks.get(k));
                callIndex.add(k);
            }
        }
        List<Placed> placed = new ArrayList<>();
        List<List<double[]>> taken = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            taken.add(new ArrayList<>());
            double y0 = top + r * rowH;
            for (double[] b : blocked) {
                if (b[1] < y0 + rowH && y0 < b[3]) {
                    taken.get(r).add(new double[] {b[0] - GAP, b[2]});
                }
            }
        }
        for (Placed p : layoutCalls(calls, xOf, textOf, widthOf, left, right, top, rowH, rows, maxShift)) {
            // Back to indexes into the whole list (a group's calls are consecutive there only among calls).
            Placed q = new Placed(callIndex.get(p.first()), p.count(), p.x(), p.y(), p.w(), p.h(), p.text(), p.tick(),
                    indexes(callIndex, p));
            placed.add(q);
            taken.get((int) Math.round((p.y() - top) / rowH)).add(new double[] {p.x(), p.x() + p.w() + GAP});
        }
        for (int k = 0; k < marks.size(); k++) {
            TimelineModel.Mark m = marks.get(k);
            if (!placedWhereRoomIsLeft(m)) {
                continue;
            }
            String text = textOf.apply(m);
            double w = widthOf.applyAsDouble(text) + 4;
            double tick = xOf.applyAsDouble(m);
            double x = Math.max(left, Math.min(tick + 2, right - w - 2));
            int bestRow = -1;
            double bestX = Double.POSITIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                double at = firstFree(taken.get(r), x, w);
                if (at < bestX && at + w <= right) {
                    bestX = at;
                    bestRow = r;
                }
            }
            // A printed line's words stay near their tick, or are left to the hover and the console.
            if (bestRow >= 0 && bestX - x <= Math.min(maxShift, LINE_SHIFT)) {
                taken.get(bestRow).add(new double[] {bestX, bestX + w + GAP});
                placed.add(new Placed(k, 1, bestX, top + bestRow * rowH, w, rowH, text, tick, new int[] {k}));
            }
        }
        return placed;
    }

    /** Printed lines and exit labels go where the calls left room, near their tick, or are left to the hover. */
    private static boolean placedWhereRoomIsLeft(TimelineModel.Mark m) {
        return m.kind() == TimelineModel.Mark.Kind.OUTPUT || m.kind() == TimelineModel.Mark.Kind.EXIT;
    }

    private static int[] indexes(List<Integer> callIndex, Placed p) {
        int[] out = new int[p.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = callIndex.get(p.first() + i);
        }
        return out;
    }

    /** The first x at or after {@code x} where a label {@code w} wide fits between the taken intervals of a row. */
    private static double firstFree(List<double[]> row, double x, double w) {
        double at = x;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (double[] iv : row) {
                if (at < iv[1] && iv[0] < at + w + GAP) {
                    at = iv[1];
                    moved = true;
                }
            }
        }
        return at;
    }

    private static List<Placed> layoutCalls(List<TimelineModel.Mark> marks, ToDoubleFunction<TimelineModel.Mark> xOf,
                                            java.util.function.Function<TimelineModel.Mark, String> textOf,
                                            ToDoubleFunction<String> widthOf, double left, double right, double top,
                                            double rowH, int rows, double maxShift) {
        int n = marks.size();
        List<Placed> placed = new ArrayList<>();
        // The rows' right ends before each placed label, so a label can be taken back and merged.
        List<double[]> before = new ArrayList<>();
        double[] ends = new double[rows];
        java.util.Arrays.fill(ends, Double.NEGATIVE_INFINITY);
        int i = 0;
        int groupFirst = 0;
        int groupCount = 1;
        while (i < n) {
            String text = groupCount == 1 ? textOf.apply(marks.get(groupFirst)) : groupText(marks, groupFirst, groupCount);
            double w = widthOf.applyAsDouble(text) + 4;
            double tick = xOf.applyAsDouble(marks.get(groupFirst));
            double x = Math.max(left, Math.min(tick + 2, right - w - 2)); // near the right edge: ends at the edge
            int row = -1;
            double at = Double.POSITIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                double free = Math.max(x, ends[r]);
                if (free < at && free + w <= right) {
                    at = free;
                    row = r;
                }
            }
            if ((row < 0 || at - x > maxShift) && !placed.isEmpty()) {
                // No room: take back the label before and show both as one group.
                Placed prev = placed.remove(placed.size() - 1);
                ends = before.remove(before.size() - 1);
                groupFirst = prev.first();
                groupCount = prev.count() + groupCount;
                continue;
            }
            if (row < 0 || at - x > maxShift) {
                row = 0; // the first label always has row 0 (nothing is before it)
                at = x;
            }
            before.add(ends.clone());
            placed.add(new Placed(groupFirst, groupCount, at, top + row * rowH, w, rowH, text, tick, null));
            ends[row] = at + w + GAP;
            i = groupFirst + groupCount;
            groupFirst = i;
            groupCount = 1;
        }
        return placed;
    }

    /** "4 calls", "3 printed lines", or "5 marks" when both kinds are in the group; ▸ says there is more. */
    static String groupText(List<TimelineModel.Mark> marks, int first, int count) {
        boolean calls = true;
        boolean lines = true;
        for (int k = first; k < first + count; k++) {
            calls &= marks.get(k).kind() == TimelineModel.Mark.Kind.CALL;
            lines &= marks.get(k).kind() == TimelineModel.Mark.Kind.OUTPUT;
        }
        return "\u25B8 " + count + (calls ? " calls" : lines ? " printed lines" : " marks");
    }

    /** A group's words, one line per mark with its time (the hover and an SVG's title). */
    public static String words(List<TimelineModel.Mark> marks, Placed p) {
        StringBuilder sb = new StringBuilder();
        for (int k : p.members()) {
            TimelineModel.Mark m = marks.get(k);
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(TimelineView.ms(m.at())).append("  ")
                    .append(m.kind() == TimelineModel.Mark.Kind.OUTPUT ? "printed: " : "").append(m.text());
        }
        return sb.toString();
    }
}
