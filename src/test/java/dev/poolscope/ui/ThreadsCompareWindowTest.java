package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonLessons;
import dev.poolscope.cpython.PythonRuns;
import dev.poolscope.engine.Lane;
import dev.poolscope.ui.compare.CompareView;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.TimelineView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The threads-vs-processes lessons in the window: picked from the picker, and Analyze's comparison of the two. */
class ThreadsCompareWindowTest extends MultiWindowTest {
    @Test
    void aThreadLessonFromThePickerShowsOneLanePerThreadWithTheMainPid(FxRobot robot) throws Exception {
        PythonRuns.python(); // skips the test where python3 is missing
        @SuppressWarnings("unchecked")
        ComboBox<String> picker = (ComboBox<String>) fx(() -> window.stage().getScene().lookup("#lessonPicker"));
        String name = PythonLessons.PREFIX + "threads_sleep.py";
        assertTrue(fx(() -> picker.getItems().contains(name)), "offered in the picker");
        fx(() -> {
            picker.setValue(name);
            return null;
        });
        driver.watchUntilFinished();
        TimelineModel live = driver.live();
        long main = fx(() -> live.lane(0).pid());
        assertEquals(5, (int) fx(live::laneCount), "the main lane and four threads");
        Set<Long> tids = new HashSet<>();
        for (int i = 1; i < 5; i++) {
            TimelineModel.Lane lane = live.lane(i);
            assertEquals(Lane.Kind.THREAD, fx(() -> lane.what().kind()));
            assertEquals(main, (long) fx(lane::pid), "the main process's PID");
            tids.add(fx(() -> lane.what().tid()));
            assertEquals(1, fx(lane::taskIndexes).length, "its wait on its lane");
        }
        assertEquals(4, tids.size());
        assertTrue(fx(() -> live.lane(0).os().size()) > 0, "the main process's own CPU on its lane");
    }

    @Test
    void analyzeComparesTheThreadsRunWithTheProcessesRunWithAVerdictFromTheMeasurement(FxRobot robot) throws Exception {
        PythonRuns.python();
        robot.clickOn("Analyze");
        robot.clickOn("Compare threads with processes: waiting");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !robot.lookup("#compareView").queryAll().isEmpty());
        CompareView compare = robot.lookup("#compareView").queryAs(CompareView.class);
        List<TimelineView> lines = fx(compare::timelines);
        assertEquals(2, lines.size(), "the threads run above the processes run");
        TimelineModel threads = fx(lines.get(0)::run);
        TimelineModel processes = fx(lines.get(1)::run);
        assertEquals(4, (int) fx(threads::finishedCount));
        assertEquals(4, (int) fx(processes::finishedCount));
        Set<Long> threadPids = new HashSet<>();
        Set<Long> processPids = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            int lane = i;
            assertEquals(Lane.Kind.THREAD, fx(() -> threads.lane(lane).what().kind()));
            threadPids.add(fx(() -> threads.lane(lane).pid()));
            processPids.add(fx(() -> processes.lane(lane).pid()));
        }
        assertEquals(1, threadPids.size(), "one PID for the four threads");
        assertEquals(4, processPids.size(), "four PIDs for the four processes");
        String verdict = fx(() -> ((Label) robot.lookup("#compareVerdict").query()).getText());
        assertTrue(verdict.matches("4 threads used \\d+\\.\\d cores in total and took \\d+\\.\\d s; 4 processes used"
                + " \\d+\\.\\d cores and took \\d+\\.\\d s on this \\d+-CPU machine\\. .+"), verdict);
    }
}
