package dev.poolscope.ui.compare;

import dev.poolscope.sweep.Comparison;
import dev.poolscope.sweep.Format;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.Palette;
import dev.poolscope.ui.timeline.TimelineView;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Runs one above another on one shared time scale (0 = each run's start, the same ms per pixel
 * for all), each with a title line; below them the statistics side by side and the differences
 * in words. The timelines are the main window's own, drawing replayed runs; zoom and pan still
 * work on each. A timer draws them when something changed, as in the main window.
 */
public final class CompareView extends ScrollPane {
    private final List<TimelineView> timelines = new ArrayList<>();
    private final List<TimelineModel> lives = new ArrayList<>();
    private final Comparison comparison;
    private final double sharedNs;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            try {
                draw();
            } catch (RuntimeException e) {
                stop(); // never let a drawing error freeze the FX thread; the picture just stops updating
            }
        }
    };

    public CompareView(List<ComparedRun> runs) {
        this(runs, null);
    }

    /** With {@code verdict}, a sentence computed from the runs' measurements, above them (null: none). */
    public CompareView(List<ComparedRun> runs, String verdict) {
        comparison = new Comparison(runs.stream().map(ComparedRun::label).toList(),
                runs.stream().map(ComparedRun::trace).toList());
        VBox box = new VBox(10);
        box.getStyleClass().add("compare");
        if (verdict != null) {
            Label v = new Label(verdict);
            v.setWrapText(true);
            v.setId("compareVerdict");
            v.getStyleClass().add("compare-verdict");
            box.getChildren().add(v);
        }
        double longest = 0;
        for (int i = 0; i < runs.size(); i++) {
            ComparedRun r = runs.get(i);
            TimelineModel live = r.replay();
            longest = Math.max(longest, live.finishedAt());
            Label title = new Label(r.label() + "   \u2014   makespan " + Format.ms(r.trace().makespanMs()) + " ms, "
                    + r.trace().tasks().size() + " tasks on " + r.config().slots() + " workers");
            title.getStyleClass().add("compare-title");
            title.setId("compareTitle" + i);
            TimelineView view = new TimelineView();
            view.setId("compareTimeline" + i);
            view.setStyle(Palette.LIGHT, 1.0);
            view.setRun(live);
            // Lanes keep a readable height however many runs there are; the pane scrolls.
            view.setPrefHeight(34 + Math.max(2, r.config().slots()) * 40);
            view.setMinHeight(34 + Math.max(2, r.config().slots()) * 22);
            timelines.add(view);
            lives.add(live);
            box.getChildren().addAll(title, view);
        }
        sharedNs = longest;
        box.getChildren().addAll(sectionTitle("Statistics"), statistics(), sectionTitle("Differences"), differences());
        setContent(box);
        setFitToWidth(true);
        getStyleClass().add("compare-scroll");
        setId("compareView");
        widthProperty().addListener((o, a, b) -> fitShared());
        sceneProperty().addListener((o, was, is) -> {
            if (is == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
    }

    public Comparison comparison() {
        return comparison;
    }

    /** The statistics table's rows as shown (see {@link CompareRows}). */
    public List<Comparison.Row> rows() {
        return CompareRows.of(comparison);
    }

    public List<TimelineView> timelines() {
        return List.copyOf(timelines);
    }

    /** The common end of the time scale, ns from each run's start: the latest run's end. */
    public double sharedSpanNs() {
        return sharedNs;
    }

    private void draw() {
        for (int i = 0; i < timelines.size(); i++) {
            TimelineView v = timelines.get(i);
            boolean fresh = v.geometry().width() != Math.ceil(v.getWidth());
            v.render(lives.get(i).finishedAt(), false);
            if (fresh) {
                fitShared();
            }
        }
    }

    /**
     * Every timeline shows [0, the longest run's end] at the same scale. fit() sets the scale;
     * zooming by a factor of 1 changes nothing but marks the view as user-controlled, so its own
     * render does not fit it back to its own, shorter run.
     */
    private void fitShared() {
        for (TimelineView v : timelines) {
            v.geometry().fit(sharedNs);
            v.geometry().zoomAt(v.geometry().headerWidth(), 1.0);
            v.markDirty();
        }
    }

    private GridPane statistics() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("compare-stats");
        grid.setId("compareStats");
        grid.setHgap(24);
        grid.setVgap(3);
        ColumnConstraints first = new ColumnConstraints();
        first.setMinWidth(230);
        grid.getColumnConstraints().add(first);
        for (int c = 0; c < comparison.labels().size(); c++) {
            Label head = new Label(comparison.labels().get(c));
            head.getStyleClass().add("compare-head");
            grid.add(head, c + 1, 0);
        }
        int row = 1;
        for (Comparison.Row r : rows()) {
            grid.add(new Label(r.name()), 0, row);
            for (int c = 0; c < r.values().size(); c++) {
                grid.add(new Label(r.values().get(c)), c + 1, row);
            }
            row++;
        }
        return grid;
    }

    private VBox differences() {
        VBox list = new VBox(4);
        list.setId("compareDifferences");
        List<String> diffs = comparison.differences();
        for (String d : diffs.isEmpty() ? List.of("(one run: nothing to compare)") : diffs) {
            Label l = new Label("\u2022 " + d);
            l.setWrapText(true);
            l.getStyleClass().add("compare-difference");
            list.getChildren().add(l);
        }
        VBox.setVgrow(list, Priority.NEVER);
        return list;
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-title");
        return l;
    }
}
