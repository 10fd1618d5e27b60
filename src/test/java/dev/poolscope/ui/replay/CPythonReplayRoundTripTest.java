package dev.poolscope.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.CPythonOptions;
import dev.poolscope.cpython.CPythonService;
import dev.poolscope.cpython.PythonRuns;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunListener;
import dev.poolscope.os.OsSampler;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.trace.TraceJson;
import dev.poolscope.ui.timeline.TimelineModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Python program run as the window runs it (its events and the OS samples in one
 * stream), saved as the window saves it, opened and replayed to the end: the replay shows what
 * the class saw live. Its main lane with the start(), join() and is_alive() calls, lanes with
 * their kinds and PIDs, tasks, printed lines and notices. As ReplayRoundTripTest does for
 * PoolScope's own workers. And a version-1 trace from assets/ still opens and replays.
 */
class CPythonReplayRoundTripTest {
    @TempDir
    Path dir;

    /** Everything the window's frame loop would be fed, in the order it arrives. */
    private static final class Fed implements RunListener {
        final List<RunEvent> events = new ArrayList<>();

        @Override
        public synchronized void onEvent(RunEvent e) {
            events.add(e);
        }

        synchronized List<RunEvent> copy() {
            return List.copyOf(events);
        }
    }

    @Test
    void processesJoinAndIsAliveReplayAsTheyRanLive() throws Exception {
        Replayed r = runSaveAndReplay(Path.of("assets", "python", "process_ids.py"));
        TimelineModel.Lane main = r.live.lane(0);
        List<String> calls = SameModel.marks(main);
        assertTrue(calls.stream().anyMatch(c -> c.contains("is_alive")), "the main lane shows is_alive(): " + calls);
        assertTrue(calls.stream().anyMatch(c -> c.contains("join")), "and join(): " + calls);
        assertEquals(3, r.live.laneCount(), "the main process and two children");
        for (int i = 1; i < 3; i++) {
            assertEquals(Lane.Kind.PROCESS, r.replayed.lane(i).what().kind());
        }
        assertTrue(printed(r.replay).stream().anyMatch(t -> t.startsWith("Process p1 is alive: False")),
                "the main process's printed lines are kept: " + printed(r.replay));
    }

    @Test
    void aPoolReplaysAsItRanLive() throws Exception {
        Replayed r = runSaveAndReplay(Path.of("assets", "python", "squares_with_pids.py"));
        assertEquals(7, r.live.taskCount(), "squares of 2..8");
        assertTrue(r.live.laneCount() >= 2, "a main lane and the pool's workers");
        assertTrue(printed(r.replay).stream().anyMatch(t -> t.contains("64")), "the result line: " + printed(r.replay));
    }

    @Test
    void aVersionOneTraceFromAssetsStillOpensAndReplays() throws Exception {
        Path file = Path.of("assets", "tutorial", "work-log.json");
        assertTrue(Files.readString(file).contains("\"version\" : 1"), "the asset is a version-1 trace");
        RunTrace old = TraceJson.read(file);
        assertFalse(old.recorded(), "a version-1 trace keeps no events");
        ReplayRun replay = ReplayRun.of(old, "work-log");
        TimelineModel end = replay.liveAt(replay.endNs());
        assertEquals(old.tasks().size(), end.taskCount());
        assertTrue(end.isFinished());
        for (int t = 0; t < end.taskCount(); t++) {
            assertEquals(old.tasks().get(t).pid(), end.pid(t), "task " + t + " on its worker");
        }
    }

    private record Replayed(TimelineModel live, TimelineModel replayed, ReplayRun replay) {}

    private Replayed runSaveAndReplay(Path program) throws Exception {
        PythonRuns.python();
        Fed fed = new Fed();
        RunHandle run;
        try (OsSampler os = new OsSampler(fed::onEvent)) {
            run = new CPythonService().start(program, List.of(), CPythonOptions.defaults(), os.tap(fed));
            os.start(run.startNanos());
            assertTrue(run.awaitDone(Duration.ofSeconds(60)), "the program did not end");
        }
        List<RunEvent> events = fed.copy();
        TimelineModel live = new TimelineModel(List.of(), 0, run.info().ofProgram());
        events.forEach(live::apply);

        // As the window saves it (TraceTools): what it was fed, with the run's own account of itself.
        RunTrace saved = TraceBuilder.of(program.getFileName().toString(), run.info(), run.config(), events, List.of());
        Path file = dir.resolve("run.json");
        TraceJson.write(saved, file);
        RunTrace read = TraceJson.read(file);
        assertEquals(saved, read, "the trace reads back as written");
        ReplayRun replay = ReplayRun.of(read, "run");
        assertEquals(events, replay.events(), "the replay plays what the live view was fed");
        TimelineModel replayed = replay.liveAt(replay.endNs());
        SameModel.assertSame(live, replayed);
        assertEquals(1, live.laneOffset(), "a program's main process has its own lane");
        assertEquals(notices(events), notices(replay.events()), "notices");
        assertEquals(printedIn(events), printed(replay), "printed lines, in order");
        return new Replayed(live, replayed, replay);
    }

    private static List<String> printed(ReplayRun replay) {
        return printedIn(replay.events());
    }

    private static List<String> printedIn(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof RunEvent.OutputLine).map(e -> ((RunEvent.OutputLine) e).text())
                .collect(Collectors.toList());
    }

    private static List<String> notices(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof RunEvent.RunNotice).map(e -> ((RunEvent.RunNotice) e).text())
                .collect(Collectors.toList());
    }
}
