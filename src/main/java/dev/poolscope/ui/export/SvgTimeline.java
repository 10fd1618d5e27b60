package dev.poolscope.ui.export;

import dev.poolscope.files.AtomicFile;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.Palette;
import dev.poolscope.ui.timeline.TimelineGeometry;
import dev.poolscope.ui.timeline.TimelinePicture;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The timeline as SVG: the live view's painter and geometry drawing through an {@link SvgPen},
 * so the file holds a rectangle and a label per bar, the lane headers and the axis as text.
 * FX thread (the painter measures text with JavaFX's fonts).
 */
public final class SvgTimeline {
    private SvgTimeline() {}

    /** The SVG document; {@code scale} only sets its default display size. */
    public static String of(RunMoment m, int width, int height, double scale, Palette palette, double textScale) {
        TimelineModel run = m.live();
        SvgPen pen = new SvgPen(width, height, scale);
        TimelineGeometry geo = TimelinePicture.geometry(run, width, height, textScale, m.spanNs());
        new TimelinePicture(palette, textScale).paint(pen, geo, run, m.nowNs());
        return pen.finish();
    }

    public static void write(String svg, Path file) throws IOException {
        AtomicFile.write(file, out -> out.write(svg));
    }
}
