package dev.poolscope.os;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.CPythonOptions;
import dev.poolscope.cpython.CPythonRun;
import dev.poolscope.cpython.CPythonService;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.scenario.Lessons;
import dev.poolscope.cpython.PythonRuns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The sampler beside a real CPython run: its pool workers from the events, its main process by PID. */
class OsViewCPythonTest {
    @Test
    void cpythonWorkersAndTheMainProcessAreSampled() throws Exception {
        Assumptions.assumeTrue(LinuxProcProbe.available(), "needs Linux /proc");
        PythonRuns.python(); // skips the test where python3 is missing
        ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
        OsSampler os = new OsSampler(queue::add);
        CPythonRun run = new CPythonService().startScenario("cpu-bound",
                Lessons.load("cpu-bound").config().toBuilder().pool(2).build(), CPythonOptions.defaults(),
                os.tap(queue::add));
        os.start(run.startNanos());
        // The main interpreter is no pool worker: it has no lane, so it is watched by PID (slot -1).
        os.watch(-1, run.mainPid(), 0);
        try {
            assertTrue(run.awaitDone(Duration.ofSeconds(90)), "the CPython run did not end in 90 s");
        } finally {
            os.close();
            run.stop();
        }
        List<RunEvent> all = new ArrayList<>(queue);
        Set<Long> workers = all.stream().filter(e -> e instanceof RunEvent.WorkerSpawned)
                .map(e -> ((RunEvent.WorkerSpawned) e).pid()).collect(Collectors.toSet());
        List<RunEvent.WorkerSampled> samples = all.stream().filter(e -> e instanceof RunEvent.WorkerSampled)
                .map(e -> (RunEvent.WorkerSampled) e).collect(Collectors.toList());
        assertTrue(workers.size() >= 2, "pool workers seen: " + workers);
        for (long pid : workers) {
            assertTrue(samples.stream().anyMatch(s -> s.pid() == pid && s.rssKb() > 0), "samples of worker " + pid);
        }
        assertTrue(samples.stream().anyMatch(s -> s.pid() == run.mainPid() && s.slot() == -1),
                "samples of the main process " + run.mainPid());
        // A Python worker computing squares in a loop is seen running.
        assertTrue(samples.stream().anyMatch(s -> workers.contains(s.pid()) && s.state() == 'R' && s.cpuPct() > 0),
                "a spinning Python worker shows R");
    }
}
