package dev.poolscope.ui.export;

import dev.poolscope.ui.timeline.Palette;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import dev.poolscope.ui.compare.CompareView;
import dev.poolscope.ui.sweep.SweepView;

/**
 * Makes the picture an {@link ExportChoice} asks for, from the moment the window shows: the
 * timeline (PNG or SVG) and the timeline with legend and panels come from the same classes as
 * the headless render; the whole window is a snapshot of the window itself. The sweep and
 * comparison windows are a snapshot (PNG) or their shapes and text as SVG ({@link NodeSvg}). FX thread.
 */
public final class WindowPictures {
    private WindowPictures() {}

    /** Writes the picture; returns a short description of what was written. */
    public static String write(ExportChoice c, RunMoment moment, Node windowRoot, boolean windowDark,
                               double textScale, Path file) throws IOException {
        boolean dark = c.dark(windowDark);
        Palette palette = dark ? Palette.DARK : Palette.LIGHT;
        if (c.ofAWindow()) {
            Node root = c.what() == ExportChoice.What.WINDOW ? windowRoot : openWindowRoot(c.what());
            if (c.svg() && c.what() != ExportChoice.What.WINDOW) {
                String svg = NodeSvg.of(root);
                SvgTimeline.write(svg, file);
                return "SVG of the " + (c.what() == ExportChoice.What.SWEEP ? "sweep" : "comparison") + " window";
            }
            int w = (int) Math.round(root.getScene().getWidth());
            int h = (int) Math.round(root.getScene().getHeight());
            WritableImage image = RunPicture.snapshot(root, w, h, c.scale());
            ImageFiles.writePng(ImageFiles.toRgb(image), file);
            return size(image);
        }
        if (moment == null) {
            throw new IllegalStateException("nothing to export yet: run a scenario or open a trace first");
        }
        if (c.svg()) {
            SvgTimeline.write(SvgTimeline.of(moment, c.width(), c.height(), c.scale(), palette, textScale), file);
            return "SVG " + c.width() + " x " + c.height();
        }
        WritableImage image = c.what() == ExportChoice.What.FULL
                ? RunPicture.of(moment, c.width(), c.height(), c.scale(), dark, textScale)
                : TimelineImage.of(moment, c.width(), c.height(), c.scale(), palette, textScale);
        ImageFiles.writePng(ImageFiles.toRgb(image), file);
        return size(image);
    }

    /** The content of the open sweep or comparison window (the newest one). */
    private static Node openWindowRoot(ExportChoice.What what) {
        Class<?> kind = what == ExportChoice.What.SWEEP ? SweepView.class : CompareView.class;
        Node found = null;
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && kind.isInstance(w.getScene().getRoot())) {
                found = w.getScene().getRoot();
            }
        }
        if (found == null) {
            throw new IllegalStateException(what == ExportChoice.What.SWEEP
                    ? "no sweep window is open: start one with Analyze > Sweep"
                    : "no comparison window is open: pin runs and compare them (Analyze menu) first");
        }
        return found;
    }

    private static String size(WritableImage image) {
        return "PNG " + (int) image.getWidth() + " x " + (int) image.getHeight() + " px";
    }
}
