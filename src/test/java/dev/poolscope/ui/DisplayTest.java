package dev.poolscope.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the command line says there is no display, decided before any JavaFX class loads. */
class DisplayTest {
    @Test
    void linuxWithoutXOrWaylandHasNoDisplayAndSaysWhatToDo() {
        String problem = Display.problem("Linux", null, null, false);
        assertNotNull(problem);
        assertTrue(problem.contains("DISPLAY") && problem.contains("run") && problem.contains("xvfb-run"), problem);
        assertNotNull(Display.problem("Linux", "  ", "", false), "blank values count as unset");
    }

    @Test
    void anyDisplayOrAHeadlessPlatformOrAnotherSystemIsFine() {
        assertNull(Display.problem("Linux", ":0", null, false));
        assertNull(Display.problem("Linux", null, "wayland-0", false));
        assertNull(Display.problem("Linux", null, null, true), "Monocle chosen (tests, render)");
        assertNull(Display.problem("Mac OS X", null, null, false), "macOS and Windows have no DISPLAY to check");
        assertNull(Display.problem("Windows 11", null, null, false));
    }
}
