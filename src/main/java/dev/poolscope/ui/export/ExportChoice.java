package dev.poolscope.ui.export;

/**
 * What File > Export image makes: which part of the window, as PNG or SVG, at which size and
 * scale, in which theme. SVG is for the timeline (vectors from the painter) and the sweep and
 * comparison windows (their shapes and text); the other parts are PNG.
 */
public record ExportChoice(What what, boolean svg, int width, int height, double scale, Theme theme) {
    public enum What {
        TIMELINE("Timeline"),
        FULL("Timeline with legend and statistics"),
        WINDOW("Whole window (its current size)"),
        SWEEP("Sweep window: charts and table (its current size)"),
        COMPARE("Comparison window (its current size)");

        private final String text;

        What(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public enum Theme {
        CURRENT("Current theme"), LIGHT("Light"), DARK("Dark");

        private final String text;

        Theme(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Whether the picture is a window as it is on screen (its size, not the chosen one). */
    public boolean ofAWindow() {
        return what == What.WINDOW || what == What.SWEEP || what == What.COMPARE;
    }

    public static ExportChoice defaults() {
        return new ExportChoice(What.TIMELINE, false, 1200, 520, 1, Theme.CURRENT);
    }

    public String extension() {
        return svg ? "svg" : "png";
    }

    /** Whether the picture is dark, given the window's theme now. */
    public boolean dark(boolean windowDark) {
        return theme == Theme.CURRENT ? windowDark : theme == Theme.DARK;
    }
}
