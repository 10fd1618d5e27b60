package dev.poolscope.ui.replay;

import dev.poolscope.ui.app.AppOptions;
import dev.poolscope.ui.app.MainWindow;
import dev.poolscope.ui.export.FileAsker;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A fresh main window per test (headless, Monocle) with throwaway preferences, whose file
 * questions are answered from a queue the test fills (a native file dialog cannot be driven).
 */
@ExtendWith(ApplicationExtension.class)
abstract class TraceWindowTest {
    MainWindow window;
    final Deque<Path> answers = new ArrayDeque<>();
    private Preferences prefs;

    @BeforeEach
    void openWindow() throws Exception {
        prefs = Preferences.userRoot().node("dev/poolscope/test-" + System.nanoTime());
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, AppOptions.defaults(), prefs);
            window.traces().setFileAsker(new FileAsker() {
                @Override
                public Path save(String title, String initialName, String... filters) {
                    return answers.poll();
                }

                @Override
                public Path open(String title, String... filters) {
                    return answers.poll();
                }

                @Override
                public Path folder(String title) {
                    return answers.poll();
                }
            });
            stage.show();
            stage.requestFocus();
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        fx(() -> {
            window.shutdown();
            return null;
        });
        prefs.removeNode();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
