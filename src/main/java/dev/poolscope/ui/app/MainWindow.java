package dev.poolscope.ui.app;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.scenario.Scenario;
import dev.poolscope.scenario.ScenarioException;
import dev.poolscope.ui.CurrentRun;
import dev.poolscope.ui.Look;
import dev.poolscope.ui.WindowHost;
import dev.poolscope.ui.config.ConfigModel;
import dev.poolscope.ui.config.ConfigView;
import dev.poolscope.ui.panels.RunPanels;
import dev.poolscope.ui.lesson.ProgramShown;
import dev.poolscope.ui.screen.FileDialog;
import dev.poolscope.ui.screen.ScreenFit;
import dev.poolscope.ui.timeline.Legend;
import dev.poolscope.ui.timeline.Palette;
import dev.poolscope.ui.timeline.TimelineView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;

/**
 * The PoolScope window: configuration on the left, the live timeline in the middle, the panels
 * below it, menus and a tool bar on top. It owns the actions (run, stop, open, save, themes);
 * {@link AppChrome} builds the menus and buttons that call them.
 */
public final class MainWindow implements WindowHost {
    private final Stage stage;
    private final ConfigModel config = new ConfigModel();
    private final TimelineView timeline = new TimelineView();
    private final RunPanels panels = new RunPanels();
    private final Legend legend = new Legend();
    private final RunController controller = new RunController(timeline, panels);
    private final ScenarioSupport scenarios;
    private final BorderPane root = new BorderPane();
    private final AppChrome chrome;
    /** Save, open and replay traces; export pictures (see {@link TraceTools}). */
    private final TraceTools traces;
    private final ConfigView configView;
    /** What the window shows and runs: the scenario being edited, or a Python program (its lesson view). */
    private final ProgramShown program;
    private final SplitPane main;
    private final NotificationPane notice;
    private final javafx.beans.property.BooleanProperty settingsShown =
            new javafx.beans.property.SimpleBooleanProperty(true);
    private double settingsDivider = 0.27;
    private Path currentFile;
    private boolean presenter;
    private boolean dark;

    public MainWindow(Stage stage, AppOptions options) {
        this(stage, options, Preferences.userNodeForPackage(MainWindow.class));
    }

    /** With its own preferences node for the recent files (tests use a throwaway one). */
    public MainWindow(Stage stage, AppOptions options, Preferences prefs) {
        this.stage = stage;
        this.scenarios = new ScenarioSupport(prefs);
        panels.remember(prefs);
        List<String> lessons = safeLessonNames();
        configView = new ConfigView(config, lessons, this::loadLesson);
        configView.setPrefWidth(400);
        program = new ProgramShown(config, this::showProblem);
        program.link(timeline, controller::live, () -> controller.runningProperty().get(), controller::showStill);
        program.onBackToSettings(this::showScenario);
        controller.onError(this::showError);
        chrome = new AppChrome(this);

        VBox center = new VBox(chrome.timelineBar(), timeline, legend);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        traces = new TraceTools(this, this::open, timeline, panels, prefs, center, legend);
        center.getStyleClass().add("center");
        SplitPane split = new SplitPane(center, panels);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        dev.poolscope.ui.panels.RunAreaSplit.install(split, panels, prefs);
        // The settings and the run area share a divider the user can move; the settings can be
        // hidden (Settings button, Ctrl+E), and presenter mode hides them to give the room to the run.
        main = new SplitPane(configView, split);
        main.setId("mainSplit");
        main.setDividerPositions(settingsDivider);
        SplitPane.setResizableWithParent(configView, false);
        settingsShown.addListener((o, was, is) -> showSettings(is));
        // Messages (a file that cannot be opened, why Run is off) slide in over the top of the
        // work area, full width so each line fits, with a close button; the tool bar stays free.
        notice = new NotificationPane(main);
        notice.setId("messagePane");
        notice.setShowFromTop(true);
        root.setTop(new VBox(chrome.menuBar(), chrome.toolBar()));
        root.setCenter(notice);
        root.setBottom(chrome.statusBar());
        root.getStyleClass().addAll("poolscope", "theme-light");
        root.getStylesheets().addAll(css("app/app.css"), css("timeline/timeline.css"));

        // No larger than the screen it opens on, and inside it (see ScreenFit).
        double[] size = ScreenFit.size(options.width(), options.height(), ScreenFit.bounds());
        if (options.presenter() && options.width() == AppOptions.DEFAULT_WIDTH
                && options.height() == AppOptions.DEFAULT_HEIGHT) {
            // Presenter mode with no size asked for: the whole screen, whose size its text follows.
            size = new double[] {ScreenFit.bounds().getWidth(), ScreenFit.bounds().getHeight()};
        }
        Scene scene = new Scene(root, size[0], size[1]);
        chrome.installShortcuts(scene);
        traces.install(scene);
        controller.measureLayoutOf(scene);
        stage.setScene(scene);
        AppIdentity.apply(stage);
        stage.setMinWidth(Math.min(1280, size[0]));
        stage.setMinHeight(Math.min(720, size[1]));
        ScreenFit.place(stage, size[0], size[1], options.maximized());
        stage.titleProperty().bind(program.titleProperty());
        stage.setOnCloseRequest(e -> shutdown());
        applyStyle();
        apply(options);
    }

