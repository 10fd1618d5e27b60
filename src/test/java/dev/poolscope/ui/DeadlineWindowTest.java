package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static dev.poolscope.ui.WindowDriver.type;
import static dev.poolscope.ui.WindowDriver.visible;
import static dev.poolscope.ui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.CPythonRun;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.cpython.PythonRuns;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Deadline field: a whole run of long sleeps is stopped at it, on either engine, and the status says so. */
class DeadlineWindowTest extends WindowTest {
    /** Four 20 s sleeps on two workers: only a deadline can end this run within the bounds below. */
    private void loadLongSleeps() throws Exception {
        RunConfig.Builder b = RunConfig.builder().pool(2);
        for (int i = 1; i <= 4; i++) {
            b.task(TaskSpec.of("S" + i, TaskKind.SLEEP, 20_000));
        }
        RunConfig config = b.build();
        fx(() -> {
            window.config().load("long-sleeps", "", config);
            return null;
        });
    }

    private void runUntilTheDeadline(FxRobot robot) throws Exception {
        type(robot, visible(robot, "#deadlineField"), "1500");
        waitFor(() -> Long.valueOf(1500).equals(window.config().deadlineMs()));
        long t0 = System.nanoTime();
        robot.clickOn("#runButton");
        driver.watchUntilFinished();
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 15, "stopped at the deadline, not after the 20 s sleeps: took " + seconds + " s");
        TimelineModel live = driver.live();
        assertTrue(fx(live::wasStopped), "the run ended stopped");
        for (int i = 0; i < 4; i++) {
            int task = i;
            assertEquals(TaskStatus.CANCELLED, fx(() -> live.status(task)), "task " + i);
        }
        String status = fx(() -> window.controller().statusProperty().get());
        assertTrue(status.startsWith("Stopped by the deadline of 1500 ms"), status);
        assertTrue(fx(() -> window.controller().stoppedByDeadline()));
    }

    @Test
    void aDeadlineStopsAJavaRunOfLongSleeps(FxRobot robot) throws Exception {
        loadLongSleeps();
        runUntilTheDeadline(robot);
    }

    @Test
    void aDeadlineStopsTheScenarioOnCPython(FxRobot robot) throws Exception {
        PythonRuns.python(); // skips the test where python3 is missing
        loadLongSleeps();
        robot.clickOn("Python");
        robot.clickOn("#engineCPython");
        robot.clickOn("Tasks");
        runUntilTheDeadline(robot);
        CPythonRun run = (CPythonRun) driver.handle();
        assertTrue(run.deadlineHit(), "CPython's own run hit the deadline");
        // Killed children are reaped by the OS a moment after the run ends: wait for that.
        java.util.List<Long> pids = new java.util.ArrayList<>(run.pids());
        pids.add(run.mainPid());
        waitFor(() -> pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    }

    @Test
    void aDeadlineBelowOneIsMarkedAndBlocksRunning(FxRobot robot) throws Exception {
        TextField field = visible(robot, "#deadlineField");
        type(robot, field, "0");
        waitFor(() -> field.getStyleClass().contains("invalid"));
        String problem = fx(() -> window.config().problemFor("deadlineMs"));
        assertTrue(problem != null && problem.contains("at least 1 ms"), String.valueOf(problem));
        assertNull(fx(() -> window.config().toRunConfig(true)), "a run cannot start with a bad deadline");
        type(robot, field, "");
        waitFor(() -> !field.getStyleClass().contains("invalid"));
        assertNull(fx(() -> window.config().deadlineMs()));
    }
}
