package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.ui.compare.CompareView;
import dev.poolscope.ui.sweep.SweepView;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.TimelineView;
import dev.poolscope.cpython.PythonRuns;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Analyze › Compare Java workers with CPython: the scenario on both engines, one above the other. */
class EngineCompareWindowTest extends MultiWindowTest {
    @Test
    void theMenuRunsTheScenarioOnBothEnginesAndComparesThem(FxRobot robot) throws Exception {
        PythonRuns.python(); // skips the test where python3 is missing
        RunConfig.Builder b = RunConfig.builder().pool(2);
        for (int i = 1; i <= 4; i++) {
            b.task(TaskSpec.of("nap" + i, TaskKind.SLEEP, 100));
        }
        RunConfig config = b.build();
        fx(() -> {
            window.config().load("naps", "", config);
            return null;
        });
        robot.clickOn("Analyze");
        robot.clickOn("Compare Java workers with CPython");
        SweepView view = robot.lookup("#sweepView").queryAs(SweepView.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> fx(() -> view.summary() != null
                && view.summary().points().size() == 2 && !view.running()));
        assertTrue(fx(view::status).startsWith("Done: 2 runs"), fx(view::status));

        robot.clickOn("#sweepCompare");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#compareView").queryAll().isEmpty());
        CompareView compare = robot.lookup("#compareView").queryAs(CompareView.class);
        List<TimelineView> lines = fx(compare::timelines);
        assertEquals(2, lines.size(), "the Java run above the CPython run");
        for (TimelineView line : lines) {
            TimelineModel run = fx(line::run);
            assertEquals(2, (int) fx(run::laneCount));
            assertEquals(4, (int) fx(run::finishedCount));
        }
    }
}
