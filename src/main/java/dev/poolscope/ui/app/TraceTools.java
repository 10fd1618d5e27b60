package dev.poolscope.ui.app;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.trace.ChromeTrace;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.trace.TraceCsv;
import dev.poolscope.trace.TraceJson;
import dev.poolscope.ui.WindowHost;
import dev.poolscope.ui.export.ExportActions;
import dev.poolscope.ui.export.FileAsker;
import dev.poolscope.ui.export.RunMoment;
import dev.poolscope.ui.panels.RunPanels;
import dev.poolscope.ui.replay.ReplayBar;
import dev.poolscope.ui.replay.ReplayController;
import dev.poolscope.ui.replay.ReplayRun;
import dev.poolscope.ui.timeline.Legend;
import dev.poolscope.ui.timeline.TimelineView;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;

/**
 * Traces in the window: File > Save trace (our JSON, CSV or Chrome Trace Event JSON by the
 * name's extension), Open trace and Open Recent Trace (a replay of the run, with its bar above
 * the timeline), a trace dropped on the window, and the export items ({@link ExportActions}).
 * The window adds the menu items and this object does the rest.
 */
public final class TraceTools {
    private final WindowHost w;
    /** Opens a dropped file as File > Open does (the window tells programs, traces and scenarios apart). */
    private final Consumer<Path> openScenario;
    private final RunPanels panels;
    private final VBox center;
    private final Legend legend;
    private final ReplayController replay;
    private final ReplayBar bar;
    private final RecentFiles recent;
    private final ExportActions exports;
    private final Menu recentMenu = new Menu("Open Recent Trace");

    public TraceTools(WindowHost w, Consumer<Path> openScenario, TimelineView timeline, RunPanels panels,
                      Preferences prefs, VBox center, Legend legend) {
        this.w = w;
        this.openScenario = openScenario;
        this.panels = panels;
        this.center = center;
        this.legend = legend;
        this.recent = new RecentFiles(prefs, "recentTraces");
        this.replay = new ReplayController(w.currentRun(), timeline, panels);
        this.exports = new ExportActions(w, center, replay, this::moment, this::replayable);
        this.bar = new ReplayBar(replay, exports::exportBookmarksDialog, exports::exportGifDialog, replay::close);
        recentMenu.setId("recentTraces");
        replay.currentProperty().addListener((o, was, run) -> showBar(run != null));
    }

    public ReplayController replay() {
        return replay;
    }

    public ExportActions exports() {
        return exports;
    }

    /** Tests answer the file questions themselves. */
    public void setFileAsker(FileAsker asker) {
        exports.setFileAsker(asker);
    }

    /** The items File gets: save and open traces, recent traces, the exports. */
    public List<MenuItem> fileMenuItems() {
        MenuItem save = item("Save Trace\u2026", "Ctrl+Shift+T", "saveTrace", this::saveTraceDialog);
        MenuItem open = item("Open Trace\u2026", "Ctrl+Shift+O", "openTrace", this::openTraceDialog);
        MenuItem image = item("Export Image\u2026", "Ctrl+Shift+E", "exportImage", exports::exportImageDialog);
        MenuItem gif = item("Export GIF\u2026", null, "exportGifItem", exports::exportGifDialog);
        recentMenu.setOnShowing(e -> refreshRecent());
        refreshRecent();
        return List.of(open, recentMenu, save, new SeparatorMenuItem(), image, gif);
    }

    /** A trace dropped on the window opens (a scenario file opens as a scenario). */
    public void install(Scene scene) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                openDropped(files.get(0).toPath());
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    /** A dropped file opens as File > Open opens it: a program, a trace's replay, or a scenario. */
    public void openDropped(Path file) {
        openScenario.accept(file);
    }

