package dev.poolscope.ui.config;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The configuration panel: lesson picker, pool options, time scale, the task editor and the
 * "what to fix" message. The lesson list and what picking one does come from outside, so this
 * view knows nothing of scenario files.
 */
public final class ConfigView extends VBox {
    private final ConfigModel model;
    private final ComboBox<String> lessons = new ComboBox<>();
    private final Label problem = new Label();
    private final TaskTableView editor;

    public ConfigView(ConfigModel model, List<String> lessonNames, java.util.function.Consumer<String> onLesson) {
        this.model = model;
        getStyleClass().add("config-view");
        getStylesheets().add(ConfigView.class.getResource("/dev/poolscope/ui/config/config.css").toExternalForm());
        setId("configView");
        setSpacing(8);

        lessons.setId("lessonPicker");
        lessons.setItems(FXCollections.observableArrayList(lessonNames));
        lessons.setMaxWidth(Double.MAX_VALUE);
        lessons.setPromptText("Pick a lesson");
        lessons.setOnAction(e -> {
            if (lessons.getValue() != null) {
                onLesson.accept(lessons.getValue());
            }
        });
        model.scenarioName.addListener((o, a, b) -> {
            if (lessonNames.contains(b)) {
                lessons.setValue(b);
            }
        });
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.concat("Scenario: ", model.scenarioName,
                Bindings.when(model.dirty).then(" (edited)").otherwise("")));
        Label desc = new Label();
        desc.getStyleClass().add("description");
        desc.setWrapText(true);
        // Its whole text, wrapped: the column gives it the height (it was cut to one line with "...").
        desc.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        desc.textProperty().bind(model.description);

