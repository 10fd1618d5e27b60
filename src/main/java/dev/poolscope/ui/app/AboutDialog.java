package dev.poolscope.ui.app;

import dev.poolscope.about.AppInfo;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Help > About: PoolScope's version (from the build), the Java and JavaFX versions it runs on,
 * and its licence with the full text. Takes the window's theme, so it is dark in the dark theme.
 */
public final class AboutDialog extends Dialog<ButtonType> {

    public AboutDialog(Stage owner) {
        initOwner(owner);
        setTitle("About " + AppInfo.NAME);
        getDialogPane().setId("aboutDialog");
        setHeaderText(AppInfo.nameAndVersion() + "\nSee a process pool at work: real OS workers, animated live.");
        Image icon = AppIdentity.icons().stream().filter(i -> i.getWidth() == 64).findFirst().orElse(null);
        if (icon != null) {
            setGraphic(new ImageView(icon));
        }
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        row(facts, 0, "Version", AppInfo.version(), "aboutVersion");
        row(facts, 1, "Java", AppInfo.javaDescription(), "aboutJava");
        row(facts, 2, "JavaFX", System.getProperty("javafx.runtime.version", "unknown"), "aboutJavaFx");
        row(facts, 3, "Licence", AppInfo.licenceName(), "aboutLicence");
        TextArea licence = new TextArea(AppInfo.licenceText());
        licence.setId("aboutLicenceText");
        licence.setEditable(false);
        licence.setWrapText(true);
        licence.setPrefRowCount(9);
        licence.setPrefColumnCount(62);
        VBox content = new VBox(10, facts, licence);
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.OK);
        if (owner.getScene() != null) {
            // The window's look: its stylesheets and theme classes (light or dark, presenter size).
            getDialogPane().getStylesheets().addAll(owner.getScene().getRoot().getStylesheets());
            getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        setOnShown(e -> ((Stage) getDialogPane().getScene().getWindow()).getIcons().setAll(AppIdentity.icons()));
    }

    /** The Help menu with its About item, for the window's menu bar. */
    public static Menu helpMenu(Stage owner) {
        MenuItem about = new MenuItem("About " + AppInfo.NAME);
        about.setId("aboutItem");
        about.setOnAction(e -> new AboutDialog(owner).show());
        return new Menu("Help", null, about);
    }

    private static void row(GridPane grid, int row, String name, String value, String id) {
        Label key = new Label(name);
        key.setStyle("-fx-font-weight: bold;");
        Label val = new Label(value);
        val.setId(id);
        val.setWrapText(true);
        grid.addRow(row, key, val);
    }
}
