package dev.poolscope.ui.config;

import dev.poolscope.engine.Limits;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.StartPolicy;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pool options and task list being edited, as observable values, and the problems with
 * them. Every change re-validates with the engine's own rules ({@link RunConfig.Builder#problems}),
 * so the messages on screen are the ones the CLI would give.
 */
public final class ConfigModel {
    final StringProperty scenarioName = new SimpleStringProperty("untitled");
    final StringProperty description = new SimpleStringProperty("");
    final IntegerProperty pool = new SimpleIntegerProperty(2);
    final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.MAP);
    /** Empty means "default" (as Pool.map computes it). */
    final StringProperty chunksize = new SimpleStringProperty("");
    /** Empty means "no limit". */
    final StringProperty maxTasksPerChild = new SimpleStringProperty("");
    /** Per-task time limit in ms; empty means "none". Scaled with the time scale when running. */
    final StringProperty timeLimit = new SimpleStringProperty("");
    /** Whole-run deadline in ms, wall time (not scaled); empty means "none". A run setting, not saved. */
    final StringProperty deadline = new SimpleStringProperty("");
    /** Null means "no initializer". */
    final ObjectProperty<TaskKind> initKind = new SimpleObjectProperty<>(null);
    final StringProperty initMs = new SimpleStringProperty("200");
    /** Multiplies every ms value at run time; a teacher shortens a 6 s lesson to 0.6 s with 0.1. */
    final DoubleProperty timeScale = new SimpleDoubleProperty(1.0);
    final BooleanProperty dirty = new SimpleBooleanProperty(false);
    /** A run setting, not part of scenario files: first chunks go out when every worker is ready. */
    final BooleanProperty startTogether = new SimpleBooleanProperty(true);
    final ObservableList<TaskRow> tasks = FXCollections.observableArrayList(TaskRow::observables);
    private final ReadOnlyListWrapper<String> problems = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private boolean loading;

    public ConfigModel() {
        Observable[] all = {pool, mode, chunksize, maxTasksPerChild, timeLimit, initKind, initMs, tasks};
        for (Observable o : all) {
            o.addListener(x -> changed());
        }
        deadline.addListener(x -> revalidate()); // a run setting: not an edit of the scenario
        revalidate();
    }

    private void changed() {
        if (!loading) {
            dirty.set(true);
        }
        revalidate();
    }

    public ReadOnlyListProperty<String> problems() {
        return problems.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty nameProperty() {
        return scenarioName;
    }

    /** The values now match the saved file. */
    public void markSaved() {
        dirty.set(false);
    }

    public String name() {
        return scenarioName.get();
    }

    public String describe() {
        return description.get();
    }

    public double timeScale() {
        return timeScale.get();
    }

    public void setTimeScale(double scale) {
        timeScale.set(scale);
    }

    /** Sets the time limit field ("" for none), as typing would. */
    public void setTimeLimit(String ms) {
        timeLimit.set(ms == null ? "" : ms);
    }

    /** The whole-run deadline in ms, or null for none (or while the field has a problem). */
    public Long deadlineMs() {
        List<String> found = new ArrayList<>();
        Long ms = parseDeadline(found);
        return found.isEmpty() ? ms : null;
    }

    private Long parseDeadline(List<String> found) {
        Integer ms = optionalInt("deadlineMs", deadline.get(), found);
        if (ms != null && ms < 1) {
            found.add("deadlineMs: must be at least 1 ms or empty, got " + ms);
            return null;
        }
        return ms == null ? null : (long) ms;
    }

    /** The first problem with a field ("chunksize", "tasks[2].ms", ...), or null. */
    public String problemFor(String field) {
        for (String p : problems) {
            if (p.startsWith(field + ":")) {
                return p;
            }
        }
        return null;
    }

    public void setPool(int size) {
        pool.set(size);
    }

    public ObservableList<TaskRow> tasks() {
        return tasks;
    }

    /** Replaces everything with a loaded scenario. */
    public void load(String name, String desc, RunConfig c) {
        loading = true;
        try {
            scenarioName.set(name);
            description.set(desc == null ? "" : desc);
            pool.set(c.pool());
            mode.set(c.mode());
            chunksize.set(c.chunksize() == null ? "" : String.valueOf(c.chunksize()));
            maxTasksPerChild.set(c.maxTasksPerChild() == null ? "" : String.valueOf(c.maxTasksPerChild()));
            timeLimit.set(c.timeoutMs() == null ? "" : String.valueOf(c.timeoutMs()));
            initKind.set(c.initializer() == null ? null : c.initializer().kind());
            initMs.set(c.initializer() == null ? "200" : String.valueOf(c.initializer().ms()));
            List<TaskRow> rows = new ArrayList<>();
            for (TaskSpec t : c.tasks()) {
                rows.add(new TaskRow(t));
            }
            tasks.setAll(rows);
        } finally {
            loading = false;
        }
        dirty.set(false);
        revalidate();
    }

    /** Re-checks the values; the problems list says what to fix, one "field: reason" each. */
    public void revalidate() {
        List<String> found = new ArrayList<>();
        RunConfig.Builder b = builder(found, 1.0);
        found.addAll(b.problems());
        problems.setAll(found);
    }

    /** The configuration to run, with times scaled; null when there are problems. */
    public RunConfig toRunConfig(boolean scaled) {
        List<String> found = new ArrayList<>();
        RunConfig.Builder b = builder(found, scaled ? timeScale.get() : 1.0);
        return found.isEmpty() && b.problems().isEmpty() ? b.build() : null;
    }

    private RunConfig.Builder builder(List<String> found, double scale) {
        RunConfig.Builder b = RunConfig.builder().mode(mode.get()).pool(pool.get())
                .startPolicy(startTogether.get() ? StartPolicy.TOGETHER : StartPolicy.ASAP);
        b.chunksize(optionalInt("chunksize", chunksize.get(), found));
        b.maxTasksPerChild(optionalInt("maxTasksPerChild", maxTasksPerChild.get(), found));
        Integer limit = optionalInt("timeoutMs", timeLimit.get(), found);
        b.timeoutMs(limit == null ? null : scale != 1 && limit > 0 ? Math.max(1L, Math.round(limit * scale)) : (long) limit);
        parseDeadline(found);
        if (initKind.get() != null) {
            Long ms = TaskRow.parseLong("initializer.ms", initMs.get(), 0L, found);
            TaskKind k = initKind.get();
            long scaledMs = scale != 1 && ms > 0 ? Math.max(1, Math.round(ms * scale)) : ms;
            b.initializer(new TaskSpec("init", k, scaledMs, k.needsN() ? 1L : null,
                    k.needsText() ? "initializer ran in {pid}" : null, 1, 1, null));
        }
        for (int i = 0; i < tasks.size(); i++) {
            b.task(tasks.get(i).toSpec("tasks[" + i + "]", found, scale));
        }
        return b;
    }

    private static Integer optionalInt(String field, String typed, List<String> found) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(typed.trim());
        } catch (NumberFormatException e) {
            found.add(field + ": must be a whole number or empty, got '" + typed + "'");
            return null;
        }
    }

    /** A new task row, named after its position. */
    TaskRow newRow() {
        return new TaskRow(TaskSpec.of("T" + (tasks.size() + 1), TaskKind.SLEEP, 1000));
    }

    static int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    static int maxPool() {
        return Limits.MAX_POOL;
    }
}
