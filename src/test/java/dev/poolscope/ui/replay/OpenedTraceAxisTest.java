package dev.poolscope.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.trace.TraceJson;
import dev.poolscope.ui.app.AppOptions;
import dev.poolscope.ui.app.MainWindow;
import dev.poolscope.ui.timeline.TimelineGeometry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A saved trace of a 6.4 s run opened in the window, every way a window opens one ({@code ui
 * --open}, File > Open, a drop, Open Recent Trace), is drawn at once on an axis of about 6.4 s:
 * not the 13-15 minutes that a scale computed before the window was laid out (a plot 1 px wide)
 * gave, nor a live run's first second, until Fit was pressed (issue 19, defect 10).
 */
@ExtendWith(ApplicationExtension.class)
class OpenedTraceAxisTest {
    /** The run's end: its last worker exits at 6.4 s. */
    static final long END_NS = ms(6400);

    @TempDir
    Path dir;
    private MainWindow window;
    private Preferences prefs;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            fx(() -> {
                window.shutdown();
                window.stage().hide();
                return null;
            });
        }
        if (prefs != null) {
            prefs.removeNode();
        }
    }

    @Test
    void uiOpenDrawsTheWholeRunFromTheFirstFrame() throws Exception {
        Path trace = write(dir);
        // As 'ui --open TRACE' builds it: the file is opened before the window is shown and laid out.
        open(new AppOptions(null, trace.toString(), null, null, null, false, false, false,
                AppOptions.DEFAULT_WIDTH, AppOptions.DEFAULT_HEIGHT, false));
        assertNotNull(fx(() -> window.traces().replay().current()), "the trace opens as a replay");
        assertSpanIsTheRun("ui --open");
    }

    @Test
    void fileOpenADropAndOpenRecentDrawTheWholeRunAtOnce() throws Exception {
        Path trace = write(dir);
        open(AppOptions.defaults());

        fx(() -> {
            window.open(trace); // File > Open, once the file is chosen
            return null;
        });
        assertNotNull(fx(() -> window.traces().replay().current()), "File > Open opens a trace as a replay");
        assertSpanIsTheRun("File > Open");

        fx(() -> {
            window.traces().replay().close(true);
            window.timeline().geometry().zoomAt(300, 50); // a state of the axis that must not be kept
            return null;
        });
        fx(() -> {
            window.traces().openDropped(trace);
            return null;
        });
        assertSpanIsTheRun("a drop");

        fx(() -> {
            window.traces().replay().close(true);
            return null;
        });
        MenuItem recent = fx(() -> recentTrace());
        assertNotNull(recent, "Open Recent Trace lists the trace");
        fx(() -> {
            recent.fire();
            return null;
        });
        assertSpanIsTheRun("Open Recent Trace");

        // Played to a moment and back, the axis stays the run's.
        fx(() -> {
            window.traces().replay().seek(ms(3000));
            window.traces().replay().seek(ms(1000));
            return null;
        });
        assertSpanIsTheRun("after seeking");
    }

    @Test
    void aDamagedTraceOpenedInTheWindowIsNamedByItsFault() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode trace =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(write(dir).toFile());
        com.fasterxml.jackson.databind.node.ObjectNode task =
                (com.fasterxml.jackson.databind.node.ObjectNode) trace.get("tasks").get(1);
        task.put("endMs", task.get("startMs").asDouble() - 5);
        Path damaged = dir.resolve("damaged.json");
        json.writeValue(damaged.toFile(), trace);
        open(AppOptions.defaults());
        fx(() -> {
            window.open(damaged); // File > Open, a drop and --open in the window all come here
            return null;
        });
        String message = fx(() -> window.message());
        assertNotNull(message, "the window says why it did not open");
        assertTrue(message.contains("tasks[1].endMs: before startMs"), message);
        assertTrue(!message.contains("unknown field"), message);
    }

    /** The visible time span, once the window has been laid out and drawn, is the run's, give or take a margin. */
    private void assertSpanIsTheRun(String how) throws Exception {
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(30); // a few frames: the window's own frame timer draws too
        }
        TimelineGeometry geo = fx(() -> window.timeline().geometry());
        double start = fx(geo::visibleStartNs);
        double end = fx(geo::visibleEndNs);
        double width = fx(() -> window.timeline().getWidth());
        assertTrue(width > 300, how + ": the timeline is laid out (" + width + " px)");
        String seen = String.format(java.util.Locale.ROOT, "%s: the axis shows %.2f s to %.2f s for a run of %.2f s",
                how, start / 1e9, end / 1e9, END_NS / 1e9);
        assertTrue(start <= 0 && end >= END_NS, seen + " (the whole run in view)");
        assertTrue(end - start <= 1.25 * END_NS, seen + " (no more than a quarter more than the run)");
    }

    private MenuItem recentTrace() {
        MenuBar bar = (MenuBar) window.stage().getScene().lookup(".menu-bar");
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if ("recentTraces".equals(i.getId()) && i instanceof Menu recent) {
                    return recent.getItems().isEmpty() ? null : recent.getItems().get(0);
                }
            }
        }
        return null;
    }

    private void open(AppOptions options) throws Exception {
        prefs = Preferences.userRoot().node("dev/poolscope/test-" + System.nanoTime());
        FxToolkit.setupStage((Stage stage) -> {
            window = new MainWindow(stage, options, prefs);
            stage.show();
            stage.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A pool of 2 whose times are known: A 0.1-4.1 s on W0; B 0.1-3.0 s then C 3.1-6.3 s on W1; exits at 6.35 and 6.4 s. */
    static Path write(Path dir) throws Exception {
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(2).chunksize(1)
                .task(TaskSpec.of("A", TaskKind.SLEEP, 4000)).task(TaskSpec.of("B", TaskKind.SLEEP, 2900))
                .task(TaskSpec.of("C", TaskKind.SLEEP, 3200)).build();
        List<RunEvent> e = new ArrayList<>();
        e.add(new RunEvent.WorkerSpawned(0, 0, 101, 0));
        e.add(new RunEvent.WorkerStateChanged(0, 0, 101, WorkerState.STARTING));
        e.add(new RunEvent.WorkerSpawned(0, 1, 102, 0));
        e.add(new RunEvent.WorkerStateChanged(0, 1, 102, WorkerState.STARTING));
        e.add(new RunEvent.WorkerStateChanged(ms(50), 0, 101, WorkerState.IDLE));
        e.add(new RunEvent.WorkerStateChanged(ms(60), 1, 102, WorkerState.IDLE));
        e.add(new RunEvent.TaskStarted(ms(100), 0, 0, 101, 0));
        e.add(new RunEvent.TaskStarted(ms(100), 1, 1, 102, 1));
        e.add(new RunEvent.TaskFinished(ms(3000), 1, 1, 102, TaskStatus.OK, "2", null));
        e.add(new RunEvent.TaskStarted(ms(3100), 2, 1, 102, 2));
        e.add(new RunEvent.TaskFinished(ms(4100), 0, 0, 101, TaskStatus.OK, "1", null));
        e.add(new RunEvent.TaskFinished(ms(6300), 2, 1, 102, TaskStatus.OK, "3", null));
        for (int i = 0; i < 3; i++) {
            e.add(new RunEvent.ResultDelivered(ms(6300), i, TaskStatus.OK, String.valueOf(i + 1), null));
        }
        e.add(new RunEvent.WorkerExited(ms(6350), 0, 101, ExitKind.NORMAL, 0, null, "exited normally"));
        e.add(new RunEvent.WorkerExited(END_NS, 1, 102, ExitKind.NORMAL, 0, null, "exited normally"));
        e.add(new RunEvent.RunFinished(END_NS, false));
        Path file = dir.resolve("six-seconds.json");
        TraceJson.write(TraceBuilder.of("six-seconds", config, e), file);
        assertEquals(true, java.nio.file.Files.size(file) > 0);
        return file;
    }

    static long ms(double ms) {
        return Math.round(ms * 1_000_000);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }
}
