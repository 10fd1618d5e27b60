package dev.poolscope.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DirtyRectsTest {
    @Test
    void theSameColumnInNeighbouringLanesIsOneRectangle() {
        DirtyRects r = new DirtyRects();
        for (int lane = 0; lane < 8; lane++) {
            r.add(300.4, 34 + lane * 15, 306.2, 49 + lane * 15);
        }
        assertEquals(1, r.count());
        assertEquals(300, r.x0(0));
        assertEquals(307, r.x1(0), "widened to whole pixels");
        assertEquals(34, r.y0(0));
        assertEquals(154, r.y1(0));
    }

    @Test
    void aWideLowBandBesideTheColumnStaysApartSoTheirBoxIsNotPainted() {
        DirtyRects r = new DirtyRects();
        r.add(300, 34, 306, 154);
        r.add(250, 60, 306, 64); // a CPU strip band over the last 100 ms
        assertEquals(2, r.count());
        assertEquals(6 * 120 + 56 * 4, r.area(), 0.0);
    }

    @Test
    void pastTheLimitARectangleJoinsTheOneItGrowsLeast() {
        DirtyRects r = new DirtyRects();
        for (int i = 0; i < DirtyRects.MAX; i++) {
            r.add(i * 100, 0, i * 100 + 2, 2);
        }
        r.add(1101, 0, 1104, 2);
        assertEquals(DirtyRects.MAX, r.count());
        assertEquals(1100, r.x0(DirtyRects.MAX - 1));
        assertEquals(1104, r.x1(DirtyRects.MAX - 1));
    }

    @Test
    void anEmptyRectangleAddsNothing() {
        DirtyRects r = new DirtyRects();
        r.add(10, 10, 10, 20);
        r.add(10, 20, 30, 19);
        assertEquals(0, r.count());
    }
}
