package dev.poolscope.ui.timeline;

/**
 * The timeline as one picture, for image, SVG and GIF export: the live view's painter and
 * geometry, drawing everything at once on any {@link Pen} instead of on tiles.
 */
public final class TimelinePicture {
    private final TimelinePainter painter = new TimelinePainter();

    public TimelinePicture(Palette palette, double textScale) {
        painter.setStyle(palette, textScale);
    }

    /**
     * A geometry of {@code width} x {@code height} showing the first {@code spanNs} of the run
     * (the whole run when it is the run's length), as the live view's Fit shows it.
     */
    public static TimelineGeometry geometry(TimelineModel run, double width, double height, double textScale, long spanNs) {
        TimelineGeometry geo = new TimelineGeometry();
        geo.resize(width, height, textScale);
        geo.setLanes(run == null ? 1 : run.laneCount());
        geo.fit(spanNs);
        return geo;
    }

    /** Paints the run as it stood at {@code nowNs} (ns since it started). */
    public void paint(Pen pen, TimelineGeometry geo, TimelineModel run, long nowNs) {
        painter.paintWhole(pen, geo, run, nowNs);
    }
}
