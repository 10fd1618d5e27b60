package dev.poolscope.ui.compare;

import dev.poolscope.cpython.PythonLessons;
import dev.poolscope.trace.CoresVerdict;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.ui.replay.ReplayRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;

/**
 * Analyze > Compare threads with processes: runs a lesson's threads program, then its processes
 * program, one after the other (at once they would compete for the cores), live in the main
 * window, then opens the two one above the other with the verdict in words computed from what
 * the operating system measured ({@link CoresVerdict}).
 */
public final class ThreadsVsProcesses {
    /** A pair of lesson programs doing the same work on threads and on processes. */
    public enum Pair {
        CPU("CPU-bound", "threads-cpu", "threads-cpu-processes"),
        WAITING("waiting", "threads-sleep", "threads-sleep-processes");

        final String words;
        final String threads;
        final String processes;

        Pair(String words, String threads, String processes) {
            this.words = words;
            this.threads = threads;
            this.processes = processes;
        }

        /** "Compare threads with processes: CPU-bound", the menu item's text. */
        public String title() {
            return "Compare threads with processes: " + words;
        }
    }

    /** What the comparison uses of the main window (the window's app package provides it). FX thread. */
    public interface Host {
        Stage stage();

        void showProblem(String text);

        /** Runs a Python program live in the window; false (having said why) when it cannot start. */
        boolean runPythonProgram(Path program);

        /** True while the window's run is going. */
        ReadOnlyBooleanProperty runningProperty();

        /** The window's last run's trace once it has finished, OS samples included; null before. */
        RunTrace finishedTrace();

        /** Whether the window's last run was stopped by its deadline. */
        boolean stoppedByDeadline();
    }

    private final Host w;
    private final Pair pair;
    private final Consumer<Stage> opened;
    private RunTrace threads;
    private ChangeListener<Boolean> listener;

    private ThreadsVsProcesses(Host w, Pair pair, Consumer<Stage> opened) {
        this.w = w;
        this.pair = pair;
        this.opened = opened;
    }

    /** The Analyze menu's items, one per pair; each opened comparison window goes to {@code opened}. */
    public static List<MenuItem> menuItems(Host w, Consumer<Stage> opened) {
        List<MenuItem> items = new java.util.ArrayList<>();
        items.add(new SeparatorMenuItem());
        for (Pair pair : Pair.values()) {
            MenuItem item = new MenuItem(pair.title());
            item.setId("compareThreads" + pair.name() + "MenuItem");
            if (pair == Pair.CPU) {
                item.setAccelerator(javafx.scene.input.KeyCombination.keyCombination("Ctrl+Shift+G"));
            }
            item.setOnAction(e -> start(w, pair, opened));
            item.disableProperty().bind(w.runningProperty());
            items.add(item);
        }
        return items;
    }

    /**
     * Starts the two runs (FX thread); {@code opened} gets the comparison window once both have
     * finished. Returns false, having said why, when a run cannot start (no python3, a run going).
     */
    public static boolean start(Host w, Pair pair, Consumer<Stage> opened) {
        return new ThreadsVsProcesses(w, pair, opened).run(pair.threads);
    }

    private boolean run(String lesson) {
        Path program;
        try {
            program = PythonLessons.extract(lesson);
        } catch (IOException e) {
            w.showProblem("Could not run " + lesson + ": " + e.getMessage());
            return false;
        }
        if (!w.runPythonProgram(program)) {
            unlisten();
            return false;
        }
        if (listener == null) {
            listener = (o, was, is) -> {
                if (was && !is) {
                    Platform.runLater(this::ended); // not inside the frame that finished the run
                }
            };
            w.runningProperty().addListener(listener);
        }
        return true;
    }

    private void ended() {
        RunTrace trace = w.finishedTrace();
        if (trace == null || w.stoppedByDeadline() || trace.stopped()) {
            unlisten(); // stopped by the user (or the deadline): no comparison of half a run
            return;
        }
        if (threads == null) {
            threads = trace;
            run(pair.processes);
            return;
        }
        unlisten();
        String verdict = CoresVerdict.of(threads, trace);
        List<ComparedRun> runs = List.of(compared(pair.threads + ".py: 4 threads of one process", threads),
                compared(pair.processes + ".py: 4 processes", trace));
        opened.accept(CompareWindow.open(w.stage(), "threads against processes (" + pair.words + ")", runs, verdict));
    }

    /** A finished run as a replay draws it: the trace's own events, OS samples included. */
    private static ComparedRun compared(String label, RunTrace trace) {
        ReplayRun replay = ReplayRun.of(trace, label);
        // A program's run finds its lanes as it goes: its configuration has as many as it ended with.
        int lanes = (int) trace.workers().stream().mapToInt(w -> w.slot()).distinct().count();
        dev.poolscope.engine.RunConfig config = replay.config();
        if (config.slots() < lanes) {
            config = config.toBuilder().mode(dev.poolscope.engine.Mode.MAP).pool(lanes).chunksize(1).buildObserved();
        }
        return new ComparedRun(label, config, trace, replay.events());
    }

    private void unlisten() {
        if (listener != null) {
            w.runningProperty().removeListener(listener);
            listener = null;
        }
    }
}
