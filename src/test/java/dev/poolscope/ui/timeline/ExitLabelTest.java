package dev.poolscope.ui.timeline;

import static dev.poolscope.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A child's exit label ("exit 0 · lived 7.5 ms, ran 0.1 ms") is laid out with its lane's printed
 * lines: it never covers one (the live window at 1280x720 drew it under "› ID of process running
 * worker1: ..."), and the last child's label ends inside the plot instead of being cut at the
 * right edge ("lived 601…").
 */
class ExitLabelTest extends OwnStageTest {

    /** process_ids.py as the window saw it: two children print at once, exit 7 ms later; the main ends at 270 ms. */
    private static TimelineModel processIds() {
        TimelineModel run = new TimelineModel(List.of("worker1()", "worker2()"), 2, true);
        run.apply(new RunEvent.WorkerSpawned(120 * MS, 0, 4938, 0, Lane.PROCESS));
        run.apply(new RunEvent.WorkerSpawned(121 * MS, 1, 4940, 0, Lane.PROCESS));
        run.apply(new RunEvent.TaskStarted(121_800_000, 0, 0, 4938, 0));
        run.apply(new RunEvent.OutputLine(121_900_000, 0, 0, 4938, "ID of process running worker1: 4938"));
        run.apply(new RunEvent.TaskFinished(121_878_000, 0, 0, 4938, TaskStatus.OK, null, null));
        run.apply(new RunEvent.TaskStarted(125_000_000, 1, 1, 4940, 0));
        run.apply(new RunEvent.OutputLine(125_100_000, 1, 1, 4940, "ID of process running worker2: 4940"));
        run.apply(new RunEvent.TaskFinished(125_085_000, 1, 1, 4940, TaskStatus.OK, null, null));
        run.apply(new RunEvent.WorkerExited(127_500_000, 0, 4938, ExitKind.NORMAL, 0, null, "exited normally"));
        // The second child lives to the end of the run: its label is at the right edge.
        run.apply(new RunEvent.WorkerExited(270 * MS, 1, 4940, ExitKind.NORMAL, 0, null, "exited normally"));
        run.apply(new RunEvent.RunFinished(270 * MS, false));
        return run;
    }

    /** 1.5: presenter mode at 1280x720; 2.25: at 1920x1080. */
    @ParameterizedTest
    @ValueSource(doubles = {1, 1.5, 2.25})
    void exitLabelsNeverCoverAPrintedLineAndEndInsideThePlot(double textScale) throws Exception {
        TimelineModel run = processIds();
        TimelineView view = fx(() -> {
            TimelineView v = new TimelineView();
            v.setStyle(Palette.LIGHT, textScale);
            v.setRun(run);
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(v), 1280 * textScale / 1.5, 330 * textScale / 1.5));
            stage.show();
            return v;
        });
        fx(() -> view.render(270 * MS, false));
        double right = fx(() -> view.geometry().width());
        double left = fx(() -> view.geometry().headerWidth());
        for (int lane = 1; lane <= 2; lane++) {
            int l = lane;
            List<CallLabels.Placed> labels = fx(() -> view.callLabels(l));
            List<String> texts = labels.stream().map(CallLabels.Placed::text).toList();
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("exit 0 \u00b7 lived")), "lane " + lane + ": " + texts);
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("\u203A ID of process running worker" + l)),
                    "lane " + lane + " keeps its printed line's label: " + texts);
            for (CallLabels.Placed a : labels) {
                assertTrue(a.x() >= left && a.x() + a.w() <= right, "'" + a.text() + "' inside the plot: " + a);
                for (CallLabels.Placed b : labels) {
                    assertFalse(a != b && a.overlaps(b), "'" + a.text() + "' covers '" + b.text() + "'");
                }
            }
        }
        // The first child's label has its target's true duration; the hover of its tick says the same.
        String exit = fx(() -> view.callLabels(1)).stream().map(CallLabels.Placed::text)
                .filter(t -> t.startsWith("exit")).findFirst().orElseThrow();
        assertEquals("exit 0 \u00b7 lived 7.5 ms, ran 0.078 ms", exit);
    }

    /**
     * squares_with_pids.py as the window saw it (Pool(5), seven squares of 300 ms, each printing at
     * its end): the line printed as square(7) starts never covers the name "square(7)" in its bar.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.5, 2.25})
    void aPrintedLineNeverCoversTheNameOfABar(double textScale) throws Exception {
        TimelineModel run = new TimelineModel(List.of("square(2)", "square(7)"), 1, true);
        run.apply(new RunEvent.WorkerSpawned(300 * MS, 0, 8435, 0, Lane.PROCESS));
        run.apply(new RunEvent.TaskStarted(400 * MS, 0, 0, 8435, 0));
        run.apply(new RunEvent.OutputLine(700 * MS, 0, 0, 8435, "Worker process id for 2 : 8435"));
        run.apply(new RunEvent.TaskFinished(700 * MS, 0, 0, 8435, TaskStatus.OK, "4", null));
        run.apply(new RunEvent.TaskStarted(701 * MS, 1, 0, 8435, 1));
        run.apply(new RunEvent.OutputLine(1001 * MS, 1, 0, 8435, "Worker process id for 7 : 8435"));
        run.apply(new RunEvent.TaskFinished(1001 * MS, 1, 0, 8435, TaskStatus.OK, "49", null));
        run.apply(new RunEvent.WorkerExited(1050 * MS, 0, 8435, ExitKind.NORMAL, 0, null, "exited normally"));
        run.apply(new RunEvent.RunFinished(1100 * MS, false));
        TimelineView view = fx(() -> {
            TimelineView v = new TimelineView();
            v.setStyle(Palette.LIGHT, textScale);
            v.setRun(run);
            stage = new Stage();
            // Seven lanes' height at 1280x720: one row of labels in each.
            stage.setScene(new Scene(new StackPane(v), 1280 * textScale / 1.5, 160 * textScale / 1.5));
            stage.show();
            return v;
        });
        fx(() -> view.render(1100 * MS, false));
        List<double[]> names = fx(() -> view.renderer().painter().barLabelBoxes(view.geometry(), run, 1, 1100 * MS));
        assertEquals(2, names.size(), "both bars show their names");
        List<CallLabels.Placed> labels = fx(() -> view.callLabels(1));
        assertFalse(labels.isEmpty(), "the printed lines are labelled where there is room");
        for (CallLabels.Placed p : labels) {
            for (double[] b : names) {
                boolean covers = p.x() < b[2] && b[0] < p.x() + p.w() && p.y() < b[3] && b[1] < p.y() + p.h();
                assertFalse(covers, "'" + p.text() + "' covers a bar's name at x " + b[0] + "-" + b[2]);
            }
        }
    }
}
