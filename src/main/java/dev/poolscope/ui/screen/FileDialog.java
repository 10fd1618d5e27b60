package dev.poolscope.ui.screen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * PoolScope's own file dialog, used instead of the platform's: GTK's opens at 1096x822 without
 * a window manager, taller than a 1280x720 projector screen, with its buttons off the bottom.
 * This one is sized to the screen its owner is on ({@link ScreenFit#keepInside}), takes the
 * owner's text size (presenter mode), and can be driven by tests headless.
 *
 * <p>A folder's entries are listed folders first, then the files the chosen filter matches;
 * double-click or Enter opens a folder or picks a file, Backspace goes up.
 */
public final class FileDialog {
    /** A filter: a description and patterns like "*.json". */
    public record Filter(String description, List<String> patterns) {
        boolean matches(Path p) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return patterns.stream().anyMatch(g -> g.equals("*") || g.equals("*.*")
                    || name.endsWith(g.toLowerCase(Locale.ROOT).replace("*", "")));
        }
    }

    private final Stage stage = new Stage();
    private final ListView<Path> entries = new ListView<>();
    private final Label where = new Label();
    private final TextField name = new TextField();
    private final ComboBox<Filter> filter = new ComboBox<>();
    /** What the dialog asks for. */
    public enum Kind { OPEN, SAVE, FOLDER }

    private final Kind kind;
    private Path folder;
    private Path chosen;

    /** {@code filters} pairs a description with a pattern, as {@code FileAsker} takes them. */
    public FileDialog(Window owner, String title, Kind kind, Path start, String... filters) {
        this.kind = kind;
        stage.setTitle(title);
        stage.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            stage.initOwner(owner);
        }
        for (int i = 0; i + 1 < filters.length; i += 2) {
            filter.getItems().add(new Filter(filters[i], List.of(filters[i + 1].split(";"))));
        }
        filter.getItems().add(new Filter("All files", List.of("*")));
        filter.getSelectionModel().select(0);
        filter.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Filter f) {
                return f == null ? "" : f.description() + " (" + String.join(", ", f.patterns()) + ")";
            }

            @Override
            public Filter fromString(String s) {
                return null;
            }
        });
        filter.valueProperty().addListener((o, a, b) -> list(folder));
        entries.setId("fileDialogEntries");
        entries.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null
                        : p.equals(folder.getParent()) ? "\u2191 .. (the folder above)" : Files.isDirectory(p)
                        ? p.getFileName() + "/" : p.getFileName().toString());
            }
        });
        entries.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                enter(entries.getSelectionModel().getSelectedItem());
            }
        });
        entries.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && (!Files.isDirectory(p) || kind == Kind.FOLDER) && !p.equals(folder.getParent())) {
                name.setText(p.getFileName().toString());
            }
        });
        entries.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                enter(entries.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.BACK_SPACE && folder.getParent() != null) {
                list(folder.getParent());
            }
        });
        name.setId("fileDialogName");
        name.setOnAction(e -> accept());
        Button ok = new Button(kind == Kind.SAVE ? "Save" : kind == Kind.FOLDER ? "Choose this folder" : "Open");
        ok.setId("fileDialogOk");
        ok.setDefaultButton(true);
        ok.setOnAction(e -> accept());
        Button cancel = new Button("Cancel");
        cancel.setId("fileDialogCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        for (Region r : List.of(ok, cancel, where)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox bottom = new HBox(8, new Label(kind == Kind.FOLDER ? "Folder:" : "File:"), name, ok, cancel);
        if (kind != Kind.FOLDER) {
            bottom.getChildren().add(2, filter);
        }
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        where.setId("fileDialogFolder");
        where.setWrapText(true);
        // Without a window manager a window has no title bar: the dialog says what it asks itself.
        Label heading = new Label(title);
        heading.setStyle("-fx-font-weight: bold;");
        VBox top = new VBox(4, heading, where);
        BorderPane root = new BorderPane(entries, top, null, bottom, null);
        root.setPadding(new Insets(10));
        BorderPane.setMargin(entries, new Insets(6, 0, 6, 0));
        root.getStyleClass().add("file-dialog");
        if (owner != null && owner.getScene() != null) {
            // The owner's look and text size (presenter mode reaches the dialog too).
            root.getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
            root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
            root.setStyle(owner.getScene().getRoot().getStyle());
        }
        stage.setScene(new Scene(root, 860, 560));
        ScreenFit.keepInside(stage, owner);
        Path dir = start != null && Files.isDirectory(start) ? start : Path.of(System.getProperty("user.dir"));
        list(dir.toAbsolutePath().normalize());
    }

    /** Shows the dialog and waits: the chosen file, or null when cancelled. */
    public Path showAndWait() {
        stage.showAndWait();
        return chosen;
    }

    /** The dialog's window (tests look at its bounds and drive it). */
    public Stage stage() {
        return stage;
    }

    public void setInitialName(String initial) {
        name.setText(initial);
    }

    private void enter(Path p) {
        if (p == null) {
            return;
        }
        if (Files.isDirectory(p)) {
            list(p);
        } else {
            name.setText(p.getFileName().toString());
            accept();
        }
    }

    private void accept() {
        String typed = name.getText() == null ? "" : name.getText().trim();
        if (typed.isEmpty()) {
            if (kind == Kind.FOLDER) {
                chosen = folder;
                stage.close();
            }
            return;
        }
        Path p = folder.resolve(typed).toAbsolutePath().normalize();
        if (kind == Kind.FOLDER && Files.isDirectory(p)) {
            chosen = p;
            stage.close();
            return;
        }
        if (Files.isDirectory(p)) {
            list(p);
            name.clear();
            return;
        }
        if (kind == Kind.OPEN && !Files.isRegularFile(p)) {
            where.setText(folder + "\n\u26A0 There is no file " + typed + " here: pick one from the list.");
            return;
        }
        chosen = p;
        stage.close();
    }

    private void list(Path dir) {
        if (dir == null) {
            return;
        }
        List<Path> shown = new ArrayList<>();
        if (dir.getParent() != null) {
            shown.add(dir.getParent());
        }
        Filter f = filter.getValue();
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            all.stream().filter(Files::isDirectory).forEach(shown::add);
            if (kind != Kind.FOLDER) {
                all.stream().filter(p -> !Files.isDirectory(p) && (f == null || f.matches(p))).forEach(shown::add);
            }
        } catch (IOException | SecurityException e) {
            where.setText(dir + "\n\u26A0 This folder cannot be read (" + e.getMessage() + "): pick another.");
            return;
        }
        folder = dir;
        where.setText(dir.toString());
        entries.getItems().setAll(shown);
    }
}
