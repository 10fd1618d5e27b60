package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunListener;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.engine.TaskStatus;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TraceBuilderTest {
    @Test
    void recordsWorkersTasksAndDeliveryOrder() {
        RunTrace t = Events.example();
        assertEquals("example", t.scenario());
        assertEquals("map", t.mode());
        assertEquals(2, t.pool());
        assertEquals(1, t.chunksize());
        assertTrue(t.finished());
        assertFalse(t.stopped());
        assertEquals(300, t.makespanMs());
        assertEquals(List.of(0, 1, 2), t.deliveryOrder());

        TaskRecord a = t.tasks().get(0);
        assertEquals(new TaskRecord(0, "A", "sleep", 0, 0, 101, 50.0, 150.0, "ok", null, null,
                List.of("hello, \"world\""), false), a);
        assertEquals(100, a.durationMs());
        TaskRecord c = t.tasks().get(2);
        assertEquals("crashed", c.status());
        assertEquals("worker 101 exited with code 3", c.error());

        WorkerRecord w0 = t.workers().get(0);
        assertEquals(new WorkerRecord(0, 101, 0, 0.0, 40.0, 250.0, "crashed", 3, null, "exited with code 3",
                null, null, null), w0);
        assertEquals("normal", t.workers().get(1).exit());
        assertEquals(List.of(new OutputRecord(60, 0, 0, 101, "hello, \"world\"")), t.output());
    }

    @Test
    void keepsABoundedNumberOfLinesPerTaskAndMarksTheRest() {
        Events e = new Events().spawn(0, 0, 7, 0).start(1, 0, 0, 7);
        for (int i = 0; i < TraceBuilder.MAX_TASK_OUTPUT_LINES + 50; i++) {
            e.print(2, 0, 0, 7, "line " + i);
        }
        e.ok(3, 0, 0, 7).start(3, 1, 0, 7).print(4, 1, 0, 7, "one")
                .add(new RunEvent.OutputTruncated(Events.ns(5), 1, 0, 7, 10, 100)).ok(5, 1, 0, 7);
        RunTrace t = TraceBuilder.of("chatty", Events.config(1, "loud", "cut"), e.list);
        assertEquals(TraceBuilder.MAX_TASK_OUTPUT_LINES, t.tasks().get(0).output().size());
        assertTrue(t.tasks().get(0).outputTruncated());
        assertEquals(List.of("one"), t.tasks().get(1).output());
        assertTrue(t.tasks().get(1).outputTruncated(), "the engine's OutputTruncated event marks the task");
        assertEquals(TraceBuilder.MAX_TASK_OUTPUT_LINES + 51, t.output().size(), "the run keeps every line");
    }

    @Test
    void initializerSpanErrorAndOutputBelongToTheWorker() {
        Events e = new Events().spawn(0, 0, 7, 0)
                .print(10, -1, 0, 7, "setting up")
                .add(new RunEvent.InitializerRan(Events.ns(20), 0, 7, Events.ns(5), "no config"))
                .ready(21, 0, 7);
        RunTrace t = TraceBuilder.of("init", Events.config(1, "A"), e.list);
        WorkerRecord w = t.workers().get(0);
        assertEquals(5.0, w.initStartMs());
        assertEquals(20.0, w.initEndMs());
        assertEquals("no config", w.initError());
        assertEquals(21.0, w.readyMs());
        assertEquals(-1, t.output().get(0).index());
        assertTrue(t.tasks().get(0).output().isEmpty());
    }

    @Test
    void cancelledBeforeStartingHasNoSpanAndAFailedSpawnStillGetsARecord() {
        Events e = new Events()
                .exit(5, 0, -1, ExitKind.CRASHED, null, null, "could not start a worker process: boom")
                .finish(6, 0, -1, -1, TaskStatus.CANCELLED, null, "the run was stopped")
                .add(new RunEvent.TaskStarted(Events.ns(7), 99, 0, 1, 0)) // unknown task: ignored
                .done(8, true);
        RunTrace t = TraceBuilder.of("stopped", Events.config(1, "A"), e.list);
        TaskRecord a = t.tasks().get(0);
        assertNull(a.startMs());
        assertNull(a.endMs());
        assertEquals(-1, a.slot());
        assertEquals("cancelled", a.status());
        assertFalse(a.running());
        assertEquals(1, t.workers().size());
        assertEquals(-1, t.workers().get(0).pid());
        assertTrue(t.stopped());
        assertTrue(t.finished());
    }

    @Test
    void snapshotsReuseEveryRecordThatDidNotChange() {
        int n = 10_000;
        RunConfig.Builder b = RunConfig.builder().mode(Mode.IMAP_UNORDERED).pool(4).chunksize(1);
        for (int i = 0; i < n; i++) {
            b.task(TaskSpec.of("t" + i, TaskKind.SLEEP, 1));
        }
        TraceBuilder builder = new TraceBuilder("many", b.build());
        for (int slot = 0; slot < 4; slot++) {
            builder.accept(new RunEvent.WorkerSpawned(0, slot, 1000 + slot, 0));
        }
        for (int i = 0; i < n; i++) {
            builder.accept(new RunEvent.TaskStarted(Events.ns(i), i, i % 4, 1000 + i % 4, i));
            builder.accept(new RunEvent.TaskFinished(Events.ns(i + 1), i, i % 4, 1000 + i % 4, TaskStatus.OK, null, null));
            builder.accept(new RunEvent.ResultDelivered(Events.ns(i + 1), i, TaskStatus.OK, null, null));
        }
        RunTrace first = builder.snapshot(Events.ns(n + 1));
        RunTrace last = builder.snapshot(Events.ns(n + 1));
        // What keeps a snapshot of a long run cheap (the window takes one each frame): nothing is rebuilt
        // that did not change. How fast that is belongs in a benchmark (bench-ui), not in a unit test.
        for (int i = 0; i < n; i++) {
            assertSame(first.tasks().get(i), last.tasks().get(i), "task " + i + " is not rebuilt");
        }
        assertEquals(first, last);
        assertEquals(n, last.deliveryOrder().size());
    }

    @Test
    void snapshotMidRunShowsRunningTasksWithoutEndOrStatus() throws Exception {
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(2).chunksize(1)
                .task(TaskSpec.of("long1", TaskKind.SLEEP, 800))
                .task(TaskSpec.of("long2", TaskKind.SLEEP, 800))
                .build();
        long t0 = System.nanoTime();
        RunHandle handle = new PoolService().start(config, RunListener.NONE);
        List<RunEvent> events = List.of();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (events.stream().noneMatch(RunEvent.TaskStarted.class::isInstance) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            events = handle.events();
        }
        TraceBuilder builder = new TraceBuilder("mid", config).recording();
        events.forEach(builder::accept);
        RunTrace mid = builder.snapshot(System.nanoTime() - t0);
        List<TaskRecord> running = mid.tasks().stream().filter(TaskRecord::running).collect(Collectors.toList());
        assertFalse(running.isEmpty(), "a task is running");
        for (TaskRecord r : running) {
            assertNull(r.endMs());
            assertNull(r.status());
            assertTrue(r.pid() > 0);
            assertEquals(0, r.durationMs());
        }
        assertFalse(mid.finished());
        assertTrue(mid.workers().stream().anyMatch(WorkerRecord::alive));
        assertTrue(mid.stats().totalBusyMs() >= 0);

        assertTrue(handle.awaitDone(Duration.ofSeconds(30)));
        handle.events().subList(events.size(), handle.events().size()).forEach(builder::accept);
        RunTrace done = builder.snapshot(System.nanoTime() - t0);
        assertEquals(done, builder.snapshot(Long.MAX_VALUE), "a finished run no longer depends on now");
        assertEquals(done, TraceBuilder.of("mid", config, handle.events()));
        assertTrue(done.finished());
        assertTrue(done.tasks().stream().allMatch(t -> "ok".equals(t.status()) && t.endMs() != null));
        assertTrue(done.workers().stream().noneMatch(WorkerRecord::alive));
    }

    @Test
    void aRealRunGivesOneRecordPerTaskAndWorker() throws Exception {
        RunTrace t = RealRuns.basic();
        assertEquals(5, t.tasks().size());
        assertEquals(List.of("ok", "ok", "ok", "ok", "crashed"),
                t.tasks().stream().map(TaskRecord::status).collect(Collectors.toList()));
        assertEquals(List.of(0, 1, 2, 3, 4), t.deliveryOrder(), "map delivers in input order");
        for (TaskRecord task : t.tasks()) {
            assertTrue(task.slot() == 0 || task.slot() == 1);
            assertTrue(t.workers().stream().anyMatch(w -> w.pid() == task.pid() && w.slot() == task.slot()),
                    "task " + task.name() + " ran on a known worker");
        }
        assertTrue(t.tasks().get(0).durationMs() >= 290, "A slept 300 ms: " + t.tasks().get(0).durationMs());
        WorkerRecord crashed = t.workers().stream().filter(w -> "crashed".equals(w.exit())).findFirst().orElseThrow();
        assertEquals(3, crashed.exitCode());
        assertEquals(crashed.pid(), t.tasks().get(4).pid());
        // Whether a replacement starts depends on timing (not if E crashes after the last task ends).
        assertTrue(t.workers().size() >= 2);
        TaskRecord c = t.tasks().get(2);
        assertEquals(List.of("hello from " + c.pid()), c.output());
        for (TaskRecord task : t.tasks()) {
            // (The crashed worker's replacement may be told to quit before it is ready: no check for it.)
            WorkerRecord w = t.workers().stream().filter(x -> x.pid() == task.pid()).findFirst().orElseThrow();
            assertTrue(w.readyMs() != null && w.spawnMs() <= w.readyMs() && w.readyMs() <= task.startMs(), w.toString());
        }
        double expected = t.tasks().stream().mapToDouble(TaskRecord::durationMs).sum();
        assertEquals(expected, t.stats().totalBusyMs(), 0.01);
        assertTrue(t.makespanMs() >= 300 && t.makespanMs() < 5000, "makespan " + t.makespanMs());
    }

    @Test
    void aRecycledSlotHasOneRecordPerProcessWithNewPids() throws Exception {
        RunTrace t = RealRuns.recycled();
        assertTrue(t.tasks().stream().allMatch(task -> "ok".equals(task.status())));
        Set<Long> pids = new HashSet<>();
        for (int slot = 0; slot < 2; slot++) {
            int s = slot;
            List<WorkerRecord> lane = t.workers().stream().filter(w -> w.slot() == s).collect(Collectors.toList());
            if (lane.size() >= 2) {
                assertNotEquals(lane.get(0).pid(), lane.get(1).pid());
                assertEquals("recycled", lane.get(0).exit());
                assertEquals(0, lane.get(0).generation());
                assertEquals(1, lane.get(1).generation());
            }
            lane.forEach(w -> pids.add(w.pid()));
        }
        assertTrue(t.workers().stream().anyMatch(w -> w.generation() >= 1), "some slot got a second process");
        assertEquals(t.workers().size(), pids.size(), "every process has its own pid");
        Set<Long> taskPids = t.tasks().stream().map(TaskRecord::pid).collect(Collectors.toSet());
        assertEquals(4, taskPids.size(), "maxtasksperchild=1: each task on a fresh process");
    }
}
