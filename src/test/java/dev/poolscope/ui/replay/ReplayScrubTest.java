package dev.poolscope.ui.replay;

import static dev.poolscope.ui.export.KnownTrace.ms;
import static dev.poolscope.ui.export.KnownTrace.near;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.ui.export.KnownTrace;
import dev.poolscope.ui.timeline.Palette;
import dev.poolscope.ui.timeline.TimelineGeometry;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opening a trace through File > Open Trace, then scrubbing, stepping and playing its replay:
 * what the window's timeline draws (its pixels) and what its panels list follow the moment.
 */
class ReplayScrubTest extends TraceWindowTest {
    @TempDir
    Path dir;

    @Test
    void scrubbingStepsAndPlayDrawTheRunAsItStoodThen(FxRobot robot) throws Exception {
        answers.add(KnownTrace.write(dir));
        robot.clickOn("File").clickOn("Open Trace\u2026");
        waitFor(() -> window.traces().replay().current() != null);
        assertTrue(robot.lookup("#replayBar").tryQuery().isPresent(), "the replay bar is shown");
        assertEquals(0L, fx(() -> window.traces().replay().now()));

        // Scrub: the slider to 400 ms (A and B running, C not started).
        Slider slider = robot.lookup("#replaySlider").queryAs(Slider.class);
        fx(() -> {
            slider.setValue(400);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ms(400), (long) fx(() -> window.traces().replay().now()));
        int[] a = drawnAt(300, 0);
        int[] cutA = drawnAt(550, 0);
        int[] c = drawnAt(650, 1);
        WritableImage img = timelinePicture();
        Palette p = Palette.LIGHT;
        assertEquals(KnownTrace.rgb(Palette.task(0)), rgb(img, a), "A drawn where it ran by 400 ms");
        assertEquals(KnownTrace.rgb(p.background()), rgb(img, cutA), "A cut at 400 ms");
        assertEquals(KnownTrace.rgb(p.laneAlt()), rgb(img, c), "C not there yet");
        assertTrue(hasNowLine(img, 400), "the now line at 400 ms");
        assertEquals(List.of(), fx(() -> window.panels().completedLines()), "nothing completed by 400 ms");

        // Forward to 550 ms: B has completed; C waits in the queue.
        fx(() -> {
            slider.setValue(550);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> completed = fx(() -> window.panels().completedLines());
        assertEquals(1, completed.size(), completed.toString());
        assertTrue(completed.get(0).startsWith("#1 B"), completed.toString());

        // Back to 200 ms: the completion is gone again, B is running.
        fx(() -> {
            slider.setValue(200);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), fx(() -> window.panels().completedLines()), "scrubbing back undoes B's completion");
        assertEquals(-1L, (long) fx(() -> window.traces().replay().live().end(1)), "B running at 200 ms");
        assertTrue(fx(() -> window.panels().consoleLines()).stream().anyMatch(l -> l.contains("B says hello")),
                "B's output line (printed at 200 ms) is in the console");

        // Step: to the next event, B's end at 500 ms.
        robot.clickOn("#replayStep");
        assertEquals(ms(500), (long) fx(() -> window.traces().replay().now()));

        // Play at 8x to the end: results delivered in order, statistics as the trace says.
        fx(() -> {
            window.traces().replay().setSpeed(8);
            return null;
        });
        robot.clickOn("#replayPlay");
        waitFor(() -> window.traces().replay().now() == KnownTrace.END_NS && !window.traces().replay().playingProperty().get());
        List<String> delivered = fx(() -> window.panels().deliveredLines());
        assertEquals(3, delivered.size(), delivered.toString());
        assertTrue(delivered.get(0).startsWith("#0 A") && delivered.get(1).startsWith("#1 B")
                && delivered.get(2).startsWith("#2 C"), delivered.toString());
        assertEquals(1500.0, fx(() -> window.panels().shownStats().makespanMs()), 0.001);
        assertEquals("1500 ms", robot.lookup("#statMakespan").queryLabeled().getText());
        WritableImage end = timelinePicture();
        assertEquals(KnownTrace.rgb(Palette.task(2)), rgb(end, drawnAt(1300, 1)), "C drawn at the end");
        assertFalse(robot.lookup("#runButton").queryButton().isDisabled(), "a live run can start from here");
    }

    /** Where the window's own geometry puts a time in a lane (below the label). */
    private int[] drawnAt(double atMs, int lane) throws Exception {
        return fx(() -> {
            TimelineGeometry geo = window.timeline().geometry();
            return new int[] {(int) Math.floor(geo.xOf(ms(atMs))),
                    (int) Math.floor(geo.laneTop(lane) + geo.laneHeight() * 0.75)};
        });
    }

    private boolean hasNowLine(WritableImage img, double atMs) throws Exception {
        int[] xy = drawnAt(atMs, 0);
        int now = KnownTrace.rgb(Palette.LIGHT.now());
        for (int dx = -1; dx <= 1; dx++) {
            if (near(now, rgb(img, new int[] {xy[0] + dx, xy[1]}), 40)) {
                return true;
            }
        }
        return false;
    }

    private WritableImage timelinePicture() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> window.timeline().snapshot(new SnapshotParameters(), null));
    }

    private static int rgb(WritableImage img, int[] xy) {
        return img.getPixelReader().getArgb(xy[0], xy[1]) & 0xffffff;
    }
}
