package dev.poolscope.ui.timeline;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What the timeline painter draws with: the few GraphicsContext calls it uses. The live view
 * draws on canvas tiles through {@link CanvasPen}; an SVG export writes the same calls as vector
 * shapes and text. So every picture of a run, on screen or in a file, comes from one painter and
 * one {@link TimelineGeometry}.
 */
public interface Pen {
    void setFill(Color c);

    void setStroke(Color c);

    void setLineWidth(double w);

    /** Dash lengths, or null for a solid line. */
    void setLineDashes(double... dashes);

    void setFont(Font f);

    void setTextAlign(TextAlignment a);

    void setTextBaseline(VPos b);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    void strokeLine(double x0, double y0, double x1, double y1);

    void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH);

    void fillText(String text, double x, double y);

    /**
     * What follows up to {@link #end()} draws one thing, e.g. a task's bar ({@code kind} "task",
     * {@code title} its name). A canvas ignores it; an SVG groups the shapes and titles them.
     */
    default void begin(String kind, String title) {
    }

    /**
     * Whether something drawn within [x0, x1) x [y0, y1) may show: false only when it certainly
     * falls outside the part being repainted, so a painter can skip work (text it would have to
     * lay out) that would be clipped away. Every whole picture answers true.
     */
    default boolean mayTouch(double x0, double y0, double x1, double y1) {
        return true;
    }

    default void end() {
    }
}
