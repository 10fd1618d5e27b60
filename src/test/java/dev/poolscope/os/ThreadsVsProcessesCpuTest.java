package dev.poolscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.CPythonOptions;
import dev.poolscope.cpython.CPythonRun;
import dev.poolscope.cpython.CPythonService;
import dev.poolscope.cpython.CPythonTrace;
import dev.poolscope.cpython.PythonRuns;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.trace.CoresVerdict;
import dev.poolscope.trace.OsSample;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.WorkerRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The threads-vs-processes lessons on real python3, sampled from /proc: the same CPU-bound
 * function on four threads of one process (one PID, four TIDs, about one core together) and on
 * four processes (more than one and a half cores on two). The processes' half says nothing on a
 * machine whose cores other programs are using, so it first waits for a quiet moment, measures
 * what others used during the run, and skips with the figures when they took too much.
 */
class ThreadsVsProcessesCpuTest {
    /** Steps per call: about 0.6 s of one core, so four calls on four threads take 2.4 s or more. */
    private static final String WORK = "11000000";
    /** What others may use during the processes' run (in cores) and still leave it 1.5 of 2. */
    private static final double OTHERS_AT_MOST = 0.3;
    private static RunTrace threadsRun;

    @Test
    void fourCpuBoundThreadsAreFourThreadLanesOfTheMainProcessUsingAboutOneCore() throws Exception {
        RunTrace t = threads();
        long mainPid = mainPidOf(t);
        assertEquals(4, t.workers().size(), "four lanes: " + t.workers());
        Set<Long> tids = new HashSet<>();
        for (WorkerRecord w : t.workers()) {
            assertEquals(Lane.Kind.THREAD, w.lane().kind(), "a thread lane: " + w);
            assertEquals(mainPid, w.pid(), "a thread has its process's PID: " + w);
            assertNotNull(w.lane().tid(), "a thread lane has its TID: " + w);
            assertTrue(w.lane().tid() != mainPid, "not the main thread: " + w);
            tids.add(w.lane().tid());
            assertTrue(w.lane().name().startsWith("spin-"), w.lane().name());
            List<TaskRecord> tasks = t.tasks().stream().filter(r -> r.slot() == w.slot()).toList();
            assertEquals(1, tasks.size(), "its task on its lane: " + tasks);
            assertEquals("ok", tasks.get(0).status());
            assertTrue(tasks.get(0).name().startsWith("spin("), tasks.get(0).name());
            List<OsSample> samples = w.samples();
            double life = w.exitMs() - w.spawnMs();
            // 20 a second while it lives; half of that is enough on a machine shared with other builds.
            assertTrue(samples.size() >= life / 100, samples.size() + " samples over " + life + " ms: " + w);
            for (int i = 1; i < samples.size(); i++) {
                assertTrue(samples.get(i).cpuMs() >= samples.get(i - 1).cpuMs(), "cpuMs is cumulative: " + samples);
            }
            double cpu = samples.get(samples.size() - 1).cpuMs();
            assertTrue(cpu > 150, "each thread's own CPU time, from schedstat: " + cpu + " ms");
        }
        assertEquals(4, tids.size(), "four distinct TIDs: " + tids);
        CoresVerdict.Figures f = CoresVerdict.figures(t);
        assertEquals(4, f.lanes());
        assertNotNull(f.cores(), "the threads' CPU was sampled");
        // Under the GIL the four take turns: about one core between them (a loaded machine gives less).
        assertTrue(f.cores() <= 1.2, String.format(Locale.ROOT, "4 threads used %.2f cores", f.cores()));
        assertTrue(f.cores() > 0.05, String.format(Locale.ROOT, "4 threads used %.2f cores", f.cores()));
    }

    @Test
    void fourProcessesOfTheSameFunctionUseMoreThanOneAndAHalfCoresOnTwo() throws Exception {
        Assumptions.assumeTrue(MachineShare.available() && LinuxProcProbe.available(), "needs Linux /proc");
        int cpus = Runtime.getRuntime().availableProcessors();
        Assumptions.assumeTrue(cpus >= 2, "needs 2 CPUs, this machine has " + cpus);
        RunTrace threads = threads();
        MachineShare.Window before = MachineShare.awaitQuiet(OTHERS_AT_MOST, 10);
        MachineShare share = MachineShare.start();
        RunTrace t = run("threads_cpu_processes.py");
        MachineShare.Window during = share.stop();
        assertEquals(4, t.workers().size(), "four process lanes: " + t.workers());
        Set<Long> pids = new HashSet<>();
        for (WorkerRecord w : t.workers()) {
            assertEquals(Lane.Kind.PROCESS, w.lane().kind(), w.toString());
            pids.add(w.pid());
        }
        assertEquals(4, pids.size(), "four PIDs: " + pids);
        CoresVerdict.Figures f = CoresVerdict.figures(t);
        assertNotNull(f.cores(), "the processes' CPU was sampled");
        String figures = String.format(Locale.ROOT, "4 processes used %.2f cores on %d CPUs; before the run %s;"
                + " during it %s", f.cores(), cpus, before, during);
        Assumptions.assumeTrue(during.otherCores() <= OTHERS_AT_MOST,
                "the machine is too loaded to say: " + figures);
        assertTrue(f.cores() > 1.5, figures);
        // The verdict is these measurements, in words.
        CoresVerdict.Figures a = CoresVerdict.figures(threads);
        String verdict = CoresVerdict.of(threads, t);
        assertTrue(verdict.startsWith(String.format(Locale.ROOT, "4 threads used %.1f cores in total and took %.1f s;"
                + " 4 processes used %.1f cores and took %.1f s on this %d-CPU machine.", a.cores(), a.makespanMs() / 1000,
                f.cores(), f.makespanMs() / 1000, t.stats().machineCpus())), verdict);
        assertTrue(verdict.contains("took turns on about one core"), verdict);
    }

    private static synchronized RunTrace threads() throws Exception {
        if (threadsRun == null) {
            threadsRun = run("threads_cpu.py");
        }
        return threadsRun;
    }

    private static long mainPidOf(RunTrace t) {
        return t.workers().get(0).pid();
    }

    /** Runs a lesson program with the sampler beside it, as the CLI does, and returns its trace. */
    private static RunTrace run(String lesson) throws Exception {
        Assumptions.assumeTrue(LinuxProcProbe.available(), "needs Linux /proc");
        PythonRuns.python();
        ConcurrentLinkedQueue<RunEvent> samples = new ConcurrentLinkedQueue<>();
        OsSampler os = new OsSampler(samples::add);
        CPythonRun run = new CPythonService().start(Path.of("assets", "python", lesson), List.of(WORK),
                CPythonOptions.defaults(), os.tap(e -> { }));
        os.start(run.startNanos());
        try {
            assertTrue(run.awaitDone(Duration.ofSeconds(120)), "the run did not end in 120 s");
        } finally {
            os.close();
            run.stop();
        }
        assertEquals(0, run.exitCode(), "the program's exit");
        RunTrace t = CPythonTrace.of(run, new ArrayList<>(samples));
        for (WorkerRecord w : t.workers()) {
            if (w.lane().kind() == Lane.Kind.THREAD) {
                assertEquals(run.mainPid(), w.pid(), "a thread of the main process: " + w);
            }
        }
        return t;
    }
}
