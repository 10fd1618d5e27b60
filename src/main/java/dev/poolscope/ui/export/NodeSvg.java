package dev.poolscope.ui.export;

import static dev.poolscope.ui.export.SvgPen.escape;
import static dev.poolscope.ui.export.SvgPen.num;

import dev.poolscope.files.AtomicFile;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.TimelinePicture;
import dev.poolscope.ui.timeline.TimelineView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;

/**
 * Any window content as SVG vectors (the sweep's charts, the comparison): walks the visible
 * nodes and writes each shape, text and plain background in scene coordinates, with its own
 * colours (plain colours only; gradients and images are left out). Timelines are drawn by their
 * painter through an {@link SvgPen}, so a bar is a rectangle and a task name is text, as in the
 * timeline's own SVG. The document covers everything drawn, also what a scroll pane hides.
 * FX thread.
 */
public final class NodeSvg {
    private final StringBuilder body = new StringBuilder(64 * 1024);
    private double minX;
    private double minY;
    private double maxX;
    private double maxY;

    private NodeSvg(double width, double height) {
        maxX = width;
        maxY = height;
    }

    /** The SVG document of {@code root} (a node in a scene) and everything visible below it. */
    public static String of(Node root) {
        root.applyCss();
        NodeSvg svg = new NodeSvg(root.getScene().getWidth(), root.getScene().getHeight());
        svg.visit(root);
        return svg.document();
    }

    public static void write(Node root, Path file) throws IOException {
        String svg = of(root);
        AtomicFile.write(file, out -> out.write(svg));
    }

    private String document() {
        double w = maxX - minX;
        double h = maxY - minY;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
                + num(w) + "\" height=\"" + num(h) + "\" viewBox=\"" + num(minX) + " " + num(minY) + " " + num(w)
                + " " + num(h) + "\" font-family=\"'Segoe UI', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif\">\n"
                + body + "</svg>\n";
    }

