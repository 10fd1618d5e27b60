package dev.poolscope.ui.app;

import dev.poolscope.ui.Buttons;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;

/** Menus, tool bar and keyboard shortcuts of the main window; every one calls a window action. */
final class AppChrome {
    private final MainWindow w;
    private final Menu recent = new Menu("Open Recent");
    private final CheckMenuItem presenterItem = new CheckMenuItem("Presenter mode");
    private final CheckMenuItem darkItem = new CheckMenuItem("Dark theme");
    private final ToggleButton presenterButton = new ToggleButton("Presenter");
    private final ToggleButton darkButton = new ToggleButton("Dark");
    private final Button settingsButton = new Button();
    private final CheckMenuItem settingsItem = new CheckMenuItem("Settings panel");
    private final BooleanBinding cannotRun;

    AppChrome(MainWindow w) {
        this.w = w;
        cannotRun = Bindings.isNotEmpty(w.config().problems()).or(w.controller().runningProperty());
    }

    MenuBar menuBar() {
        MenuItem open = item("Open\u2026", "Ctrl+O", w::openDialog);
        MenuItem save = item("Save", "Ctrl+S", () -> w.save(false));
        MenuItem saveAs = item("Save As\u2026", "Ctrl+Shift+S", () -> w.save(true));
        MenuItem quit = item("Quit", "Ctrl+Q", () -> {
            w.shutdown();
            w.stage().close();
        });
        MenuItem python = item("Run Python Program\u2026", "Ctrl+Y", w::pythonProgramDialog);
        python.disableProperty().bind(w.controller().runningProperty());
        Menu file = new Menu("File", null, open, recent, python, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), quit);
        file.getItems().addAll(file.getItems().size() - 1, w.traces().fileMenuItems());
        file.getItems().add(file.getItems().size() - 1, new SeparatorMenuItem());
        file.setOnShowing(e -> refreshRecent());
        MenuItem run = item("Run", "Ctrl+R", w::run);
        run.disableProperty().bind(cannotRun);
        MenuItem stop = item("Stop", "Esc", w::stop);
        stop.disableProperty().bind(w.controller().runningProperty().not());
        MenuItem reset = item("Reset", "Ctrl+Shift+R", w::reset);
        Menu runMenu = new Menu("Run", null, run, stop, reset);
        presenterItem.setAccelerator(KeyCombination.keyCombination("F11"));
        presenterItem.setOnAction(e -> w.togglePresenter());
        darkItem.setAccelerator(KeyCombination.keyCombination("Ctrl+D"));
        darkItem.setOnAction(e -> w.toggleDark());
        MenuItem fit = item("Fit timeline", "Ctrl+0", w::fit);
        settingsItem.setAccelerator(KeyCombination.keyCombination("Ctrl+E"));
        settingsItem.selectedProperty().bindBidirectional(w.settingsShownProperty());
        Menu view = new Menu("View", null, fit, settingsItem, presenterItem, darkItem);
        Menu analyze = dev.poolscope.ui.sweep.AnalyzeMenu.create(w);
        analyze.getItems().addAll(dev.poolscope.ui.compare.ThreadsVsProcesses.menuItems(new ThreadsHost(w), s -> { }));
        return new MenuBar(file, runMenu, view, analyze, AboutDialog.helpMenu(w.stage()));
    }

    HBox toolBar() {
        Button run = Buttons.of("\u25B6  Run", "runButton", "Run the pool (Ctrl+R or F5)", w::run);
        run.getStyleClass().add("run-button");
        run.disableProperty().bind(cannotRun);
        Button stop = Buttons.of("\u25A0  Stop", "stopButton", "Stop: kills every worker (Esc or Ctrl+.)", w::stop);
        stop.disableProperty().bind(w.controller().runningProperty().not());
        Button reset = Buttons.of("\u21BA  Reset", "resetButton", "Clear the timeline (Ctrl+Shift+R)", w::reset);
        presenterButton.setId("presenterButton");
        presenterButton.setTooltip(new Tooltip("Larger text for a room (F11 or Ctrl+P)"));
        presenterButton.setOnAction(e -> w.togglePresenter());
        darkButton.setId("darkButton");
        darkButton.setTooltip(new Tooltip("Dark theme (Ctrl+D)"));
        darkButton.setOnAction(e -> w.toggleDark());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        settingsButton.setId("settingsButton");
        settingsButton.setOnAction(e -> w.toggleSettings());
        // A Python program shows its source where a scenario shows its settings.
        settingsButton.textProperty().bind(Bindings.createStringBinding(() -> "\u2699 "
                + (w.settingsShownProperty().get() ? "Hide " : "Show ")
                + (w.program().program() != null ? "program" : "settings"),
                w.settingsShownProperty(), w.program().programProperty()));
        settingsButton.setTooltip(new Tooltip("Show or hide the scenario settings (Ctrl+E)"));
        settingsButton.setMinWidth(Region.USE_PREF_SIZE);
        presenterButton.setMinWidth(Region.USE_PREF_SIZE);
        darkButton.setMinWidth(Region.USE_PREF_SIZE);
        for (Button b : new Button[] {run, stop, reset}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        // An HBox styled as a tool bar: it never pushes a button into an overflow menu (a ToolBar
        // would, at presenter size on a small screen).
        HBox bar = new HBox(6, run, stop, reset, new Separator(javafx.geometry.Orientation.VERTICAL), grow,
                settingsButton, presenterButton, darkButton);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar");
        bar.setId("toolBar");
        return bar;
    }

    /**
     * The status line at the bottom, full width: what the run is doing, how it ended (wall time
     * and makespan, each named), and a progress bar of finished tasks while it runs.
     */
    StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.getStyleClass().add("status");
        bar.textProperty().bind(w.controller().statusProperty());
        bar.progressProperty().bind(w.controller().progressProperty());
        return bar;
    }

    HBox timelineBar() {
        Label title = new Label("Workers");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label("hover a bar for details \u00b7 wheel: zoom \u00b7 drag: pan \u00b7 right-click a lane: kill its worker");
        hint.getStyleClass().add("hint");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        hint.setMinWidth(0);
        Button fit = Buttons.of("Fit", "fitButton", "Show the whole run and follow it again (Ctrl+0)", w::fit);
        fit.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(title, hint, grow, fit);
        bar.getStyleClass().add("timeline-bar");
        return bar;
    }

    /** Second shortcuts for the same actions (a menu item holds only one). */
    void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (!cannotRun.get()) {
                w.run();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN), w::stop);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), w::togglePresenter);
    }

    void refreshRecent() {
        recent.getItems().clear();
        for (Path p : w.recentFiles()) {
            MenuItem i = new MenuItem(p.getFileName() + "  \u2014  " + p.getParent());
            i.setOnAction(e -> w.open(p));
            recent.getItems().add(i);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    void syncToggles(boolean presenter, boolean dark) {
        presenterItem.setSelected(presenter);
        presenterButton.setSelected(presenter);
        darkItem.setSelected(dark);
        darkButton.setSelected(dark);
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setAccelerator(KeyCombination.keyCombination(keys));
        i.setOnAction(e -> action.run());
        return i;
    }
}
