package dev.poolscope.ui.config;

import dev.poolscope.cpython.ScenarioProgram;
import dev.poolscope.engine.RunConfig;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The scenario as the Python program it stands for, beside the task table: what the CPython
 * engine runs, readable as a slide, copyable, runnable with plain python3. Above it, which
 * engine Run uses: PoolScope's Java workers, CPython's own multiprocessing, or Dask (the same
 * run_task and TASKS submitted to a local cluster or to the scheduler typed in).
 */
public final class PythonView extends VBox {
    private final ConfigModel model;
    private final TextArea program = new TextArea();
    private final BooleanProperty onCPython = new SimpleBooleanProperty(false);
    private final BooleanProperty onDask = new SimpleBooleanProperty(false);
    private final javafx.scene.control.TextField scheduler = new javafx.scene.control.TextField();

    public PythonView(ConfigModel model) {
        this.model = model;
        setId("pythonView");
        setSpacing(6);
        ToggleGroup engine = new ToggleGroup();
        RadioButton java = new RadioButton("PoolScope's workers");
        RadioButton cpython = new RadioButton("CPython's multiprocessing");
        RadioButton dask = new RadioButton("Dask");
        java.setId("engineJava");
        cpython.setId("engineCPython");
        dask.setId("engineDask");
        java.setToggleGroup(engine);
        cpython.setToggleGroup(engine);
        dask.setToggleGroup(engine);
        java.setSelected(true);
        onCPython.bind(cpython.selectedProperty());
        onDask.bind(dask.selectedProperty());
        scheduler.setId("daskScheduler");
        scheduler.setPromptText("local cluster (or tcp://HOST:PORT)");
        scheduler.setPrefColumnCount(20);
        scheduler.disableProperty().bind(dask.selectedProperty().not());
        scheduler.setTooltip(new javafx.scene.control.Tooltip("Empty: a local Dask cluster of one worker per pool slot,"
                + " started and ended with the run. A scheduler's address: its workers are the lanes, and PoolScope"
                + " leaves that cluster running."));
        HBox engines = new HBox(10, new Label("Run on:"), java, cpython, dask, scheduler);
        engines.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        program.setId("pythonProgram");
        program.setEditable(false);
        program.setWrapText(false);
        program.setStyle("-fx-font-family: 'monospace';");
        VBox.setVgrow(program, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("copyPython");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(program.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label note = new Label("Runs with plain python3; a scenario file cannot add code to it.");
        note.getStyleClass().add("description");
        note.setWrapText(true);
        getChildren().addAll(engines, program, new HBox(8, copy, note));

        Observable[] all = {model.scenarioName, model.description, model.pool, model.mode, model.chunksize,
                model.maxTasksPerChild, model.timeLimit, model.initKind, model.initMs, model.tasks};
        for (Observable o : all) {
            o.addListener(x -> refresh());
        }
        refresh();
    }

    /** Whether Run uses CPython's multiprocessing rather than PoolScope's own workers. */
    public BooleanProperty onCPythonProperty() {
        return onCPython;
    }

    /** The engine Run uses: "java", "cpython" or "dask". */
    public String engine() {
        return onDask.get() ? "dask" : onCPython.get() ? "cpython" : "java";
    }

    /** The Dask scheduler's address typed in, or null for a local cluster. */
    public String scheduler() {
        String s = scheduler.getText();
        return s == null || s.isBlank() ? null : s.trim();
    }

    private void refresh() {
        RunConfig config = model.toRunConfig(false);
        if (config == null) {
            program.setText("# The scenario has problems to fix first:\n# "
                    + String.join("\n# ", model.problems()) + "\n");
            return;
        }
        program.setText(ScenarioProgram.render(model.scenarioName.get(), model.description.get(), config));
    }
}
