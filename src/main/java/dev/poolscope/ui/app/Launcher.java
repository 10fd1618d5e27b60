package dev.poolscope.ui.app;

import dev.poolscope.ui.Display;

/**
 * Opens the window for the command line ({@code poolscope ui ...}). This class imports no JavaFX,
 * so the commands can refer to it without loading JavaFX; the toolkit loads only once a window
 * is really opened.
 */
public final class Launcher {
    private Launcher() {}

    /** Opens the window and returns when it is closed: 0, or 2 with a one-line message when it cannot open. */
    public static int open(AppOptions options) {
        String noDisplay = Display.problem();
        if (noDisplay != null) {
            System.err.println("poolscope ui: " + noDisplay);
            return 2;
        }
        try {
            PoolScopeApp.launch(options);
            return 0;
        } catch (RuntimeException e) {
            // For example "Unable to open DISPLAY" when DISPLAY names a display that is not there.
            System.err.println("poolscope ui: the window cannot open: " + rootMessage(e)
                    + " (check DISPLAY, or use a command such as 'poolscope run')");
            return 2;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().replace('\n', ' ');
    }
}
