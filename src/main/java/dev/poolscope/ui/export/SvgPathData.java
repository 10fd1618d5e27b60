package dev.poolscope.ui.export;

import static dev.poolscope.ui.export.SvgPen.num;

import javafx.geometry.Point2D;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.VLineTo;

/**
 * A JavaFX path as SVG path data in scene coordinates: moves, lines and closes exactly; a curve
 * or arc as a line to its end point (the windows exported draw straight lines only: chart
 * series and grid lines).
 */
final class SvgPathData {
    private SvgPathData() {}

    static String of(Path p) {
        StringBuilder d = new StringBuilder();
        double x = 0;
        double y = 0;
        double startX = 0;
        double startY = 0;
        for (PathElement e : p.getElements()) {
            double bx = e.isAbsolute() ? 0 : x;
            double by = e.isAbsolute() ? 0 : y;
            char op = 'L';
            if (e instanceof MoveTo m) {
                x = bx + m.getX();
                y = by + m.getY();
                startX = x;
                startY = y;
                op = 'M';
            } else if (e instanceof LineTo l) {
                x = bx + l.getX();
                y = by + l.getY();
            } else if (e instanceof HLineTo h) {
                x = bx + h.getX();
            } else if (e instanceof VLineTo v) {
                y = by + v.getY();
            } else if (e instanceof CubicCurveTo c) {
                x = bx + c.getX();
                y = by + c.getY();
            } else if (e instanceof QuadCurveTo q) {
                x = bx + q.getX();
                y = by + q.getY();
            } else if (e instanceof ArcTo a) {
                x = bx + a.getX();
                y = by + a.getY();
            } else if (e instanceof ClosePath) {
                d.append(d.length() == 0 ? "" : " ").append('Z');
                x = startX;
                y = startY;
                continue;
            }
            Point2D s = p.localToScene(x, y);
            d.append(d.length() == 0 ? "" : " ").append(op).append(' ').append(num(s.getX())).append(' ')
                    .append(num(s.getY()));
        }
        return d.toString();
    }
}
