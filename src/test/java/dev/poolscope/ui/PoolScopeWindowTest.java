package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static dev.poolscope.ui.WindowDriver.pick;
import static dev.poolscope.ui.WindowDriver.type;
import static dev.poolscope.ui.WindowDriver.visible;
import static dev.poolscope.ui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import dev.poolscope.ui.timeline.LiveRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The window driven through its real controls, headless (Monocle), with real worker processes.
 * Lessons are shortened with the window's own time-scale control (x0.1), as a teacher would.
 */
class PoolScopeWindowTest extends WindowTest {
    @Test
    void workLogOnTwoWorkersThenFour(FxRobot robot) throws Exception {
        pick(robot, "#lessonPicker", "doubling");
        pick(robot, "#lessonPicker", "work-log");
        // x0.25 (A 1.25 s, B+C 0.75 s): enough margin over worker start-up on a busy 2-core machine
        // that D still goes to B's worker, as in the lesson.
        pick(robot, "#timeScale", "\u00d70.25");
        assertEquals(2, fx(() -> window.config().problems().size() == 0 ? 2 : -1));

        robot.clickOn("#runButton");
        Set<Long> seenAlive = driver.watchUntilFinished();
        LiveRun live = fx(() -> window.controller().live());
        assertEquals(2, live.laneCount(), "two lanes for pool 2");
        List<Long> lanePids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            lanePids.add(live.lane(i).pid());
        }
        assertTrue(seenAlive.containsAll(lanePids), "each lane's PID was a live OS process: " + lanePids + " " + seenAlive);
        assertTrue(driver.handle().pids().containsAll(lanePids));
        int laneOfA = live.slot(0);
        assertEquals(List.of(0), ints(live.lane(laneOfA).taskIndexes()), "A alone on its lane");
        assertEquals(List.of(1, 2, 3), ints(live.lane(1 - laneOfA).taskIndexes()), "B, C, D on the other");
        String makespan = robot.lookup("#statMakespan").queryLabeled().getText();
        assertTrue(makespan.endsWith("ms") || makespan.endsWith(" s"), makespan);
        double speedup = Double.parseDouble(robot.lookup("#statSpeedup").queryLabeled().getText().replace("\u00d7", ""));
        assertTrue(speedup > 1, "speedup " + speedup);

