package dev.poolscope.ui.app;

/**
 * How the window opens: a lesson or scenario file, time scale, pool size, time limit, whether to
 * run at once, presenter mode, dark theme, size. The command line ({@code poolscope ui}, see
 * {@code dev.poolscope.cli.UiCommand}) parses and checks them; this record imports no JavaFX so
 * the command line can build it without loading JavaFX.
 */
public record AppOptions(String lesson, String file, Double scale, Integer pool, Long timeLimit, boolean run,
                         boolean presenter, boolean dark, int width, int height, boolean maximized) {
    public static final int DEFAULT_WIDTH = 1400;
    public static final int DEFAULT_HEIGHT = 900;
    public static final String DEFAULT_LESSON = "work-log";

    public static AppOptions defaults() {
        return new AppOptions(DEFAULT_LESSON, null, null, null, null, false, false, false, DEFAULT_WIDTH,
                DEFAULT_HEIGHT, false);
    }

    /** No lesson, no file: an empty window (the frame benchmark loads its own scenario). */
    public static AppOptions empty() {
        return new AppOptions(null, null, null, null, null, false, false, false, DEFAULT_WIDTH, DEFAULT_HEIGHT, false);
    }
}
