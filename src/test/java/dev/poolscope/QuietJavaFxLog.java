package dev.poolscope;

import dev.poolscope.ui.JavaFxLog;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the app's JavaFX log filter once, before any test starts JavaFX, so the test output
 * carries no "Unsupported JavaFX configuration" warning (the tests load JavaFX from the class
 * path, as {@code java -jar} does; {@link Main} does the same for the app).
 */
public final class QuietJavaFxLog implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        JavaFxLog.quietClassPathWarning();
    }
}
