package dev.poolscope.ui.config;

import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable row of the task list. Values are kept as the text the user typed, so a bad
 * value ("-5", "abc") stays on screen, marked, instead of being silently dropped. Fields the
 * editor does not show (times, exitCode, timeoutMs) ride along from the loaded spec.
 */
public final class TaskRow {
    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<TaskKind> kind = new SimpleObjectProperty<>(TaskKind.SLEEP);
    final StringProperty ms = new SimpleStringProperty("0");
    final StringProperty n = new SimpleStringProperty("");
    final StringProperty text = new SimpleStringProperty("");
    private final TaskSpec base;

    TaskRow(TaskSpec spec) {
        base = spec;
        name.set(spec.name());
        kind.set(spec.kind());
        ms.set(String.valueOf(spec.ms()));
        n.set(spec.n() == null ? "" : String.valueOf(spec.n()));
        text.set(spec.text() == null ? "" : spec.text());
    }

    TaskRow copy() {
        TaskRow r = new TaskRow(base);
        r.name.set(name.get());
        r.kind.set(kind.get());
        r.ms.set(ms.get());
        r.n.set(n.get());
        r.text.set(text.get());
        return r;
    }

    Observable[] observables() {
        return new Observable[] {name, kind, ms, n, text};
    }

    /**
     * The spec these values describe. Unparsable numbers are reported in {@code problems}
     * with the field's path and the typed text; the spec then carries a placeholder.
     */
    TaskSpec toSpec(String path, java.util.List<String> problems, double timeScale) {
        long msValue = parseLong(path + ".ms", ms.get(), 0L, problems);
        Long nValue = n.get().isBlank() ? null : parseLong(path + ".n", n.get(), null, problems);
        String textValue = text.get().isEmpty() && !kind.get().needsText() && base.text() == null ? null : text.get();
        if (timeScale != 1 && msValue > 0) {
            msValue = Math.max(1, Math.round(msValue * timeScale));
        }
        return new TaskSpec(name.get(), kind.get(), msValue, nValue, textValue, base.times(), base.exitCode(),
                base.timeoutMs());
    }

    static Long parseLong(String path, String typed, Long fallback, java.util.List<String> problems) {
        try {
            return Long.parseLong(typed.trim());
        } catch (NumberFormatException e) {
            problems.add(path + ": must be a whole number, got '" + typed + "'");
            return fallback;
        }
    }

    public String getName() {
        return name.get();
    }
}
