package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static dev.poolscope.ui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonRuns;
import dev.poolscope.ui.lesson.LessonLinks;
import dev.poolscope.ui.lesson.LessonView;
import dev.poolscope.ui.timeline.TimelineModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The program beside its picture: its source where the settings are, the main process's line lit as it runs, steps. */
class LessonViewTest extends WindowTest {
    @TempDir
    Path dir;

    @Test
    void aPoolProgramsLinesLightAsItRunsAndStepsMoveLineAndTimeTogether(FxRobot robot) throws Exception {
        PythonRuns.python(); // skips the test where python3 is missing
        Path program = dir.resolve("pool_lines.py");
        Files.writeString(program, String.join("\n",
                "import time",
                "from multiprocessing import Pool",
                "",
                "def nap(s):",
                "    time.sleep(s)",
                "    return s",
                "",
                "if __name__ == \"__main__\":",
                "    with Pool(2) as pool:",
                "        print(pool.map(nap, [0.6, 0.6]))",
                "") );
        fx(() -> {
            window.open(program);
            return null;
        });
        waitFor(() -> window.stage().getTitle().contains("pool_lines.py"), () -> window.stage().getTitle());
        LessonView lesson = fx(() -> window.program().lessonView());
        waitFor(() -> lesson.getScene() != null, () -> "the lesson view is where the settings were");
        assertTrue(fx(() -> window.runPythonProgram(program)));
        // While map() waits for the workers, its line (10) is the main process's line.
        waitFor(() -> lesson.currentLine() == 10, () -> "current line " + lesson.currentLine());
        driver.watchUntilFinished();
        waitFor(() -> lesson.currentLine() == -1, () -> "after the run no line is the current one: " + lesson.currentLine());

        TimelineModel live = driver.live();
        robot.clickOn("#lessonNext");
        LessonLinks links = fx(() -> window.program().links());
        waitFor(() -> links.step() == 0);
        List<TimelineModel.Mark> marks = fx(() -> live.lane(0).marks().stream()
                .filter(m -> LessonLinks.lineOf(m) > 0).sorted(java.util.Comparator.comparingLong(TimelineModel.Mark::at))
                .toList());
        assertTrue(marks.size() >= 2, "the Pool's calls name their lines: " + marks);
        assertEquals(LessonLinks.lineOf(marks.get(0)), (int) fx(lesson::pickedLine), "step 1 lights its line");
        assertEquals(marks.get(0).at(), (long) fx(() -> window.controller().runNow()), "and moves the time cursor there");
        robot.clickOn("#lessonNext");
        waitFor(() -> links.step() == 1);
        assertEquals(LessonLinks.lineOf(marks.get(1)), (int) fx(lesson::pickedLine));
        assertEquals(marks.get(1).at(), (long) fx(() -> window.controller().runNow()));

        // A click on a line lights it and tells its calls.
        fx(() -> {
            lesson.clickLine(9);
            return null;
        });
        assertEquals(9, (int) fx(lesson::pickedLine));
        String caption = fx(() -> ((javafx.scene.control.Label) lesson.lookup("#lessonCaption")).getText());
        assertTrue(caption.startsWith("Line 9: "), caption);
        assertTrue(caption.contains("Pool(2)"), caption);

        // Back to the settings and their lesson picker: the title names the scenario again.
        robot.clickOn("#lessonBackToSettings");
        waitFor(() -> robot.lookup("#lessonPicker").tryQuery().isPresent()
                && robot.lookup("#lessonPicker").query().getScene() != null);
        waitFor(() -> !window.stage().getTitle().contains("pool_lines.py"), () -> window.stage().getTitle());
    }
}
