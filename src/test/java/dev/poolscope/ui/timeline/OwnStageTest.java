package dev.poolscope.ui.timeline;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
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

    /** The view's pixels as it is drawn now, ARGB, row by row (call on the FX thread). */
    static int[] pixels(TimelineView view) {
        WritableImage img = view.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        PixelReader r = img.getPixelReader();
        r.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }
}