    private static String css(String path) {
        return MainWindow.class.getResource("/dev/poolscope/ui/" + path).toExternalForm();
    }

    private void apply(AppOptions o) {
        if (o.file() != null) {
            open(Path.of(o.file()));
        } else if (o.lesson() != null) {
            loadLesson(o.lesson());
        }
        if (o.scale() != null) {
            config.setTimeScale(o.scale());
        }
        if (o.pool() != null) {
            config.setPool(o.pool());
        }
        if (o.timeLimit() != null) {
            config.setTimeLimit(String.valueOf(o.timeLimit()));
        }
        if (o.presenter()) {
            togglePresenter();
        }
        if (o.dark()) {
            toggleDark();
        }
        if (o.run()) {
            run();
        }
    }

    private List<String> safeLessonNames() {
        try {
            // The scenario lessons, then the same lessons as Python programs (run on python3 when picked).
            List<String> names = new ArrayList<>(ScenarioSupport.lessonNames());
            names.addAll(dev.poolscope.cpython.PythonLessons.pickerNames());
            return names;
        } catch (RuntimeException e) {
            showError("Could not list the lessons: " + e.getMessage());
            return new ArrayList<>();
        }
    }

    // ---- actions (called by menus, buttons and shortcuts) ----------------------------------

    void run() {
        if (program.program() != null) {
            runPythonProgram(program.program());
            return;
        }
        RunConfig c = config.toRunConfig(true);
        if (c == null) {
            showError("Cannot run yet:" + problemLines());
            return;
        }
        notice.hide();
        legend.setTasks(c.tasks().stream().map(t -> t.name()).toList());
        controller.start(config.name(), c, configView.python().engine(), configView.python().scheduler(), config.deadlineMs());
    }

    void stop() {
        controller.stop();
    }

    void reset() {
        controller.reset();
    }

    void fit() {
        timeline.fit();
    }

    void loadLesson(String name) {
        if (dev.poolscope.cpython.PythonLessons.isProgram(name)) {
            runPythonLesson(name);
            return;
        }
        try {
            Scenario s = ScenarioSupport.lesson(name);
            config.load(s.name(), s.description(), s.config());
            showScenario();
            currentFile = null;
            legend.setTasks(s.config().tasks().stream().map(t -> t.name()).toList());
        } catch (ScenarioException e) {
            showError("Could not load lesson " + name + ":\n" + ScenarioSupport.describe(e));
        }
    }

    void openDialog() {
        Path f = new FileDialog(stage, "Open a scenario or a Python program", FileDialog.Kind.OPEN, folderOfCurrent(),
                "Scenarios and Python programs", "*.json;*.py", "PoolScope scenario", "*.json", "Python program", "*.py")
                .showAndWait();
        if (f != null) {
            open(f);
        }
    }

