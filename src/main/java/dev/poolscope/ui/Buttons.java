package dev.poolscope.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** Buttons as the window makes them: an id (for tests and tools), a tooltip saying what it does, its action. */
public final class Buttons {
    private Buttons() {}

    public static Button of(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
