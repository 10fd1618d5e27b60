package dev.poolscope.ui.export;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * File > Export image: what to export, PNG or SVG, size, scale (1x, 2x for slides and retina)
 * and theme. Its result is an {@link ExportChoice}; the window then asks where to save it.
 */
public final class ExportDialog extends Dialog<ExportChoice> {
    public static final ButtonType EXPORT = new ButtonType("Export\u2026", ButtonBar.ButtonData.OK_DONE);
    private final ChoiceBox<ExportChoice.What> what = new ChoiceBox<>();
    private final ChoiceBox<String> format = new ChoiceBox<>();
    private final Spinner<Integer> width = new Spinner<>(RenderSpec.MIN_SIZE, 8192, 1200, 10);
    private final Spinner<Integer> height = new Spinner<>(RenderSpec.MIN_SIZE, 8192, 520, 10);
    private final ChoiceBox<String> scale = new ChoiceBox<>();
    private final ChoiceBox<ExportChoice.Theme> theme = new ChoiceBox<>();

    public ExportDialog(Window owner, ExportChoice last) {
        initOwner(owner);
        setTitle("Export image");
        setHeaderText("A picture of the run as it is shown now");
        what.getItems().addAll(ExportChoice.What.values());
        what.setId("exportWhat");
        format.getItems().addAll("PNG", "SVG (vectors)");
        format.setId("exportFormat");
        scale.getItems().addAll("1\u00d7", "2\u00d7 (slides, retina)");
        scale.setId("exportScale");
        theme.getItems().addAll(ExportChoice.Theme.values());
        theme.setId("exportTheme");
        width.setId("exportWidth");
        height.setId("exportHeight");
        width.setEditable(true);
        height.setEditable(true);
        what.setValue(last.what());
        format.setValue(last.svg() ? "SVG (vectors)" : "PNG");
        width.getValueFactory().setValue(last.width());
        height.getValueFactory().setValue(last.height());
        scale.setValue(last.scale() >= 2 ? "2\u00d7 (slides, retina)" : "1\u00d7");
        theme.setValue(last.theme());
        // SVG is for the timeline, the sweep and the comparison; a window size is the window's.
        what.valueProperty().addListener((o, a, b) -> sync());
        sync();
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Picture"), what);
        grid.addRow(1, new Label("Format"), format);
        grid.addRow(2, new Label("Width"), width);
        grid.addRow(3, new Label("Height"), height);
        grid.addRow(4, new Label("Scale"), scale);
        grid.addRow(5, new Label("Theme"), theme);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CANCEL);
        setResultConverter(b -> b == EXPORT ? choice() : null);
    }

    private void sync() {
        boolean vectors = what.getValue() == ExportChoice.What.TIMELINE || what.getValue() == ExportChoice.What.SWEEP
                || what.getValue() == ExportChoice.What.COMPARE;
        if (!vectors) {
            format.setValue("PNG");
        }
        format.setDisable(!vectors);
        boolean window = what.getValue() != ExportChoice.What.TIMELINE && what.getValue() != ExportChoice.What.FULL;
        width.setDisable(window);
        height.setDisable(window);
    }

    /** The choice as the controls show it now. */
    public ExportChoice choice() {
        width.increment(0); // commits a typed value
        height.increment(0);
        return new ExportChoice(what.getValue(), format.getValue().startsWith("SVG"), width.getValue(),
                height.getValue(), scale.getValue().startsWith("2") ? 2 : 1, theme.getValue());
    }
}
