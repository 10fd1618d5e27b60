package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static dev.poolscope.ui.WindowDriver.pick;
import static dev.poolscope.ui.WindowDriver.type;
import static dev.poolscope.ui.WindowDriver.visible;
import static dev.poolscope.ui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import dev.poolscope.ui.timeline.TimelineModel;
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
        // x0.5: A 2.5 s, B 1 s, C 0.5 s, D 1.5 s.
        pick(robot, "#timeScale", "\u00d70.5");
        assertTrue(fx(() -> window.config().problems().isEmpty()), () -> "no problem blocks Run: " + problems());

        robot.clickOn("#runButton");
        Set<Long> seenAlive = driver.watchUntilFinished();
        TimelineModel live = fx(() -> window.controller().live());
        assertEquals(2, live.laneCount(), "two lanes for pool 2");
        List<Long> lanePids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            lanePids.add(live.lane(i).pid());
        }
        assertTrue(seenAlive.containsAll(lanePids), "each lane's PID was a live OS process: " + lanePids + " " + seenAlive);
        assertTrue(driver.handle().pids().containsAll(lanePids));
        int laneOfA = live.slot(0);
        // The lesson's picture (A alone, B, C, D on the other worker) is what Pool does when the
        // second worker is up in time to finish B and C (1.5 s) before A (2.5 s) ends. On a machine
        // so loaded that it started over 0.8 s after A, its late start decides instead, and the
        // test cannot claim the picture: it says so as a skipped test (checked at the end).
        long otherReady = firstIdle(1 - laneOfA);
        boolean twoUpInTime = otherReady >= 0 && otherReady - live.start(0) < 800_000_000L;
        String twoLate = "the second worker started " + (otherReady - live.start(0)) / 1_000_000 + " ms after A";
        List<Integer> laneA = ints(live.lane(laneOfA).taskIndexes());
        List<Integer> otherLane = ints(live.lane(1 - laneOfA).taskIndexes());
        String makespan = robot.lookup("#statMakespan").queryLabeled().getText();
        assertTrue(makespan.endsWith("ms") || makespan.endsWith(" s"), makespan);
        double atOnce = Double.parseDouble(robot.lookup("#statConcurrency").queryLabeled().getText());
        assertTrue(atOnce > 1, "tasks at once " + atOnce);
        // One run measures no speedup: that needs a baseline (a sweep's pool-1 point).
        // The panel then names no speedup at all: its row is hidden.
        assertFalse(robot.lookup("#statSpeedup").queryLabeled().isVisible(), "no speedup row without a baseline");

        // Pool size 4 through the spinner's arrow, then Ctrl+R runs again.
        robot.clickOn("#poolSpinner .increment-arrow-button");
        robot.clickOn("#poolSpinner .increment-arrow-button");
        assertEquals(4, (int) fx(() -> window.config().toRunConfig(false).pool()), "the spinner set pool 4");
        robot.clickOn("#taskTable");
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitFor(() -> window.controller().live() != live);
        driver.watchUntilFinished();
        TimelineModel four = fx(() -> window.controller().live());
        assertNotSame(live, four, "Ctrl+R started a new run");
        assertEquals(4, four.laneCount(), "four lanes for pool 4");
        for (int i = 0; i < 4; i++) {
            assertEquals(TaskStatus.OK, four.status(i), "task " + i);
        }
        // One task per worker when all four are up before the first task ends (C, 0.5 s); a worker
        // that starts later on a loaded machine legitimately leaves its task to an earlier one.
        long firstEnd = java.util.stream.IntStream.range(0, 4).mapToLong(four::end).min().orElseThrow();
        boolean allUpInTime = true;
        for (int i = 0; i < 4; i++) {
            long ready = firstIdle(i);
            allUpInTime &= ready >= 0 && ready < firstEnd;
        }
        // The main claims last, each behind a JUnit assumption: on a machine too loaded for them the
        // test is reported as skipped, with the reason, instead of passing without them.
        assumeTrue(twoUpInTime, twoLate + ": the lesson's lane picture cannot be claimed");
        assertEquals(List.of(0), laneA, "A alone on its lane");
        assertEquals(List.of(1, 2, 3), otherLane, "B, C, D on the other");
        assumeTrue(allUpInTime, "a worker of four started after the first task ended: one task per worker cannot be claimed");
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
        robot.write("600000"); // 60 s at x0.1: A is still running whenever the kill lands, however loaded the machine
        // B long too, so C and D still wait in the queue when A's worker dies: the engine then
        // starts a replacement in A's lane (it starts none when no work is left).
        robot.clickOn(visible(robot, "#task-1-ms"));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("100000"); // 10 s at x0.1
        robot.clickOn("#runButton");
        waitFor(() -> {
            TimelineModel l = window.controller().live();
            return l != null && l.start(0) >= 0 && l.start(1) >= 0 && l.lane(l.slot(0)).state() == WorkerState.BUSY;
        });
        int slot = fx(() -> window.controller().live().slot(0));
        long oldPid = fx(() -> window.controller().live().lane(slot).pid());
        Point2D p = fx(() -> window.timeline().localToScreen(window.timeline().laneCenter(slot)));
        robot.moveTo(p).clickOn(MouseButton.SECONDARY);
        Node kill = robot.lookup((Predicate<Node>) n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("Kill worker W" + slot)).query();
        robot.clickOn(kill);
        waitFor(() -> window.controller().live().status(0) == TaskStatus.CRASHED,
                () -> "A was not marked crashed after the kill; status " + window.controller().live().status(0));
        driver.watchUntilFinished();
        TimelineModel live = fx(() -> window.controller().live());
        assertEquals(TaskStatus.CRASHED, live.status(0), "A is marked crashed");
        for (int i = 1; i < 4; i++) {
            assertEquals(TaskStatus.OK, live.status(i), "the run still completes task " + i);
        }
        // A replacement starts when work is left at the crash: C or D still queued (B's 10 s make
        // that so unless the kill took longer than B on a very loaded machine).
        if (live.start(2) > live.end(0) || live.start(3) > live.end(0)) {
            assertNotEquals(oldPid, live.lane(slot).pid(), "the lane shows the replacement's PID");
        }
        assertTrue(live.lane(slot).marks().stream().anyMatch(m -> m.kind() == TimelineModel.Mark.Kind.CRASH));
        assertFalse(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void timeLimitFieldMakesALongTaskTimeOut(FxRobot robot) throws Exception {
        // work-log at x0.5: A 2500 ms, B 1000, C 500, D 1500; a 2,500 ms limit scales to 1250 ms,
        // 250 ms from B's and D's lengths both ways: a sleep overshoots by tens of ms on a loaded machine.
        pick(robot, "#timeScale", "\u00d70.5");
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
        TimelineModel live = driver.live();
        assertEquals(TaskStatus.TIMEOUT, live.status(0), "A ran past the limit");
        assertEquals(TaskStatus.OK, live.status(1), "B ended within the limit");
        assertEquals(TaskStatus.OK, live.status(2), "C ended within the limit");
        assertEquals(TaskStatus.TIMEOUT, live.status(3), "D ran past the limit");
        assertTrue(live.resultOrError(0).startsWith("timed out after 1250 ms"), live.resultOrError(0));
        assertTrue(live.label(0).contains("timed out"), "the bar says so: " + live.label(0));
        int slot = live.slot(0);
        assertTrue(live.lane(slot).marks().stream().anyMatch(m -> m.kind() == TimelineModel.Mark.Kind.TIMEOUT_KILL),
                "the kill is marked as the time limit's, not as a crash");
        assertTrue(live.lane(slot).marks().stream().noneMatch(m -> m.kind() == TimelineModel.Mark.Kind.CRASH));
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
        assertTrue(tip.contains("timed out after 1250 ms"), tip);
    }

    /** When the worker in a slot first reported ready (ns since the run began), or -1. */
    private long firstIdle(int slot) throws Exception {
        for (RunEvent e : driver.handle().events()) {
            if (e instanceof RunEvent.WorkerStateChanged w && w.slot() == slot && w.state() == WorkerState.IDLE) {
                return w.at();
            }
        }
        return -1;
    }

    private String problems() {
        try {
            return String.join("; ", fx(() -> List.copyOf(window.config().problems())));
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static List<Integer> ints(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }
}
