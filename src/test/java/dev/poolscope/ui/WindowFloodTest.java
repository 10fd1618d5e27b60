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
import dev.poolscope.ui.timeline.LiveRun;
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
 * keeps at most its cap of lines, and the FX thread answers within 500 ms all along.
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
        RunConfig config = b.build();
        fx(() -> {
            window.config().load("flood", "50 MB from one task", config);
            return null;
        });
        robot.clickOn("#runButton");

        List<Long> roundTrips = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            long t0 = System.nanoTime();
            CountDownLatch answered = new CountDownLatch(1);
            Platform.runLater(answered::countDown);
            assertTrue(answered.await(5, TimeUnit.SECONDS), "the FX thread answers");
            roundTrips.add((System.nanoTime() - t0) / 1_000_000);
            if (fx(() -> window.controller().live() != null && window.controller().live().isFinished()
                    && !window.controller().runningProperty().get())) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the flood run finishes within 60 s");
            Thread.sleep(50);
        }
        driver.watchUntilFinished();

        long worst = roundTrips.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(roundTrips.size() >= 3, "measured during the run: " + roundTrips);
        assertTrue(worst < 500, "Platform.runLater round trips during the flood (ms): " + roundTrips);

        LiveRun live = driver.live();
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
