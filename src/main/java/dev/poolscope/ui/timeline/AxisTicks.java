package dev.poolscope.ui.timeline;

/** Tick positions and labels of the time axis, recomputed only when the geometry changes. */
final class AxisTicks {
    double[] x = new double[64];
    String[] labels = new String[64];
    int count;
    private long version = -1;
    private double scale = -1;

    void update(TimelineGeometry geo, double textScale) {
        if (geo.version() == version && textScale == scale) {
            return;
        }
        version = geo.version();
        scale = textScale;
        count = 0;
        double step = geo.tickStepNs(110 * textScale);
        double first = Math.ceil(Math.max(0, geo.visibleStartNs()) / step) * step;
        for (double t = first; t <= geo.visibleEndNs() && count < x.length; t += step) {
            x[count] = Math.round(geo.xOf(t)) + 0.5;
            labels[count] = TimelineGeometry.formatTick(t, step);
            count++;
        }
    }
}
