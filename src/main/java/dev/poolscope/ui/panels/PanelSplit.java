package dev.poolscope.ui.panels;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * Which panels sit under the timeline and how wide each is. Two layouts: a pool's (queue,
 * delivered, completed, console, statistics) and a Process program's, where the printed lines
 * are the lesson: the console takes most of the row, beside the statistics (a Process has no
 * queue and delivers no results; its target's end is on its lane). The user's divider positions are remembered per layout.
 */
final class PanelSplit {
    static final String POOL = "pool";
    static final String PROCESS = "process";
    private static final double[] POOL_DIVIDERS = {0.08, 0.27, 0.46, 0.72};
    private static final double[] PROCESS_DIVIDERS = {0.64};
    private final SplitPane pane;
    private final List<Node> poolPanels;
    private final List<Node> processPanels;
    private Preferences prefs;
    private String layout;
    private final javafx.beans.property.ReadOnlyStringWrapper shown = new javafx.beans.property.ReadOnlyStringWrapper();
    /** While the layout is being put in place, divider moves are not the user's. */
    private boolean placing;

    PanelSplit(SplitPane pane, List<Node> poolPanels, Node console, Node stats) {
        this.pane = pane;
        this.poolPanels = poolPanels;
        this.processPanels = List.of(console, stats);
        use(POOL);
    }

    void remember(Preferences prefs) {
        this.prefs = prefs;
        String was = layout;
        layout = null;
        use(was);
    }

    String layoutName() {
        return layout;
    }

    javafx.beans.property.ReadOnlyStringProperty layoutProperty() {
        return shown.getReadOnlyProperty();
    }

    void use(String name) {
        if (name.equals(layout)) {
            return;
        }
        layout = name;
        shown.set(name);
        placing = true;
        try {
            pane.getItems().setAll(PROCESS.equals(name) ? processPanels : poolPanels);
            double[] d = saved(name);
            pane.setDividerPositions(d);
            for (SplitPane.Divider div : pane.getDividers()) {
                div.positionProperty().addListener((o, a, b) -> save());
            }
        } finally {
            placing = false;
        }
    }

    private double[] saved(String name) {
        double[] fallback = PROCESS.equals(name) ? PROCESS_DIVIDERS : POOL_DIVIDERS;
        if (prefs == null) {
            return fallback.clone();
        }
        String[] parts = prefs.get("panelDividers." + name, "").split(",");
        if (parts.length != fallback.length) {
            return fallback.clone();
        }
        double[] d = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                d[i] = Double.parseDouble(parts[i]);
            }
        } catch (NumberFormatException e) {
            return fallback.clone();
        }
        return d;
    }

    private void save() {
        if (placing || prefs == null || pane.getWidth() <= 0) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (double p : pane.getDividerPositions()) {
            sb.append(sb.length() == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.4f", p));
        }
        try {
            prefs.put("panelDividers." + layout, sb.toString());
        } catch (IllegalStateException removed) {
            // The preferences node was removed (a window closing, or a test's throwaway node):
            // nothing is left to remember the split in, and a layout pass must not fail for it.
            prefs = null;
        }
    }
}
