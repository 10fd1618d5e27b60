package dev.poolscope.ui.sweep;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.sweep.SweepSetting;
import dev.poolscope.ui.WindowHost;
import dev.poolscope.ui.compare.RunPinning;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The main window's Analyze menu: sweep the scenario being edited, and pin a finished run to
 * compare it with the next one.
 */
public final class AnalyzeMenu {
    private final WindowHost w;
    private final RunPinning pinning;
    private Stage lastSweep;

    private AnalyzeMenu(WindowHost w) {
        this.w = w;
        this.pinning = new RunPinning(w.currentRun(), () -> w.config().name(), w::stage);
    }

    /** Builds the menu for a window; it keeps what it needs (the pin) for the window's life. */
    public static Menu create(WindowHost w) {
        AnalyzeMenu a = new AnalyzeMenu(w);
        MenuItem sweep = new MenuItem("Sweep\u2026");
        sweep.setId("sweepMenuItem");
        sweep.setAccelerator(KeyCombination.keyCombination("Ctrl+Shift+W"));
        sweep.setOnAction(e -> a.openSweep());
        sweep.disableProperty().bind(Bindings.isNotEmpty(w.config().problems()));
        MenuItem pin = new MenuItem("Pin this run (compare with the next)");
        pin.setId("pinMenuItem");
        pin.setAccelerator(KeyCombination.keyCombination("Ctrl+Shift+P"));
        pin.setOnAction(e -> a.pinning.pin());
        MenuItem unpin = new MenuItem("Unpin");
        unpin.setOnAction(e -> a.pinning.unpin());
        unpin.disableProperty().bind(a.pinning.pinnedProperty().isNull());
        MenuItem engines = new MenuItem("Compare Java workers with CPython");
        engines.setId("compareEnginesMenuItem");
        engines.setOnAction(e -> a.compareEngines());
        engines.disableProperty().bind(Bindings.isNotEmpty(w.config().problems()));
        MenuItem withDask = new MenuItem("Compare Java, CPython and Dask");
        withDask.setId("compareDaskMenuItem");
        withDask.setOnAction(e -> a.compareEngines(SweepSetting.JAVA, SweepSetting.CPYTHON, SweepSetting.DASK));
        withDask.disableProperty().bind(Bindings.isNotEmpty(w.config().problems()));
        Menu menu = new Menu("Analyze", null, sweep, engines, withDask, pin, unpin);
        menu.setId("analyzeMenu");
        menu.setOnShowing(e -> pin.setDisable(!a.pinning.canPin()));
        menu.setUserData(a);
        return menu;
    }

    /** Opens the sweep window on the scenario as edited (time scale applied); null if it has problems. */
    public Stage openSweep() {
        RunConfig c = w.config().toRunConfig(true);
        if (c == null) {
            return null;
        }
        lastSweep = SweepWindow.open(w.stage(), w.config().name(), c);
        return lastSweep;
    }

    /**
     * The scenario once on PoolScope's workers and once on CPython's own Pool: a sweep of the
     * engine, started at once; its Compare runs shows the two one above the other. Without
     * python3 the sweep window says so in one line and runs nothing.
     */
    public Stage compareEngines() {
        return compareEngines(SweepSetting.JAVA, SweepSetting.CPYTHON);
    }

    /** The scenario once on each engine named (java, cpython, dask), one above the other. */
    public Stage compareEngines(String... engines) {
        Stage stage = openSweep();
        if (stage != null && stage.getUserData() instanceof SweepView view) {
            view.setPlan(SweepSetting.ENGINE.id(), String.join(", ", engines), 1);
            view.start();
        }
        return stage;
    }

    public RunPinning pinning() {
        return pinning;
    }
}
