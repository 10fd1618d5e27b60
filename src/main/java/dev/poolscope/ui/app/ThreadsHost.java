package dev.poolscope.ui.app;

import dev.poolscope.trace.RunTrace;
import dev.poolscope.ui.compare.ThreadsVsProcesses;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.stage.Stage;

/** The main window as Analyze's threads-against-processes comparison uses it. */
final class ThreadsHost implements ThreadsVsProcesses.Host {
    private final MainWindow w;

    ThreadsHost(MainWindow w) {
        this.w = w;
    }

    @Override
    public Stage stage() {
        return w.stage();
    }

    @Override
    public void showProblem(String text) {
        w.showProblem(text);
    }

    @Override
    public boolean runPythonProgram(Path program) {
        return w.runPythonProgram(program);
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return w.controller().runningProperty();
    }

    @Override
    public RunTrace finishedTrace() {
        return w.panels().finishedTrace();
    }

    @Override
    public boolean stoppedByDeadline() {
        return w.controller().stoppedByDeadline();
    }
}
