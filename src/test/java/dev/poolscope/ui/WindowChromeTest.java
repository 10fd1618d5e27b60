package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static dev.poolscope.ui.WindowDriver.pick;
import static dev.poolscope.ui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The message bar and the status bar (ControlsFX) of the real window, headless. */
class WindowChromeTest extends WindowTest {
    @Test
    void aMessageSaysWhatWentWrongAndItsCloseButtonDismissesIt(FxRobot robot, @TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"tasks\": [{\"name\": \"A\", \"kind\": \"sleep\", \"ms\": -5}]}");
        fx(() -> {
            window.open(broken);
            return null;
        });
        waitFor(() -> robot.lookup("#messagePane").queryAs(NotificationPane.class).isShowing());
        String message = fx(() -> window.message());
        assertTrue(message.contains("Could not open broken.json") && message.contains("tasks[0].ms: must be between 0"),
                message);
        Node close = robot.lookup("#messagePane .close-button").query();
        robot.clickOn(close);
        waitFor(() -> !robot.lookup("#messagePane").queryAs(NotificationPane.class).isShowing());
        assertEquals(null, fx(() -> window.message()));
    }

    @Test
    void theStatusBarShowsProgressThenNamesWallTimeAndMakespanApart(FxRobot robot) throws Exception {
        pick(robot, "#lessonPicker", "sleepy");
        fx(() -> {
            window.config().setPool(1); // eight 500 ms sleeps one after another: 4 s of progress to see
            return null;
        });
        StatusBar bar = robot.lookup("#statusBar").queryAs(StatusBar.class);
        robot.clickOn("#runButton");
        waitFor(() -> bar.getProgress() > 0 && bar.getProgress() < 1 && bar.getText().startsWith("Running"),
                () -> "progress " + bar.getProgress() + ", text " + bar.getText());
        driver.watchUntilFinished();
        waitFor(() -> bar.getText().startsWith("Finished"));
        String text = fx(bar::getText);
        assertEquals(0.0, (double) fx(bar::getProgress), "no progress bar once the run is over");
        assertTrue(text.contains("wall time (incl. worker start-up)"), text);
        // The same makespan as the statistics panel, and said what it spans.
        String makespan = robot.lookup("#statMakespan").queryLabeled().getText();
        assertTrue(text.contains("makespan " + makespan + " (first task start to last task end)"),
                text + " / statistics: " + makespan);
    }
}
