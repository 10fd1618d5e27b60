package dev.poolscope.ui.timeline;

import javafx.scene.paint.Color;

/**
 * Colours of the timeline. Task colours are the Okabe-Ito palette, which viewers with the
 * common colour-vision deficiencies can tell apart; a task keeps its colour (by index) in every
 * view. Failure is never shown by colour alone: crashed bars also get a hatch, an outline and text.
 */
public record Palette(Color background, Color laneAlt, Color header, Color text, Color mutedText,
                      Color grid, Color now, Color dense, Color crash, Color init, Color timeout, Color labelBox) {
    /** Worker state badges (same in both themes; text on them is chosen per colour). */
    static final Color STARTING = Color.web("#56B4E9");
    static final Color IDLE = Color.web("#c9ced6");
    static final Color BUSY = Color.web("#009E73");
    static final Color EXITED = Color.web("#6b7785");
    static final Color TIMEOUT_BADGE = Color.web("#5b2c8f");

    private static final Color[] TASKS = {
        Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#009E73"), Color.web("#F0E442"),
        Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#CC79A7"), Color.web("#999999"),
    };
    /** Text colour that reads on each task colour. */
    private static final Color[] ON_TASKS = {
        Color.BLACK, Color.BLACK, Color.WHITE, Color.BLACK, Color.WHITE, Color.WHITE, Color.BLACK, Color.BLACK,
    };

    public static final Palette LIGHT = new Palette(Color.web("#ffffff"), Color.web("#f3f5f8"),
            Color.web("#e8ebf0"), Color.web("#1b1f24"), Color.web("#5a6370"), Color.web("#d5dae1"),
            Color.web("#c0007a"), Color.web("#6b7785"), Color.web("#c40000"), Color.web("#8a94a3"),
            Color.web("#5b2c8f"), Color.web("#ffffff"));

    public static final Palette DARK = new Palette(Color.web("#1d2127"), Color.web("#252a31"),
            Color.web("#2c323b"), Color.web("#e8ebef"), Color.web("#a5afbd"), Color.web("#3a414c"),
            Color.web("#ff5cc6"), Color.web("#8c97a6"), Color.web("#ff4d4d"), Color.web("#6f7a89"),
            Color.web("#d2b0ff"), Color.web("#14171b"));

    /** Lane colours, for text (a PID in the console, the lane's swatch): the main lane first. */
    private static final Color[] LANES_LIGHT = {
        Color.web("#1b1f24"), Color.web("#0061a8"), Color.web("#b34700"), Color.web("#007a58"),
        Color.web("#9c3f7a"), Color.web("#6b5a00"), Color.web("#5b2c8f"), Color.web("#a8001e"),
    };
    private static final Color[] LANES_DARK = {
        Color.web("#e8ebef"), Color.web("#6cb6ff"), Color.web("#ff9a57"), Color.web("#4fd6a6"),
        Color.web("#f08fcf"), Color.web("#e0c95a"), Color.web("#c6a6ff"), Color.web("#ff7b8a"),
    };

    /** The colour of lane {@code i} (lane 0 is a program's main process), readable as text on the theme. */
    public static Color lane(int i, boolean dark) {
        Color[] c = dark ? LANES_DARK : LANES_LIGHT;
        return c[Math.floorMod(i, c.length)];
    }

    public static Color task(int index) {
        return TASKS[Math.floorMod(index, TASKS.length)];
    }

    public static Color onTask(int index) {
        return ON_TASKS[Math.floorMod(index, TASKS.length)];
    }

    /** The hex form of a task colour, for CSS swatches. */
    public static String taskHex(int index) {
        Color c = task(index);
        return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255),
                (int) (c.getBlue() * 255));
    }
}
