package dev.poolscope.dask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.trace.WorkerRecord;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** sleepy on a LocalCluster of 4 worker processes that the run starts and ends. */
class DaskLocalClusterTest {
    @Test
    void sleepyOnFourWorkersShowsTheirPidsAndEightBarsAndLeavesNothingRunning() throws Exception {
        RunConfig config = DaskRuns.lesson("sleepy", 4);
        DaskRuns.dask();
        // Every process of the run while its tasks run: the driver (scheduler and nannies live in it) and below it.
        Set<Long> processes = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicReference<DaskRun> started = new java.util.concurrent.atomic.AtomicReference<>();
        DaskRun run = new DaskService().start("sleepy", config, DaskOptions.defaults(), e -> {
            if (e instanceof dev.poolscope.engine.RunEvent.TaskStarted && processes.isEmpty() && started.get() != null) {
                ProcessHandle.of(started.get().driverPid()).ifPresent(d -> {
                    processes.add(d.pid());
                    d.descendants().forEach(c -> processes.add(c.pid()));
                });
            }
        });
        started.set(run);
        assertTrue(run.awaitDone(Duration.ofSeconds(90)), () -> DaskRuns.dump(run));
        RunTrace trace = TraceBuilder.of("sleepy", run.config(), run.events());

        assertTrue(run.clusterStarted(), DaskRuns.dump(run));
        List<DaskLane> lanes = run.lanes();
        assertEquals(4, lanes.size(), DaskRuns.dump(run));
        Set<Long> lanePids = lanes.stream().map(DaskLane::pid).collect(Collectors.toSet());
        assertEquals(4, lanePids.size(), "four distinct worker PIDs");
        Set<Long> tracePids = trace.workers().stream().map(WorkerRecord::pid).collect(Collectors.toSet());
        assertEquals(lanePids, tracePids, "the trace's lanes are the workers' PIDs");
        assertEquals(4, trace.pool());
        assertTrue(lanePids.stream().noneMatch(p -> p == ProcessHandle.current().pid() || p == run.driverPid()));

        assertEquals(8, trace.tasks().size());
        for (TaskRecord t : trace.tasks()) {
            assertEquals("ok", t.status(), () -> t + "\n" + DaskRuns.dump(run));
            assertTrue(lanePids.contains(t.pid()), () -> "bar " + t.index() + " on a worker's lane: " + t);
            // timed on the worker: at least the half second it slept, not much more
            assertTrue(t.durationMs() >= 495 && t.durationMs() < 3000, () -> "bar length " + t.durationMs());
        }
        // four workers, eight half-second sleeps: two rounds, every worker busy
        assertEquals(4, trace.tasks().stream().map(TaskRecord::pid).distinct().count(), "every worker ran tasks");

        // the cluster went with the run: no process of it is left (zombies aside)
        assertTrue(processes.containsAll(lanePids), "the workers were the driver's descendants: " + processes);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (processes.stream().anyMatch(DaskLocalClusterTest::alive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        for (long pid : processes) {
            assertTrue(!alive(pid), "PID " + pid + " of the run's cluster still running after the run");
        }
        assertTrue(!alive(run.driverPid()), "the driver is gone");
        assertTrue(trace.workers().stream().allMatch(w -> "normal".equals(w.exit())),
                () -> "lanes closed with the cluster: " + trace.workers());
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !DaskRuns.zombie(pid);
    }
}
