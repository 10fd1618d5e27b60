package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static dev.poolscope.ui.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonRuns;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.ui.app.AppOptions;
import dev.poolscope.ui.app.MainWindow;
import dev.poolscope.ui.screen.FileDialog;
import dev.poolscope.ui.screen.ScreenFit;
import dev.poolscope.ui.timeline.CallLabels;
import dev.poolscope.ui.timeline.TimelineModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The window as a class sees it on a 1280x720 projector in presenter mode, opened with no size
 * given: it fits the screen, so do its dialogs; printed lines and PIDs read whole; the main
 * process's calls a moment apart are each readable or visibly collapsed, never on top of each
 * other. (Monocle's screen is one size for the whole test JVM, so the window is told the screen
 * is 1280x720 through {@link ScreenFit#pretendScreen}.)
 */
@ExtendWith(ApplicationExtension.class)
class LegibleWindowTest {
    static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 1280, 720);
    MainWindow window;
    WindowDriver driver;
    private Preferences prefs;

    @TempDir
    Path dir;

    static AppOptions presenter(boolean maximized) {
        return new AppOptions(AppOptions.DEFAULT_LESSON, null, null, null, null, false, true, false,
                AppOptions.DEFAULT_WIDTH, AppOptions.DEFAULT_HEIGHT, maximized);
    }

    @BeforeEach
    void openWindow() throws Exception {
        ScreenFit.pretendScreen(SCREEN);
        prefs = Preferences.userRoot().node("dev/poolscope/test-" + System.nanoTime());
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, presenter(false), prefs);
            driver = new WindowDriver(window);
            stage.show();
            stage.requestFocus();
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        driver.noWorkerLeft();
        prefs.removeNode();
        ScreenFit.pretendScreen(null);
    }

    private static void assertInside(Rectangle2D screen, Window w, String what) {
        assertTrue(w.getX() >= screen.getMinX() && w.getY() >= screen.getMinY()
                        && w.getX() + w.getWidth() <= screen.getMaxX() + 0.5
                        && w.getY() + w.getHeight() <= screen.getMaxY() + 0.5,
                what + " at " + w.getX() + "," + w.getY() + " " + w.getWidth() + "x" + w.getHeight()
                        + " is not inside the screen " + screen);
    }

    @Test
    void theWindowAndItsFileDialogFitA1280x720Screen(FxRobot robot) throws Exception {
        Stage stage = window.stage();
        assertInside(SCREEN, stage, "the window (asked for the default 1400x900)");
        assertEquals(1280, stage.getWidth(), 0.5, "it takes the screen's width");

        // File > Open (Ctrl+O): PoolScope's own dialog, inside the screen, its buttons on it.
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitFor(() -> dialog("Open a scenario or a Python program") != null);
        Stage dialog = fx(() -> dialog("Open a scenario or a Python program"));
        assertInside(SCREEN, dialog, "the file dialog");
        for (String id : List.of("#fileDialogOk", "#fileDialogCancel", "#fileDialogName")) {
            Node n = robot.lookup(id).query();
            Bounds b = fx(() -> n.localToScreen(n.getBoundsInLocal()));
            assertTrue(SCREEN.contains(b.getMinX(), b.getMinY()) && SCREEN.contains(b.getMaxX() - 1, b.getMaxY() - 1),
                    id + " is on the screen: " + b);
        }
        // It opens a Python program: the window then names it and shows its source.
        Path program = Path.of("assets", "python", "process_ids.py").toAbsolutePath();
        robot.clickOn("#fileDialogName").write(program.toString()).type(KeyCode.ENTER);
        waitFor(() -> dialog("Open a scenario or a Python program") == null);
        waitFor(() -> window.stage().getTitle().contains("process_ids.py"), () -> window.stage().getTitle());
        assertTrue(fx(() -> window.stage().getTitle()).contains("Python program"));

        // A dialog of the export tools (FileAsker) is the same dialog, also inside.
        FileDialog save = fx(() -> new FileDialog(stage, "Save the picture", FileDialog.Kind.SAVE, dir,
                "PNG image", "*.png"));
        fx(() -> {
            save.stage().show();
            return null;
        });
        waitFor(() -> save.stage().isShowing() && save.stage().getWidth() > 0);
        assertInside(SCREEN, save.stage(), "the save dialog");
        fx(() -> {
            save.stage().close();
            return null;
        });
    }

    private static Stage dialog(String title) {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.isShowing() && title.equals(s.getTitle())) {
                return s;
            }
        }
        return null;
    }

    @Test
    void maximizedFillsTheScreenWithoutAWindowManagerAndPresenterTextFollowsTheScreen() throws Exception {
        Preferences other = Preferences.userRoot().node("dev/poolscope/test-max-" + System.nanoTime());
        MainWindow[] max = new MainWindow[1];
        Stage stage = fx(() -> {
            Stage s = new Stage();
            max[0] = new MainWindow(s, presenter(true), other);
            s.show();
            return s;
        });
        try {
            assertEquals(SCREEN, fx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
        } finally {
            fx(() -> {
                max[0].shutdown();
                stage.close();
                return null;
            });
            other.removeNode();
        }
        // Presenter text: as written at 1280x720, half as large again at 1920x1080.
        assertEquals(1.0, ScreenFit.presenterScale(SCREEN), 1e-9);
        assertEquals(1.5, ScreenFit.presenterScale(new Rectangle2D(0, 0, 1920, 1080)), 1e-9);
        assertTrue(fx(() -> window.stage().getScene().getRoot().getStyle()).contains("-fx-font-size: 19.0px"));
    }

    @Test
    void aPrintedLineOf120CharactersIsShownWhole(FxRobot robot) throws Exception {
        PythonRuns.python(); // skips the test where python3 is missing
        String line = "The parent sees each child's PID, and each child prints its own: the two agree, which is"
                + " the lesson of the day, you see.";
        assertEquals(120, line.length());
        Path program = dir.resolve("long_line.py");
        Files.writeString(program, "print(" + pythonString(line) + ")\n");
        assertTrue(fx(() -> window.runPythonProgram(program)));
        driver.watchUntilFinished();
        waitFor(() -> window.panels().consoleLines().stream().anyMatch(l -> l.endsWith(line)),
                () -> String.join("\n", window.panels().consoleLines()));
        ListView<?> console = robot.lookup("#consoleList").queryAs(ListView.class);
        // The row of that line: its text is the whole line, it wraps inside the list and is not clipped.
        waitFor(() -> flowOf(robot, line) != null, () -> "no console row shows the line");
        TextFlow flow = fx(() -> flowOf(robot, line));
        String shown = fx(() -> {
            StringBuilder sb = new StringBuilder();
            flow.getChildren().forEach(n -> sb.append(((Text) n).getText()));
            return sb.toString();
        });
        assertTrue(shown.endsWith(line), "the row says the whole line: " + shown);
        assertTrue(shown.contains("[" + fx(() -> window.controller().live().lane(0).pid()) + "]"),
                "with the PID of the process that printed it: " + shown);
        Bounds list = fx(() -> console.localToScene(console.getBoundsInLocal()));
        Bounds row = fx(() -> flow.localToScene(flow.getBoundsInLocal()));
        Node cell = fx(() -> flow.getParent());
        Bounds cellBounds = fx(() -> cell.localToScene(cell.getBoundsInLocal()));
        assertTrue(row.getMaxX() <= list.getMaxX() && row.getMinX() >= list.getMinX(),
                "the line wraps inside the list: row " + row + ", list " + list);
        assertTrue(row.getHeight() <= cellBounds.getHeight() + 0.5,
                "the row is as tall as its wrapped text: text " + row.getHeight() + ", row " + cellBounds.getHeight());
        assertTrue(cellBounds.getMinY() >= list.getMinY() && cellBounds.getMaxY() <= list.getMaxY() + 0.5,
                "the row is in view: " + cellBounds + " in " + list);
    }

    private static String pythonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static TextFlow flowOf(FxRobot robot, String line) {
        for (Node n : robot.lookup(".console-cell").queryAll()) {
            if (n instanceof javafx.scene.control.ListCell<?> c && c.getGraphic() instanceof TextFlow f && c.isVisible()
                    && c.getItem() != null && c.getItem().toString().endsWith(line)) {
                return f;
            }
        }
        return null;
    }

    @Test
    void fourStartCallsOneMsApartAreEachReadableOrCollapsedAndNeverOverlap() throws Exception {
        TimelineModel model = new TimelineModel(List.of(), 0, true);
        List<RunEvent> events = new ArrayList<>();
        events.add(new RunEvent.ProgramStarted(0, 4242, "four.py", "python3"));
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            long child = 1_000_001 + k;
            String text = "start() \u2192 PID " + child + " worker" + (k + 1) + "()";
            texts.add(text);
            events.add(new RunEvent.ProcessMark(100_000_000L + k * 1_000_000L, -1, 4242, RunEvent.ProcessMark.START,
                    child, text));
        }
        for (int k = 0; k < 4; k++) {
            events.add(new RunEvent.TaskAdded(101_000_000L, k, "worker" + (k + 1) + "()", "python"));
        }
        events.add(new RunEvent.ProgramExited(150_000_000L, 4242, 0, null, "exit code 0"));
        events.add(new RunEvent.RunFinished(150_000_000L, false));
        events.forEach(model::apply);
        fx(() -> {
            window.controller().showStill(model, 150_000_000L, "four starts");
            return null;
        });
        WaitForFrames.twice();
        // As opened (fitted to where things happen), then zoomed out so far the four calls fall
        // within a few pixels: both times each call is covered once, by its own words or a group.
        checkLabels(texts, Boolean.FALSE);
        fx(() -> {
            window.timeline().geometry().zoomAt(window.timeline().geometry().headerWidth(), 0.002);
            window.timeline().markDirty();
            return null;
        });
        WaitForFrames.twice();
        List<CallLabels.Placed> zoomedOut = checkLabels(texts, null);
        // Hovering a label tells its calls (a collapsed group's every call).
        CallLabels.Placed first = zoomedOut.get(0);
        String words = fx(() -> window.timeline().markWordsAt(first.x() + 2, first.y() + first.h() / 2));
        assertNotNull(words, "hovering a label tells its calls");
        for (int m : first.members()) {
            assertTrue(words.contains(texts.get(m)), "the hover lists " + texts.get(m) + ": " + words);
        }
    }

    /** Each call in exactly one label, single labels say their call whole, no two boxes meet, all inside the lane. */
    private List<CallLabels.Placed> checkLabels(List<String> texts, Boolean expectCollapsed) throws Exception {
        List<CallLabels.Placed> labels = fx(() -> window.timeline().callLabels(0));
        double laneTop = fx(() -> window.timeline().geometry().laneTop(0));
        double laneBottom = laneTop + fx(() -> window.timeline().geometry().laneHeight());
        double left = fx(() -> window.timeline().geometry().headerWidth());
        double right = fx(() -> window.timeline().geometry().width());
        int[] covered = new int[texts.size()];
        for (CallLabels.Placed p : labels) {
            for (int m : p.members()) {
                covered[m]++;
            }
            if (p.collapsed()) {
                assertEquals("\u25B8 " + p.count() + " calls", p.text());
            } else {
                assertEquals(texts.get(p.first()), p.text(), "a single label says its call whole");
            }
            assertTrue(p.y() >= laneTop && p.y() + p.h() <= laneBottom + 0.5 && p.x() >= left && p.x() + p.w() <= right,
                    "label " + p + " inside lane 0 [" + laneTop + ", " + laneBottom + "] and the plot");
        }
        for (int k = 0; k < covered.length; k++) {
            assertEquals(1, covered[k], "call " + k + " has one label: " + labels);
        }
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertFalse(labels.get(i).overlaps(labels.get(j)), labels.get(i) + " overlaps " + labels.get(j));
            }
        }
        if (expectCollapsed != null) {
            assertEquals(expectCollapsed, labels.stream().anyMatch(CallLabels.Placed::collapsed),
                    (expectCollapsed ? "calls share a group: " : "fitted, each call reads alone: ") + labels);
        }
        return labels;
    }

    @Test
    void resultRowsShowASevenDigitPidWhole(FxRobot robot) throws Exception {
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(2).chunksize(1)
                .task(TaskSpec.of("square", TaskKind.SLEEP, 10)).task(TaskSpec.of("cube", TaskKind.SLEEP, 10)).build();
        TimelineModel model = new TimelineModel(List.of("square", "cube"), 2);
        List<RunEvent> events = List.of(
                new RunEvent.TaskStarted(1_000_000, 0, 0, 1_234_567, 0),
                new RunEvent.TaskStarted(1_000_000, 1, 1, 7_654_321, 1),
                new RunEvent.TaskFinished(11_000_000, 0, 0, 1_234_567, TaskStatus.OK, "100", null),
                new RunEvent.TaskFinished(11_000_000, 1, 1, 7_654_321, TaskStatus.OK, "1000", null),
                new RunEvent.ResultDelivered(12_000_000, 0, TaskStatus.OK, "100", null),
                new RunEvent.ResultDelivered(12_000_000, 1, TaskStatus.OK, "1000", null),
                new RunEvent.RunFinished(13_000_000, false));
        fx(() -> {
            events.forEach(model::apply);
            window.panels().reset(model, "squares", config, () -> 13_000_000L);
            events.forEach(window.panels()::accept);
            window.panels().flush(System.nanoTime(), true);
            return null;
        });
        WaitForFrames.twice();
        for (String list : List.of("#deliveredList", "#completedList")) {
            ListView<?> view = robot.lookup(list).queryAs(ListView.class);
            Bounds lb = fx(() -> view.localToScene(view.getBoundsInLocal()));
            for (String pid : List.of("pid 1234567", "pid 7654321")) {
                Label part = fx(() -> (Label) view.lookupAll(".label").stream()
                        .filter(n -> n instanceof Label l && l.getText() != null && l.getText().endsWith(pid))
                        .findFirst().orElse(null));
                assertNotNull(part, list + " has a row ending in " + pid);
                Bounds b = fx(() -> part.localToScene(part.getBoundsInLocal()));
                double wanted = fx(() -> part.prefWidth(-1));
                assertTrue(fx(part::getWidth) >= wanted - 0.5, list + ": '" + part.getText() + "' is given its whole width ("
                        + fx(part::getWidth) + " of " + wanted + ")");
                assertTrue(b.getMaxX() <= lb.getMaxX() && b.getMinX() >= lb.getMinX(),
                        list + ": '" + part.getText() + "' lies inside the list: " + b + " in " + lb);
            }
        }
    }

    @Test
    void consoleLinesAreListedByWriteTimeWhateverArrivedFirst() throws Exception {
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(1).chunksize(1)
                .task(TaskSpec.of("t", TaskKind.SLEEP, 1)).build();
        TimelineModel model = new TimelineModel(List.of(), 0, true);
        // The child's line (written at 579.1 ms) reaches PoolScope after main's later ones.
        List<RunEvent> events = List.of(
                new RunEvent.ProgramStarted(0, 4000, "p.py", "python3"),
                new RunEvent.OutputLine(576_800_000L, -1, -1, 4000, "ID of process p1: 4001"),
                new RunEvent.OutputLine(590_000_000L, -1, -1, 4000, "Both processes finished execution!"),
                new RunEvent.OutputLine(579_100_000L, 0, 0, 4001, "ID of process running worker1: 4001"));
        List<String> lines = fx(() -> {
            events.forEach(model::apply);
            window.panels().reset(model, "p.py", config, () -> 600_000_000L);
            events.forEach(window.panels()::accept);
            window.panels().flush(System.nanoTime(), true);
            return window.panels().consoleLines();
        });
        assertEquals(List.of("576.8 ms  [4000]  ID of process p1: 4001", "579.1 ms  [4001]  ID of process running worker1: 4001",
                "590.0 ms  [4000]  Both processes finished execution!"), lines);
    }

    /** Lets the window's frame loop draw (two pulses). */
    static final class WaitForFrames {
        static void twice() throws Exception {
            for (int i = 0; i < 3; i++) {
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(40);
            }
        }
    }
}
