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
    static final PseudoClass MARKER = PseudoClass.getPseudoClass("marker");
    /** Longer lines are cut before they are kept: nobody reads 1,000 characters in a side panel. */
    static final int MAX_LINE_CHARS = 240;
    private final ObservableList<String> items = FXCollections.observableArrayList();
    private final ListView<String> view = new ListView<>(items);
    private final Label title = new Label();
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final String name;
    private final int cap;
    private final java.util.ArrayList<String> shown = new java.util.ArrayList<>();
    private final String what;
    private boolean changed;
    private int total;
    private int added;
    /** What the last flush showed: lines added by then, header rows, notices ever pinned by then. */
    private int addedAtFlush;
    private int shownHeader;
    private int pinnedAtFlush;
    /** Notices ever pinned: it changes exactly when the pinned notices do. */
    private int pinnedAdded;
    /** The items are the warm-up lines (see {@link #warmUp}). */
    private boolean warming;
    private long dropped;
    /** Notices ("…", "✖", "◷" lines) pushed out by newer lines: kept on top, never lost to a flood. */
    private final ArrayDeque<String> pinned = new ArrayDeque<>();
    private static final int MAX_PINNED = 100;
    private String shownTitle;
    boolean autoScroll = true;
    private int maxLineChars = MAX_LINE_CHARS;
    /** A line's place in time (-1: none), when lines are kept in that order (the console); null: as they come. */
    private java.util.function.ToLongFunction<String> order;
    /** A line went back among earlier ones since the last flush: the shown items are rebuilt. */
    private boolean reordered;

    /** Keeps the lines in the order of {@code key} (-1 for a line that keeps its place), not of arrival. */
    void orderBy(java.util.function.ToLongFunction<String> key) {
        order = key;
    }
    /** Rows of their own height (wrapped lines): the list cannot count its rows from a fixed height. */
    private boolean variableRows;

    /**
     * Rows that wrap their line (the console): {@code cells} makes them; lines up to
     * {@code maxChars} are kept whole.
     */
    void useWrappedRows(javafx.util.Callback<ListView<String>, ListCell<String>> cells, int maxChars) {
        view.setCellFactory(cells);
        view.getStyleClass().add("wrapped-rows");
        variableRows = true;
        maxLineChars = maxChars;
    }

    ListView<String> view() {
        return view;
    }

    /** @param what what a line is ("lines", "results"), for the "… N earlier lines not shown" marker */
    CappedList(String name, String id, int cap, String what) {
        this.name = name;
        this.cap = cap;
        this.what = what;
        getStyleClass().add("capped-list");
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Control.USE_PREF_SIZE);
        view.setId(id);
        view.setPlaceholder(new Label("\u2014"));
        view.setCellFactory(v -> new Cell());
        VBox.setVgrow(view, Priority.ALWAYS);
        getChildren().addAll(title, view);
        updateTitle();
        warmUp();
    }

    /**
     * Lets the list build and style its rows once when the window first lays it out, then
     * empties it. Building 10-20 rows (controls, CSS) costs 10-20 ms; done here it is part of
     * opening the window instead of a stall in the first frames of the first run.
     */
    private void warmUp() {
        // Blank rows (stand-in text must never be what a user sees), built the way a result line
        // is (two parts around a tab, with a tooltip), so those parts are styled here too.
        items.setAll(java.util.Collections.nCopies(60, "\t"));
        warming = true;
        view.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null || !warming) {
                return;
            }
            Runnable[] afterLayout = new Runnable[1];
            boolean[] scheduled = new boolean[1];
            afterLayout[0] = () -> {
                if (warming && view.getHeight() > 0 && !scheduled[0]) {
                    // The layout pass that sized the list has built its rows: empty it, after the
                    // pulse (the scene is still walking its listeners, so none is removed here).
                    scheduled[0] = true;
                    javafx.application.Platform.runLater(() -> {
                        scene.removePostLayoutPulseListener(afterLayout[0]);
                        if (warming) { // not if real lines arrived meanwhile
                            warming = false;
                            items.clear();
                        }
                    });
                }
            };
            scene.addPostLayoutPulseListener(afterLayout[0]);
        });
    }

    /** Keeps a line (the oldest is dropped beyond the cap). Cheap: called per event. */
    void add(String line) {
        String kept = line.length() > maxLineChars ? line.substring(0, maxLineChars) + "\u2026" : line;
        long key = order == null ? -1 : order.applyAsLong(kept);
        if (key >= 0 && !lines.isEmpty() && order.applyAsLong(lines.peekLast()) > key) {
            insertInOrder(kept, key);
        } else {
            lines.addLast(kept);
        }
        if (lines.size() > cap) {
            String old = lines.removeFirst();
            if (isNotice(old)) {
                pinned.addLast(old);
                pinnedAdded++;
                if (pinned.size() > MAX_PINNED) {
                    pinned.removeFirst();
                    dropped++;
                }
            } else {
                dropped++;
            }
        }
        total++;
        added++;
        changed = true;
    }

    /**
     * A line that reached the list after lines written later than it (another process's line
     * delayed on the way) goes back to its place among them; a line with no key (a notice) stays
     * where it is and is not passed.
     */
    private void insertInOrder(String line, long key) {
        ArrayDeque<String> later = new ArrayDeque<>();
        while (!lines.isEmpty() && order.applyAsLong(lines.peekLast()) > key) {
            later.addFirst(lines.removeLast());
        }
        lines.addLast(line);
        lines.addAll(later);
        reordered = true;
    }

    void clear() {
        warming = false;
        lines.clear();
        items.clear();
        total = 0;
        added = 0;
        addedAtFlush = 0;
        shownHeader = 0;
        pinnedAtFlush = 0;
        pinnedAdded = 0;
        dropped = 0;
        pinned.clear();
        changed = false;
        updateTitle();
    }

    /**
     * Puts the kept lines on screen if they changed; scrolls to the newest.
     *
     * <p>The shown items are edited, not replaced: the lines that fell off the front are removed
     * and the new ones appended. A replacement of 2,000 items made the ListView mark every one of
     * them dirty (3-6 ms of the frame for one list in bench-ui); a removal and an addition are two
     * plain changes. The whole list is replaced only when the notices on top change.
     */
    void flush() {
        if (!changed) {
            return;
        }
        changed = false;
        boolean blankRows = warming; // the warm-up's rows are not lines: replace them
        warming = false;
        int headerSize = headerSize();
        int skip = skip(headerSize);
        int newLines = added - addedAtFlush;
        boolean sameHeader = headerSize == shownHeader && pinnedAtFlush == pinnedAdded;
        boolean moved = reordered;
        reordered = false;
        if (!blankRows && !moved && sameHeader && newLines <= lines.size() - skip && items.size() >= headerSize) {
            if (headerSize > 0) {
                items.set(0, marker(skip));
            }
            int keep = lines.size() - skip - newLines; // shown lines that stay
            int remove = items.size() - headerSize - keep;
            if (remove > 0) {
                items.remove(headerSize, headerSize + remove);
            }
            if (newLines > 0) {
                shown.clear();
                java.util.Iterator<String> newest = lines.descendingIterator();
                for (int i = 0; i < newLines; i++) {
                    shown.add(newest.next());
                }
                java.util.Collections.reverse(shown);
                items.addAll(shown);
            }
        } else {
            items.setAll(whole());
        }
        shownHeader = headerSize;
        pinnedAtFlush = pinnedAdded;
        addedAtFlush = added;
        if (autoScroll && !items.isEmpty()) {
            scrollToEnd();
        }
        updateTitle();
    }

    /**
     * Everything the list shows, built afresh: at most cap items, a marker saying what is gone,
     * the notices that were pushed out, then the newest lines.
     */
    java.util.List<String> whole() {
        int headerSize = headerSize();
        int skip = skip(headerSize);
        shown.clear();
        if (headerSize > 0) {
            shown.add(marker(skip));
            shown.addAll(pinned);
        }
        int i = 0;
        for (String l : lines) {
            if (i++ >= skip) {
                shown.add(l);
            }
        }
        return shown;
    }

    /** Rows above the lines: none, or the marker and the pinned notices once lines were dropped. */
    private int headerSize() {
        return dropped == 0 && pinned.isEmpty() ? 0 : 1 + pinned.size();
    }

    /** How many of the oldest kept lines do not fit under a header of that size. */
    private int skip(int headerSize) {
        int room = headerSize == 0 ? lines.size() : cap - headerSize;
        return Math.max(0, lines.size() - room);
    }

    /** "… 1,234 earlier results not shown (the last 1,899 are kept)". */
    private String marker(int skip) {
        int room = lines.size() - skip;
        return String.format("\u2026 %,d earlier %s not shown (the last %,d are kept)", dropped + skip, what, room);
    }

    /**
     * Shows the newest line at the bottom. ListView.scrollTo puts a line at the top, which for
     * the last line left it half hidden: with the fixed row height the rows that fit are known,
     * so the list scrolls to the line that many rows above the end (no extra layout pass).
     */
    private void scrollToEnd() {
        if (variableRows) {
            // Rows differ in height: scroll to the last, then, once the rows are laid out, have the
            // flow bring it fully into view at the bottom.
            int last = items.size() - 1;
            view.scrollTo(last);
            javafx.application.Platform.runLater(() -> {
                if (view.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow
                        && last < items.size()) {
                    flow.scrollTo(last);
                }
            });
            return;
        }
        double row = view.getFixedCellSize();
        javafx.geometry.Insets in = view.getInsets();
        int fit = row > 0 ? (int) Math.floor((view.getHeight() - in.getTop() - in.getBottom()) / row) : 1;
        view.scrollTo(Math.max(0, items.size() - Math.max(1, fit)));
    }

    /** The list's own preferred width; the panel is as wide as that or its title, whichever is wider. */
    void setListPrefWidth(double width) {
        view.setPrefWidth(width);
    }

    /** Lines added since the last clear (kept or not). */
    int added() {
        return added;
    }

    boolean hasChanges() {
        return changed;
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

    static boolean isNotice(String line) {
        return line.startsWith("\u2026") || line.startsWith("\u2716") || line.startsWith("\u25F7");
    }

    /**
     * A cell as wide as the list, marked when its line is a notice. A line with a tab shows in
     * two parts: the left one gives way ("#0 squ…"), the right one (result and PID) never does.
     */
    private final class Cell extends ListCell<String> {
        private final Label left = new Label();
        private final Label right = new Label();
        /** A result line's PID: never shortened (the value before it gives way first). */
        private final Label pid = new Label();
        private final javafx.scene.layout.HBox parts = new javafx.scene.layout.HBox(8, left, right, pid);
        /** The whole line on hover: a narrow panel shortens it with "…". */
        private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

        Cell() {
            // Never wider than the list: the flow then sizes every cell to its viewport, and a long
            // line ends in "…" instead of bringing a horizontal scroll bar.
            setMinWidth(0);
            setPrefWidth(1);
            left.getStyleClass().add("line-left");
            left.setMaxWidth(Double.MAX_VALUE);
            javafx.scene.layout.HBox.setHgrow(left, Priority.ALWAYS);
            right.setMinWidth(Control.USE_PREF_SIZE);
            pid.setMinWidth(Control.USE_PREF_SIZE);
            pid.getStyleClass().add("line-pid");
            parts.setMinWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            int tab = empty || item == null ? -1 : item.indexOf('\t');
            if (tab >= 0) {
                left.setText(item.substring(0, tab));
                String r = item.substring(tab + 1);
                int p = r.lastIndexOf("  pid ");
                // "= 100" may give way (its whole is in the tooltip); "pid 1234567" never does.
                right.setMinWidth(p >= 0 ? 0 : Control.USE_PREF_SIZE);
                right.setText(p >= 0 ? r.substring(0, p) : r);
                pid.setText(p >= 0 ? r.substring(p + 2) : "");
                pid.setVisible(p >= 0);
                pid.setManaged(p >= 0);
                setText(null);
                setGraphic(parts);
            } else {
                setGraphic(null);
                setText(empty ? null : item);
            }
            pseudoClassStateChanged(MARKER, !empty && item != null && isNotice(item));
            if (empty || item == null) {
                setTooltip(null);
            } else {
                whole.setText(tab >= 0 ? item.replace('\t', ' ') : item);
                setTooltip(whole);
            }
        }
    }
}
