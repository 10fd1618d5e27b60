package dev.poolscope.ui.timeline;

import static dev.poolscope.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A short target stays visible (issue 21): a Process child whose target ran 0.1 ms, on a 10 s
 * axis (a hundredth of a pixel), is drawn in its colour at least the minimum width (4 px, scaled
 * with presenter mode's text), read back from the window's own pixels; its hover gives its true
 * duration. And a bar drawn wider than it lasted, right at "now", is repainted whole by the
 * incremental frames (the dirty rectangle reaches the minimum width), which is what broke
 * {@link IncrementalPaintTest} when this was first tried.
 */
class ShortBarTest extends OwnStageTest {

    /** A program's run: its main lane, and a child that lived 5.0-5.6 s and ran its target 0.1 ms of it. */
    private static TimelineModel program() {
        TimelineModel run = new TimelineModel(List.of("worker1()"), 1, true);
        run.apply(new RunEvent.WorkerSpawned(5_000 * MS, 0, 4242, 0, Lane.PROCESS));
        run.apply(new RunEvent.TaskStarted(5_100 * MS, 0, 0, 4242, 0));
        run.apply(new RunEvent.TaskFinished(5_100 * MS + 100_000, 0, 0, 4242, TaskStatus.OK, null, null));
        run.apply(new RunEvent.WorkerExited(5_600 * MS, 0, 4242, ExitKind.NORMAL, 0, null, "exited normally"));
        return run;
    }

    /** 1: the normal window; 1.5: presenter mode at 1280x720; 2.25: presenter mode at 1920x1080. */
    @ParameterizedTest
    @ValueSource(doubles = {1, 1.5, 2.25})
    void aTenthOfAMillisecondTargetOnATenSecondAxisIsDrawnAtLeastTheMinimumWidth(double textScale) throws Exception {
        TimelineModel run = program();
        TimelineView view = show(run, textScale, 1000, 420);
        fx(() -> view.render(10_000 * MS, true)); // the axis follows to "now": about 10.5 s
        TimelineGeometry geo = view.geometry();
        double span = fx(() -> geo.visibleEndNs() - geo.visibleStartNs());
        assertTrue(span >= 10_000 * MS && span < 12_000 * MS, "a 10 s axis: " + span / 1e9 + " s");
        double pxOfTheTarget = 100_000 / fx(geo::nsPerPx);
        assertTrue(pxOfTheTarget < 0.05, "0.1 ms is " + pxOfTheTarget + " px here");

        int[] row = fx(() -> row(view, (int) Math.floor(geo.laneTop(1) + geo.laneHeight() * 0.3)));
        int colour = rgb(Palette.task(0));
        int x0 = (int) Math.floor(fx(() -> geo.xOf(5_100 * MS)));
        int widest = 0;
        int run0 = 0;
        for (int x = Math.max(0, x0 - 2); x < Math.min(row.length, x0 + 40); x++) {
            run0 = (row[x] & 0xffffff) == colour ? run0 + 1 : 0;
            widest = Math.max(widest, run0);
        }
        double min = fx(() -> view.renderer().painter().minBarWidth());
        assertTrue(min >= 4 * textScale - 0.5, "the minimum width follows the text scale: " + min);
        assertTrue(widest >= min, "the 0.1 ms bar is " + widest + " px of its colour, at least " + min + " px");
        assertTrue(widest <= min + 1, "and no wider than that: " + widest);

        // Its hover: the task, with its true duration, and that it is drawn wider.
        String tip = fx(() -> {
            double y = geo.laneTop(1) + geo.laneHeight() * 0.3;
            double x = x0 + min / 2;
            view.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, x, y, MouseButton.NONE, 0,
                    false, false, false, false, false, false, false, false, false, false, null));
            Label l = (Label) view.lookup("#timelineTip");
            return l.isVisible() ? l.getText() : null;
        });
        assertTrue(tip != null && tip.contains("worker1()") && tip.contains("duration 0.1 ms"), String.valueOf(tip));
        assertTrue(tip.contains("drawn " + Math.round(min) + " px wide"), tip);
    }

    @Test
    void packedShortTasksStayOneManyShortTasksRunAndNoBarCoversTheNext() throws Exception {
        // 200 tasks of 0.2 ms each, back to back, on a 10 s axis: one grey run, not 200 widened bars.
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            names.add("t" + i);
        }
        TimelineModel run = new TimelineModel(names, 1);
        run.apply(new RunEvent.WorkerSpawned(0, 0, 7, 0));
        for (int i = 0; i < 200; i++) {
            long s = 2_000 * MS + i * 200_000L;
            run.apply(new RunEvent.TaskStarted(s, i, 0, 7, -1));
            run.apply(new RunEvent.TaskFinished(s + 200_000L, i, 0, 7, TaskStatus.OK, "ok", null));
        }
        TimelineView view = show(run, 1, 1000, 300);
        fx(() -> view.render(10_000 * MS, true));
        TimelineGeometry geo = view.geometry();
        TimelinePainter p = view.renderer().painter();
        TimelineModel.IntList tasks = run.lane(0).tasks;
        for (int i = 0; i + 1 < tasks.size(); i++) {
            int k = i;
            double x0 = Math.floor(geo.xOf(run.start(tasks.get(k))));
            double end = p.drawnEnd(geo, run, tasks, k, x0, Math.floor(geo.xOf(run.end(tasks.get(k)))));
            assertTrue(end <= Math.floor(geo.xOf(run.start(tasks.get(k + 1)))) || end <= x0 + 1,
                    "task " + k + " is not drawn over the next one");
        }
        int[] row = fx(() -> row(view, (int) Math.floor(geo.laneTop(0) + geo.laneHeight() * 0.3)));
        int dense = rgb(Palette.LIGHT.dense());
        long denseCount = java.util.Arrays.stream(row).filter(c -> (c & 0xffffff) == dense).count();
        assertTrue(denseCount >= 3, "the packed tasks are one 'many short tasks' run: " + denseCount + " px");
    }

    /**
     * Frame by frame (as the window draws), short tasks start right at "now" in presenter mode's
     * widest text; at each such frame the incremental picture must equal a full repaint.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1, 2.25})
    void aBarWidenedAtNowIsRepaintedWholeByTheIncrementalFrames(double textScale) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add("t" + i);
        }
        TimelineModel run = new TimelineModel(names, 3);
        TimelineView view = show(run, textScale, 1100, 420);
        for (int s = 0; s < 3; s++) {
            run.apply(new RunEvent.WorkerSpawned(0, s, 100 + s, 0));
        }
        int task = 0;
        int compared = 0;
        for (long now = 0; now <= 3_000 * MS; now += 16 * MS) {
            boolean start = now > 0 && now % (208 * MS) == 0 && task < names.size();
            if (start) {
                int slot = task % 3;
                run.apply(new RunEvent.TaskStarted(now, task, slot, 100 + slot, -1));
                run.apply(new RunEvent.TaskFinished(now + 100_000, task, slot, 100 + slot, TaskStatus.OK, "r", null));
                task++;
            }
            long frameNow = now;
            fx(() -> view.render(frameNow, true));
            if (start) {
                int[] incremental = fx(() -> pixels(view));
                int[] whole = fx(() -> {
                    view.setStyle(Palette.LIGHT, textScale); // a new style repaints every tile
                    view.render(frameNow, true);
                    return pixels(view);
                });
                int differ = 0;
                int first = -1;
                for (int i = 0; i < whole.length; i++) {
                    if (whole[i] != incremental[i]) {
                        differ++;
                        first = first < 0 ? i : first;
                    }
                }
                int width = (int) Math.round(fx(view::getWidth));
                double barX = fx(() -> view.geometry().xOf(frameNow));
                String where = first < 0 ? "" : String.format(java.util.Locale.ROOT,
                        " (first at x=%d, y=%d; the bar starts at x=%.1f)", first % width, first / width, barX);
                assertEquals(0, differ, "pixels that differ from a full repaint at " + now / MS + " ms" + where);
                compared++;
            }
        }
        assertTrue(compared >= 10, "frames compared: " + compared);
    }

    private TimelineView show(TimelineModel run, double textScale, double w, double h) throws Exception {
        return fx(() -> {
            TimelineView v = new TimelineView();
            v.setStyle(Palette.LIGHT, textScale);
            v.setRun(run);
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(v), w, h));
            stage.show();
            return v;
        });
    }

    private static int[] row(TimelineView view, int y) {
        int[] all = pixels(view);
        int w = (int) Math.round(view.getWidth());
        int[] out = new int[w];
        System.arraycopy(all, y * w, out, 0, w);
        return out;
    }

    private static int rgb(javafx.scene.paint.Color c) {
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }
}
