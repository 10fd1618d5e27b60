package dev.poolscope.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolscope.ui.timeline.TimelineModel;
import java.util.ArrayList;
import java.util.List;

/** Checks that a replayed timeline model is the live one: tasks, lanes with their kinds, marks, OS samples. */
final class SameModel {
    private SameModel() {}

    static void assertSame(TimelineModel live, TimelineModel replayed) {
        assertEquals(live.taskCount(), replayed.taskCount(), "tasks");
        for (int t = 0; t < live.taskCount(); t++) {
            String task = "task " + live.name(t);
            assertEquals(live.name(t), replayed.name(t), task + " name");
            assertEquals(us(live.start(t)), us(replayed.start(t)), task + " start (µs)");
            assertEquals(us(live.end(t)), us(replayed.end(t)), task + " end (µs)");
            assertEquals(live.slot(t), replayed.slot(t), task + " slot");
            assertEquals(live.pid(t), replayed.pid(t), task + " pid");
            assertEquals(live.chunk(t), replayed.chunk(t), task + " chunk");
            assertEquals(live.status(t), replayed.status(t), task + " status");
            assertEquals(live.label(t), replayed.label(t), task + " label");
            assertEquals(live.resultOrError(t), replayed.resultOrError(t), task + " result");
        }
        assertEquals(live.laneCount(), replayed.laneCount(), "lanes");
        assertEquals(live.laneOffset(), replayed.laneOffset(), "a main lane above the others, or none");
        for (int i = 0; i < live.laneCount(); i++) {
            TimelineModel.Lane a = live.lane(i);
            TimelineModel.Lane b = replayed.lane(i);
            assertEquals(a.pid(), b.pid(), "lane " + i + " pid");
            assertEquals(a.what(), b.what(), "lane " + i + " kind");
            assertEquals(a.name(), b.name(), "lane " + i + " name");
            assertEquals(a.state(), b.state(), "lane " + i + " state");
            assertEquals(a.generation(), b.generation(), "lane " + i + " generation");
            assertEquals(box(a.taskIndexes()), box(b.taskIndexes()), "lane " + i + " tasks");
            assertEquals(marks(a), marks(b), "lane " + i + " marks (calls, hand-overs, crashes, initializers)");
            assertEquals(os(a), os(b), "lane " + i + " OS samples");
        }
        assertEquals(live.isFinished(), replayed.isFinished());
        assertEquals(live.wasStopped(), replayed.wasStopped());
        assertEquals(live.finishedCount(), replayed.finishedCount());
    }

    /** A time to the nearest microsecond (what a version-1 trace keeps). */
    static long us(long ns) {
        return ns < 0 ? ns : Math.round(ns / 1000.0);
    }

    private static List<String> os(TimelineModel.Lane lane) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lane.os().size(); i++) {
            out.add(us(lane.os().at(i)) + " " + lane.os().state(i) + " " + Math.round(lane.os().cpu(i) * 1000));
        }
        return out;
    }

    private static List<Integer> box(int[] a) {
        List<Integer> l = new ArrayList<>();
        for (int v : a) {
            l.add(v);
        }
        return l;
    }

    static List<String> marks(TimelineModel.Lane lane) {
        return lane.marks().stream().map(m -> m.kind() + "@" + us(m.at()) + "-" + us(m.endAt()) + " "
                + m.oldPid() + ">" + m.newPid() + " " + m.text()).toList();
    }
}
