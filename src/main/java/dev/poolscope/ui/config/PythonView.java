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
 * engine Run uses: PoolScope's Java workers or CPython's own multiprocessing.
 */
public final class PythonView extends VBox {
    private final ConfigModel model;
    private final TextArea program = new TextArea();
    private final BooleanProperty onCPython = new SimpleBooleanProperty(false);

    public PythonView(ConfigModel model) {
        this.model = model;
        setId("pythonView");
        setSpacing(6);
        ToggleGroup engine = new ToggleGroup();
        RadioButton java = new RadioButton("PoolScope's workers");
        RadioButton cpython = new RadioButton("CPython's multiprocessing");
        java.setId("engineJava");
        cpython.setId("engineCPython");
        java.setToggleGroup(engine);
        cpython.setToggleGroup(engine);
        java.setSelected(true);
        onCPython.bind(cpython.selectedProperty());
        HBox engines = new HBox(10, new Label("Run on:"), java, cpython);

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
