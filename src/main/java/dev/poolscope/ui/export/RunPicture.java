package dev.poolscope.ui.export;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.ui.panels.RunPanels;
import dev.poolscope.ui.timeline.Legend;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.Palette;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;

/**
 * The run area as the window shows it at a moment: the timeline, the legend, and the panels
 * (queue, results, console, statistics), built from the window's own classes and style sheets
 * and fed the moment's events, then snapshot at an exact size. No window is opened. FX thread.
 */
public final class RunPicture {
    private RunPicture() {}

    public static WritableImage of(RunMoment m, int width, int height, double scale, boolean dark, double textScale) {
        TimelineModel live = m.live();
        RunPanels panels = new RunPanels();
        panels.reset(live, m.name(), m.config(), m::nowNs);
        for (RunEvent e : m.events()) {
            panels.accept(e);
        }
        panels.flush(0, true);
        panels.setLook(dark, textScale);
        Palette palette = dark ? Palette.DARK : Palette.LIGHT;
        Label title = new Label(m.name() + "  \u00b7  " + m.config().mode().id() + ", " + m.config().slots()
                + " workers  \u00b7  " + String.format(Locale.ROOT, "%.2f s", m.nowNs() / 1e9));
        title.getStyleClass().add("panel-title");
        title.setStyle("-fx-padding: 6 8 2 8;");
        StillTimeline timeline = new StillTimeline(live, m.nowNs(), m.spanNs(), scale, palette, textScale);
        Legend legend = new Legend();
        legend.setTasks(m.config().tasks().stream().map(TaskSpec::name).toList());
        panels.setPrefHeight(Math.max(150, height * 0.3));
        panels.setMinHeight(120);
        VBox root = new VBox(title, timeline, legend, panels);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        root.getStyleClass().addAll("poolscope", dark ? "theme-dark" : "theme-light", "center");
        if (textScale > 1) {
            root.getStyleClass().add("presenter");
        }
        root.setStyle("-fx-background-color: -fx-background;");
        root.getStylesheets().addAll(css("app/app.css"), css("timeline/timeline.css"));
        new Scene(root, width, height);
        root.applyCss();
        root.layout();
        root.layout();
        WritableImage image = snapshot(root, width, height, scale);
        panels.reset(null, null, null, null);
        return image;
    }

    /** A node's picture at exactly {@code width * scale} x {@code height * scale} pixels. */
    static WritableImage snapshot(javafx.scene.Node node, int width, int height, double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        return node.snapshot(p, new WritableImage(TimelineImage.pixels(width, scale), TimelineImage.pixels(height, scale)));
    }

    private static String css(String path) {
        return RunPicture.class.getResource("/dev/poolscope/ui/" + path).toExternalForm();
    }
}
