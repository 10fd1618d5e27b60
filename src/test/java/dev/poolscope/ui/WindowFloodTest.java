package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.ui.panels.RunPanels;
import dev.poolscope.ui.timeline.TimelineModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A task printing 50 MB (1,000 characters x 50,000) beside a normal task and chatty ones, run
 * through the real window: the run completes, the console shows the engine's truncation marker,
 * keeps at most its cap of lines, and the FX thread stays responsive: probed every 20 ms, it
 * answers within 500 ms at the 95th percentile and never takes 2 s (a freeze), bounds that hold
 * on a loaded 2-core machine with software rendering; frame speed is measured by bench-ui.
 */
class WindowFloodTest extends WindowTest {
    @Test
    void aFloodOfOutputKeepsTheConsoleBoundedAndTheWindowResponsive(FxRobot robot) throws Exception {
        RunConfig.Builder b = RunConfig.builder().mode(Mode.IMAP_UNORDERED).pool(2).chunksize(1)
                .task(TaskSpec.print("flood", "x".repeat(1000)).withTimes(50_000))
                .task(TaskSpec.ofN("after", TaskKind.DOUBLE, 4, 0));
        for (int i = 0; i < 25; i++) {
            // 2,500 short lines in all: more than the console keeps.
            b.task(TaskSpec.print("chat" + i, "{name} says hello").withTimes(100));
        }
        // Keeps the run going for a while, so the window is watched over many frames.
        b.task(TaskSpec.of("linger", TaskKind.SLEEP, 1500));
        RunConfig config = b.build();
        fx(() -> {
            window.config().load("flood", "50 MB from one task", config);
            return null;
        });

        // Every 20 ms: how long until the FX thread runs a task we hand it.
        List<Long> roundTrips = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread prober = new Thread(() -> {
            try {
                while (watching.get()) {
                    long t0 = System.nanoTime();
                    CountDownLatch answered = new CountDownLatch(1);
                    Platform.runLater(answered::countDown);
                    answered.await(10, TimeUnit.SECONDS);
                    roundTrips.add((System.nanoTime() - t0) / 1_000_000);
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fx-prober");
        robot.clickOn("#runButton");
        prober.start();
        driver.watchUntilFinished();
        watching.set(false);
        prober.join(15_000);

        List<Long> sorted = new ArrayList<>(roundTrips);
        java.util.Collections.sort(sorted);
        assertTrue(sorted.size() >= 20, "measured during the run: " + sorted.size() + " samples");
        long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        long worst = sorted.get(sorted.size() - 1);
        // Generous bounds: a flood must not make the window stutter, let alone freeze.
        assertTrue(p95 < 500 && worst < 2000, "FX round trips during the flood (ms), p95 " + p95 + ", max " + worst
                + ": " + roundTrips);

        TimelineModel live = driver.live();
        for (int i = 0; i < live.taskCount(); i++) {
            assertEquals(TaskStatus.OK, live.status(i), "task " + live.name(i));
        }
        assertEquals("8", live.resultOrError(1));

        List<String> console = fx(() -> window.panels().consoleLines());
        int shown = fx(() -> robot.lookup("#consoleList").<ListView<String>>query().getItems().size());
        assertTrue(shown <= RunPanels.CONSOLE_CAP, "console items " + shown);
        assertEquals(console.size(), shown);
        assertTrue(console.stream().anyMatch(l -> l.startsWith("\u2026 task flood: ") && l.endsWith(" not shown")),
                "the truncation marker is in the console");
        assertTrue(console.get(0).startsWith("\u2026 ") && console.get(0).contains("earlier lines not shown"),
                "the console says that older lines were dropped: " + console.get(0));
        assertTrue(console.stream().anyMatch(l -> l.contains("chat24 says hello")), "the newest lines are kept");
    }
}
