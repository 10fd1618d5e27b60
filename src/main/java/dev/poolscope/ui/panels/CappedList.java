package dev.poolscope.ui.panels;

import java.util.ArrayDeque;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A titled list that keeps at most {@code cap} of the newest lines and reaches the screen in
 * batches (once per flush, never per event), so neither a 10,000-task run nor a task printing
 * without end can make the list the slow part or grow memory.
 *
 * <p>Lines are collected in a plain deque; a flush replaces the shown items in one change, which
 * the ListView answers by refreshing only its visible cells. Cells are as wide as the list (long
 * lines end in "…", never a horizontal scroll bar) and have a fixed height (no measuring). A
 * line starting with "…", "✖" or "◷" (truncation, crash, timeout) is styled as a marker.
 */
final class CappedList extends VBox {
    private static final PseudoClass MARKER = PseudoClass.getPseudoClass("marker");
    /** Longer lines are cut before they are kept: nobody reads 1,000 characters in a side panel. */
    static final int MAX_LINE_CHARS = 240;
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private final ListView<String> view = new ListView<>(items);
    private final Label title = new Label();
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final String name;
    private final int cap;
    private boolean changed;
    private int total;
    private String shownTitle;
    boolean autoScroll = true;

    CappedList(String name, String id, int cap) {
        this.name = name;
        this.cap = cap;
        getStyleClass().add("capped-list");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(0);
        view.setId(id);
        view.setPlaceholder(new Label("\u2014"));
        view.setCellFactory(v -> new Cell());
        VBox.setVgrow(view, Priority.ALWAYS);
        getChildren().addAll(title, view);
        updateTitle();
    }

    /** Keeps a line (the oldest is dropped beyond the cap). Cheap: called per event. */
    void add(String line) {
        lines.addLast(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "\u2026" : line);
        if (lines.size() > cap) {
            lines.removeFirst();
        }
        total++;
        changed = true;
    }

    void clear() {
        lines.clear();
        items.clear();
        total = 0;
        changed = false;
        updateTitle();
    }

    /** Puts the kept lines on screen if they changed; scrolls to the newest. */
    void flush() {
        if (!changed) {
            return;
        }
        changed = false;
        items.setAll(lines);
        if (autoScroll && !items.isEmpty()) {
            view.scrollTo(items.size() - 1);
        }
        updateTitle();
    }

    /** Shows a count that differs from the lines kept (the queue shows 200 of 10,000). */
    void setTotal(int total) {
        this.total = total;
        updateTitle();
    }

    int cap() {
        return cap;
    }

    ObservableList<String> items() {
        return items;
    }

    private void updateTitle() {
        String text = name + " (" + total + ")";
        if (!text.equals(shownTitle)) {
            shownTitle = text;
            title.setText(text);
        }
    }

    /** A cell as wide as the list, marked when its line is a truncation or crash notice. */
    private final class Cell extends ListCell<String> {
        Cell() {
            setMinWidth(0);
            prefWidthProperty().bind(view.widthProperty().subtract(18));
            setMaxWidth(Control.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            boolean marker = !empty && item != null && (item.startsWith("\u2026") || item.startsWith("\u2716")
                    || item.startsWith("\u25F7"));
            pseudoClassStateChanged(MARKER, marker);
        }
    }
}