    /** File > Run Python Program: the user picks a program, which runs on python3 as in a terminal. */
    void pythonProgramDialog() {
        Path f = new FileDialog(stage, "Run a Python program", FileDialog.Kind.OPEN, folderOfCurrent(),
                "Python programs", "*.py").showAndWait();
        if (f != null) {
            runPythonProgram(f);
        }
    }

    /** A Python lesson from the picker: the program runs at once, as File > Run Python Program would run it. */
    private void runPythonLesson(String name) {
        try {
            runPythonProgram(dev.poolscope.cpython.PythonLessons.extract(name));
        } catch (IOException e) {
            showError("Could not run " + name + ": " + e.getMessage());
        }
    }

    /** Runs a Python program live on CPython (its own processes, the main process's lane on top). */
    public boolean runPythonProgram(Path file) {
        notice.hide();
        if (!file.equals(program.program())) {
            showProgram(file);
        }
        legend.forProgram();
        return controller.startProgram(file, config.deadlineMs());
    }

    /** Shows a Python program (its source where the settings are, its name in the title); Run runs it. */
    private void showProgram(Path file) {
        if (program.showProgram(file)) {
            swapLeftPanel();
        }
    }

    /** Back to the scenario being edited (a lesson or scenario file was loaded). */
    private void showScenario() {
        program.showScenario();
        swapLeftPanel();
    }

    /** The settings place holds the scenario's settings, or the program's lesson view. */
    private javafx.scene.Node leftPanel() {
        return program.program() != null ? program.lessonView() : configView;
    }

    private void swapLeftPanel() {
        javafx.scene.Node left = leftPanel();
        if (!main.getItems().isEmpty() && main.getItems().get(0) != left
                && (main.getItems().get(0) == configView || main.getItems().get(0) == program.lessonView())) {
            double[] d = main.getDividerPositions();
            main.getItems().set(0, left);
            main.setDividerPositions(d);
        }
    }

    /**
     * Opens a file (File > Open once a file is chosen, Open Recent, --open, a drop): a Python
     * program, a saved trace (its replay), or a scenario file.
     */
    public void open(Path file) {
        if (ProgramShown.isProgram(file)) {
            showProgram(file);
            return;
        }
        dev.poolscope.trace.RunTrace trace;
        try {
            trace = TraceOrScenario.traceOrNull(file);
        } catch (IOException e) {
            showError("Could not open the trace: " + e.getMessage());
            return;
        }
        if (trace != null) {
            traces.openTrace(trace, file);
            return;
        }
        try {
            Scenario s = scenarios.open(file);
            config.load(s.name(), s.description(), s.config());
            currentFile = file;
            showScenario();
            legend.setTasks(s.config().tasks().stream().map(t -> t.name()).toList());
            chrome.refreshRecent();
        } catch (ScenarioException e) {
            showError("Could not open " + file.getFileName() + ":\n" + ScenarioSupport.describe(e));
        }
    }

    /** File > Save / Save As: asks for a file when needed (the only part tests cannot drive), then {@link #saveTo}. */
    void save(boolean askForName) {
        if (config.toRunConfig(false) == null) {
            showError("Cannot save yet:" + problemLines());
            return;
        }
        Path target = currentFile;
        if (askForName || target == null) {
            FileDialog fd = new FileDialog(stage, "Save the scenario", FileDialog.Kind.SAVE, folderOfCurrent(),
                    "PoolScope scenario", "*.json");
            fd.setInitialName(config.name() + ".json");
            Path f = fd.showAndWait();
            if (f == null) {
                return;
            }
            target = f;
        }
        saveTo(target);
    }

