package dev.poolscope.ui.timeline;

/**
 * The parts of one tile to repaint in the next frame: a few rectangles in whole pixels.
 *
 * <p>Why several and not one bounding box: in a frame, "now" moves a few pixels in every lane
 * (a thin column) while a new OS sample changes one lane's CPU strip over the last 100 ms
 * (a wide, low band). Their bounding box would be most of the tile; painted apart they are a
 * few hundred pixels, and in the software renderer the cost of a frame follows the pixels painted.
 *
 * <p>A rectangle is merged into one it touches when their bounding box is hardly larger than
 * the two (the same column in neighbouring lanes, one inside another); otherwise it is kept
 * apart, up to {@link #MAX}, after which it joins the rectangle it grows least. Plain Java, no
 * allocation once created.
 */
final class DirtyRects {
    static final int MAX = 12;
    /** Pixels a merge may add beyond the two rectangles' own areas. */
    private static final double SLACK = 64;
    private final double[] x0 = new double[MAX];
    private final double[] y0 = new double[MAX];
    private final double[] x1 = new double[MAX];
    private final double[] y1 = new double[MAX];
    private int count;

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    double x0(int i) {
        return x0[i];
    }

    double y0(int i) {
        return y0[i];
    }

    double x1(int i) {
        return x1[i];
    }

    double y1(int i) {
        return y1[i];
    }

    void clear() {
        count = 0;
    }

    /** Adds [ax, bx) x [ay, by), widened to whole pixels; an empty rectangle adds nothing. */
    void add(double ax, double ay, double bx, double by) {
        ax = Math.floor(ax);
        ay = Math.floor(ay);
        bx = Math.ceil(bx);
        by = Math.ceil(by);
        if (bx <= ax || by <= ay) {
            return;
        }
        double area = (bx - ax) * (by - ay);
        int best = -1;
        double bestGrowth = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double mx0 = Math.min(x0[i], ax);
            double my0 = Math.min(y0[i], ay);
            double mx1 = Math.max(x1[i], bx);
            double my1 = Math.max(y1[i], by);
            double growth = (mx1 - mx0) * (my1 - my0) - (x1[i] - x0[i]) * (y1[i] - y0[i]) - area;
            if (growth <= SLACK) {
                merge(i, ax, ay, bx, by);
                return;
            }
            if (growth < bestGrowth) {
                bestGrowth = growth;
                best = i;
            }
        }
        if (count < MAX) {
            x0[count] = ax;
            y0[count] = ay;
            x1[count] = bx;
            y1[count] = by;
            count++;
        } else {
            merge(best, ax, ay, bx, by);
        }
    }

    private void merge(int i, double ax, double ay, double bx, double by) {
        x0[i] = Math.min(x0[i], ax);
        y0[i] = Math.min(y0[i], ay);
        x1[i] = Math.max(x1[i], bx);
        y1[i] = Math.max(y1[i], by);
    }

    /** The pixels the rectangles cover, counting overlaps twice (for tests and the benchmark). */
    double area() {
        double a = 0;
        for (int i = 0; i < count; i++) {
            a += (x1[i] - x0[i]) * (y1[i] - y0[i]);
        }
        return a;
    }
}
