package dev.poolscope.dask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.TraceBuilder;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** sleepy on a scheduler and two workers this test starts over TCP on 127.0.0.1: PoolScope connects, and leaves them running. */
class DaskExternalClusterTest {
    @Test
    void theClustersWorkersAreTheLanesAndTheClusterOutlivesTheRun() throws Exception {
        DaskPython.Found dask = DaskRuns.dask();
        try (ExternalCluster cluster = new ExternalCluster(dask.python().executable(), 2)) {
            waitForWorkers(cluster);
            DaskRun run = DaskRuns.runToEnd("sleepy", DaskRuns.lesson("sleepy", 2),
                    DaskOptions.defaults().withScheduler(cluster.address), Duration.ofSeconds(90));
            assertEquals(null, run.failure(), DaskRuns.dump(run));
            assertFalse(run.clusterStarted());
            assertEquals(cluster.address, run.schedulerAddress());
            RunTrace trace = TraceBuilder.of("sleepy", run.config(), run.events());

            Set<Long> started = Set.copyOf(cluster.workerPids());
            Set<Long> lanes = trace.workers().stream().map(w -> w.pid()).collect(Collectors.toSet());
            assertEquals(started, lanes, "the lanes are the PIDs of the workers started here");
            assertEquals(2, trace.pool());
            assertEquals(8, trace.tasks().size());
            for (TaskRecord t : trace.tasks()) {
                assertEquals("ok", t.status(), () -> t + "\n" + DaskRuns.dump(run));
                assertTrue(started.contains(t.pid()));
            }
            assertTrue(trace.workers().stream().allMatch(w -> w.exit() == null), "not our cluster: its workers stay alive");

            Thread.sleep(1000); // a cluster PoolScope wrongly ended would be gone by now
            assertTrue(cluster.allAlive(), "the scheduler and both workers still run after PoolScope's run");
            assertFalse(ProcessHandle.of(run.driverPid()).map(ProcessHandle::isAlive).orElse(false)
                    && !DaskRuns.zombie(run.driverPid()), "the driver itself is gone");
        }
    }

    /** Workers register with the scheduler a moment after they start. */
    private static void waitForWorkers(ExternalCluster cluster) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            DaskRun probe = new DaskService().start("probe", DaskRuns.lesson("doubling", 1),
                    DaskOptions.defaults().withScheduler(cluster.address), null);
            probe.awaitDone(Duration.ofSeconds(60));
            if (probe.lanes().size() >= 2) {
                return;
            }
            Thread.sleep(300);
        }
    }
}
