package dev.poolscope.ui.export;

import dev.poolscope.ui.timeline.CanvasPen;
import dev.poolscope.ui.timeline.LiveRun;
import dev.poolscope.ui.timeline.Palette;
import dev.poolscope.ui.timeline.TimelineGeometry;
import dev.poolscope.ui.timeline.TimelinePicture;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;

/**
 * The timeline of a moment as an image of exactly {@code width * scale} x {@code height * scale}
 * pixels: the live view's painter on one canvas that many pixels big, drawing in the view's
 * coordinates scaled up, so text and lines stay sharp at 2x. FX thread only.
 */
public final class TimelineImage {
    private TimelineImage() {}

    public static WritableImage of(RunMoment m, int width, int height, double scale, Palette palette,
                                   double textScale) {
        return of(m.live(), m.nowNs(), m.spanNs(), width, height, scale, palette, textScale);
    }

    public static WritableImage of(LiveRun run, long nowNs, long spanNs, int width, int height, double scale,
                                   Palette palette, double textScale) {
        Canvas canvas = canvas(run, nowNs, spanNs, width, height, scale, palette, textScale);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(palette.background());
        return canvas.snapshot(p, new WritableImage(pixels(width, scale), pixels(height, scale)));
    }

    /** A canvas of the picture, {@code scale} times the given size. */
    static Canvas canvas(LiveRun run, long nowNs, long spanNs, double width, double height, double scale,
                         Palette palette, double textScale) {
        Canvas canvas = new Canvas(pixels(width, scale), pixels(height, scale));
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.scale(scale, scale);
        TimelineGeometry geo = TimelinePicture.geometry(run, width, height, textScale, spanNs);
        new TimelinePicture(palette, textScale).paint(new CanvasPen(g), geo, run, nowNs);
        return canvas;
    }

    static int pixels(double size, double scale) {
        return (int) Math.round(size * scale);
    }
}
