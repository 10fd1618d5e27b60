package dev.poolscope.ui;

import dev.poolscope.ui.app.AppOptions;
import dev.poolscope.ui.app.MainWindow;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A fresh main window per test (headless, Monocle), with throwaway preferences so the user's
 * own recent files are never touched, and no worker left alive after it.
 * (TestFX looks for {@code @Start} only in the test class itself, so this uses FxToolkit.)
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
    MainWindow window;
    WindowDriver driver;
    private Preferences prefs;

    @BeforeEach
    void openWindow() throws Exception {
        prefs = Preferences.userRoot().node("dev/poolscope/test-" + System.nanoTime());
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, AppOptions.defaults(), prefs);
            driver = new WindowDriver(window);
            stage.show();
            stage.requestFocus();
        });
    }

    @AfterEach
    void noWorkerLeft() throws Exception {
        driver.noWorkerLeft();
        prefs.removeNode();
    }
}
