package dev.poolscope.os;

import static dev.poolscope.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.trace.SlotStats;
import dev.poolscope.trace.Stats;
import dev.poolscope.ui.app.AppOptions;
import dev.poolscope.ui.app.MainWindow;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.OsTrack;
import dev.poolscope.ui.timeline.TimelineGeometry;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The OS view through the real window (headless Monocle, real workers). */
@ExtendWith(ApplicationExtension.class)
class OsViewWindowTest {
    private MainWindow window;
    private Preferences prefs;

    @BeforeEach
    void openWindow() throws Exception {
        Assumptions.assumeTrue(LinuxProcProbe.available(), "needs Linux /proc");
        prefs = Preferences.userRoot().node("dev/poolscope/test-os-" + System.nanoTime());
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, AppOptions.defaults(), prefs);
            stage.show();
            stage.requestFocus();
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (window == null) {
            return;
        }
        RunHandle run = fx(() -> window.controller().handle());
        fx(() -> {
            window.shutdown();
            return null;
        });
        if (run != null) {
            assertTrue(run.awaitDone(Duration.ofSeconds(10)));
            for (long pid : run.pids()) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "worker " + pid + " alive");
            }
        }
        prefs.removeNode();
    }

    @Test
    void lanesShowStateAndCpuAndTheStatisticsCpuUtilization(FxRobot robot) throws Exception {
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(2).chunksize(1)
                .task(TaskSpec.of("spin", TaskKind.SPIN, 1500))
                .task(TaskSpec.of("nap", TaskKind.SLEEP, 1500)).build();
        assertTrue(fx(() -> window.controller().start("os-view", config)));
        // Both lanes get samples, and the header shows a state letter and CPU % beside the PID.
        waitFor(() -> {
            TimelineModel live = window.controller().live();
            return live.lane(0).os().size() >= 5 && live.lane(1).os().size() >= 5;
        });
        String header = fx(() -> window.controller().live().lane(0).os().headerText());
        assertTrue(header.matches("[A-Za-z] \\d+%"), "header text: " + header);

        waitFor(() -> !window.controller().runningProperty().get(), 60);
        // Hovering a sampled moment shows the OS figures (once finished, the picture holds still).
        Point2D spot = fx(() -> {
            TimelineModel live = window.controller().live();
            TimelineGeometry geo = window.timeline().geometry();
            OsTrack os = live.lane(0).os();
            int i = os.size() / 2;
            double x = geo.xOf((os.from(i) + os.at(i)) / 2.0);
            return window.timeline().localToScreen(x, geo.laneTop(0) + geo.laneHeight() - 3);
        });
        robot.moveTo(spot);
        waitFor(() -> window.stage().getScene().lookup("#timelineTip").isVisible());
        String tip = fx(() -> ((Label) window.stage().getScene().lookup("#timelineTip")).getText());
        long pid0 = fx(() -> window.controller().live().lane(0).pid());
        assertTrue(tip.contains("OS: PID " + pid0) && tip.contains("CPU ") && tip.contains(" MB"), tip);

        Stats stats = fx(() -> window.panels().shownStats());
        assertNotNull(stats);
        for (SlotStats s : stats.slots()) {
            assertNotNull(s.cpuUtilization(), "CPU utilization of slot " + s.slot());
        }
        int spinSlot = fx(() -> window.controller().live().slot(0));
        int napSlot = 1 - spinSlot;
        // Spinning uses CPU, sleeping almost none (however busy the machine, spinning gets some).
        assertTrue(stats.slots().get(spinSlot).cpuUtilization() > stats.slots().get(napSlot).cpuUtilization(),
                "spin " + stats.slots().get(spinSlot) + " vs sleep " + stats.slots().get(napSlot));
        assertTrue(stats.slots().get(napSlot).cpuUtilization() < 0.15, "sleep " + stats.slots().get(napSlot));
        assertEquals(Runtime.getRuntime().availableProcessors(), stats.machineCpus());
        String machine = fx(() -> ((Label) window.stage().getScene().lookup("#statMachine")).getText());
        assertTrue(machine.startsWith(stats.machineCpus() + " CPU") && machine.contains("load "), machine);
    }

    @Test
    void aStoppedWorkerIsFrozenInItsLane() throws Exception {
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(1).chunksize(1)
                .task(TaskSpec.of("long", TaskKind.SLEEP, 4000)).build();
        assertTrue(fx(() -> window.controller().start("stopped", config)));
        waitFor(() -> window.controller().live().startedCount() == 1);
        long pid = fx(() -> window.controller().live().lane(0).pid());
        signal("STOP", pid);
        try {
            waitFor(() -> window.controller().live().lane(0).os().headerState() == 'T');
            assertTrue(fx(() -> window.controller().live().lane(0).os().headerText()).startsWith("T "));
            // The veil: the lane's top margin over the stopped time turns light blue (beside its label);
            // polled until the stopped time is wide enough to count, however slowly a loaded machine paints.
            String[] seen = {""};
            try {
                waitFor(() -> {
                    seen[0] = veiledPixels();
                    return Integer.parseInt(seen[0].split(" ")[0]) >= 5;
                }, 30);
            } catch (java.util.concurrent.TimeoutException e) {
                // not within 30 s: the assertion below says what was seen
            }
            String row = seen[0];
            assertTrue(Integer.parseInt(row.split(" ")[0]) >= 5, "the stopped time is veiled: " + row);
        } finally {
            signal("CONT", pid);
        }
        waitFor(() -> window.controller().live().lane(0).os().headerState() != 'T');
    }

    /** How many pixels of the stopped lane's top margin are light blue, "N light-blue pixels of M" (on the FX thread). */
    private String veiledPixels() {
        TimelineModel live = window.controller().live();
        TimelineGeometry geo = window.timeline().geometry();
        OsTrack os = live.lane(0).os();
        int first = 0;
        while (first < os.size() && os.state(first) != 'T') {
            first++;
        }
        WritableImage img = window.timeline().snapshot(null, null);
        int y = (int) (geo.laneTop(0) + 3);
        int blue = 0;
        int from = (int) Math.ceil(geo.xOf(os.from(first)));
        int to = (int) Math.min(img.getWidth() - 1, Math.floor(geo.xOf(os.at(os.size() - 1))));
        for (int x = from; x < to; x++) {
            Color c = img.getPixelReader().getColor(x, y);
            if (c.getBlue() > c.getRed() + 0.1) {
                blue++;
            }
        }
        return blue + " light-blue pixels of " + (to - from);
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + name + " " + pid);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        waitFor(condition, 20);
    }

    private static void waitFor(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }
}