    /**
     * Saves the scenario being edited to a file (the menu's path once a file is chosen); it then
     * heads the recent files. Problems are shown in the window; returns whether it was saved.
     */
    public boolean saveTo(Path target) {
        RunConfig c = config.toRunConfig(false);
        if (c == null) {
            showError("Cannot save yet:" + problemLines());
            return false;
        }
        try {
            scenarios.save(new Scenario(config.name(), config.describe(), c), target);
            currentFile = target;
            config.markSaved();
            chrome.refreshRecent();
            return true;
        } catch (IOException | RuntimeException e) {
            showError("Could not save " + target.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    /** Where the file dialogs start: the folder of the file last opened or saved. */
    private Path folderOfCurrent() {
        Path p = program.program() != null ? program.program() : currentFile;
        return p == null ? null : p.toAbsolutePath().getParent();
    }

    void togglePresenter() {
        presenter = !presenter;
        // A room needs the run, not the settings; the Settings button brings them back.
        settingsShown.set(!presenter);
        applyStyle();
    }

    void toggleSettings() {
        settingsShown.set(!settingsShown.get());
    }

    javafx.beans.property.BooleanProperty settingsShownProperty() {
        return settingsShown;
    }

    private void showSettings(boolean show) {
        javafx.scene.Node left = leftPanel();
        if (show && !main.getItems().contains(left)) {
            main.getItems().add(0, left);
            // At least the panel's preferred width (which grows in presenter mode), at most 45 %.
            double w = main.getWidth();
            double wanted = w > 0 ? Math.min(0.45, configView.getPrefWidth() / w) : settingsDivider;
            main.setDividerPositions(Math.max(settingsDivider, wanted));
        } else if (!show && main.getItems().contains(left)) {
            settingsDivider = main.getDividerPositions()[0];
            main.getItems().remove(left);
        }
    }

    void toggleDark() {
        dark = !dark;
        applyStyle();
    }

    private void applyStyle() {
        root.getStyleClass().removeAll("theme-light", "theme-dark", "presenter");
        root.getStyleClass().add(dark ? "theme-dark" : "theme-light");
        if (presenter) {
            root.getStyleClass().add("presenter");
        }
        // Presenter text grows with the screen: a projected 1920x1080 reads like 1280x720.
        double screen = presenter ? ScreenFit.presenterScale(ScreenFit.boundsOf(stage)) : 1.0;
        root.setStyle(presenter ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 19 * screen) : "");
        timeline.setStyle(dark ? Palette.DARK : Palette.LIGHT, presenter ? 1.5 * screen : 1.0);
        panels.setLook(dark, presenter ? 1.25 * screen : 1.0);
        configView.setScale(presenter ? 1.45 * screen : 1.0);
        chrome.syncToggles(presenter, dark);
    }

    /** Shows a problem in the message area (for the trace and export tools). */
    @Override
    public void showProblem(String text) {
        showError(text);
    }

    /**
     * Shows a message over the top of the work area until its close button or the next run
     * dismisses it. The bar is as tall as the text's own lines (it does not wrap them), so a
     * message puts each problem on a line.
     */
    void showError(String text) {
        notice.show("\u26A0 " + text);
    }

    /** The settings' problems, each on a line of its own, at most five. */
    private String problemLines() {
        List<String> all = config.problems();
        StringBuilder sb = new StringBuilder();
        all.stream().limit(5).forEach(p -> sb.append("\n").append(p));
        if (all.size() > 5) {
            sb.append("\n\u2026 and ").append(all.size() - 5).append(" more");
        }
        return sb.toString();
    }

    /** The message shown above the work area, or null when none is (for tests). */
    public String message() {
        return notice.isShowing() ? notice.getText() : null;
    }

    /** Stops any run and waits briefly for its workers (the window is closing). */
    public void shutdown() {
        controller.shutdown();
    }

    /** Recently opened or saved files, newest first (what File > Open Recent lists). */
    public List<Path> recentFiles() {
        return scenarios.recent();
    }

    // ---- for the tests, the frame benchmark and screenshots ----------------------------------

    @Override
    public Stage stage() {
        return stage;
    }

    public RunController controller() {
        return controller;
    }

    @Override
    public CurrentRun currentRun() {
        return controller;
    }

    @Override
    public Look look() {
        return new Look(timeline.palette(), timeline.textScale());
    }

    public TimelineView timeline() {
        return timeline;
    }

    public RunPanels panels() {
        return panels;
    }

    @Override
    public ConfigModel config() {
        return config;
    }

    /** What the window shows: a scenario, or a Python program with its lesson view. */
    public ProgramShown program() {
        return program;
    }

    public TraceTools traces() {
        return traces;
    }
}
