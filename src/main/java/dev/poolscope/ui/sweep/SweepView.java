package dev.poolscope.ui.sweep;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.sweep.Format;
import dev.poolscope.sweep.SweepPlan;
import dev.poolscope.sweep.SweepPoint;
import dev.poolscope.sweep.SweepSetting;
import dev.poolscope.sweep.SweepSummary;
import dev.poolscope.ui.compare.ComparedRun;
import dev.poolscope.ui.compare.CompareWindow;
import java.util.Arrays;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * The sweep window's content: what to vary and how often on top, with Start, Cancel, a progress
 * bar and the time left; the charts and the table of points in the middle; the verdict sentence
 * at the bottom. The charts fill in after every run. A click on a point opens that run's
 * timeline; "Compare runs" puts one run per value one above another.
 */
public final class SweepView extends BorderPane {
    private final String scenario;
    private final RunConfig base;
    private final SweepSession session = new SweepSession();
    private final SweepCharts charts = new SweepCharts();
    private final SweepTable table = new SweepTable();
    private final ComboBox<String> setting = new ComboBox<>(FXCollections.observableArrayList(
            Arrays.stream(SweepSetting.values()).map(SweepSetting::id).toList()));
    private final TextField values = new TextField();
    private final Spinner<Integer> repeats = new Spinner<>(1, SweepPlan.MAX_REPEATS, 3);
    private final Label message = new Label();
    private final Label verdict = new Label("Press Start to run the sweep.");
    private final Label baseline = new Label();

    public SweepView(String scenario, RunConfig base) {
        this.scenario = scenario;
        this.base = base;
        getStyleClass().add("sweep");
        setId("sweepView");
        setTop(controls());
        setCenter(chartsGrid());
        setBottom(verdictBox());
        setting.setId("sweepSetting");
        setting.setValue(SweepSetting.POOL.id());
        setting.valueProperty().addListener((o, was, is) -> values.setText(defaults(SweepSetting.fromId(is))));
        values.setText(defaults(SweepSetting.POOL));
        charts.onPick(this::openRun);
        session.summaryProperty().addListener((o, was, is) -> show(is));
    }