    private void visit(Node n) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof TimelineView t) {
            timeline(t);
            return; // its canvases are this picture as pixels
        }
        if (n instanceof Region r) {
            background(r);
        }
        if (n instanceof Text t) {
            text(t);
        } else if (n instanceof Shape s) {
            shape(s);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(this::visit);
        }
    }

    private void timeline(TimelineView v) {
        TimelineModel run = v.run();
        if (run == null || !run.isFinished()) {
            return; // a run still going has no fixed picture yet
        }
        SvgPen pen = new SvgPen(v.geometry().width(), v.geometry().height(), 1);
        new TimelinePicture(v.palette(), v.textScale()).paint(pen, v.geometry(), run, run.finishedAt());
        Point2D at = v.localToScene(0, 0);
        String inner = pen.finish();
        body.append("<g transform=\"translate(").append(num(at.getX())).append(' ').append(num(at.getY()))
                .append(")\">\n").append(inner, inner.indexOf("<svg"), inner.length()).append("</g>\n");
        grow(v.localToScene(v.getBoundsInLocal()));
    }

    /** Plain-colour background fills, as rectangles (chart symbols are such regions). */
    private void background(Region r) {
        if (r.getBackground() == null) {
            return;
        }
        for (BackgroundFill f : r.getBackground().getFills()) {
            if (!(f.getFill() instanceof Color c) || c.getOpacity() == 0) {
                continue;
            }
            Insets in = f.getInsets();
            Point2D a = r.localToScene(in.getLeft(), in.getTop());
            Point2D b = r.localToScene(r.getWidth() - in.getRight(), r.getHeight() - in.getBottom());
            double radius = f.getRadii() == null ? 0 : f.getRadii().getTopLeftHorizontalRadius();
            rect(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()), Math.abs(b.getX() - a.getX()),
                    Math.abs(b.getY() - a.getY()), radius * scaleOf(r), r, paint("fill", c));
        }
    }

    private void shape(Shape s) {
        String style = paint("fill", s.getFill()) + strokeOf(s);
        if (s instanceof javafx.scene.shape.Path p) {
            String d = SvgPathData.of(p);
            if (!d.isEmpty()) {
                open("path", s).append(" d=\"").append(d).append('"').append(style).append("/>\n");
            }
        } else if (s instanceof Line l) {
            Point2D a = s.localToScene(l.getStartX(), l.getStartY());
            Point2D b = s.localToScene(l.getEndX(), l.getEndY());
            open("line", s).append(" x1=\"").append(num(a.getX())).append("\" y1=\"").append(num(a.getY()))
                    .append("\" x2=\"").append(num(b.getX())).append("\" y2=\"").append(num(b.getY())).append('"')
                    .append(style).append("/>\n");
        } else if (s instanceof Polyline || s instanceof Polygon) {
            var pts = s instanceof Polyline pl ? pl.getPoints() : ((Polygon) s).getPoints();
            StringBuilder list = new StringBuilder();
            for (int i = 0; i + 1 < pts.size(); i += 2) {
                Point2D q = s.localToScene(pts.get(i), pts.get(i + 1));
                list.append(i == 0 ? "" : " ").append(num(q.getX())).append(',').append(num(q.getY()));
            }
            open(s instanceof Polyline ? "polyline" : "polygon", s).append(" points=\"").append(list).append('"')
                    .append(style).append("/>\n");
        } else if (s instanceof Rectangle r) {
            Point2D a = s.localToScene(r.getX(), r.getY());
            double k = scaleOf(s);
            rect(a.getX(), a.getY(), r.getWidth() * k, r.getHeight() * k, r.getArcWidth() / 2 * k, s, style);
        } else if (s instanceof Circle c) {
            Point2D o = s.localToScene(c.getCenterX(), c.getCenterY());
            open("circle", s).append(" cx=\"").append(num(o.getX())).append("\" cy=\"").append(num(o.getY()))
                    .append("\" r=\"").append(num(c.getRadius() * scaleOf(s))).append('"').append(style).append("/>\n");
        } else if (s instanceof Ellipse e) {
            Point2D o = s.localToScene(e.getCenterX(), e.getCenterY());
            double k = scaleOf(s);
            open("ellipse", s).append(" cx=\"").append(num(o.getX())).append("\" cy=\"").append(num(o.getY()))
                    .append("\" rx=\"").append(num(e.getRadiusX() * k)).append("\" ry=\"").append(num(e.getRadiusY() * k))
                    .append('"').append(style).append("/>\n");
        } else {
            return; // arcs, curves and SVG paths as shapes: not used by the windows exported
        }
        grow(s.localToScene(s.getBoundsInLocal()));
    }

    /** A text node, a line per line it shows (wrapped labels keep their lines), rotated as on screen. */
    private void text(Text t) {
        if (t.getText() == null || t.getText().isBlank()) {
            return;
        }
        Bounds local = t.getLayoutBounds();
        Transform m = t.getLocalToSceneTransform();
        double angle = Math.toDegrees(Math.atan2(m.getMyx(), m.getMxx()));
        double lineHeight = TextLines.height(t);
        double y = local.getMinY() + t.getBaselineOffset();
        for (String line : TextLines.of(t)) {
            Point2D p = t.localToScene(local.getMinX(), y);
            open("text", t).append(" x=\"").append(num(p.getX())).append("\" y=\"").append(num(p.getY()))
                    .append("\" font-size=\"").append(num(t.getFont().getSize() * scaleOf(t))).append('"');
            if (t.getFont().getStyle().toLowerCase(Locale.ROOT).contains("bold")) {
                body.append(" font-weight=\"bold\"");
            }
            if (Math.abs(angle) > 0.01) {
                body.append(" transform=\"rotate(").append(num(angle)).append(' ').append(num(p.getX())).append(' ')
                        .append(num(p.getY())).append(")\"");
            }
            body.append(paint("fill", t.getFill())).append(" xml:space=\"preserve\">").append(escape(line))
                    .append("</text>\n");
            y += lineHeight;
        }
        grow(t.localToScene(t.getBoundsInLocal()));
    }

    private void rect(double x, double y, double w, double h, double radius, Node n, String style) {
        if (w <= 0 || h <= 0) {
            return;
        }
        open("rect", n).append(" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append('"');
        if (radius > 0) {
            body.append(" rx=\"").append(num(Math.min(radius, Math.min(w, h) / 2))).append('"');
        }
        body.append(style).append("/>\n");
        grow(n.localToScene(n.getBoundsInLocal()));
    }

    /** Starts an element, with the node's style classes as its class (a chart series says which it is). */
    private StringBuilder open(String element, Node n) {
        body.append('<').append(element);
        if (!n.getStyleClass().isEmpty()) {
            body.append(" class=\"").append(escape(String.join(" ", n.getStyleClass()))).append('"');
        }
        if (n.getOpacity() < 1) {
            body.append(" opacity=\"").append(num(n.getOpacity())).append('"');
        }
        return body;
    }

    private static String strokeOf(Shape s) {
        String stroke = paint("stroke", s.getStroke());
        if (stroke.contains("none")) {
            return stroke;
        }
        StringBuilder b = new StringBuilder(stroke).append(" stroke-width=\"")
                .append(num(s.getStrokeWidth() * scaleOf(s))).append('"');
        if (!s.getStrokeDashArray().isEmpty()) {
            b.append(" stroke-dasharray=\"");
            s.getStrokeDashArray().forEach(d -> b.append(num(d)).append(' '));
            b.setLength(b.length() - 1);
            b.append('"');
        }
        return b.toString();
    }

    /** A plain colour as an attribute; anything else (none, a gradient, an image) as "none". */
    private static String paint(String attribute, Paint p) {
        if (!(p instanceof Color c) || c.getOpacity() == 0) {
            return " " + attribute + "=\"none\"";
        }
        String s = String.format(Locale.ROOT, " %s=\"#%02x%02x%02x\"", attribute, Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        return c.getOpacity() < 1 ? s + " " + attribute + "-opacity=\"" + num(c.getOpacity()) + "\"" : s;
    }

    static double scaleOf(Node n) {
        Transform m = n.getLocalToSceneTransform();
        return Math.hypot(m.getMxx(), m.getMyx());
    }

    private void grow(Bounds b) {
        minX = Math.min(minX, b.getMinX());
        minY = Math.min(minY, b.getMinY());
        maxX = Math.max(maxX, b.getMaxX());
        maxY = Math.max(maxY, b.getMaxY());
    }
}
