package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.sweep.SweepPoint;
import dev.poolscope.sweep.SweepSummary;
import dev.poolscope.ui.compare.CompareView;
import dev.poolscope.ui.sweep.SweepView;
import dev.poolscope.ui.timeline.TimelineModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A sweep through the window, as a user does it: Analyze › Sweep…, type the pool sizes, Start,
 * read the chart's points, click one to open that run's timeline. Real workers; the lesson's
 * sleeps are shortened with the time scale.
 */
class SweepWindowTest extends MultiWindowTest {
    private static void enter(FxRobot robot, TextField field, String text) throws Exception {
        robot.clickOn(field);
        fx(() -> {
            field.setText(text);
            return null;
        });
    }

    @Test
    void smallSweepFillsTheChartAndAPointOpensItsRun(FxRobot robot) throws Exception {
        fx(() -> {
            window.config().load("sleepy", "", dev.poolscope.scenario.Lessons.load("sleepy").config());
            window.config().setTimeScale(0.25); // 8 sleeps of 125 ms
            return null;
        });
        robot.clickOn("Analyze");
        robot.clickOn("Sweep\u2026");
        SweepView view = robot.lookup("#sweepView").queryAs(SweepView.class);
        // Filled in directly: the robot types a character at a time, slow on a busy machine.
        enter(robot, robot.lookup("#sweepValues").queryAs(TextField.class), "1, 4");
        Spinner<?> repeats = robot.lookup("#sweepRepeats").queryAs(Spinner.class);
        enter(robot, repeats.getEditor(), "1");
        robot.clickOn("#sweepStart");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> view.summary() != null
                && view.summary().points().size() == 2 && !view.running()));

        List<XYChart.Data<Number, Number>> median = fx(view::medianPoints);
        SweepSummary s = fx(view::summary);
        assertEquals(2, median.size(), "a point per pool size");
        // Pool sizes sit on a log2 axis: pool 1 at 0, pool 4 at 2.
        assertEquals(0.0, median.get(0).getXValue().doubleValue(), 1e-9);
        assertEquals(2.0, median.get(1).getXValue().doubleValue(), 1e-9);
        assertEquals(s.points().get(1).medianMs(), median.get(1).getYValue().doubleValue(), 1e-9);
        // The speedup chart shows the summary's figure (its physics is SweepRealWorkersTest's job).
        double speedup = fx(view::speedupPoints).get(1).getYValue().doubleValue();
        assertEquals(s.points().get(1).speedup(), speedup, 1e-9);
        assertEquals(s.baselineMs() / s.points().get(1).medianMs(), speedup, 1e-9);
        assertEquals(s.verdict(), fx(view::verdictText));
        assertTrue(s.verdict().contains("pool 1"), s.verdict());
        assertTrue(fx(view::status).startsWith("Done: 2 runs"), fx(view::status));

        Node four = median.get(1).getNode();
        robot.clickOn(four);
        CompareView opened = robot.lookup("#compareView").queryAs(CompareView.class);
        TimelineModel run = fx(() -> opened.timelines().get(0).run());
        SweepPoint p = s.points().get(1);
        assertEquals(4, run.laneCount(), "the timeline of the pool-4 run");
        assertTrue(run.isFinished());
        assertEquals(p.representative().trace().workers().get(0).pid(), run.lane(0).pid() == -1 ? -2
                : p.representative().trace().workers().stream().filter(w -> w.slot() == 0).findFirst().orElseThrow().pid());
        assertEquals(8, run.finishedCount());
    }

    @Test
    void workersStartTogetherUnlessTheBoxIsCleared(FxRobot robot) throws Exception {
        assertEquals(dev.poolscope.engine.StartPolicy.TOGETHER, fx(() -> window.config().toRunConfig(true).startPolicy()));
        robot.clickOn("#startTogether");
        assertEquals(dev.poolscope.engine.StartPolicy.ASAP, fx(() -> window.config().toRunConfig(true).startPolicy()));
    }

    @Test
    void badValuesAreShownAndNothingRuns(FxRobot robot) throws Exception {
        robot.clickOn("Analyze");
        robot.clickOn("Sweep\u2026");
        SweepView view = robot.lookup("#sweepView").queryAs(SweepView.class);
        enter(robot, robot.lookup("#sweepValues").queryAs(TextField.class), "1, two");
        robot.clickOn("#sweepStart");
        javafx.scene.control.Label message = robot.lookup("#sweepMessage").queryAs(javafx.scene.control.Label.class);
        assertTrue(message.isVisible());
        assertTrue(message.getText().contains("pool: 'two' is not a whole number"), message.getText());
        assertFalse(fx(view::running));
        Stage sweepStage = (Stage) view.getScene().getWindow();
        assertTrue(sweepStage.getTitle().contains("sweep of"));
    }
}
