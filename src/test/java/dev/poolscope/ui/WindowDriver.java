package dev.poolscope.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.RunHandle;
import dev.poolscope.ui.app.MainWindow;
import dev.poolscope.ui.timeline.TimelineModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests share: FX-thread calls, waiting, picking from combo boxes, runs to check. */
public final class WindowDriver {
    private final MainWindow window;
    private final List<RunHandle> runs = new ArrayList<>();

    WindowDriver(MainWindow window) {
        this.window = window;
    }

    /** Closes the window's run and checks that no worker of any run seen is still alive. */
    void noWorkerLeft() throws Exception {
        fx(() -> {
            window.shutdown();
            return null;
        });
        RunHandle last = fx(() -> window.controller().handle());
        if (last != null && !runs.contains(last)) {
            runs.add(last);
        }
        for (RunHandle r : runs) {
            assertTrue(r.awaitDone(Duration.ofSeconds(5)));
            for (long pid : r.pids()) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "worker " + pid + " still alive");
            }
        }
    }

    RunHandle handle() throws Exception {
        return fx(() -> window.controller().handle());
    }

    TimelineModel live() throws Exception {
        return fx(() -> window.controller().live());
    }

    /** Waits for the run to finish, noting which lane PIDs the OS showed alive on the way. */
    Set<Long> watchUntilFinished() throws Exception {
        Set<Long> alive = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            RunHandle h = handle();
            if (h != null && !runs.contains(h)) {
                runs.add(h);
            }
            Boolean done = fx(() -> {
                TimelineModel l = window.controller().live();
                if (l == null) {
                    return false;
                }
                for (int i = 0; i < l.laneCount(); i++) {
                    long pid = l.lane(i).pid();
                    if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        alive.add(pid);
                    }
                }
                return l.isFinished() && !window.controller().runningProperty().get();
            });
            if (done) {
                WaitForAsyncUtils.waitForFxEvents();
                return alive;
            }
            Thread.sleep(15);
        }
        throw new AssertionError("the run did not finish in 30 s");
    }

    static void pick(FxRobot robot, String combo, String item) {
        robot.clickOn(combo);
        Node cell = robot.lookup((Predicate<Node>) n -> n instanceof ListCell<?> c && item.equals(c.getText())
                && c.isVisible()).query();
        robot.clickOn(cell);
    }

    static TextField visible(FxRobot robot, String id) {
        return robot.lookup(id).<TextField>queryAll().stream()
                .filter(t -> t.getScene() != null && t.isVisible() && t.getParent() != null && t.getParent().isVisible())
                .findFirst().orElseThrow();
    }

    /** Replaces a text field's content by typing, as a user would. */
    static void type(FxRobot robot, TextField field, String text) {
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(condition));
    }

    static void waitFor(Callable<Boolean> condition, Callable<String> describe) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; " + fx(describe));
        }
    }

    /** Runs {@code c} on the FX thread and returns what it returned (the tests of every UI package use it). */
    public static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }
}
