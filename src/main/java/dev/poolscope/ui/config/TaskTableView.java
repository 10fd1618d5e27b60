package dev.poolscope.ui.config;

import dev.poolscope.engine.TaskKind;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The task list editor: a table whose cells are always-editable fields (like a spreadsheet:
 * type and it counts, no double-click), plus add, remove, duplicate and reorder buttons. A
 * cell with a problem gets the "invalid" style and the reason as its tooltip.
 */
final class TaskTableView extends VBox {
    private final ConfigModel model;
    private final TableView<TaskRow> table = new TableView<>();
    private final java.util.Map<TableColumn<TaskRow, ?>, Double> baseWidths = new java.util.HashMap<>();

    TaskTableView(ConfigModel model) {
        this.model = model;
        getStyleClass().add("task-editor");
        table.setId("taskTable");
        table.setItems(model.tasks());
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(indexColumn());
        table.getColumns().add(textColumn("Name", "name", r -> r.name, 64));
        table.getColumns().add(kindColumn());
        table.getColumns().add(textColumn("ms", "ms", r -> r.ms, 62));
        table.getColumns().add(textColumn("n", "n", r -> r.n, 40));
        table.getColumns().add(textColumn("text", "text", r -> r.text, 60));
        for (TableColumn<TaskRow, ?> c : table.getColumns()) {
            baseWidths.put(c, c.getPrefWidth());
        }
        table.setPlaceholder(new javafx.scene.control.Label("No tasks: press + to add one"));
        VBox.setVgrow(table, Priority.ALWAYS);
        // Cells re-read the problems when they change so the marks follow the edits.
        getChildren().addAll(table, buttons());
    }

    /** Scales the columns with the text (presenter mode), so "sleep" is never "…". */
    void setScale(double scale) {
        // Larger text: the columns keep their scaled widths and the table scrolls sideways,
        // rather than squeezing "sleep" into "s…".
        table.setColumnResizePolicy(scale > 1 ? TableView.UNCONSTRAINED_RESIZE_POLICY
                : TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (TableColumn<TaskRow, ?> c : table.getColumns()) {
            double w = baseWidths.get(c) * scale;
            c.setMaxWidth(Math.max(c.getMaxWidth(), w));
            c.setMinWidth(Math.min(c.getMinWidth(), w));
            c.setPrefWidth(w);
        }
    }

    private HBox buttons() {
        Button add = button("+", "addTask", "Add a task");
        add.setOnAction(e -> {
            int at = table.getSelectionModel().getSelectedIndex();
            int pos = at < 0 ? model.tasks().size() : at + 1;
            model.tasks().add(pos, model.newRow());
            table.getSelectionModel().clearAndSelect(pos);
        });
        Button remove = button("\u2212", "removeTask", "Remove the selected task");
        remove.setOnAction(e -> {
            int at = table.getSelectionModel().getSelectedIndex();
            if (at >= 0) {
                model.tasks().remove(at);
            }
        });
        Button dup = button("Dup", "duplicateTask", "Duplicate the selected task");
        dup.setOnAction(e -> {
            int at = table.getSelectionModel().getSelectedIndex();
            if (at >= 0) {
                model.tasks().add(at + 1, model.tasks().get(at).copy());
                table.getSelectionModel().clearAndSelect(at + 1);
            }
        });
        Button up = button("\u2191", "moveUp", "Move the selected task up");
        up.setOnAction(e -> move(-1));
        Button down = button("\u2193", "moveDown", "Move the selected task down");
        down.setOnAction(e -> move(1));
        HBox box = new HBox(4, add, remove, dup, up, down);
        box.getStyleClass().add("task-buttons");
        return box;
    }

    private void move(int delta) {
        int at = table.getSelectionModel().getSelectedIndex();
        int to = at + delta;
        if (at < 0 || to < 0 || to >= model.tasks().size()) {
            return;
        }
        TaskRow row = model.tasks().remove(at);
        model.tasks().add(to, row);
        table.getSelectionModel().clearAndSelect(to);
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    private TableColumn<TaskRow, TaskRow> indexColumn() {
        TableColumn<TaskRow, TaskRow> col = new TableColumn<>("#");
        col.setPrefWidth(30);
        col.setMaxWidth(40);
        col.setSortable(false);
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TaskRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : String.valueOf(getIndex()));
            }
        });
        return col;
    }

    private TableColumn<TaskRow, TaskRow> textColumn(String title, String field, Function<TaskRow, StringProperty> prop,
                                                     double width) {
        TableColumn<TaskRow, TaskRow> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setSortable(false);
        col.setCellFactory(c -> new FieldCell(field, prop));
        return col;
    }

    private TableColumn<TaskRow, TaskRow> kindColumn() {
        TableColumn<TaskRow, TaskRow> col = new TableColumn<>("Kind");
        col.setPrefWidth(104);
        col.setMinWidth(96);
        col.setSortable(false);
        col.setCellFactory(c -> new TableCell<>() {
            private final ComboBox<TaskKind> box = new ComboBox<>(FXCollections.observableArrayList(TaskKind.values()));
            private Property<TaskKind> bound;

            {
                box.setConverter(new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(TaskKind k) {
                        return k == null ? "" : k.id();
                    }

                    @Override
                    public TaskKind fromString(String s) {
                        return TaskKind.fromId(s);
                    }
                });
                box.setMaxWidth(Double.MAX_VALUE);
            }

            @Override
            protected void updateItem(TaskRow item, boolean empty) {
                super.updateItem(item, empty);
                if (bound != null) {
                    box.valueProperty().unbindBidirectional(bound);
                    bound = null;
                }
                if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                    box.setId(null);
                    setGraphic(null);
                    return;
                }
                bound = getTableRow().getItem().kind;
                box.valueProperty().bindBidirectional(bound);
                box.setId("kind-" + getIndex());
                setGraphic(box);
            }
        });
        return col;
    }

    /** An always-editing text cell bound to one field of its row. */
    private final class FieldCell extends TableCell<TaskRow, TaskRow> {
        private final String field;
        private final Function<TaskRow, StringProperty> prop;
        private final TextField text = new TextField();
        private StringProperty bound;

        FieldCell(String field, Function<TaskRow, StringProperty> prop) {
            this.field = field;
            this.prop = prop;
            text.focusedProperty().addListener((o, was, is) -> {
                if (is && getIndex() >= 0) {
                    table.getSelectionModel().clearAndSelect(getIndex());
                }
            });
            // Each cell re-marks itself; table.refresh() would rebuild the cells and take the
            // focus away from the field being typed in.
            model.problems().addListener((ListChangeListener<String>) c -> mark());
        }

        private void mark() {
            String problem = bound == null ? null : problemFor("tasks[" + getIndex() + "]." + field);
            text.getStyleClass().remove("invalid");
            if (problem != null) {
                text.getStyleClass().add("invalid");
                text.setTooltip(new Tooltip(problem));
            } else {
                text.setTooltip(null);
            }
        }

        @Override
        protected void updateItem(TaskRow item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                text.textProperty().unbindBidirectional(bound);
                bound = null;
            }
            if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                text.setId(null);
                setGraphic(null);
                return;
            }
            bound = prop.apply(getTableRow().getItem());
            text.textProperty().bindBidirectional(bound);
            text.setId("task-" + getIndex() + "-" + field);
            mark();
            setGraphic(text);
        }
    }

    private String problemFor(String path) {
        List<String> problems = model.problems();
        for (String p : problems) {
            if (p.startsWith(path + ":")) {
                return p;
            }
        }
        return null;
    }
}
