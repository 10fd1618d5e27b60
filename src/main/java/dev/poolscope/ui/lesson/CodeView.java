package dev.poolscope.ui.lesson;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A program's source, read-only: a row per line with its number, coloured by {@link PythonSyntax}.
 * Two lines can be lit: the line the main process is at during a run ({@code :current}), and
 * the line of the mark or task the user picked ({@code :picked}). Clicking a line tells
 * {@link #onLineClicked} its number (1-based).
 */
final class CodeView extends ListView<String> {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass PICKED = PseudoClass.getPseudoClass("picked");
    private static final PseudoClass TIED = PseudoClass.getPseudoClass("tied");
    private int current = -1;
    private int picked = -1;
    private java.util.Set<Integer> tied = java.util.Set.of();
    private IntConsumer clicked = n -> { };

    CodeView() {
        setId("lessonCode");
        getStyleClass().add("code-view");
        setCellFactory(v -> new Line());
        setFocusTraversable(true);
    }

    void setSource(String source) {
        current = -1;
        picked = -1;
        getItems().setAll(List.of(source.replace("\r\n", "\n").split("\n", -1)));
        if (!getItems().isEmpty() && getItems().get(getItems().size() - 1).isEmpty()) {
            getItems().remove(getItems().size() - 1);
        }
    }

    void onLineClicked(IntConsumer c) {
        clicked = c;
    }

    IntConsumer getOnLineClicked() {
        return clicked;
    }

    /** Lights the line the main process is at (1-based; -1 for none) and scrolls it into view. */
    void setCurrent(int line) {
        if (line != current) {
            current = line;
            reveal(line);
            refresh();
        }
    }

    int current() {
        return current;
    }

    /** Lights a picked line (1-based; -1 for none). */
    void setPicked(int line) {
        picked = line;
        reveal(line);
        refresh();
    }

    int picked() {
        return picked;
    }

    /** Lines that have a mark or a task tied to them (a dot beside their number). */
    void setTied(java.util.Set<Integer> lines) {
        if (!lines.equals(tied)) {
            tied = java.util.Set.copyOf(lines);
            refresh();
        }
    }

    private void reveal(int line) {
        if (line >= 1 && line <= getItems().size()) {
            // Keep a few lines of context above the lit one.
            scrollTo(Math.max(0, line - 4));
        }
    }

    private final class Line extends ListCell<String> {
        private final Label number = new Label();
        private final TextFlow code = new TextFlow();
        private final HBox row = new HBox(number, code);

        Line() {
            number.getStyleClass().add("line-number");
            number.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            code.getStyleClass().add("line-code");
            row.getStyleClass().add("line-row");
            setOnMouseClicked(e -> {
                if (!isEmpty()) {
                    clicked.accept(getIndex() + 1);
                }
            });
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            int n = getIndex() + 1;
            pseudoClassStateChanged(CURRENT, !empty && n == current);
            pseudoClassStateChanged(PICKED, !empty && n == picked);
            pseudoClassStateChanged(TIED, !empty && tied.contains(n));
            if (empty || text == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            number.setText(String.format("%3d%s", n, tied.contains(n) ? "\u2022" : " "));
            code.getChildren().clear();
            for (PythonSyntax.Run r : PythonSyntax.runs(text.replace("\t", "    "))) {
                Text t = new Text(r.text());
                t.getStyleClass().add("code-text");
                if (r.style() != null) {
                    t.getStyleClass().add(r.style());
                }
                code.getChildren().add(t);
            }
            setText(null);
            setGraphic(row);
        }
    }
}
