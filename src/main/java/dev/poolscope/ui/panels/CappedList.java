package dev.poolscope.ui.panels;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A titled list that takes lines in batches (once per flush, never per event) and keeps at most
 * {@code cap} of the newest, so a 10,000-task run cannot make the list the slow part.
 */
final class CappedList extends VBox {
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private final ListView<String> view = new ListView<>(items);
    private final Label title = new Label();
    private final String name;
    private final int cap;
    private final List<String> pending = new ArrayList<>();
    private int total;
    boolean autoScroll = true;

    CappedList(String name, String id, int cap) {
        this.name = name;
        this.cap = cap;
        getStyleClass().add("capped-list");
        title.getStyleClass().add("panel-title");
        view.setId(id);
        view.setPlaceholder(new Label("\u2014"));
        VBox.setVgrow(view, Priority.ALWAYS);
        getChildren().addAll(title, view);
        updateTitle();
    }

    void add(String line) {
        pending.add(line);
        total++;
    }

    void clear() {
        pending.clear();
        items.clear();
        total = 0;
        updateTitle();
    }

    /** Moves pending lines onto the screen; scrolls to the newest. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        int drop = items.size() + pending.size() - cap;
        if (drop > 0) {
            if (drop >= items.size()) {
                items.clear();
                List<String> tail = pending.subList(Math.max(0, pending.size() - cap), pending.size());
                items.setAll(tail);
            } else {
                items.remove(0, drop);
                items.addAll(pending);
            }
        } else {
            items.addAll(pending);
        }
        pending.clear();
        if (autoScroll) {
            view.scrollTo(items.size() - 1);
        }
        updateTitle();
    }

    /** Shows a count that differs from the lines kept (the queue shows 200 of 10,000). */
    void setTotal(int total) {
        this.total = total;
        updateTitle();
    }

    ObservableList<String> items() {
        return items;
    }

    private void updateTitle() {
        title.setText(name + " (" + total + ")");
    }
}