        editor = new TaskTableView(model);
        VBox.setVgrow(editor, Priority.ALWAYS);
        problem.setId("problemLabel");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.createStringBinding(this::problemText, model.problems()));
        problem.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problem.managedProperty().bind(problem.visibleProperty());

        Label tasksTitle = new Label("Tasks");
        tasksTitle.getStyleClass().add("section-title");
        // The task table and, beside it, the scenario as the Python program it stands for.
        python = new PythonView(model);
        javafx.scene.control.Tab tasksTab = new javafx.scene.control.Tab("Tasks", editor);
        javafx.scene.control.Tab pythonTab = new javafx.scene.control.Tab("Python", python);
        pythonTab.setId("pythonTab");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(tasksTab, pythonTab);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(lessons, title, desc, options(), tasksTitle, tabs, problem);
    }

    private final PythonView python;

    /** The Python tab: the scenario as a Python program, and the engine choice. */
    public PythonView python() {
        return python;
    }

    /** Text scale of the window (1 normal, larger in presenter mode): the table's columns follow it. */
    public void setScale(double scale) {
        editor.setScale(scale);
        setPrefWidth(400 * scale);
    }

    private String problemText() {
        List<String> p = model.problems();
        if (p.isEmpty()) {
            return "";
        }
        String more = p.size() > 1 ? "\n(and " + (p.size() - 1) + " more)" : "";
        return "\u26A0 Fix before running: " + p.get(0) + more;
    }

    private GridPane options() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("options");
        grid.setHgap(8);
        grid.setVgap(6);
        Spinner<Integer> pool = new Spinner<>();
        pool.setId("poolSpinner");
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, ConfigModel.maxPool(), model.pool.get());
        pool.setValueFactory(f);
        pool.setEditable(true);
        pool.getEditor().setPrefColumnCount(3);
        pool.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        f.valueProperty().addListener((o, a, b) -> model.pool.set(b));
        model.pool.addListener((o, a, b) -> f.setValue(b.intValue()));
        Label cpus = new Label("this machine: " + ConfigModel.cpuCount() + " CPUs");
        cpus.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cpus.setId("cpuCount");
        cpus.getStyleClass().add("hint");
        HBox poolRow = new HBox(8, pool, cpus);
        poolRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        ComboBox<Mode> mode = new ComboBox<>(FXCollections.observableArrayList(Mode.values()));
        mode.setId("modeBox");
        mode.setConverter(converter(Mode::id, Mode::fromId, "map"));
        mode.valueProperty().bindBidirectional(model.mode);

        TextField chunk = field("chunksizeField", "default", "Empty: as Pool.map computes it");
        chunk.textProperty().bindBidirectional(model.chunksize);
        TextField mtpc = field("maxTasksField", "no limit", "A worker retires after this many chunks; a new PID takes over");
        mtpc.textProperty().bindBidirectional(model.maxTasksPerChild);
        TextField limit = field("timeLimitField", "none", "A task running longer is stopped: its worker is killed and"
                + " replaced, the task is marked 'timeout'. Scaled with the time scale. Empty: no limit.");
        limit.setPrefColumnCount(5);
        limit.textProperty().bindBidirectional(model.timeLimit);
        HBox limitRow = new HBox(6, limit, new Label("ms per task"));
        limitRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TextField deadline = field("deadlineField", "none", "The whole run is stopped after this many ms of wall time"
                + " (not scaled), on either engine; unfinished tasks are marked cancelled. Empty: no deadline.");
        deadline.setPrefColumnCount(5);
        deadline.textProperty().bindBidirectional(model.deadline);
        HBox deadlineRow = new HBox(6, deadline, new Label("ms for the whole run"));
        deadlineRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        markInvalid(deadline, "deadlineMs");
        markInvalid(chunk, "chunksize");
        markInvalid(mtpc, "maxTasksPerChild");
        markInvalid(limit, "timeoutMs");

        List<TaskKind> initKinds = new ArrayList<>();
        initKinds.add(null);
        initKinds.add(TaskKind.SLEEP);
        initKinds.add(TaskKind.PRINT);
        initKinds.add(TaskKind.SPIN);
        ComboBox<TaskKind> init = new ComboBox<>(FXCollections.observableArrayList(initKinds));
        init.setId("initializerBox");
        init.setConverter(converter(TaskKind::id, TaskKind::fromId, "none"));
        init.valueProperty().bindBidirectional(model.initKind);
        TextField initMs = field("initMsField", "ms", "How long the initializer takes in each new worker");
        initMs.setPrefColumnCount(5);
        initMs.textProperty().bindBidirectional(model.initMs);
        initMs.disableProperty().bind(model.initKind.isNull());
        markInvalid(initMs, "initializer.ms");
        HBox initRow = new HBox(6, init, initMs, new Label("ms"));
        initRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        ComboBox<Double> scale = new ComboBox<>(FXCollections.observableArrayList(1.0, 0.5, 0.25, 0.1, 0.01, 2.0));
        scale.setId("timeScale");
        scale.setTooltip(new Tooltip("Multiplies every task's ms when running: a 6 s lesson takes 0.6 s at \u00d70.1"));
        scale.setConverter(converter(d -> "\u00d7" + trim(d), s -> Double.valueOf(s.replace("\u00d7", "")), "\u00d71"));
        scale.valueProperty().addListener((o, a, b) -> model.timeScale.set(b == null ? 1 : b));
        scale.setValue(model.timeScale.get());
        model.timeScale.addListener((o, a, b) -> scale.setValue(b.doubleValue()));

        int r = 0;
        grid.addRow(r++, new Label("Pool size"), poolRow);
        grid.addRow(r++, new Label("Mode"), mode);
        grid.addRow(r++, new Label("Chunksize"), chunk);
        grid.addRow(r++, new Label("Max tasks/child"), mtpc);
        grid.addRow(r++, new Label("Time limit"), limitRow);
        grid.addRow(r++, new Label("Deadline"), deadlineRow);
        grid.addRow(r++, new Label("Initializer"), initRow);
        grid.addRow(r++, new Label("Time scale"), scale);
        javafx.scene.control.CheckBox together = new javafx.scene.control.CheckBox("together");
        together.setId("startTogether");
        together.setTooltip(new Tooltip("On: the first tasks go out once every worker is ready, so the lanes start"
                + " together as in Python's Pool. Off: each worker starts as soon as it is ready (shows start-up)."));
        together.selectedProperty().bindBidirectional(model.startTogether);
        grid.addRow(r, new Label("Workers start"), together);
        // Names and short notes keep their width: the panel grows (or the window scrolls) instead
        // of showing "Chunks…".
        for (javafx.scene.Node n : grid.getChildren()) {
            if (n instanceof Label l) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            } else if (n instanceof HBox box) {
                box.getChildren().stream().filter(c -> c instanceof Label)
                        .forEach(c -> ((Label) c).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
            }
        }
        return grid;
    }

    /** Marks a field "invalid" with the reason as its tooltip while the model has a problem with it. */
    private void markInvalid(TextField t, String field) {
        Tooltip normal = t.getTooltip();
        Runnable update = () -> {
            String problem = model.problemFor(field);
            t.getStyleClass().remove("invalid");
            if (problem != null) {
                t.getStyleClass().add("invalid");
                t.setTooltip(new Tooltip(problem));
            } else {
                t.setTooltip(normal);
            }
        };
        model.problems().addListener((javafx.collections.ListChangeListener<String>) c -> update.run());
        update.run();
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }

    private static TextField field(String id, String prompt, String tip) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setPrefColumnCount(7);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> to,
                                                   java.util.function.Function<String, T> from, String nullText) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? nullText : to.apply(v);
            }

            @Override
            public T fromString(String s) {
                return s == null || s.equals(nullText) ? null : from.apply(s);
            }
        };
    }
}
