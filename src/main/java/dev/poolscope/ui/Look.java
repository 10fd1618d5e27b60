package dev.poolscope.ui;

import dev.poolscope.ui.timeline.Palette;

/**
 * How the window looks at a moment: its palette (light or dark) and the timeline's text scale
 * (presenter mode draws larger). Exported pictures take it so they match the screen.
 */
public record Look(Palette palette, double textScale) {
    public boolean dark() {
        return palette == Palette.DARK;
    }
}
