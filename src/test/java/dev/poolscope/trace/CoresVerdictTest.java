package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The threads-vs-processes verdict from hand-made runs: four lanes each running one task at a
 * chosen CPU % in a chosen state (R: wanting a core, S: waiting), sampled every 100 ms, as threads of one PID or as four processes. Two
 * threads' lanes with the same PID stay two lanes (records are by slot and PID).
 */
class CoresVerdictTest {
    @Test
    void theGilCaseReadsAsTakingTurnsOnOneCore() {
        RunTrace threads = run(true, 25, 4000);   // 4 x 25 % = 1 core, 4 s
        RunTrace processes = run(false, 50, 2000); // 4 x 50 % = 2 cores, 2 s
        assertEquals(4, threads.workers().size(), "four thread lanes of one PID, not one: " + threads.workers());
        String v = CoresVerdict.of(threads, processes);
        assertTrue(v.startsWith("4 threads used 1.0 cores in total and took 4.0 s; 4 processes used 2.0 cores and took"
                + " 2.0 s on this 2-CPU machine. "), v);
        assertTrue(v.contains("took turns on about one core"), v);
    }

    @Test
    void threadsOnMoreThanOneCoreReadAsAFreeThreadedPython() {
        String v = CoresVerdict.of(run(true, 45, 2000), run(false, 50, 2000));
        assertTrue(v.startsWith("4 threads used 1.8 cores in total"), v);
        assertTrue(v.contains("free-threaded"), v);
    }

    @Test
    void processesHeldToOneCoreReadAsABusyMachineOrWaitingWork() {
        String busy = CoresVerdict.of(run(true, 25, 4000), run(false, 30, 3000));
        assertTrue(busy.contains("ready to run most of the time but got little CPU: other programs kept the cores"
                + " busy (load 3.5)"), busy);
        String waiting = CoresVerdict.of(run(true, 1, 1000, 'S'), run(false, 1, 1000, 'S'));
        assertTrue(waiting.contains("waiting needs no core, so the threads did as well as the processes"), waiting);
    }

    /** Four lanes, each one task over [100, 100 + ms] at {@code pct} % CPU throughout, on 2 CPUs at load 3.5. */
    private static RunTrace run(boolean threads, double pct, double ms) {
        return run(threads, pct, ms, 'R');
    }

    private static RunTrace run(boolean threads, double pct, double ms, char state) {
        Events e = new Events();
        for (int slot = 0; slot < 4; slot++) {
            long pid = threads ? 1000 : 2000 + slot;
            e.list.add(new RunEvent.WorkerSpawned(Events.ns(100), slot, pid, 0,
                    threads ? Lane.thread(1001 + slot, "spin-" + slot) : Lane.PROCESS));
            e.start(100, slot, slot, pid);
            for (double at = 200; at <= 100 + ms; at += 100) {
                e.list.add(new RunEvent.WorkerSampled(Events.ns(at), slot, pid, pct, state, 1000, (at - 100) * pct / 100));
            }
            e.ok(100 + ms, slot, slot, pid);
        }
        e.list.add(new RunEvent.MachineSampled(Events.ns(100 + ms), 2, 3.5));
        return TraceBuilder.of("t", Events.config(4, "a", "b", "c", "d"), List.copyOf(e.list));
    }
}
