package dev.poolscope;

import dev.poolscope.ui.JavaFxSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Applies the app's JavaFX setup once, before any test starts JavaFX, so the tests see JavaFX as
 * the app does ({@link Main} does the same for the app): no "Unsupported JavaFX configuration"
 * warning in the output (the tests load JavaFX from the class path, as {@code java -jar} does),
 * region backgrounds drawn directly.
 */
public final class JavaFxSetupListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        JavaFxSetup.beforeToolkitStarts();
    }
}
