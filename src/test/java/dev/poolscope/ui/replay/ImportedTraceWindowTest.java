package dev.poolscope.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.ui.app.AppOptions;
import dev.poolscope.ui.app.MainWindow;
import dev.poolscope.ui.timeline.TimelineModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File > Open takes another tool's trace: the window replays its lanes and bars; a broken one is one line, nothing drawn. */
class ImportedTraceWindowTest extends TraceWindowTest {
    static final Path CHROME = Path.of("src/test/resources/dev/poolscope/traceimport/chrome-mixed.json");

    @TempDir
    Path dir;

    @Test
    void fileOpenShowsAChromeTracesLanesAndBars() throws Exception {
        answers.add(CHROME);
        fx(() -> {
            menuItem("openTrace").fire();
            return null;
        });
        waitFor(() -> window.traces().replay().current() != null);
        fx(() -> {
            window.traces().replay().seek(window.traces().replay().current().endNs());
            return null;
        });
        TimelineModel shown = fx(() -> window.traces().replay().live());
        assertEquals(5, shown.laneCount());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < shown.laneCount(); i++) {
            names.add(shown.lane(i).name());
            assertEquals(-1, shown.lane(i).pid(), "no PID: the file does not say its pids are");
        }
        assertEquals(List.of("loader / reader", "loader / decoder \u00b7 row 1", "loader / decoder \u00b7 row 2",
                "trainer / thread 1", "counter queue (loader)"), names);
        assertEquals(List.of("read A", "read B"), barNames(shown, 0));
        assertEquals(List.of("decode"), barNames(shown, 1));
        assertEquals(List.of("inflate"), barNames(shown, 2));
        assertEquals(List.of("step"), barNames(shown, 3));
        assertEquals(List.of("0", "1", "0"), barNames(shown, 4));
        assertEquals(8, shown.finishedCount());
    }

    /** What {@code ui --open FILE} does: the window opens with the file, a trace of another tool replayed. */
    @Test
    void openingTheWindowWithAVizTracerFileReplaysIt() throws Exception {
        Path viz = Path.of("src/test/resources/dev/poolscope/traceimport/viztracer.json");
        AppOptions options = new AppOptions(null, viz.toString(), null, null, null, false, false, false, 1280, 720, false);
        Preferences prefs = Preferences.userRoot().node("dev/poolscope/test-open-" + System.nanoTime());
        MainWindow opened = fx(() -> {
            Stage stage = new Stage();
            MainWindow w = new MainWindow(stage, options, prefs);
            stage.show();
            return w;
        });
        try {
            waitFor(() -> opened.traces().replay().current() != null);
            assertEquals("viztracer", fx(() -> opened.traces().replay().current().name()));
            fx(() -> {
                opened.traces().replay().seek(opened.traces().replay().current().endNs());
                return null;
            });
            TimelineModel shown = fx(() -> opened.traces().replay().live());
            assertEquals(4, shown.laneCount());
            assertEquals(4242, shown.lane(0).pid(), "VizTracer's pid is an OS PID");
            assertEquals("python3 work.py / Thread-1 (fetch)", shown.lane(3).name());
        } finally {
            fx(() -> {
                opened.shutdown();
                return null;
            });
            prefs.removeNode();
        }
    }

    @Test
    void aBrokenChromeTraceIsOneLineAndReplacesNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"),
                "{\"traceEvents\": [{\"name\": \"a\", \"ph\": \"E\", \"ts\": 4, \"pid\": 1, \"tid\": 1}]}");
        assertTrue(!fx(() -> window.traces().openTrace(bad)));
        assertEquals(null, fx(() -> window.traces().replay().current()), "nothing half-drawn");
    }

    private static List<String> barNames(TimelineModel m, int lane) {
        List<String> out = new ArrayList<>();
        for (int t : m.lane(lane).taskIndexes()) {
            out.add(m.name(t));
        }
        return out;
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) window.stage().getScene().getRoot().lookup(".menu-bar");
        assertNotNull(bar, "the window's menu bar");
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }
}
