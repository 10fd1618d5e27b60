package dev.poolscope.ui.timeline;

import static dev.poolscope.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live timeline repaints, each frame, only the parts that changed ({@link TimelineRenderer},
 * {@link DirtyRects}). Whatever it skipped must already be right on screen: after any number of
 * such frames the picture must be exactly the one a full repaint of the same moment gives.
 * A run with everything the lanes can show (short and long tasks, a failure, a time-out, a
 * crash and its replacement, OS samples with a stop, events that arrive late) is played frame
 * by frame, and at checkpoints the view is snapshotted, repainted whole, and compared pixel by pixel.
 */
class IncrementalPaintTest extends OwnStageTest {

    /** 6 lanes: tall ones with state badges; 24: thin ones with no badge. */
    @ParameterizedTest
    @ValueSource(ints = {6, 24})
    void everyFrameShowsWhatAFullRepaintShows(int slots) throws Exception {
        List<RunEvent> events = script(slots, new Random(7));
        int tasks = (int) events.stream().filter(e -> e instanceof RunEvent.TaskStarted).count();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            names.add("t" + i);
        }
        TimelineModel run = new TimelineModel(names, slots);
        TimelineView view = fx(() -> {
            TimelineView v = new TimelineView();
            v.setStyle(Palette.LIGHT, 1);
            v.setRun(run);
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(v), 900, 420));
            stage.show();
            return v;
        });
        int next = 0;
        int compared = 0;
        for (long now = 0; now <= 4_200 * MS; now += 16 * MS) {
            while (next < events.size() && arrival(events.get(next)) <= now) {
                run.apply(events.get(next++));
            }
            long frameNow = now;
            fx(() -> view.render(frameNow, true));
            if (now % (256 * MS) == 0 && now > 0) {
                int[] incremental = fx(() -> pixels(view));
                int[] whole = fx(() -> {
                    view.setStyle(Palette.LIGHT, 1); // a new style repaints every tile
                    view.render(frameNow, true);
                    return pixels(view);
                });
                assertEquals(whole.length, incremental.length);
                int differ = 0;
                int firstDiffer = -1;
                for (int i = 0; i < whole.length; i++) {
                    if (whole[i] != incremental[i]) {
                        differ++;
                        firstDiffer = firstDiffer < 0 ? i : firstDiffer;
                    }
                }
                int width = (int) Math.round(fx(view::getWidth));
                String where = firstDiffer < 0 ? "" : " (first at x=" + firstDiffer % width + ", y=" + firstDiffer / width + ")";
                assertEquals(0, differ, "pixels that differ from a full repaint at " + now / MS + " ms" + where);
                compared++;
            }
        }
        assertTrue(compared >= 15, "checkpoints compared: " + compared);
        assertTrue(run.lane(0).os().size() > 20, "the lanes had OS samples");
    }

    /** When the view learns of an event: 5 ms after it happened, but worker 3's 150 ms late (a busy pipe). */
    private static long arrival(RunEvent e) {
        int slot = e instanceof RunEvent.TaskStarted t ? t.slot() : e instanceof RunEvent.TaskFinished f ? f.slot()
                : e instanceof RunEvent.WorkerStateChanged w ? w.slot() : -1;
        return e.at() + (slot == 3 ? 150 : 5) * MS;
    }

    /** A run of {@code slots} workers over about 4 s, in the order the events happen. */
    private static List<RunEvent> script(int slots, Random random) {
        List<RunEvent> events = new ArrayList<>();
        int task = 0;
        for (int s = 0; s < slots; s++) {
            long pid = 1000 + s;
            long t = (40 + s * 15L) * MS;
            events.add(new RunEvent.WorkerSpawned(0, s, pid, 0));
            events.add(new RunEvent.WorkerStateChanged(t, s, pid, WorkerState.IDLE));
            int generation = 0;
            while (t < 3_800 * MS) {
                long dur = (random.nextInt(4) == 0 ? 200 + random.nextInt(500) : random.nextInt(25)) * MS;
                events.add(new RunEvent.TaskStarted(t, task, s, pid, random.nextInt(3) == 0 ? task / 3 : -1));
                events.add(new RunEvent.WorkerStateChanged(t, s, pid, WorkerState.BUSY));
                TaskStatus status = task % 23 == 5 ? TaskStatus.FAILED : task % 31 == 9 ? TaskStatus.TIMEOUT : TaskStatus.OK;
                boolean crash = s == 1 && generation == 0 && t > 1_500 * MS;
                if (crash) {
                    status = TaskStatus.CRASHED;
                }
                events.add(new RunEvent.TaskFinished(t + dur, task, s, pid, status,
                        status == TaskStatus.OK ? "r" + task : null, status == TaskStatus.OK ? null : "boom"));
                task++;
                t += dur;
                if (crash) {
                    events.add(new RunEvent.WorkerExited(t, s, pid, ExitKind.CRASHED, null, 9, "killed by signal 9"));
                    pid = 5000 + s;
                    generation++;
                    events.add(new RunEvent.WorkerSpawned(t + 2 * MS, s, pid, generation));
                    t += 120 * MS;
                    events.add(new RunEvent.WorkerStateChanged(t, s, pid, WorkerState.IDLE));
                } else {
                    events.add(new RunEvent.WorkerStateChanged(t, s, pid, WorkerState.IDLE));
                    t += random.nextInt(4) * MS;
                }
            }
        }
        // OS samples every 100 ms; worker 2 is stopped (SIGSTOP) from 1.2 s to 1.9 s.
        for (long at = 100 * MS; at < 4_000 * MS; at += 100 * MS) {
            for (int s = 0; s < slots; s++) {
                boolean stopped = s == 2 && at >= 1_200 * MS && at < 1_900 * MS;
                char state = stopped ? 'T' : random.nextBoolean() ? 'R' : 'S';
                long pid = s == 1 && at > 1_700 * MS ? 5001 : 1000 + s;
                events.add(new RunEvent.WorkerSampled(at + 3 * MS, s, pid, stopped ? 0 : random.nextInt(101), state,
                        40_000, at / 1e6));
            }
        }
        events.sort(Comparator.comparingLong(RunEvent::at));
        events.sort(Comparator.comparingLong(IncrementalPaintTest::arrival)); // stable: each worker's own order holds
        return events;
    }
}
