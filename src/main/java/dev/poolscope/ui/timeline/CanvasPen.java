package dev.poolscope.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A {@link Pen} that draws on a canvas: each call is the GraphicsContext call of the same name,
 * except that a shape wholly outside the area being repainted ({@link #cullTo}) is not sent at
 * all: the canvas would clip it to nothing, but only after its render thread had spent a few
 * microseconds on it, and a thin repaint (a CPU strip band) crosses many bars it does not touch.
 */
public final class CanvasPen implements Pen {
    private final GraphicsContext g;
    private double cx0 = Double.NEGATIVE_INFINITY;
    private double cy0 = Double.NEGATIVE_INFINITY;
    private double cx1 = Double.POSITIVE_INFINITY;
    private double cy1 = Double.POSITIVE_INFINITY;

    public CanvasPen(GraphicsContext g) {
        this.g = g;
    }

    /** Sends only what may touch [x0, x1) x [y0, y1) until {@link #cullNothing()}. */
    void cullTo(double x0, double y0, double x1, double y1) {
        cx0 = x0;
        cy0 = y0;
        cx1 = x1;
        cy1 = y1;
    }

    void cullNothing() {
        cullTo(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    @Override
    public boolean mayTouch(double x0, double y0, double x1, double y1) {
        return !outside(x0, y0, x1, y1, 1);
    }

    /** Whether [x0, x1] x [y0, y1], grown by {@code m} on every side, misses the area being repainted. */
    private boolean outside(double x0, double y0, double x1, double y1, double m) {
        return Math.max(x0, x1) + m <= cx0 || Math.min(x0, x1) - m >= cx1
                || Math.max(y0, y1) + m <= cy0 || Math.min(y0, y1) - m >= cy1;
    }

    @Override
    public void setFill(Color c) {
        g.setFill(c);
    }

    @Override
    public void setStroke(Color c) {
        g.setStroke(c);
    }

    @Override
    public void setLineWidth(double w) {
        g.setLineWidth(w);
    }

    @Override
    public void setLineDashes(double... dashes) {
        g.setLineDashes(dashes);
    }

    @Override
    public void setFont(Font f) {
        g.setFont(f);
    }

    @Override
    public void setTextAlign(TextAlignment a) {
        g.setTextAlign(a);
    }

    @Override
    public void setTextBaseline(VPos b) {
        g.setTextBaseline(b);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        if (!outside(x, y, x + w, y + h, 1)) {
            g.fillRect(x, y, w, h);
        }
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        if (!outside(x, y, x + w, y + h, g.getLineWidth() + 1)) {
            g.strokeRect(x, y, w, h);
        }
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        if (!outside(x0, y0, x1, y1, g.getLineWidth() + 1)) {
            g.strokeLine(x0, y0, x1, y1);
        }
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        if (!outside(x, y, x + w, y + h, 1)) {
            g.fillRoundRect(x, y, w, h, arcW, arcH);
        }
    }

    @Override
    public void fillText(String text, double x, double y) {
        // Text extends about a font size around its baseline point, and away from its anchor
        // in the direction of its alignment: cull only what certainly misses.
        double size = g.getFont().getSize();
        TextAlignment align = g.getTextAlign();
        boolean missesY = y + size * 1.5 <= cy0 || y - size * 1.5 >= cy1;
        boolean missesX = align == TextAlignment.LEFT ? x - 2 >= cx1 : align == TextAlignment.RIGHT && x + 2 <= cx0;
        if (!missesY && !missesX) {
            g.fillText(text, x, y);
        }
    }
}
