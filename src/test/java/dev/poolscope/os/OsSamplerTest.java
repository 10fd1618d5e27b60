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

    /**
     * Order and arithmetic, not speed: how many samples a loaded machine manages in a second is the
     * sampler's rate, a benchmark's business. Here: every sample of a process lies between its spawn
     * and its exit, none follows RunFinished, and each sample's CPU % is the CPU time used since the
     * previous sample over the time since then.
     */
    @Test
    void samplesLieBetweenSpawnAndExitAndStopAtRunFinished() throws Exception {
        ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
        OsSampler os = new OsSampler(new HalfCoreProbe(), queue::add);
        var listener = os.tap(queue::add);
        long start = System.nanoTime();
        os.start(start);
        listener.onEvent(new RunEvent.WorkerSpawned(System.nanoTime() - start, 0, 101, 0));
        listener.onEvent(new RunEvent.WorkerSpawned(System.nanoTime() - start, 1, 102, 0));
        awaitTrue(() -> samples(queue, 101).size() >= 3, "three samples of 101");
        listener.onEvent(new RunEvent.WorkerExited(System.nanoTime() - start, 0, 101, ExitKind.NORMAL, 0, null, "done"));
        int before = samples(queue, 102).size();
        // At least 2 s of 102's samples, so the half core shows over the whole span however late a tick comes.
        awaitTrue(() -> {
            List<RunEvent.WorkerSampled> s102 = samples(queue, 102);
            return s102.size() >= before + 3 && s102.get(s102.size() - 1).at() - s102.get(1).at() >= 2_000_000_000L;
        }, "102 sampled after 101's exit, for 2 s");
        listener.onEvent(new RunEvent.RunFinished(System.nanoTime() - start, false));
        Thread.sleep(300); // three sampling periods for a sample that must not come (the test cannot pass by waiting less)

        List<RunEvent> all = new ArrayList<>(queue);
        int exit101 = indexOf(all, e -> e instanceof RunEvent.WorkerExited);
        int finished = indexOf(all, e -> e instanceof RunEvent.RunFinished);
        assertEquals(all.size() - 1, finished, "nothing after RunFinished");
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof RunEvent.WorkerSampled s) {
                assertTrue(s.pid() == 101 ? i < exit101 : i < finished, "sample " + s + " at " + i);
                assertEquals(s.pid() == 101 ? 0 : 1, s.slot(), "the sample's lane: " + s);
            }
        }
        assertTrue(exit101 > 0 && indexOf(all, e -> e instanceof RunEvent.WorkerSampled s && s.pid() == 102) < exit101
                && all.subList(exit101, finished).stream().anyMatch(e -> e instanceof RunEvent.WorkerSampled),
                "102 is sampled before and after 101's exit");
        assertTrue(all.stream().anyMatch(e -> e instanceof RunEvent.MachineSampled m && m.cpus() > 0));
        assertEquals(List.of(), os.watchedPids(), "nothing watched after the run");

        List<RunEvent.WorkerSampled> s102 = samples(new ConcurrentLinkedQueue<>(all), 102);
        for (int i = 1; i < s102.size(); i++) {
            RunEvent.WorkerSampled prev = s102.get(i - 1);
            RunEvent.WorkerSampled cur = s102.get(i);
            double expected = 100.0 * (cur.cpuMs() - prev.cpuMs()) * 1e6 / (cur.at() - prev.at());
            assertEquals(expected, cur.cpuPct(), 0.11, "CPU since the previous sample over the time since then: " + cur);
        }
        // The probe's CPU time grows at half its clock: over 2 s or more, a late tick moves the mean by a few points.
        RunEvent.WorkerSampled first = s102.get(1);
        RunEvent.WorkerSampled last = s102.get(s102.size() - 1);
        double overall = 100.0 * (last.cpuMs() - first.cpuMs()) * 1e6 / (last.at() - first.at());
        assertEquals(50, overall, 20, "half a core over " + (last.at() - first.at()) / 1_000_000 + " ms");
    }

    private static List<RunEvent.WorkerSampled> samples(ConcurrentLinkedQueue<RunEvent> queue, long pid) {
        List<RunEvent.WorkerSampled> found = new ArrayList<>();
        for (RunEvent e : queue) {
            if (e instanceof RunEvent.WorkerSampled s && s.pid() == pid) {
                found.add(s);
            }
        }
        return found;
    }

    /** Polls until {@code condition} holds; the bound is generous, a quiet machine takes well under a second. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "within 30 s: " + what);
            Thread.sleep(20);
        }
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
