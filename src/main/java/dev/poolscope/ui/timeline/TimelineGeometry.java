package dev.poolscope.ui.timeline;

/**
 * Where things go on the timeline: time to x, lane to y, zoom and pan. Plain Java (no JavaFX)
 * so the live view, a replay and an image export all draw the same picture.
 *
 * <p>Times are nanoseconds since the run started. The visible window is
 * [{@code startNs}, {@code startNs + width * nsPerPx}]. Until the user zooms or pans, the
 * window follows the run ({@link #follow}); "fit" returns to following.
 */
public final class TimelineGeometry {
    /** The shortest window shown, so the first frames of a run are not absurdly zoomed. */
    static final long MIN_SPAN_NS = 1_000_000_000L;
    private double headerWidth = 190;
    private double axisHeight = 34;
    private double width = 800;
    private double height = 400;
    private double startNs;
    private double nsPerPx = MIN_SPAN_NS / 600.0;
    private int lanes = 1;
    private boolean userControlled;
    /** Changes whenever the mapping changes, so a renderer knows when to redraw everything. */
    private long version;

    /** Sets the canvas size and the text scale (1 normal, larger in presenter mode). */
    public void resize(double width, double height, double textScale) {
        if (width != this.width || height != this.height || Math.round(190 * textScale) != headerWidth) {
            version++;
        }
        double span = nsPerPx * plotWidth();
        this.width = width;
        this.height = height;
        this.headerWidth = Math.round(190 * textScale);
        this.axisHeight = Math.round(34 * textScale);
        if (!userControlled) {
            // Following (or fitted): the same span on the new width. A scale set while the
            // view had no width yet (a plot of 1 px: a second per pixel) must not become a
            // 15-minute axis once the window is laid out; follow() only ever widens the span.
            nsPerPx = span / plotWidth();
        }
    }

    public void setLanes(int lanes) {
        this.lanes = Math.max(1, lanes);
        version++;
    }

    public long version() {
        return version;
    }

    public int lanes() {
        return lanes;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double headerWidth() {
        return headerWidth;
    }

    public double axisHeight() {
        return axisHeight;
    }

    /** Width of the area where bars are drawn, right of the lane headers. */
    public double plotWidth() {
        return Math.max(1, width - headerWidth - 12);
    }

    public double xOf(double ns) {
        return headerWidth + (ns - startNs) / nsPerPx;
    }

    public double nsAt(double x) {
        return startNs + (x - headerWidth) * nsPerPx;
    }

    public double visibleStartNs() {
        return startNs;
    }

    public double visibleEndNs() {
        return startNs + plotWidth() * nsPerPx;
    }

    public double nsPerPx() {
        return nsPerPx;
    }

    /**
     * Whole pixels, so every lane starts and ends on a pixel edge: a lane repainted alone (see
     * TimelineRenderer) then covers its pixels exactly, with no row shared with its neighbour
     * whose colour would depend on what was painted there before. What is left over is below
     * the last lane.
     */
    public double laneHeight() {
        return Math.max(6, Math.floor((height - axisHeight) / lanes));
    }

    public double laneTop(int lane) {
        return axisHeight + lane * laneHeight();
    }

    /** The lane at a y position, or -1 outside every lane. */
    public int laneAt(double y) {
        if (y < axisHeight) {
            return -1;
        }
        int lane = (int) ((y - axisHeight) / laneHeight());
        return lane < lanes ? lane : -1;
    }

    public boolean userControlled() {
        return userControlled;
    }

    /**
     * Keeps [0, now] in view while the user has not zoomed. The scale grows in steps of 1.5x
     * rather than every frame: easier to watch, and between steps only the newest part of the
     * picture changes, so a frame redraws a thin strip instead of everything.
     */
    public void follow(double totalNs) {
        if (userControlled) {
            return;
        }
        double needed = Math.max(MIN_SPAN_NS, totalNs * 1.05);
        double span = nsPerPx * plotWidth();
        if (startNs != 0 || span < needed) {
            set(0, Math.max(needed, span * 1.5) / plotWidth());
        }
    }

    /** Fits the whole run and goes back to following it as it grows. */
    public void fit(double totalNs) {
        double span = Math.max(MIN_SPAN_NS, totalNs * 1.08);
        set(0, span / plotWidth());
    }

    private void set(double newStart, double newNsPerPx) {
        if (newStart != startNs || newNsPerPx != nsPerPx) {
            startNs = newStart;
            nsPerPx = newNsPerPx;
            version++;
        }
    }

    public void resetFollow(double totalNs) {
        userControlled = false;
        fit(totalNs);
    }

    /** The shortest span a finished run is fitted to: a 3 ms program still fills the width. */
    static final long MIN_FIT_SPAN_NS = 2_000_000L;

    /**
     * Fits what happened, [{@code fromNs}, {@code toNs}], rather than [0, end]: a program whose
     * processes ran 50 ms after 150 ms of interpreter start-up is drawn on a 60 ms axis, not a 1 s
     * one. When the quiet start is under a tenth of the whole, the axis starts at 0 as usual.
     */
    public void fitActivity(double fromNs, double toNs) {
        double span = Math.max(MIN_FIT_SPAN_NS, (toNs - fromNs) * 1.08);
        if (fromNs <= 0 || fromNs < 0.1 * toNs) {
            set(0, Math.max(MIN_FIT_SPAN_NS, toNs * 1.08) / plotWidth());
            return;
        }
        set(Math.max(0, fromNs - span * 0.03), span / plotWidth());
    }

    /** As {@link #fitActivity}, and back to following the run. */
    public void resetFollow(double fromNs, double toNs) {
        userControlled = false;
        fitActivity(fromNs, toNs);
    }

    /** Zooms by {@code factor} (>1 zooms in) keeping the time under {@code x} in place. */
    public void zoomAt(double x, double factor) {
        double anchor = nsAt(x);
        double npp = Math.max(1_000, Math.min(1e10, nsPerPx / factor));
        set(anchor - (x - headerWidth) * npp, npp);
        userControlled = true;
    }

    public void panBy(double dx) {
        set(startNs - dx * nsPerPx, nsPerPx);
        userControlled = true;
    }

    /** A tick step in ns: 1, 2 or 5 times a power of ten, about {@code minPx} pixels apart. */
    public double tickStepNs(double minPx) {
        double raw = nsPerPx * minPx;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (pow * m >= raw) {
                return pow * m;
            }
        }
        return pow * 10;
    }

    /** A tick label: "0 s", "250 ms", "1.5 s", "2 min". */
    public static String formatTick(double ns, double stepNs) {
        double ms = ns / 1e6;
        if (stepNs < 1e6) {
            return String.format("%.1f ms", ms);
        }
        if (stepNs < 1e9 && Math.abs(ms) < 1000) {
            return Math.round(ms) + " ms";
        }
        double s = ns / 1e9;
        if (stepNs >= 60e9) {
            return Math.round(s / 60) + " min";
        }
        return (stepNs < 1e9 ? String.format("%.1f", s) : String.valueOf(Math.round(s))) + " s";
    }
}
