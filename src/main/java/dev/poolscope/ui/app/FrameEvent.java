package dev.poolscope.ui.app;

import jdk.jfr.Category;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event at the start of each measured frame, so the frame benchmark can find the JavaFX
 * pulse the frame ran in (JavaFX's own "javafx.PulsePhase" events, on the same JFR clock) and
 * from it when the render thread finished painting the frame. Off unless a recording enables
 * it; then a commit costs well under a microsecond.
 */
@Name("dev.poolscope.Frame")
@Label("PoolScope frame")
@Category("PoolScope")
@Enabled(false)
@StackTrace(false)
final class FrameEvent extends jdk.jfr.Event {
    @Label("Frame")
    int frame;

    @Label("Start (System.nanoTime)")
    long startNanos;
}
