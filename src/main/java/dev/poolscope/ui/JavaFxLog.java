package dev.poolscope.ui;

import java.util.logging.Logger;

/**
 * Drops one JavaFX start-up warning and nothing else. JavaFX 16+ warns "Unsupported JavaFX
 * configuration: classes were loaded from 'unnamed module'" whenever it runs from the class path,
 * which is how {@code java -jar} and the test runner load it: a jar's manifest cannot put jars on
 * the module path, and Monocle (the tests' headless platform) must share a class path package with
 * JavaFX. The warning says nothing the user can act on, so it is filtered out by its exact text on
 * JavaFX's own logger ("javafx", a {@code System.Logger} backed by java.util.logging); its other
 * warnings, and those of its child loggers such as "javafx.css", still print.
 */
public final class JavaFxLog {
    /** Held so the configured logger is not collected and recreated without the filter. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    static {
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    private JavaFxLog() {}

    /** Installs the filter (once); call before the JavaFX toolkit starts ({@code Main} does, and the tests' session listener). */
    public static void quietClassPathWarning() {
        // The static initializer did the work; this call makes sure the class is initialized.
    }
}
