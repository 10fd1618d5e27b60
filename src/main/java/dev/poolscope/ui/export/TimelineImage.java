package dev.poolscope.ui.export;

import dev.poolscope.ui.timeline.CanvasPen;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.Palette;
import dev.poolscope.ui.timeline.TimelineGeometry;
import dev.poolscope.ui.timeline.TimelinePicture;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

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

    public static WritableImage of(TimelineModel run, long nowNs, long spanNs, int width, int height, double scale,
                                   Palette palette, double textScale) {
        Canvas canvas = canvas(run, nowNs, spanNs, width, height, scale, palette, textScale);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(palette.background());
        return canvas.snapshot(p, new WritableImage(pixels(width, scale), pixels(height, scale)));
    }

    /**
     * The picture with a caption band along its bottom (a tutorial step): the timeline takes the
     * height above the band, the band says the caption and the moment.
     */
    public static WritableImage withCaption(RunMoment m, String caption, int width, int height, double scale,
                                            Palette palette, double textScale) {
        double band = Math.round(44 * textScale);
        Canvas canvas = canvas(m.live(), m.nowNs(), m.spanNs(), width, Math.max(MIN_PLOT, height - band), scale,
                palette, textScale);
        Canvas whole = new Canvas(pixels(width, scale), pixels(height, scale));
        GraphicsContext g = whole.getGraphicsContext2D();
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(palette.background());
        g.drawImage(canvas.snapshot(p, null), 0, 0);
        g.scale(scale, scale);
        double top = Math.max(MIN_PLOT, height - band);
        g.setFill(palette.header());
        g.fillRect(0, top, width, height - top);
        g.setFill(palette.now());
        g.fillRect(0, top, 6, height - top);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(palette.text());
        g.setFont(Font.font("System", FontWeight.BOLD, 18 * textScale));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(caption, 18, top + (height - top) / 2, width - 150 * textScale);
        g.setFill(palette.mutedText());
        g.setFont(Font.font("System", 14 * textScale));
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(java.util.Locale.ROOT, "at %.2f s", m.nowNs() / 1e9), width - 12,
                top + (height - top) / 2);
        return whole.snapshot(p, new WritableImage(pixels(width, scale), pixels(height, scale)));
    }

    private static final double MIN_PLOT = 60;

    /** A canvas of the picture, {@code scale} times the given size. */
    static Canvas canvas(TimelineModel run, long nowNs, long spanNs, double width, double height, double scale,
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
