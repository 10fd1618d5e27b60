package dev.poolscope.ui.export;

import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.Palette;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * A timeline that does not move, sized by its layout like the live view: it paints the moment
 * at whatever size it is given, on a canvas {@code scale} times as many pixels (shown shrunk),
 * so a snapshot at that scale keeps the bars and text sharp.
 */
final class StillTimeline extends Region {
    private final TimelineModel run;
    private final long nowNs;
    private final long spanNs;
    private final double scale;
    private final Palette palette;
    private final double textScale;

    StillTimeline(TimelineModel run, long nowNs, long spanNs, double scale, Palette palette, double textScale) {
        this.run = run;
        this.nowNs = nowNs;
        this.spanNs = spanNs;
        this.scale = scale;
        this.palette = palette;
        this.textScale = textScale;
        setMinSize(200, 120);
        setPrefSize(800, 400);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w <= 0 || h <= 0) {
            return;
        }
        Canvas c = TimelineImage.canvas(run, nowNs, spanNs, w, h, scale, palette, textScale);
        c.getTransforms().setAll(new Scale(1 / scale, 1 / scale));
        c.setManaged(false);
        getChildren().setAll(c);
    }
}