        // Pool size 4 through the spinner's arrow, then Ctrl+R runs again.
        robot.clickOn("#poolSpinner .increment-arrow-button");
        robot.clickOn("#poolSpinner .increment-arrow-button");
        assertEquals(4, (int) fx(() -> window.controller().live().laneCount() == 2 ? 4 : 0));
        robot.clickOn("#taskTable");
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitFor(() -> window.controller().live().laneCount() == 4);
        driver.watchUntilFinished();
        LiveRun four = fx(() -> window.controller().live());
        assertEquals(4, four.laneCount(), "four lanes for pool 4");
        for (int i = 0; i < 4; i++) {
            assertEquals(1, four.lane(i).taskIndexes().length, "one task per worker with pool 4");
        }
    }

    @Test
    void invalidCellBlocksRunWithAMessage(FxRobot robot) throws Exception {
        TextField ms = visible(robot, "#task-2-ms");
        robot.clickOn(ms);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("-5");
        String expected = "tasks[2].ms: must be between 0 and 3600000, got -5";
        waitFor(() -> robot.lookup("#problemLabel").queryLabeled().getText().contains(expected),
                () -> "problem label: " + robot.lookup("#problemLabel").queryLabeled().getText() + "; ms cell: "
                        + visible(robot, "#task-2-ms").getText() + "; focus: " + window.stage().getScene().getFocusOwner());
        assertTrue(robot.lookup("#runButton").queryAs(Button.class).isDisabled(), "Run is disabled");
        waitFor(() -> visible(robot, "#task-2-ms").getStyleClass().contains("invalid"));

        robot.clickOn(visible(robot, "#task-2-ms"));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("500");
        waitFor(() -> !robot.lookup("#runButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void killingABusyWorkerFromItsLaneMarksTheTaskCrashed(FxRobot robot) throws Exception {
        pick(robot, "#timeScale", "\u00d70.1");
        TextField ms = visible(robot, "#task-0-ms");
        robot.clickOn(ms);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("60000");
        // B long too, so C and D still wait in the queue when A's worker dies: the engine then
        // starts a replacement in A's lane (it starts none when no work is left).
        robot.clickOn(visible(robot, "#task-1-ms"));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("20000");
        robot.clickOn("#runButton");
        waitFor(() -> {
            LiveRun l = window.controller().live();
            return l != null && l.start(0) >= 0 && l.start(1) >= 0 && l.lane(l.slot(0)).state() == WorkerState.BUSY;
        });
        int slot = fx(() -> window.controller().live().slot(0));
        long oldPid = fx(() -> window.controller().live().lane(slot).pid());
        Point2D p = fx(() -> window.timeline().localToScreen(window.timeline().laneCenter(slot)));
        robot.moveTo(p).clickOn(MouseButton.SECONDARY);
        Node kill = robot.lookup((Predicate<Node>) n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("Kill worker W" + slot)).query();
        robot.clickOn(kill);
        driver.watchUntilFinished();
        LiveRun live = fx(() -> window.controller().live());
        assertEquals(TaskStatus.CRASHED, live.status(0), "A is marked crashed");
        for (int i = 1; i < 4; i++) {
            assertEquals(TaskStatus.OK, live.status(i), "the run still completes task " + i);
        }
        assertNotEquals(oldPid, live.lane(slot).pid(), "the lane shows the replacement's PID");
        assertTrue(live.lane(slot).marks().stream().anyMatch(m -> m.kind() == LiveRun.Mark.Kind.CRASH));
        assertFalse(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void timeLimitFieldMakesALongTaskTimeOut(FxRobot robot) throws Exception {
        // work-log at x0.1: A 500 ms, B 200, C 100, D 300; a 2,500 ms limit scales to 250 ms.
        pick(robot, "#timeScale", "\u00d70.1");
        TextField limit = robot.lookup("#timeLimitField").queryAs(TextField.class);
        type(robot, limit, "0");
        waitFor(() -> limit.getStyleClass().contains("invalid")
                && robot.lookup("#problemLabel").queryLabeled().getText().contains("timeoutMs: must be between 1"));
        assertTrue(robot.lookup("#runButton").queryAs(Button.class).isDisabled(), "a zero limit blocks Run");
        type(robot, limit, "2500");
        waitFor(() -> !robot.lookup("#runButton").queryAs(Button.class).isDisabled());
        assertFalse(limit.getStyleClass().contains("invalid"));

        robot.clickOn("#runButton");
        driver.watchUntilFinished();
        LiveRun live = driver.live();
        assertEquals(TaskStatus.TIMEOUT, live.status(0), "A ran past the limit");
        assertEquals(TaskStatus.OK, live.status(1));
        assertEquals(TaskStatus.OK, live.status(2));
        assertEquals(TaskStatus.TIMEOUT, live.status(3), "D ran past the limit");
        assertTrue(live.resultOrError(0).startsWith("timed out after 250 ms"), live.resultOrError(0));
        assertTrue(live.label(0).contains("timed out"), "the bar says so: " + live.label(0));
        int slot = live.slot(0);
        assertTrue(live.lane(slot).marks().stream().anyMatch(m -> m.kind() == LiveRun.Mark.Kind.TIMEOUT_KILL),
                "the kill is marked as the time limit's, not as a crash");
        assertTrue(live.lane(slot).marks().stream().noneMatch(m -> m.kind() == LiveRun.Mark.Kind.CRASH));
        List<String> completed = fx(() -> window.panels().completedLines());
        assertTrue(completed.stream().anyMatch(l -> l.startsWith("#0 A") && l.contains("\u25F7 timeout")), completed.toString());

        Point2D bar = fx(() -> {
            var geo = window.timeline().geometry();
            double x = geo.xOf((live.start(0) + live.end(0)) / 2.0);
            return window.timeline().localToScreen(x, geo.laneTop(slot) + geo.laneHeight() / 2);
        });
        robot.moveTo(bar);
        waitFor(() -> window.stage().getScene().lookup("#timelineTip").isVisible());
        String tip = robot.lookup("#timelineTip").queryLabeled().getText();
        assertTrue(tip.contains("timed out after 250 ms"), tip);
    }

    private static List<Integer> ints(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }
}
