package dev.poolscope.ui;

import java.util.logging.Logger;

/**
 * What JavaFX must be told before its toolkit starts. {@code Main}, the headless picture
 * commands and the tests' session listener call {@link #beforeToolkitStarts()}.
 *
 * <p><b>One start-up warning dropped.</b> JavaFX 16+ warns "Unsupported JavaFX configuration:
 * classes were loaded from 'unnamed module'" whenever it runs from the class path, which is how
 * {@code java -jar} and the test runner load it: a jar's manifest cannot put jars on the module
 * path, and Monocle (the tests' headless platform) must share a class path package with JavaFX.
 * The warning says nothing the user can act on, so it is filtered out by its exact text on
 * JavaFX's own logger ("javafx", a {@code System.Logger} backed by java.util.logging); its other
 * warnings, and those of its child loggers such as "javafx.css", still print.
 *
 * <p><b>Region backgrounds drawn directly, not from cached images</b>
 * ({@code prism.disableRegionCaching}). Whenever part of the window is repainted, every region
 * above it (the root, both split panes, the centre box) paints its background again over that
 * part. JavaFX keeps a background of more than one fill (a split pane's border and inner colour)
 * as a cached image and copies it back; in the software renderer (Xvfb, remote desktops, many
 * classroom PCs without a usable GPU) that copy is a per-pixel texture draw, and it was two
 * thirds of the render thread's time while the timeline ran: `bench-ui` render CPU per frame
 * p50 12 ms with the cache, 5 ms without. Drawn directly, the same backgrounds are a few
 * rectangle fills. A user can still set the property on the command line.
 */
public final class JavaFxSetup {
    /** Held so the configured logger is not collected and recreated without the filter. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    static {
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        if (System.getProperty("prism.disableRegionCaching") == null) {
            System.setProperty("prism.disableRegionCaching", "true");
        }
    }

    private JavaFxSetup() {}

    /** Applies the settings above (once); call before the JavaFX toolkit starts. */
    public static void beforeToolkitStarts() {
        // The static initializer did the work; this call makes sure the class is initialized.
    }
}
