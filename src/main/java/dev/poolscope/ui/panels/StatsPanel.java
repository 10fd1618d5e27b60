package dev.poolscope.ui.panels;

import dev.poolscope.trace.SlotStats;
import dev.poolscope.trace.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Makespan, speedup, efficiency, the lower bound and each worker's utilization, live. */
final class StatsPanel extends VBox {
    private final Label makespan = value("statMakespan");
    private final Label busy = value("statBusy");
    private final Label speedup = value("statSpeedup");
    private final Label efficiency = value("statEfficiency");
    private final Label lowerBound = value("statLowerBound");
    private final GridPane slots = new GridPane();
    private final List<ProgressBar> bars = new ArrayList<>();
    private final List<Label> barLabels = new ArrayList<>();

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
        slots.setHgap(6);
        slots.setVgap(2);
        ScrollPane scroll = new ScrollPane(slots);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label util = name("Utilization per worker");
        getChildren().addAll(title, grid, util, scroll);
        clear();
    }

    void clear() {
        makespan.setText("\u2014");
        busy.setText("\u2014");
        speedup.setText("\u2014");
        efficiency.setText("\u2014");
        lowerBound.setText("\u2014");
        slots.getChildren().clear();
        bars.clear();
        barLabels.clear();
    }

    void show(Stats s) {
        makespan.setText(ms(s.makespanMs()));
        busy.setText(ms(s.totalBusyMs()));
        speedup.setText(String.format(Locale.ROOT, "%.2f\u00d7", s.speedup()));
        efficiency.setText(String.format(Locale.ROOT, "%.0f %%", s.efficiency() * 100));
        lowerBound.setText(ms(s.lowerBoundMs()));
        List<SlotStats> list = s.slots();
        while (bars.size() < list.size()) {
            int i = bars.size();
            ProgressBar bar = new ProgressBar(0);
            bar.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(bar, Priority.ALWAYS);
            Label l = new Label();
            l.setMinWidth(48);
            bars.add(bar);
            barLabels.add(l);
            slots.addRow(i, name("W" + i), bar, l);
        }
        for (int i = 0; i < list.size(); i++) {
            bars.get(i).setProgress(list.get(i).utilization());
            barLabels.get(i).setText(String.format(Locale.ROOT, "%.0f %%", list.get(i).utilization() * 100));
        }
    }

    static String ms(double ms) {
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("stat-name");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("stat-value");
        return l;
    }
}
