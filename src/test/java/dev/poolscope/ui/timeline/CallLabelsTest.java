package dev.poolscope.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Call labels are laid out, not stacked: each readable alone or in a visibly collapsed group, never overlapping. */
class CallLabelsTest {
    private static TimelineModel.Mark call(long atNs, String text) {
        return new TimelineModel.Mark(TimelineModel.Mark.Kind.CALL, atNs, atNs, 1, 2, text);
    }

    private static List<CallLabels.Placed> layout(List<TimelineModel.Mark> marks, double pxPerNs, int rows) {
        return CallLabels.layout(marks, m -> 100 + m.at() * pxPerNs, TimelineModel.Mark::text, t -> 7.0 * t.length(),
                100, 1100, 10, 13, rows);
    }

    @Test
    void randomCallsAreCoveredOnceAndNeverOverlap() {
        Random r = new Random(16);
        for (int round = 0; round < 300; round++) {
            List<TimelineModel.Mark> marks = new ArrayList<>();
            long at = 0;
            int n = 1 + r.nextInt(30);
            for (int i = 0; i < n; i++) {
                at += r.nextInt(4) == 0 ? r.nextInt(400) : r.nextInt(5);
                marks.add(call(at, "c".repeat(3 + r.nextInt(30))));
            }
            List<CallLabels.Placed> placed = layout(marks, 1, 1 + r.nextInt(4));
            int[] covered = new int[n];
            for (CallLabels.Placed p : placed) {
                for (int m : p.members()) {
                    covered[m]++;
                }
                assertTrue(p.collapsed() ? p.text().equals("\u25B8 " + p.count() + " calls")
                        : p.text().equals(marks.get(p.first()).text()), "round " + round + ": " + p);
                assertTrue(p.x() >= 100 && p.x() + p.w() <= 1100 + 1e-9, "inside the plot: " + p);
            }
            for (int k = 0; k < n; k++) {
                assertEquals(1, covered[k], "round " + round + ": mark " + k + " in one label");
            }
            for (int i = 0; i < placed.size(); i++) {
                for (int j = i + 1; j < placed.size(); j++) {
                    assertFalse(placed.get(i).overlaps(placed.get(j)), "round " + round + ": " + placed.get(i)
                            + " overlaps " + placed.get(j));
                }
            }
        }
    }

    @Test
    void callsFarApartReadAloneAndCallsOnOnePixelCollapseIntoOneGroup() {
        List<TimelineModel.Mark> apart = List.of(call(0, "start()"), call(300, "join()"), call(600, "is_alive()"));
        assertTrue(layout(apart, 1, 1).stream().noneMatch(CallLabels.Placed::collapsed));
        List<TimelineModel.Mark> together = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            together.add(call(i, "start() \u2192 PID " + (100_000 + i) + " worker" + i + "()"));
        }
        List<CallLabels.Placed> placed = layout(together, 0.001, 1);
        assertTrue(placed.stream().anyMatch(CallLabels.Placed::collapsed), placed.toString());
    }
}
