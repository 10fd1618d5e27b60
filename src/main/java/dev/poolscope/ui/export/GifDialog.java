package dev.poolscope.ui.export;

import dev.poolscope.ui.timeline.Palette;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Export GIF: the stretch of the run (from, to), frame rate, speed and size. */
public final class GifDialog extends Dialog<GifExport.Settings> {
    private static final ButtonType EXPORT = new ButtonType("Export\u2026", ButtonBar.ButtonData.OK_DONE);

    public GifDialog(Window owner, long endNs, int width, int height, Palette palette, double textScale) {
        initOwner(owner);
        setTitle("Export GIF");
        setHeaderText("The replay as an animated GIF (it loops, holding the last moment 2 s)");
        double endS = endNs / 1e9;
        Spinner<Double> from = new Spinner<>(0.0, endS, 0.0, 0.1);
        Spinner<Double> to = new Spinner<>(0.0, endS, endS, 0.1);
        Spinner<Integer> fps = new Spinner<>(1, 50, 10);
        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.getItems().addAll(0.25, 0.5, 1.0, 2.0, 4.0, 8.0);
        speed.setValue(1.0);
        Spinner<Integer> w = new Spinner<>(RenderSpec.MIN_SIZE, 4096, width, 10);
        Spinner<Integer> h = new Spinner<>(RenderSpec.MIN_SIZE, 4096, height, 10);
        for (Spinner<?> s : new Spinner<?>[] {from, to, fps, w, h}) {
            s.setEditable(true);
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("From (s)"), from);
        grid.addRow(1, new Label("To (s)"), to);
        grid.addRow(2, new Label("Frames per second"), fps);
        grid.addRow(3, new Label("Speed (\u00d7 real time)"), speed);
        grid.addRow(4, new Label("Width"), w);
        grid.addRow(5, new Label("Height"), h);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CANCEL);
        setResultConverter(b -> {
            if (b != EXPORT) {
                return null;
            }
            long a = Math.round(from.getValue() * 1e9);
            long z = Math.max(a, Math.min(endNs, Math.round(to.getValue() * 1e9)));
            return new GifExport.Settings(a, z, fps.getValue(), speed.getValue(), w.getValue(), h.getValue(), 1,
                    palette, textScale);
        });
    }
}