    /** Whether a file is a PoolScope trace (so --open can take a trace as well as a scenario). */
    public boolean isTrace(Path file) {
        try {
            dev.poolscope.traceimport.AnyTrace.read(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens a trace and shows its replay at the start; problems go to the message area. */
    public boolean openTrace(Path file) {
        try {
            open(dev.poolscope.traceimport.AnyTrace.read(file), file);
            return true;
        } catch (IOException e) {
            w.showProblem("Could not open the trace: " + e.getMessage());
            return false;
        }
    }

    /** Opens a trace already read from {@code file} (the window's File > Open found it was one). */
    void openTrace(RunTrace trace, Path file) {
        open(trace, file);
    }

    private void open(RunTrace trace, Path file) {
        if (w.currentRun().runningProperty().get()) {
            w.showProblem("A run is going: stop it (Esc) before opening a trace");
            return;
        }
        ReplayRun run;
        try {
            run = ReplayRun.of(trace, String.valueOf(file.getFileName()).replaceFirst("(?i)\\.json$", ""));
        } catch (IllegalArgumentException e) {
            w.showProblem("Could not replay " + file.getFileName() + ": " + e.getMessage());
            return;
        }
        legend.setTasks(run.config().tasks().stream().map(TaskSpec::name).toList());
        replay.open(run);
        recent.remember(file);
        refreshRecent();
    }

    /**
     * Saves the run on screen (the replay's, or the window's last run once it has ended): our
     * trace JSON, or CSV ({@code .csv}) or Chrome Trace Event JSON ({@code .trace.json}, or
     * {@code .chrome.json}) by the file's name.
     */
    public boolean saveTraceTo(Path file) {
        RunTrace trace = currentTrace();
        if (trace == null) {
            return false;
        }
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        try {
            String leftOut = "";
            if (name.endsWith(".csv")) {
                TraceCsv.write(trace, file);
            } else if (name.endsWith(".trace.json") || name.endsWith(".chrome.json")) {
                ChromeTrace.write(trace, file);
            } else {
                TraceJson.Written written = TraceJson.write(trace, file);
                recent.remember(file);
                // Past the trace size PoolScope reads back: the file says what it left out, and so does the window.
                leftOut = written.whole() ? "" : ": " + written.leftOut();
            }
            exports.notice("Saved " + file.getFileName() + leftOut);
            return true;
        } catch (IOException | RuntimeException e) {
            w.showProblem("Could not save " + file.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    private RunTrace currentTrace() {
        if (replay.current() != null) {
            return replay.current().trace();
        }
        RunHandle h = w.currentRun().handle();
        if (h == null || w.currentRun().live() == null) {
            w.showProblem("Nothing to save yet: run a scenario or open a trace first");
            return null;
        }
        if (!h.isDone() || w.currentRun().runningProperty().get()) {
            w.showProblem("The run is still going: save its trace when it has finished");
            return null;
        }
        // What the window was fed (the run's events and the OS samples, which the engine's own list
        // lacks) is what the trace keeps: the panels recorded it. It is summed up under the run's
        // final configuration (a program's lanes and tasks as found by its end).
        RunTrace shown = panels.finishedTrace();
        String name = shown != null ? shown.scenario() : w.config().name();
        List<RunEvent> fed = shown != null && shown.recorded() ? shown.events() : h.events();
        return TraceBuilder.of(name, h.info(), h.config(), fed, List.of());
    }

    /** The moment the window shows, for exports; null when it shows no run. */
    RunMoment moment() {
        if (replay.current() != null) {
            return RunMoment.of(replay.current(), replay.now());
        }
        RunHandle h = w.currentRun().handle();
        if (h == null || w.currentRun().live() == null) {
            return null;
        }
        long now = w.currentRun().runNow();
        List<RunEvent> events = h.events().stream().filter(e -> e.at() <= now).toList();
        return new RunMoment(w.config().name(), h.config(), events, now, now, h.info().ofProgram());
    }

    /** The run on screen as a replay (for a GIF): the open replay, or the window's finished run. */
    ReplayRun replayable() {
        if (replay.current() != null) {
            return replay.current();
        }
        RunTrace t = currentTrace();
        return t == null ? null : ReplayRun.of(t, w.config().name());
    }

    public List<Path> recentTraces() {
        return recent.list();
    }

    private void saveTraceDialog() {
        Path f = exports.asker().save("Save the trace", "run.json", "PoolScope trace (*.json)", "*.json",
                "CSV, a row per task (*.csv)", "*.csv", "Chrome Trace Event JSON (*.trace.json)", "*.trace.json");
        if (f != null) {
            saveTraceTo(f);
        }
    }

    private void openTraceDialog() {
        Path f = exports.asker().open("Open a trace", "PoolScope, Chrome Trace Event or Dask task stream JSON (*.json)", "*.json");
        if (f != null) {
            openTrace(f);
        }
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem i = new MenuItem(p.getFileName() + "  \u2014  " + p.getParent());
            i.setOnAction(e -> openTrace(p));
            recentMenu.getItems().add(i);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void showBar(boolean show) {
        if (show && !center.getChildren().contains(bar)) {
            center.getChildren().add(Math.min(1, center.getChildren().size()), bar);
        } else if (!show) {
            center.getChildren().remove(bar);
        }
    }

    private static MenuItem item(String text, String keys, String id, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        if (keys != null) {
            i.setAccelerator(KeyCombination.keyCombination(keys));
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
