package dev.poolscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.OsTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * The sampler's threading and order contract, with a probe that makes up readings (the real
 * probe is tested with real workers in {@link OsViewRealWorkersTest}), and the lane model.
 */
class OsSamplerTest {
    /** Each process "uses" half a core: CPU time grows at half the wall clock from its first read. */
    private static final class HalfCoreProbe implements ProcessProbe {
        final Map<Long, Long> firstRead = new ConcurrentHashMap<>();

        @Override
        public Reading read(long pid) {
            long now = System.nanoTime();
            long first = firstRead.computeIfAbsent(pid, p -> now);
            return new Reading((now - first) / 2, 'R', 1024);
        }

        @Override
        public String missing() {
            return "";
        }
    }

    @Test
    void samplesLieBetweenSpawnAndExitAndStopAtRunFinished() throws Exception {
        ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
        OsSampler os = new OsSampler(new HalfCoreProbe(), queue::add);
        var listener = os.tap(queue::add);
        long start = System.nanoTime();
        os.start(start);
        listener.onEvent(new RunEvent.WorkerSpawned(System.nanoTime() - start, 0, 101, 0));
        listener.onEvent(new RunEvent.WorkerSpawned(System.nanoTime() - start, 1, 102, 0));
        Thread.sleep(650);
        listener.onEvent(new RunEvent.WorkerExited(System.nanoTime() - start, 0, 101, ExitKind.NORMAL, 0, null, "done"));
        Thread.sleep(350);
        listener.onEvent(new RunEvent.RunFinished(System.nanoTime() - start, false));
        Thread.sleep(300);

        List<RunEvent> all = new ArrayList<>(queue);
        int exit101 = indexOf(all, e -> e instanceof RunEvent.WorkerExited);
        int finished = indexOf(all, e -> e instanceof RunEvent.RunFinished);
        assertEquals(all.size() - 1, finished, "nothing after RunFinished");
        int samples101 = 0;
        int samples102 = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof RunEvent.WorkerSampled s) {
                assertTrue(s.pid() == 101 ? i < exit101 : i < finished, "sample " + s + " at " + i);
                if (s.pid() == 101) {
                    samples101++;
                } else {
                    samples102++;
                    assertEquals(1, s.slot());
                }
            }
        }
        // 10 a second: about 6 samples in 650 ms and 10 in 1 s (a loaded machine may slip a few).
        assertTrue(samples101 >= 3 && samples101 <= 8, "samples of 101: " + samples101);
        assertTrue(samples102 >= 5 && samples102 <= 12, "samples of 102: " + samples102);
        assertTrue(all.stream().anyMatch(e -> e instanceof RunEvent.MachineSampled m && m.cpus() > 0));
        assertEquals(List.of(), os.watchedPids(), "nothing watched after the run");
        assertTrue(all.stream().filter(e -> e instanceof RunEvent.WorkerSampled s && s.pid() == 102).skip(1)
                .allMatch(e -> Math.abs(((RunEvent.WorkerSampled) e).cpuPct() - 50) < 15), "half a core: " + all);
    }

    @Test
    void theLaneShowsStateAndCpuTwiceASecondAndAStopAtOnce() {
        TimelineModel run = new TimelineModel(List.of("a"), 1);
        run.apply(new RunEvent.WorkerSpawned(0, 0, 7, 0));
        long ms = 1_000_000;
        assertTrue(run.apply(sample(100 * ms, 7, 99.0, 'R')));
        OsTrack os = run.lane(0).os();
        assertEquals("R 100%", os.headerText(), "the first sample shows at once");
        run.apply(sample(200 * ms, 7, 48.0, 'R'));
        assertEquals("R 100%", os.headerText(), "not repainted at the sampling rate");
        run.apply(sample(600 * ms, 7, 52.0, 'R'));
        assertEquals("R 50%", os.headerText(), "the time-weighted mean of the last half second (51.2), in steps of 5");
        run.apply(sample(700 * ms, 7, 0.0, 'T'));
        assertEquals("T 0%", os.headerText(), "a stop shows at once");
        assertEquals(4, os.size());
        assertEquals(600 * ms, os.from(3), "a sample covers the time since the previous one");
        assertEquals(3, os.sampleAt(650 * ms));
        assertTrue(os.describe(3).contains("PID 7") && os.describe(3).contains("T stopped"), os.describe(3));
        assertTrue(!run.apply(sampleIn(5, 800 * ms, 7, 0.0, 'S')), "a sample of no lane changes nothing");
    }

    private static RunEvent.WorkerSampled sample(long at, long pid, double cpu, char state) {
        return sampleIn(0, at, pid, cpu, state);
    }

    private static RunEvent.WorkerSampled sampleIn(int slot, long at, long pid, double cpu, char state) {
        return new RunEvent.WorkerSampled(at, slot, pid, cpu, state, 2048, 0);
    }

    private static int indexOf(List<RunEvent> all, java.util.function.Predicate<RunEvent> p) {
        for (int i = 0; i < all.size(); i++) {
            if (p.test(all.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
