package dev.poolscope.ui.export;

import dev.poolscope.ui.timeline.Pen;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A {@link Pen} that writes SVG: each painter call becomes a real shape or a text element, in
 * the painter's own coordinates, so the SVG is the live view's picture as vectors. A task's
 * bar is a group with class "task" and the task's name as its title.
 */
final class SvgPen implements Pen {
    private final StringBuilder out = new StringBuilder(64 * 1024);
    private Color fill = Color.BLACK;
    private Color stroke = Color.BLACK;
    private double lineWidth = 1;
    private double[] dashes;
    private Font font = Font.getDefault();
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;

    SvgPen(double width, double height, double scale) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width * scale))
                .append("\" height=\"").append(num(height * scale)).append("\" viewBox=\"0 0 ").append(num(width))
                .append(' ').append(num(height)).append("\" font-family=\"").append(fontFamily())
                // Labels keep their spaces ("W0  PID 101"), as on the canvas.
                .append("\" xml:space=\"preserve\" style=\"white-space: pre\">\n");
    }

    /** The finished document. */
    String finish() {
        return out + "</svg>\n";
    }

    private static String fontFamily() {
        return "'Segoe UI', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";
    }

    @Override
    public void setFill(Color c) {
        fill = c;
    }

    @Override
    public void setStroke(Color c) {
        stroke = c;
    }

    @Override
    public void setLineWidth(double w) {
        lineWidth = w;
    }

    @Override
    public void setLineDashes(double... d) {
        dashes = d == null || d.length == 0 ? null : d.clone();
    }

    @Override
    public void setFont(Font f) {
        font = f;
    }

    @Override
    public void setTextAlign(TextAlignment a) {
        align = a;
    }

    @Override
    public void setTextBaseline(VPos b) {
        baseline = b;
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        if (w > 0 && h > 0) {
            out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                    .append(num(w)).append("\" height=\"").append(num(h)).append('"').append(paint("fill", fill))
                    .append("/>\n");
        }
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(0, w))).append("\" height=\"").append(num(Math.max(0, h)))
                .append("\" fill=\"none\"").append(strokeAttributes()).append("/>\n");
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        out.append("<line x1=\"").append(num(x0)).append("\" y1=\"").append(num(y0)).append("\" x2=\"")
                .append(num(x1)).append("\" y2=\"").append(num(y1)).append('"').append(strokeAttributes())
                .append("/>\n");
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\" rx=\"").append(num(arcW / 2))
                .append("\" ry=\"").append(num(arcH / 2)).append('"').append(paint("fill", fill)).append("/>\n");
    }

    @Override
    public void fillText(String text, double x, double y) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                .append(num(font.getSize())).append('"');
        if (isBold(font)) {
            out.append(" font-weight=\"bold\"");
        }
        switch (align) {
            case CENTER -> out.append(" text-anchor=\"middle\"");
            case RIGHT -> out.append(" text-anchor=\"end\"");
            default -> { }
        }
        switch (baseline) {
            case CENTER -> out.append(" dominant-baseline=\"central\"");
            case TOP -> out.append(" dominant-baseline=\"hanging\"");
            case BOTTOM -> out.append(" dominant-baseline=\"text-after-edge\"");
            default -> { }
        }
        out.append(paint("fill", fill)).append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void begin(String kind, String title) {
        out.append("<g class=\"").append(escape(kind)).append("\"><title>").append(escape(title)).append("</title>\n");
    }

    @Override
    public void end() {
        out.append("</g>\n");
    }

    private static boolean isBold(Font f) {
        String style = f.getStyle().toLowerCase(Locale.ROOT);
        return style.contains("bold") || FontWeight.findByName(style) == FontWeight.BOLD;
    }

    private String strokeAttributes() {
        StringBuilder s = new StringBuilder(paint("stroke", stroke)).append(" stroke-width=\"").append(num(lineWidth))
                .append('"');
        if (dashes != null) {
            s.append(" stroke-dasharray=\"");
            for (int i = 0; i < dashes.length; i++) {
                s.append(i == 0 ? "" : " ").append(num(dashes[i]));
            }
            s.append('"');
        }
        return s.toString();
    }

    private static String paint(String attribute, Color c) {
        String hex = String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        String s = " " + attribute + "=\"" + hex + "\"";
        return c.getOpacity() < 1 ? s + " " + attribute + "-opacity=\"" + num(c.getOpacity()) + "\"" : s;
    }

    static String num(double v) {
        double r = Math.round(v * 100) / 100.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    // XML 1.0 has no place for most control characters: a task could print them.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
