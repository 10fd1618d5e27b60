package dev.poolscope.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.trace.Stats;
import dev.poolscope.ui.timeline.TimelineModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The whole round trip in the window: run a lesson on real workers, Save Trace, Open Trace,
 * replay to the end; the window then shows what it showed when the run ended: the same tasks,
 * lanes and states, the same delivery order, console and statistics.
 */
class SaveOpenReplayTest extends TraceWindowTest {
    @TempDir
    Path dir;

    @Test
    void aDroppedTraceOpensItsReplayAndADroppedScenarioOpensAsOne() throws Exception {
        Path trace = dev.poolscope.ui.export.KnownTrace.write(dir);
        fx(() -> {
            window.traces().openDropped(trace);
            return null;
        });
        assertEquals("known", fx(() -> window.traces().replay().current().name()));
        assertTrue(fx(() -> window.traces().recentTraces()).contains(trace.toAbsolutePath().normalize()),
                "a dropped trace is a recent trace");
        Path scenario = dir.resolve("dropped.json");
        Files.writeString(scenario, "{\"name\": \"dropped\", \"tasks\": [{\"name\": \"A\", \"kind\": \"sleep\", \"ms\": 5}]}");
        fx(() -> {
            window.traces().openDropped(scenario);
            return null;
        });
        assertEquals("dropped", fx(() -> window.config().name()), "a scenario opens as a scenario");
    }

    @Test
    void aRunSavedAndReplayedToTheEndShowsWhatTheLiveViewShowed(FxRobot robot) throws Exception {
        fx(() -> {
            window.config().setTimeScale(0.1); // work-log in about 0.6 s
            return null;
        });
        robot.clickOn("#runButton");
        waitFor(() -> window.controller().live() != null && window.controller().live().isFinished()
                && !window.controller().runningProperty().get());
        TimelineModel live = fx(() -> window.controller().live());
        List<String> delivered = fx(() -> window.panels().deliveredLines());
        List<String> completed = fx(() -> window.panels().completedLines());
        List<String> console = fx(() -> window.panels().consoleLines());
        Stats stats = fx(() -> window.panels().shownStats());

        Path json = dir.resolve("work-log.json");
        Path csv = dir.resolve("work-log.csv");
        Path chrome = dir.resolve("work-log.trace.json");
        assertTrue(fx(() -> window.traces().saveTraceTo(json) && window.traces().saveTraceTo(csv)
                && window.traces().saveTraceTo(chrome)));
        assertTrue(Files.readString(csv).startsWith("index,name"), "CSV by its extension");
        assertTrue(Files.readString(chrome).contains("traceEvents"), "Chrome Trace Event JSON by its extension");
        assertEquals(List.of(json.toAbsolutePath().normalize()), fx(() -> window.traces().recentTraces()),
                "the saved trace is a recent trace");

        assertTrue(fx(() -> window.traces().openTrace(json)));
        fx(() -> {
            window.traces().replay().seek(window.traces().replay().current().endNs());
            return null;
        });
        TimelineModel replayed = fx(() -> window.controller().live());
        assertTrue(replayed != live && replayed == window.traces().replay().live(), "the window draws the replay");
        assertEquals(live.taskCount(), replayed.taskCount());
        for (int t = 0; t < live.taskCount(); t++) {
            assertEquals(Math.round(live.start(t) / 1000.0), Math.round(replayed.start(t) / 1000.0), "start of " + t);
            assertEquals(Math.round(live.end(t) / 1000.0), Math.round(replayed.end(t) / 1000.0), "end of " + t);
            assertEquals(live.slot(t), replayed.slot(t));
            assertEquals(live.pid(t), replayed.pid(t));
            assertEquals(live.status(t), replayed.status(t));
            assertEquals(live.label(t), replayed.label(t));
        }
        for (int i = 0; i < live.laneCount(); i++) {
            assertEquals(live.lane(i).pid(), replayed.lane(i).pid(), "lane " + i);
            assertEquals(live.lane(i).state(), replayed.lane(i).state(), "lane " + i + " state");
        }
        assertEquals(delivered, fx(() -> window.panels().deliveredLines()), "delivery order");
        assertEquals(completed, fx(() -> window.panels().completedLines()), "completion order");
        assertEquals(console, fx(() -> window.panels().consoleLines()), "console");
        assertEquals(stats, fx(() -> window.panels().shownStats()), "statistics");
        assertEquals(4, delivered.size(), delivered.toString());
    }
}
