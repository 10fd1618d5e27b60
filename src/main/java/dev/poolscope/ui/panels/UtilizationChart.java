package dev.poolscope.ui.panels;

import dev.poolscope.trace.SlotStats;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Each worker's utilization as a column (0-100 %), with the percentage above and the worker
 * below when there is room. When the run was sampled from the OS, a narrower dark column beside
 * it is the CPU the worker's processes really used (1 core = 100 %), its percentage on a second
 * line: busy 100 % with CPU 50 % means the worker had a task all the time but half a core. One canvas, sized by its parent: two workers or 64 fit the same
 * space, and nothing is cut off at presenter size on a 1280x720 screen.
 */
final class UtilizationChart extends Region {
    private final Canvas canvas = new Canvas();
    private List<SlotStats> slots = List.of();
    private boolean dark;
    private double scale = 1;

    UtilizationChart() {
        setId("utilizationChart");
        getChildren().add(canvas);
        setMinSize(60, 70);
        setPrefSize(200, 110);
    }

    void setLook(boolean dark, double scale) {
        this.dark = dark;
        this.scale = scale;
        draw();
    }

    void show(List<SlotStats> slots) {
        if (slots.size() != this.slots.size()) {
            // About 30 px a worker, within limits: room for the results lists beside it.
            setPrefWidth(Math.max(70, Math.min(220, slots.size() * 30 * scale)));
        }
        this.slots = slots;
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        int n = slots.size();
        if (n == 0 || w < 10 || h < 30) {
            return;
        }
        Color text = dark ? Color.web("#e8ebef") : Color.web("#1b1f24");
        Color track = dark ? Color.web("#3a414c") : Color.web("#dde2e8");
        Color fill = dark ? Color.web("#56B4E9") : Color.web("#0072B2");
        double fontSize = 11 * scale;
        g.setFont(Font.font("System", fontSize));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        double slotW = Math.min(40 * scale, w / n);
        double colW = Math.max(1, slotW * 0.72);
        boolean labels = slotW >= 26 * scale;
        boolean cpu = slots.stream().anyMatch(s -> s.cpuUtilization() != null);
        Color cpuFill = dark ? Color.web("#e8ebef") : Color.web("#1b1f24");
        double top = labels ? (cpu ? 2 : 1) * (fontSize + 4) : 2;
        double bottom = h - (fontSize + 4);
        int every = Math.max(1, (int) Math.ceil(22 * scale / slotW));
        for (int i = 0; i < n; i++) {
            double u = Math.max(0, Math.min(1, slots.get(i).utilization()));
            double x = i * slotW + (slotW - colW) / 2;
            g.setFill(track);
            g.fillRect(x, top, colW, bottom - top);
            g.setFill(fill);
            g.fillRect(x, bottom - (bottom - top) * u, colW, (bottom - top) * u);
            Double c = slots.get(i).cpuUtilization();
            if (c != null) {
                // The CPU column: the right third of the busy one, so the two read as a pair.
                double cu = Math.max(0, Math.min(1, c));
                double cw = Math.max(1, colW * 0.34);
                g.setFill(cpuFill);
                g.fillRect(x + colW - cw, bottom - (bottom - top) * cu, cw, (bottom - top) * cu);
            }
            g.setFill(text);
            if (labels) {
                double row = fontSize + 4;
                g.fillText(String.format(Locale.ROOT, "%.0f%%", u * 100), x + colW / 2, row / 2 + 1);
                if (c != null) {
                    g.fillText(String.format(Locale.ROOT, "%.0f%%", c * 100), x + colW / 2, row * 1.5 + 1);
                }
            }
            if (i % every == 0) {
                g.fillText("W" + i, x + colW / 2, bottom + (h - bottom) / 2 + 1);
            }
        }
    }
}
