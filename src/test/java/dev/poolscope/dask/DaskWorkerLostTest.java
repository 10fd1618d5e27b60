package dev.poolscope.dask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.TraceBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A worker killed in the middle of a task: Dask's scheduler notices and runs the task again elsewhere, and the run shows it. */
class DaskWorkerLostTest {
    @Test
    void aKilledWorkersTaskIsRerunAndTheRunSaysSo() throws Exception {
        DaskRuns.dask();
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(2)
                .task(TaskSpec.of("A", TaskKind.SLEEP, 3000)).task(TaskSpec.of("B", TaskKind.SLEEP, 300))
                .task(TaskSpec.of("C", TaskKind.SLEEP, 300)).build();
        CompletableFuture<RunEvent.TaskStarted> aStarted = new CompletableFuture<>();
        DaskRun run = new DaskService().start("lost", config, DaskOptions.defaults(), e -> {
            if (e instanceof RunEvent.TaskStarted s && s.index() == 0) {
                aStarted.complete(s);
            }
        });
        RunEvent.TaskStarted first = aStarted.get(60, TimeUnit.SECONDS);
        Thread.sleep(300); // A is sleeping on its worker now
        assertTrue(run.killWorker(first.slot(), first.pid()), "the worker running A could be killed");
        assertTrue(run.awaitDone(Duration.ofSeconds(90)), () -> DaskRuns.dump(run));
        String all = DaskRuns.dump(run);

        List<RunEvent.WorkerExited> exits = DaskRuns.all(run, RunEvent.WorkerExited.class);
        assertTrue(exits.stream().anyMatch(x -> x.pid() == first.pid() && x.kind() == ExitKind.CRASHED
                && x.detail().contains("lost") && x.detail().contains("A")), all);
        List<RunEvent.TaskStarted> startsOfA = DaskRuns.all(run, RunEvent.TaskStarted.class).stream()
                .filter(s -> s.index() == 0).toList();
        assertEquals(2, startsOfA.size(), "A started twice: once on the killed worker, once more\n" + all);
        assertNotEquals(first.pid(), startsOfA.get(1).pid(), "the rerun is on another worker process");
        assertTrue(DaskRuns.all(run, RunEvent.RunNotice.class).stream()
                .anyMatch(n -> n.text().startsWith("Dask reran A on worker")), all);
        assertTrue(DaskRuns.all(run, RunEvent.ProcessMark.class).stream()
                .anyMatch(m -> m.pid() == first.pid() && m.text().contains("lost with worker")), all);

        RunTrace trace = TraceBuilder.of("lost", run.config(), run.events());
        TaskRecord a = trace.tasks().get(0);
        assertEquals("ok", a.status(), all);
        assertEquals(startsOfA.get(1).pid(), a.pid(), "A's bar is its rerun");
        assertTrue(a.durationMs() >= 2990, "the rerun slept its whole 3 s: " + a.durationMs());
        assertTrue(trace.tasks().stream().allMatch(t -> "ok".equals(t.status())), all);
    }
}
