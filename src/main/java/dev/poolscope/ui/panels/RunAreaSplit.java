package dev.poolscope.ui.panels;

import java.util.prefs.Preferences;
import javafx.scene.control.SplitPane;

/**
 * The divider between the timeline and the panels under it. A Process program's printed lines
 * are its lesson, so its layout gives the panels more room; wherever the user moves the divider,
 * it stays there for that layout (remembered in the window's preferences).
 */
public final class RunAreaSplit {
    private static final double POOL = 0.68;
    private static final double PROCESS = 0.57;

    private RunAreaSplit() {}

    public static void install(SplitPane vertical, RunPanels panels, Preferences prefs) {
        boolean[] placing = {false};
        Runnable place = () -> {
            String layout = panels.layoutName();
            double fallback = PanelSplit.PROCESS.equals(layout) ? PROCESS : POOL;
            placing[0] = true;
            vertical.setDividerPositions(prefs.getDouble("runAreaDivider." + layout, fallback));
            placing[0] = false;
        };
        place.run();
        panels.layoutProperty().addListener((o, a, b) -> place.run());
        vertical.getDividers().get(0).positionProperty().addListener((o, a, b) -> {
            if (!placing[0] && vertical.getHeight() > 0) {
                try {
                    prefs.putDouble("runAreaDivider." + panels.layoutName(), b.doubleValue());
                } catch (IllegalStateException removed) {
                    // The preferences node is gone (a test removes its own after the test, while the
                    // window may still lay out): there is nowhere to remember the divider.
                }
            }
        });
    }
}
