package dev.poolscope.ui.timeline;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A timeline test that shows the view in a stage of its own (headless, Monocle), closed after each test. */
abstract class OwnStageTest {
    static final long MS = 1_000_000L;
    /** The test's stage, once it has made one. */
    Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::close).get();
        }
    }
}
