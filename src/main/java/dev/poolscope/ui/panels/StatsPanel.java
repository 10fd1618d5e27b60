package dev.poolscope.ui.panels;

import dev.poolscope.trace.SlotStats;
import dev.poolscope.trace.Stats;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Makespan, speedup, efficiency, the lower bound and each worker's utilization, live. Value
 * labels are never cut ("620 …"): their columns keep their preferred width. The per-worker bars
 * are drawn on one small canvas rather than built from 64 controls, which made the first
 * statistics of a 32-worker run a 100 ms frame.
 */
final class StatsPanel extends VBox {
    private final Label makespan = value("statMakespan");
    private final Label busy = value("statBusy");
    private final Label speedup = value("statSpeedup");
    private final Label efficiency = value("statEfficiency");
    private final Label lowerBound = value("statLowerBound");
    private final Canvas bars = new Canvas(200, 0);
    private final Pane barsHolder = new Pane(bars);
    private List<SlotStats> slots = List.of();
    private boolean dark;
    private double scale = 1;

    StatsPanel() {
        getStyleClass().add("stats-panel");
        Label title = new Label("Statistics");
        title.getStyleClass().add("panel-title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        grid.addRow(0, name("Makespan"), makespan);
        grid.addRow(1, name("Busy time (sum)"), busy);
        grid.addRow(2, name("Speedup"), speedup);
        grid.addRow(3, name("Efficiency"), efficiency);
        grid.addRow(4, name("Lower bound"), lowerBound);
        bars.setId("utilizationBars");
        ScrollPane scroll = new ScrollPane(barsHolder);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        bars.widthProperty().bind(barsHolder.widthProperty());
        barsHolder.widthProperty().addListener((o, a, b) -> drawBars());
        Label util = name("Utilization per worker");
        getChildren().addAll(title, grid, util, scroll);
        clear();
    }

    /** Theme and text scale for the canvas (CSS does not reach into it). */
    void setLook(boolean dark, double scale) {
        this.dark = dark;
        this.scale = scale;
        drawBars();
    }

    void clear() {
        makespan.setText("\u2014");
        busy.setText("\u2014");
        speedup.setText("\u2014");
        efficiency.setText("\u2014");
        lowerBound.setText("\u2014");
        slots = List.of();
        drawBars();
    }

    void show(Stats s) {
        set(makespan, ms(s.makespanMs()));
        set(busy, ms(s.totalBusyMs()));
        set(speedup, String.format(Locale.ROOT, "%.2f\u00d7", s.speedup()));
        set(efficiency, String.format(Locale.ROOT, "%.0f %%", s.efficiency() * 100));
        set(lowerBound, ms(s.lowerBoundMs()));
        slots = s.slots();
        drawBars();
    }

    /** Utilization of a slot as shown, 0..1 (for tests). */
    double shownUtilization(int slot) {
        return slot < slots.size() ? slots.get(slot).utilization() : Double.NaN;
    }

    private void drawBars() {
        double rowH = Math.round(17 * scale);
        double h = slots.size() * rowH + 2;
        if (barsHolder.getPrefHeight() != h) {
            barsHolder.setPrefHeight(h);
            barsHolder.setMinHeight(h);
        }
        bars.setHeight(h);
        GraphicsContext g = bars.getGraphicsContext2D();
        double w = bars.getWidth();
        g.clearRect(0, 0, w, h);
        Color text = dark ? Color.web("#e8ebef") : Color.web("#1b1f24");
        Color track = dark ? Color.web("#3a414c") : Color.web("#dde2e8");
        Color fill = dark ? Color.web("#56B4E9") : Color.web("#0072B2");
        g.setFont(Font.font("System", 12 * scale));
        g.setTextBaseline(VPos.CENTER);
        double labelW = 34 * scale;
        double pctW = 44 * scale;
        double barW = Math.max(10, w - labelW - pctW - 8);
        for (int i = 0; i < slots.size(); i++) {
            double y = i * rowH + 1;
            double u = Math.max(0, Math.min(1, slots.get(i).utilization()));
            g.setFill(text);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("W" + i, 2, y + rowH / 2);
            g.setFill(track);
            g.fillRect(labelW, y + 3, barW, rowH - 6);
            g.setFill(fill);
            g.fillRect(labelW, y + 3, barW * u, rowH - 6);
            g.setFill(text);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(String.format(Locale.ROOT, "%.0f %%", u * 100), w - 2, y + rowH / 2);
        }
    }

    private static void set(Label l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    static String ms(double ms) {
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("stat-name");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("stat-value");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
