package dev.poolscope.ui.replay;

import dev.poolscope.ui.Buttons;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The replay's controls above the timeline: back a step, play/pause, a step forward, a slider
 * to scrub, the time, the speed, bookmarks and their export, the GIF export, close. Shown only
 * while a trace is open.
 */
public final class ReplayBar extends HBox {
    private final ReplayController replay;
    private final Slider slider = new Slider();
    private boolean moving;

    /** {@code exportBookmarks} and {@code exportGif} are the window's actions (they ask for a file). */
    public ReplayBar(ReplayController replay, Runnable exportBookmarks, Runnable exportGif, Consumer<Boolean> close) {
        this.replay = replay;
        getStyleClass().addAll("timeline-bar", "replay-bar");
        setId("replayBar");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Replay");
        title.getStyleClass().add("panel-title");
        Button back = Buttons.of("\u25C0 Back", "replayStepBack", "Back to the previous event", replay::stepBack);
        Button play = Buttons.of("\u25B6", "replayPlay", "Play or pause", () -> {
            if (replay.playingProperty().get()) {
                replay.pause();
            } else {
                replay.play();
            }
        });
        play.textProperty().bind(Bindings.when(replay.playingProperty()).then("\u275A\u275A Pause").otherwise("\u25B6 Play"));
        Button step = Buttons.of("Step \u25B6", "replayStep", "Step to the next event", replay::stepForward);
        slider.setId("replaySlider");
        slider.setMin(0);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMinWidth(120);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!moving) {
                replay.pause();
                replay.seek(Math.round(b.doubleValue() * 1_000_000));
            }
        });
        Label time = new Label();
        time.setId("replayTime");
        time.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<String> speed = new ComboBox<>();
        speed.setId("replaySpeed");
        for (double s : ReplayController.SPEEDS) {
            speed.getItems().add(speedText(s));
        }
        speed.setValue(speedText(1));
        speed.setTooltip(new Tooltip("Playback speed"));
        speed.valueProperty().addListener((o, a, b) -> replay.setSpeed(Double.parseDouble(b.replace("\u00d7", ""))));
        Button mark = Buttons.of("\u2691 Bookmark", "replayBookmark", "Mark this moment with a caption, for a step-by-step tutorial",
                this::askBookmark);
        Label marks = new Label();
        marks.setId("bookmarkCount");
        marks.setMinWidth(Region.USE_PREF_SIZE);
        marks.textProperty().bind(Bindings.size(replay.bookmarks()).asString("%d marked"));
        Button export = Buttons.of("Export marked\u2026", "exportBookmarks", "Each bookmark as a numbered PNG with its caption",
                exportBookmarks);
        export.disableProperty().bind(Bindings.isEmpty(replay.bookmarks()));
        Button gif = Buttons.of("GIF\u2026", "exportGif", "The replay as an animated GIF", exportGif);
        Button closeButton = Buttons.of("\u2715", "replayClose", "Close the replay", () -> close.accept(true));
        getChildren().addAll(title, back, play, step, slider, time, speed, mark, marks, export, gif, closeButton);
        for (var n : getChildren()) {
            if (n instanceof Region r && n != slider) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        replay.currentProperty().addListener((o, a, run) -> {
            if (run != null) {
                moving = true;
                slider.setMax(run.endNs() / 1e6);
                slider.setMajorTickUnit(Math.max(1, run.endNs() / 1e6 / 10));
                moving = false;
            }
        });
        replay.nowProperty().addListener((o, a, t) -> {
            moving = true;
            slider.setValue(t.longValue() / 1e6);
            moving = false;
            ReplayRun run = replay.current();
            time.setText(run == null ? "" : String.format(Locale.ROOT, "%.2f / %.2f s", t.longValue() / 1e9,
                    run.endNs() / 1e9));
        });
    }

    private void askBookmark() {
        replay.pause();
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Bookmark");
        d.setHeaderText(String.format(Locale.ROOT, "A caption for the moment at %.2f s", replay.now() / 1e9));
        d.setContentText("Caption:");
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        d.showAndWait().ifPresent(replay::addBookmark);
    }

    static String speedText(double s) {
        return (s == Math.rint(s) ? String.valueOf((int) s) : String.valueOf(s)) + "\u00d7";
    }
}
