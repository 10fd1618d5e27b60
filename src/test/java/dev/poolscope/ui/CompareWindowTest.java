package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.ui.compare.CompareView;
import dev.poolscope.ui.timeline.TimelineView;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pin a finished run, run again with another pool size, and the two appear one above the other
 * on one time scale with their statistics and the differences in words. Real workers.
 */
class CompareWindowTest extends MultiWindowTest {
    @Test
    void pinnedRunIsComparedWithTheNextOnOneTimeScale(FxRobot robot) throws Exception {
        fx(() -> {
            window.config().load("sleepy", "", dev.poolscope.scenario.Lessons.load("sleepy").config());
            window.config().setTimeScale(0.3); // 8 sleeps of 150 ms
            window.config().setPool(1);
            return null;
        });
        robot.clickOn("#runButton");
        driver.watchUntilFinished();
        robot.clickOn("Analyze");
        robot.clickOn("Pin this run (compare with the next)");
        fx(() -> {
            window.config().setPool(4);
            return null;
        });
        robot.clickOn("#runButton");
        driver.watchUntilFinished();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#compareView").queryAll().isEmpty());

        CompareView view = robot.lookup("#compareView").queryAs(CompareView.class);
        List<TimelineView> lines = fx(view::timelines);
        assertEquals(2, lines.size(), "two runs one above the other");
        assertEquals(1, fx(() -> lines.get(0).run().laneCount()));
        assertEquals(4, fx(() -> lines.get(1).run().laneCount()));
        // One time scale: the same ms per pixel in both, and both start at the run's start.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> lines.get(0).geometry().width() > 100
                && lines.get(0).geometry().nsPerPx() == lines.get(1).geometry().nsPerPx()));
        assertEquals(0.0, fx(() -> lines.get(1).geometry().visibleStartNs()), 1e-6);
        double span = fx(() -> lines.get(0).geometry().nsPerPx() * lines.get(0).geometry().plotWidth());
        assertTrue(span >= fx(view::sharedSpanNs), "the scale shows the longer run whole");

        assertEquals(List.of("pinned: pool 1 \u00b7 map \u00b7 chunksize 2", "next: pool 4 \u00b7 map \u00b7 chunksize 1"),
                view.comparison().labels());
        String diffs = String.join("\n", view.comparison().differences());
        assertTrue(diffs.startsWith("next: pool 4 \u00b7 map \u00b7 chunksize 1 ran its tasks in"), diffs);
        assertTrue(diffs.contains(" ms for pinned: pool 1 \u00b7 map \u00b7 chunksize 2: "), diffs);
        assertTrue(diffs.contains("handed out 8 chunks against 4"), diffs);
        Label first = robot.lookup("#compareTitle0").queryAs(Label.class);
        assertTrue(first.getText().contains("makespan"), first.getText());
        assertTrue(robot.lookup("#compareStats").query().isVisible());
        // The pinned run is the next one's measured baseline: a speedup row, 1x for the pinned run itself.
        var speedup = fx(view::rows).stream().filter(r -> r.name().startsWith("speedup")).findFirst().orElseThrow();
        assertEquals("1.00\u00d7", speedup.values().get(0), speedup.toString());
    }
}
