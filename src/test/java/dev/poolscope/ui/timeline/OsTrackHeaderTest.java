package dev.poolscope.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.RunEvent;
import org.junit.jupiter.api.Test;

/** The header's "R 50%": calm enough to read, prompt for what matters. */
class OsTrackHeaderTest {
    private static final long MS = 1_000_000L;

    private static RunEvent.WorkerSampled sample(long atMs, long pid, double cpu, char state) {
        return new RunEvent.WorkerSampled(atMs * MS, 0, pid, cpu, state, 1000, 0);
    }

    @Test
    void aWorkerFlippingBetweenRunningAndSleepingChangesTheHeaderAtMostTwiceASecond() {
        OsTrack os = new OsTrack(0);
        int changes = 0;
        for (int i = 1; i <= 30; i++) {
            changes += os.add(sample(i * 100L, 42, i % 2 == 0 ? 40 : 5, i % 2 == 0 ? 'R' : 'S'), 42) ? 1 : 0;
        }
        // 3 s of samples: the first shows at once, then one change per half second at most.
        assertTrue(changes <= 7, "header changes: " + changes);
        assertTrue(changes >= 2, "but it does follow the figures: " + changes);
    }

    @Test
    void aStopAndItsEndShowAtOnce() {
        OsTrack os = new OsTrack(0);
        os.add(sample(100, 42, 90, 'R'), 42);
        assertTrue(os.add(sample(200, 42, 0, 'T'), 42));
        assertEquals('T', os.headerState());
        assertTrue(os.headerText().startsWith("T "));
        assertTrue(os.add(sample(300, 42, 95, 'R'), 42));
        assertEquals('R', os.headerState());
    }

    @Test
    void lanesTakeTurnsSoAPoolsHeadersDoNotAllChangeInOneFrame() {
        OsTrack[] lanes = new OsTrack[5];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new OsTrack(i);
            lanes[i].add(sample(100, 100 + i, 50, 'R'), 100 + i);
        }
        // From here each lane's figure rises every sample; count which lanes show it per sample.
        for (long at = 200; at <= 600; at += 100) {
            int changed = 0;
            for (int i = 0; i < lanes.length; i++) {
                changed += lanes[i].add(sample(at, 100 + i, at / 10.0 + 50, 'R'), 100 + i) ? 1 : 0;
            }
            assertEquals(1, changed, "lanes whose header changed at " + at + " ms");
        }
    }

    @Test
    void anotherProcessInTheLaneShowsAtOnceAndSamplesOfOthersDoNot() {
        OsTrack os = new OsTrack(3);
        os.add(sample(100, 42, 10, 'S'), 42);
        assertFalse(os.add(sample(150, 77, 99, 'R'), 42), "a sample of a process the lane no longer shows");
        assertTrue(os.add(sample(200, 77, 99, 'R'), 77));
        assertEquals(77, os.headerPid());
    }
}
