package dev.poolscope.ui;

import static dev.poolscope.ui.WindowDriver.fx;

import dev.poolscope.engine.PoolService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.testfx.util.WaitForAsyncUtils;

/** A window test that opens other windows (sweep, comparison, export): they close after each test, and their workers end. */
abstract class MultiWindowTest extends WindowTest {
    @AfterEach
    void closeOtherWindows() throws Exception {
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != window.stage()) {
                    w.hide();
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> PoolService.liveWorkerCount() == 0);
    }
}
