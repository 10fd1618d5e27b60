package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static dev.poolscope.ui.WindowDriver.pick;
import static dev.poolscope.ui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.TimelineGeometry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Files, hovering and zooming through the real window (headless Monocle, real workers): save
 * and open again, the recent-files menu, the tooltip of a bar, "Fit" after zooming.
 */
class WindowInteractionTest extends WindowTest {
    @Test
    void beforeTheFirstRunThePanelsAreEmpty(FxRobot robot) throws Exception {
        for (String id : List.of("#queueList", "#deliveredList", "#completedList", "#consoleList")) {
            javafx.scene.control.ListView<?> list = robot.lookup(id).queryAs(javafx.scene.control.ListView.class);
            waitFor(() -> list.getItems().isEmpty(), () -> id + " shows " + list.getItems().size() + " rows before any run (height "
                    + list.getHeight() + ", scene " + (list.getScene() != null) + ", window "
                    + (list.getScene() != null && list.getScene().getWindow() != null && list.getScene().getWindow().isShowing()) + ")");
        }
    }

    @Test
    void savedScenarioOpensAgainFromTheRecentFilesMenu(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-work-log.json");
        robot.clickOn("#poolSpinner .increment-arrow-button");
        WindowDriver.type(robot, robot.lookup("#timeLimitField").queryAs(javafx.scene.control.TextField.class), "4000");
        assertTrue(fx(() -> window.saveTo(file)), "saved");
        assertTrue(Files.size(file) > 0);
        assertEquals(List.of(file.toAbsolutePath().normalize()), fx(() -> window.recentFiles()));

        pick(robot, "#lessonPicker", "doubling");
        waitFor(() -> "doubling".equals(window.config().name()));

        robot.clickOn("File");
        robot.clickOn("Open Recent");
        robot.clickOn((Label l) -> l.getText() != null && l.getText().startsWith("my-work-log.json"));
        waitFor(() -> "work-log".equals(window.config().name()));
        robot.clickOn("#timeLimitField");
        assertEquals("3", robot.lookup("#poolSpinner .text-field").queryTextInputControl().getText());
        assertEquals("4000", robot.lookup("#timeLimitField").queryTextInputControl().getText());
        assertEquals(4, (int) fx(() -> window.config().tasks().size()));
        assertFalse(robot.lookup("#runButton").queryButton().isDisabled(), "the opened scenario can run");
    }

    @Test
    void hoveringABarShowsTaskPidAndDuration(FxRobot robot) throws Exception {
        runWorkLogFast(robot);
        TimelineModel live = driver.live();
        robot.moveTo(barCenter(0));
        waitFor(() -> window.stage().getScene().lookup("#timelineTip").isVisible());
        String tip = ((Label) window.stage().getScene().lookup("#timelineTip")).getText();
        assertTrue(tip.contains("Task A"), tip);
        assertTrue(tip.contains("PID " + live.pid(0)), tip);
        assertTrue(tip.contains("duration "), tip);
        assertTrue(tip.contains("result:"), tip);
    }

    @Test
    void fitAfterZoomingShowsTheWholeRunAgain(FxRobot robot) throws Exception {
        runWorkLogFast(robot);
        long end = driver.live().finishedAt();
        TimelineGeometry geo = window.timeline().geometry();
        double fullSpan = fx(() -> geo.visibleEndNs() - geo.visibleStartNs());
        assertTrue(fx(() -> geo.visibleStartNs() <= 0 && geo.visibleEndNs() >= end), "the finished run fits");

        robot.moveTo(barCenter(0)).scroll(4, VerticalDirection.DOWN);
        waitFor(() -> geo.userControlled());
        double zoomedSpan = fx(() -> geo.visibleEndNs() - geo.visibleStartNs());
        assertTrue(zoomedSpan < fullSpan * 0.7, "zoomed in: " + zoomedSpan + " of " + fullSpan);
        assertFalse(fx(() -> geo.visibleStartNs() <= 0 && geo.visibleEndNs() >= end), "part of the run is out of view");

        robot.clickOn("#fitButton");
        waitFor(() -> !geo.userControlled());
        assertTrue(fx(() -> geo.visibleStartNs() <= 0 && geo.visibleEndNs() >= end), "Fit shows the whole run");
        assertEquals(fullSpan, fx(() -> geo.visibleEndNs() - geo.visibleStartNs()), fullSpan * 0.01);
    }

    /** work-log at x0.1 (A 0.5 s, B+C 0.3 s, D 0.3 s), run to the end. */
    private void runWorkLogFast(FxRobot robot) throws Exception {
        pick(robot, "#timeScale", "\u00d70.1");
        robot.clickOn("#runButton");
        driver.watchUntilFinished();
    }

    /** The middle of a task's bar, on screen. */
    private Point2D barCenter(int task) throws Exception {
        return fx(() -> {
            TimelineModel live = window.controller().live();
            TimelineGeometry geo = window.timeline().geometry();
            double x = geo.xOf((live.start(task) + live.end(task)) / 2.0);
            double y = geo.laneTop(live.slot(task)) + geo.laneHeight() / 2;
            return window.timeline().localToScreen(x, y);
        });
    }
}