    private HBox controls() {
        Label title = new Label("Sweep " + scenario);
        title.getStyleClass().add("panel-title");
        values.setId("sweepValues");
        values.setPrefColumnCount(16);
        values.setTooltip(new Tooltip("The values to run, separated by commas"));
        repeats.setId("sweepRepeats");
        repeats.setEditable(true);
        repeats.setPrefWidth(80);
        Button start = new Button("\u25B6  Start");
        start.setId("sweepStart");
        start.getStyleClass().add("run-button");
        start.setOnAction(e -> start());
        start.disableProperty().bind(session.runningProperty());
        Button cancel = new Button("\u25A0  Cancel");
        cancel.setId("sweepCancel");
        cancel.setOnAction(e -> session.cancel());
        cancel.disableProperty().bind(session.runningProperty().not());
        Button compare = new Button("Compare runs");
        compare.setId("sweepCompare");
        compare.setTooltip(new Tooltip("One run of each value, one above another on one time scale"));
        compare.setOnAction(e -> compareRuns());
        compare.disableProperty().bind(session.runningProperty().or(session.summaryProperty().isNull()));
        ProgressBar bar = new ProgressBar();
        bar.setId("sweepProgress");
        bar.progressProperty().bind(session.progressProperty());
        bar.setPrefWidth(160);
        Label status = new Label();
        status.setId("sweepStatus");
        status.textProperty().bind(session.statusProperty());
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox box = new HBox(8, title, new Label("vary"), setting, values, new Label("runs each"), repeats, start, cancel,
                compare, bar, status);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("tool-bar");
        box.setPadding(new Insets(6, 10, 6, 10));
        for (var n : List.of(title, setting, values, repeats, start, cancel, compare)) {
            ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        return box;
    }

    private GridPane chartsGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(4, 8, 0, 8));
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        grid.add(charts.makespan, 0, 0);
        grid.add(charts.speedup, 1, 0);
        grid.add(charts.efficiency, 0, 1);
        grid.add(table, 1, 1);
        return grid;
    }

    private VBox verdictBox() {
        message.setId("sweepMessage");
        message.getStyleClass().add("message");
        message.setVisible(false);
        message.managedProperty().bind(message.visibleProperty());
        message.setWrapText(true);
        verdict.setId("sweepVerdict");
        verdict.getStyleClass().add("sweep-verdict");
        verdict.setWrapText(true);
        baseline.setId("sweepBaseline");
        baseline.getStyleClass().add("hint");
        baseline.setWrapText(true);
        VBox box = new VBox(4, message, verdict, baseline);
        box.setPadding(new Insets(6, 12, 10, 12));
        return box;
    }

    private static String defaults(SweepSetting s) {
        return switch (s) {
            case POOL -> String.join(", ", SweepPlan.defaultPools(Runtime.getRuntime().availableProcessors())
                    .stream().map(String::valueOf).toList());
            case CHUNKSIZE -> "1, 2, 4, 8";
            case MODE -> "map, imap, imap_unordered";
            case START -> "together, asap";
            case ENGINE -> "java, cpython";
        };
    }

    /** Fills in the controls as a user would (for tools such as the screenshot maker). */
    public void setPlan(String settingId, String valueList, int repeatCount) {
        setting.setValue(settingId);
        values.setText(valueList);
        repeats.getValueFactory().setValue(repeatCount);
    }

    /** Starts the sweep with the values in the controls; a bad value is shown, nothing runs. */
    public void start() {
        SweepPlan plan;
        try {
            List<String> list = Arrays.stream(values.getText().split(",", -1)).map(String::trim).toList();
            plan = SweepPlan.of(scenario, base, SweepSetting.fromId(setting.getValue()), list, repeats.getValue());
        } catch (IllegalArgumentException e) {
            message.setText("\u26A0 " + e.getMessage());
            message.setVisible(true);
            return;
        }
        String noPython = plan.pythonMissing();
        if (noPython != null) {
            message.setText("\u26A0 Skipped: " + noPython); // says which engine and how to get it
            message.setVisible(true);
            return;
        }
        message.setVisible(false);
        verdict.setText("Running\u2026");
        charts.clear();
        session.start(plan);
    }

    public void cancel() {
        session.cancel();
    }

    /** Cancels any sweep and waits briefly for its workers (the window is closing). */
    public void shutdown() {
        session.shutdown();
    }

    private void show(SweepSummary s) {
        charts.show(s);
        table.show(s);
        if (s != null) {
            verdict.setText(s.verdict());
            baseline.setText("Speedup is against " + s.baseline() + ". This machine has " + s.cpus() + " CPUs."
                    + (s.scaling() ? " Lower bound: max(longest task " + Format.ms(s.longestTaskMs())
                    + " ms, total task time " + Format.ms(s.totalWorkMs()) + " ms / pool)." : ""));
        }
    }

    private void openRun(SweepPoint p) {
        var run = p.representative();
        SweepSummary s = session.summaryProperty().get();
        // The run's trace as the sweep measured it: its speedup against the sweep's baseline.
        var trace = s == null ? run.trace() : s.traceWithBaseline(run);
        CompareWindow.open(getScene() == null ? null : getScene().getWindow(), scenario + ", " + p.label(),
                List.of(new ComparedRun(p.label() + " (run " + (run.repeat() + 1) + ", nearest the median)",
                        run.config(), trace, run.events())));
    }

    private void compareRuns() {
        SweepSummary s = session.summaryProperty().get();
        if (s == null || s.points().isEmpty()) {
            return;
        }
        List<ComparedRun> runs = s.points().stream().limit(8).map(p -> new ComparedRun(p.label(),
                p.representative().config(), s.traceWithBaseline(p.representative()), p.representative().events())).toList();
        CompareWindow.open(getScene() == null ? null : getScene().getWindow(), scenario + ": " + s.setting().id()
                + " compared", runs);
    }

    // ---- for tests and tools ----

    public String status() {
        return session.statusProperty().get();
    }

    public boolean running() {
        return session.runningProperty().get();
    }

    public SweepSummary summary() {
        return session.summaryProperty().get();
    }

    public List<javafx.scene.chart.XYChart.Data<Number, Number>> medianPoints() {
        return charts.medianPoints();
    }

    public List<javafx.scene.chart.XYChart.Data<Number, Number>> speedupPoints() {
        return charts.speedupPoints();
    }

    public String verdictText() {
        return verdict.getText();
    }
}
