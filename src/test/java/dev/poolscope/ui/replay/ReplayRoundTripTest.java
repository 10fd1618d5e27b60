package dev.poolscope.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunListener;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.os.OsSampler;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.trace.TraceJson;
import dev.poolscope.ui.timeline.TimelineModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run (real workers), save the trace, open it, replay to the end: the window's timeline model
 * fed the replayed events equals the one fed the live events, and the replayed events give the
 * same delivery order and statistics.
 */
class ReplayRoundTripTest {
    @TempDir
    Path dir;

    private static final class Recorder implements RunListener {
        final List<RunEvent> events = new ArrayList<>();

        @Override
        public synchronized void onEvent(RunEvent e) {
            events.add(e);
        }
    }

    @Test
    void replayedModelEqualsTheLiveOne() throws Exception {
        // Initializers, recycled workers, a crash with its replacement, output, a failure, imap delivery.
        RunConfig config = RunConfig.builder().mode(Mode.IMAP).pool(2).chunksize(1).maxTasksPerChild(2)
                .initializer(TaskSpec.of("init", TaskKind.SLEEP, 30))
                .task(TaskSpec.of("A", TaskKind.SLEEP, 250))
                .task(TaskSpec.print("B", "hello from {pid}").withMs(50))
                .task(TaskSpec.of("C", TaskKind.CRASH, 40).withExitCode(3))
                .task(TaskSpec.of("D", TaskKind.SLEEP, 120))
                .task(new TaskSpec("E", TaskKind.FAIL, 20, null, "boom", 1, 1, null))
                .task(TaskSpec.ofN("F", TaskKind.SQUARE, 7, 30))
                .build();
        Recorder rec = new Recorder();
        // As the window runs it: the OS samples each worker into the same stream.
        RunHandle handle;
        try (OsSampler os = new OsSampler(rec::onEvent)) {
            handle = new PoolService().start(config, os.tap(rec));
            os.start(handle.startNanos());
            assertTrue(handle.awaitDone(Duration.ofSeconds(60)), "the run did not finish");
        }
        List<RunEvent> liveEvents;
        synchronized (rec) {
            liveEvents = List.copyOf(rec.events);
        }
        TimelineModel live = new TimelineModel(config.tasks().stream().map(TaskSpec::name).toList(), config.slots());
        liveEvents.forEach(live::apply);
        RunTrace original = TraceBuilder.of("round-trip", config, liveEvents);

        Path file = dir.resolve("round-trip.json");
        TraceJson.write(original, file);
        ReplayRun replay = ReplayRun.of(TraceJson.read(file), "round-trip");
        TimelineModel replayed = replay.liveAt(replay.endNs());

        SameModel.assertSame(live, replayed);
        assertTrue(original.recorded(), "the trace keeps the run's events");
        assertEquals(liveEvents, replay.events(), "the replay plays the recorded events, not a reconstruction");
        assertTrue(live.lane(live.slot(2)).marks().stream().anyMatch(m -> m.kind() == TimelineModel.Mark.Kind.CRASH),
                "the crash is in the live model too");

        RunTrace again = TraceBuilder.of("round-trip", replay.config(), replay.events());
        assertTrue(original.workers().stream().anyMatch(w -> !w.samples().isEmpty()), "the OS was sampled: "
                + liveEvents.stream().filter(e -> e instanceof RunEvent.WorkerSampled).count() + " samples in " + liveEvents.size());
        assertEquals(original.deliveryOrder(), again.deliveryOrder(), "delivery order");
        assertEquals(original.stats(), again.stats(), "statistics");
        assertEquals(original.tasks(), again.tasks(), "task records");
        assertEquals(original.output(), again.output(), "output lines");
    }

}
