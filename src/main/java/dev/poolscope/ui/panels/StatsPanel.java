package dev.poolscope.ui.panels;

import dev.poolscope.trace.Stats;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Makespan, concurrency (tasks at once), CPU use in cores, speedup (only against a measured
 * baseline, so a single run shows none), the lower bound and each worker's utilization, live. Value
 * labels are never cut ("620 …"): their column keeps its preferred width. The utilization sits
 * beside the values as one small column chart, so the panel needs little height.
 */
final class StatsPanel extends VBox {
    private final Label makespan = value("statMakespan");
    private final Label busy = value("statBusy");
    private final Label concurrency = value("statConcurrency");
    private final Label cpuCores = value("statCpuCores");
    private final Label speedup = value("statSpeedup");
    private final Label lowerBound = value("statLowerBound");
    private final Label machine = value("statMachine");
    private final UtilizationChart chart = new UtilizationChart();
    /** A Process program's facts, one line per process, in place of a pool's figures (issue 21). */
    private final VBox processes = new VBox(2);
    private javafx.scene.Node[] poolRows = new javafx.scene.Node[0];
    /** Shown only with a measured baseline: one run alone has no speedup to name (issue 21). */
    private final Label speedupName = name("Speedup");

    StatsPanel() {
        getStyleClass().add("stats-panel");
        Label title = new Label("Statistics");
        title.getStyleClass().add("panel-title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        grid.addRow(0, name("Makespan"), makespan);
        grid.addRow(1, name("Busy time (sum)"), busy);
        grid.addRow(2, name("Tasks at once"), concurrency);
        grid.addRow(3, name("CPU use"), cpuCores);
        grid.addRow(4, speedupName, speedup);
        speedup.setTooltip(new javafx.scene.control.Tooltip("Speedup needs a measured baseline: a sweep's pool-1 point "
                + "(Sweep pool sizes). One run alone cannot tell it."));
        grid.addRow(5, name("Lower bound"), lowerBound);
        grid.addRow(6, name("Machine"), machine);
        // What only a pool's run measures: hidden for a Process program, which gets its processes instead.
        java.util.List<javafx.scene.Node> pool = new java.util.ArrayList<>();
        for (javafx.scene.Node n : grid.getChildren()) {
            Integer r = GridPane.getRowIndex(n);
            if (r != null && (r == 0 || r == 1 || r == 2 || r == 5)) {
                pool.add(n);
            }
        }
        poolRows = pool.toArray(javafx.scene.Node[]::new);
        processes.setId("statProcesses");
        processes.setVisible(false);
        processes.setManaged(false);
        grid.setMinWidth(Region.USE_PREF_SIZE);
        Label util = name("Utilization: busy / CPU");
        util.setTooltip(new javafx.scene.control.Tooltip("Per worker: the time it had a task (blue, upper figure) and "
                + "the CPU its processes used, 100 % = one core (dark, lower figure)"));
        VBox utilBox = new VBox(2, util, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(utilBox, Priority.ALWAYS);
        HBox row = new HBox(14, grid, utilBox);
        row.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(row, Priority.ALWAYS);
        getChildren().addAll(title, processes, row);
        clear();
    }

    /** Theme and text scale for the chart (CSS does not reach into a canvas). */
    void setLook(boolean dark, double scale) {
        chart.setLook(dark, scale);
    }

    void clear() {
        makespan.setText("\u2014");
        busy.setText("\u2014");
        concurrency.setText("\u2014");
        cpuCores.setText("\u2014");
        speedup.setText("\u2014");
        showSpeedup(false);
        showProcesses(java.util.List.of());
        lowerBound.setText("\u2014");
        machine.setText(machineText(dev.poolscope.os.MachineLoad.cpus(), -1));
        chart.show(java.util.List.of());
    }

    void show(Stats s) {
        set(makespan, ms(s.makespanMs()));
        set(busy, ms(s.totalBusyMs()));
        set(concurrency, String.format(Locale.ROOT, "%.2f", s.concurrency()));
        set(cpuCores, s.cpuCores() == null ? "\u2014" : String.format(Locale.ROOT, "%.2f cores", s.cpuCores()));
        set(speedup, s.speedup() == null ? "needs a baseline" : String.format(Locale.ROOT, "%.2f\u00d7", s.speedup()));
        showSpeedup(s.speedup() != null);
        set(lowerBound, ms(s.lowerBoundMs()));
        if (s.machineCpus() > 0) {
            set(machine, machineText(s.machineCpus(), s.machineLoad1()));
        }
        chart.show(s.slots());
    }

    /**
     * A program of plain Processes: per-process facts (how each ended, how long it lived, how long
     * its target ran) instead of a pool's makespan, busy time, tasks at once and lower bound;
     * {@code lines} empty goes back to a pool's figures.
     */
    void showProcesses(java.util.List<String> lines) {
        boolean on = !lines.isEmpty();
        for (javafx.scene.Node n : poolRows) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        processes.setVisible(on);
        processes.setManaged(on);
        java.util.List<String> shown = processes.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        if (!shown.equals(lines)) {
            processes.getChildren().setAll(lines.stream().map(t -> {
                Label l = new Label(t);
                l.setWrapText(true);
                l.getStyleClass().add("stat-process");
                return (javafx.scene.Node) l;
            }).toList());
        }
    }

    /** The per-process lines shown (empty for a pool's run), for tests. */
    public java.util.List<String> processLines() {
        return processes.isVisible() ? processes.getChildren().stream().map(n -> ((Label) n).getText()).toList()
                : java.util.List.of();
    }

    private void showSpeedup(boolean show) {
        for (Label l : new Label[] {speedupName, speedup}) {
            l.setVisible(show);
            l.setManaged(show);
        }
    }

    /** "2 CPUs, load 1.93": the cores the workers share and how many processes wanted them (1-minute load). */
    static String machineText(int cpus, double load1) {
        String text = cpus + (cpus == 1 ? " CPU" : " CPUs");
        return load1 >= 0 ? text + String.format(Locale.ROOT, ", load %.2f", load1) : text;
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
