package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static dev.poolscope.ui.WindowDriver.pick;
import static dev.poolscope.ui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.poolscope.cpython.CPythonRun;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.cpython.PythonRuns;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Python tab beside the task table: the scenario as its Python program, and Run on CPython's own Pool. */
class PythonTabWindowTest extends WindowTest {
    @Test
    void thePythonTabShowsTheScenarioAsItsProgramAndFollowsEdits(FxRobot robot) throws Exception {
        pick(robot, "#lessonPicker", "doubling");
        waitFor(() -> "doubling".equals(window.config().name()));
        robot.clickOn("Python");
        TextArea program = robot.lookup("#pythonProgram").queryAs(TextArea.class);
        waitFor(() -> program.getText().contains("with Pool(processes=4) as pool:"), program::getText);
        assertTrue(program.getText().contains("results = pool.map(run_task, TASKS"), program.getText());
        assertTrue(program.getText().contains("def double(name, n, ms=0):"), program.getText());
        robot.clickOn("Tasks");
        robot.clickOn("#poolSpinner .increment-arrow-button");
        robot.clickOn("Python");
        waitFor(() -> program.getText().contains("with Pool(processes=5) as pool:"), program::getText);
    }

    @Test
    void runOnCPythonRunsTheLessonOnRealPythonProcesses(FxRobot robot) throws Exception {
        PythonRuns.python(); // skips the test where python3 is missing
        pick(robot, "#lessonPicker", "doubling");
        waitFor(() -> "doubling".equals(window.config().name()));
        robot.clickOn("Python");
        robot.clickOn("#engineCPython");
        robot.clickOn("#runButton");
        driver.watchUntilFinished();
        assertTrue(driver.handle() instanceof CPythonRun, "the run is CPython's");
        TimelineModel live = driver.live();
        assertEquals(5, (int) fx(live::taskCount));
        for (int i = 0; i < 5; i++) {
            int task = i;
            assertEquals(TaskStatus.OK, fx(() -> live.status(task)));
            assertEquals(String.valueOf(2 * (i + 1)), fx(() -> live.resultOrError(task)));
        }
        assertTrue(fx(live::laneCount) == 4);
    }

    @Test
    void aPythonProgramRunsLiveWithTheMainProcessOnItsOwnLane(FxRobot robot) throws Exception {
        PythonRuns.python(); // skips the test where python3 is missing
        assertTrue(fx(() -> window.runPythonProgram(java.nio.file.Path.of("assets", "python", "process_ids.py"))));
        driver.watchUntilFinished();
        CPythonRun run = (CPythonRun) driver.handle();
        TimelineModel live = driver.live();
        assertEquals(1, (int) fx(live::laneOffset));
        assertEquals(3, (int) fx(live::laneCount), "the main lane and one per child");
        TimelineModel.Lane main = fx(() -> live.lane(0));
        assertEquals("main", main.name());
        assertEquals(run.mainPid(), main.pid());
        java.util.List<String> calls = fx(() -> main.marks().stream().filter(m -> m.kind() == TimelineModel.Mark.Kind.CALL)
                .map(TimelineModel.Mark::text).toList());
        long p1 = fx(() -> live.lane(1).pid());
        long p2 = fx(() -> live.lane(2).pid());
        // Each mark names the program's line that made the call (process_ids.py).
        assertTrue(calls.contains("start() \u2192 PID " + p1 + " worker1() (line 19)"), calls::toString);
        assertTrue(calls.contains("join() waits for " + p2 + " (line 26)"), calls::toString);
        assertTrue(calls.contains("is_alive() of " + p1 + " \u2192 False (line 29)"), calls::toString);
        assertEquals(2, (int) fx(live::taskCount));
        assertEquals("worker1()", fx(() -> live.name(live.lane(1).taskIndexes()[0])));
        assertEquals(TaskStatus.OK, fx(() -> live.status(0)));
        assertTrue(fx(() -> window.stage().getScene().lookup("#consoleList") != null));
        // The statistics of a Process program are its processes' facts, not a pool's figures (issue 21).
        java.util.List<String> facts = fx(() -> window.panels().processLines());
        assertEquals("2 processes started by the program:", facts.get(0), facts::toString);
        assertTrue(facts.get(1).startsWith("W0 PID " + p1 + ": exit 0 \u00b7 lived "), facts::toString);
        assertTrue(facts.get(2).startsWith("W1 PID " + p2 + ": exit 0 \u00b7 lived "), facts::toString);
        assertTrue(facts.get(1).contains(", ran "), facts::toString);
        assertTrue(!robot.lookup("#statConcurrency").queryLabeled().isVisible(), "no 'tasks at once' for Processes");
        org.controlsfx.control.StatusBar bar = robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class);
        waitFor(() -> bar.getText().startsWith("Finished"));
        String status = fx(bar::getText);
        assertTrue(status.contains("the program started 2 processes"), status);
        assertFalse(status.contains("makespan"), "no pool figure in a Process program's status line: " + status);
    }

    @Test
    void aPythonLessonFromThePickerRunsOnPython(FxRobot robot) throws Exception {
        PythonRuns.python(); // skips the test where python3 is missing
        javafx.scene.control.ComboBox<?> picker = (javafx.scene.control.ComboBox<?>) fx(
                () -> window.stage().getScene().lookup("#lessonPicker"));
        assertTrue(fx(() -> picker.getItems().contains(dev.poolscope.cpython.PythonLessons.PREFIX + "doubling.py")));
        fx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> p = (javafx.scene.control.ComboBox<String>) picker;
            p.setValue(dev.poolscope.cpython.PythonLessons.PREFIX + "doubling.py");
            return null;
        });
        driver.watchUntilFinished();
        assertTrue(driver.handle() instanceof CPythonRun, "the picked program runs on CPython");
        TimelineModel live = driver.live();
        assertEquals("main", fx(() -> live.lane(0).name()));
        assertEquals(5, (int) fx(live::taskCount), "doubling maps over 1..5");
        for (int i = 0; i < 5; i++) {
            int task = i;
            assertEquals(TaskStatus.OK, fx(() -> live.status(task)));
        }
    }
}
