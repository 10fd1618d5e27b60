package dev.poolscope.ui;

import java.util.Locale;

/**
 * Whether a window can open here, asked before any JavaFX class loads: without a display JavaFX
 * fails deep inside its start-up with a stack trace, so the command line says it in one line.
 */
public final class Display {
    private Display() {}

    /** What is missing and what to do, or null when a window can open (or a headless platform is chosen). */
    public static String problem() {
        return problem(System.getProperty("os.name", ""), System.getenv("DISPLAY"), System.getenv("WAYLAND_DISPLAY"),
                headlessPlatformChosen());
    }

    static String problem(String osName, String display, String wayland, boolean headlessPlatform) {
        boolean x11Desktop = osName.toLowerCase(Locale.ROOT).contains("linux");
        if (!x11Desktop || headlessPlatform || !blank(display) || !blank(wayland)) {
            return null;
        }
        return "no display to open the window on (DISPLAY is not set): use a command such as 'poolscope run"
                + " --lesson work-log' (see 'poolscope --help'), set DISPLAY, or start it under xvfb-run";
    }

    /** The tests' Monocle platform, chosen with -Dglass.platform=Monocle or TestFX's -Dtestfx.headless=true. */
    private static boolean headlessPlatformChosen() {
        return System.getProperty("glass.platform") != null || Boolean.getBoolean("testfx.headless");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
