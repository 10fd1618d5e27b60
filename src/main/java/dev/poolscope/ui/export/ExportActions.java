package dev.poolscope.ui.export;

import dev.poolscope.ui.WindowHost;
import dev.poolscope.ui.replay.ReplayController;
import dev.poolscope.ui.replay.ReplayRun;
import dev.poolscope.ui.timeline.Palette;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The window's exports: File > Export Image (a dialog, then a file), Export GIF, and a replay's
 * bookmarks as numbered pictures. What was written is said in a short notice above the
 * timeline; problems go to the window's message area.
 */
public final class ExportActions {
    private final WindowHost w;
    private final VBox center;
    private final ReplayController replay;
    private final Supplier<RunMoment> moment;
    private final Supplier<ReplayRun> replayable;
    private final Label notice = new Label();
    private final PauseTransition hideNotice = new PauseTransition(Duration.seconds(8));
    private FileAsker asker;
    private ExportChoice last = ExportChoice.defaults();

    public ExportActions(WindowHost w, VBox center, ReplayController replay, Supplier<RunMoment> moment,
                         Supplier<ReplayRun> replayable) {
        this.w = w;
        this.center = center;
        this.replay = replay;
        this.moment = moment;
        this.replayable = replayable;
        notice.setId("exportNotice");
        notice.getStyleClass().add("hint");
        notice.setStyle("-fx-padding: 4 8 4 8; -fx-font-weight: bold;");
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setOnMouseClicked(e -> center.getChildren().remove(notice));
        hideNotice.setOnFinished(e -> center.getChildren().remove(notice));
    }

    public void setFileAsker(FileAsker asker) {
        this.asker = asker;
    }

    public FileAsker asker() {
        return asker != null ? asker : FileAsker.dialogs(w.stage());
    }

    /** The last export's settings (the dialog starts from them). */
    public ExportChoice lastChoice() {
        return last;
    }

    public void exportImageDialog() {
        new ExportDialog(w.stage(), last).showAndWait().ifPresent(c -> {
            last = c;
            Path f = asker().save("Export image", "poolscope." + c.extension(),
                    c.svg() ? "SVG image (*.svg)" : "PNG image (*.png)", c.svg() ? "*.svg" : "*.png");
            if (f != null) {
                exportTo(c, f);
            }
        });
    }

    /** Writes the picture {@code c} describes of what the window shows now; returns whether it did. */
    public boolean exportTo(ExportChoice c, Path file) {
        try {
            String what = WindowPictures.write(c, moment.get(), w.stage().getScene().getRoot(), windowDark(),
                    w.look().textScale(), file);
            notice("Exported " + file.getFileName() + " (" + what + ")");
            return true;
        } catch (Exception e) {
            w.showProblem("Could not export " + file.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    public void exportGifDialog() {
        ReplayRun run = replayable.get();
        if (run == null) {
            return; // the reason is in the message area already
        }
        new GifDialog(w.stage(), run.endNs(), last.width(), last.height(), windowDark() ? Palette.DARK : Palette.LIGHT,
                w.look().textScale()).showAndWait().ifPresent(s -> {
                    Path f = asker().save("Export GIF", run.name() + ".gif", "GIF animation (*.gif)", "*.gif");
                    if (f != null) {
                        exportGif(run, s, f);
                    }
                });
    }

    /** Draws the frames on the FX thread and encodes them on a thread of its own, so the window stays live. */
    public void exportGif(ReplayRun run, GifExport.Settings s, Path file) {
        notice("Writing " + file.getFileName() + ": " + s.frameCount() + " frames\u2026");
        Thread t = new Thread(() -> {
            try {
                int frames = GifExport.write(run, s, file);
                Platform.runLater(() -> notice("Exported " + file.getFileName() + " (" + frames + " frames)"));
            } catch (Exception e) {
                Platform.runLater(() -> w.showProblem("Could not export " + file.getFileName() + ": " + e.getMessage()));
            }
        }, "poolscope-gif");
        t.setDaemon(true);
        t.start();
    }

    public void exportBookmarksDialog() {
        Path dir = asker().folder("A folder for the numbered pictures");
        if (dir != null) {
            exportBookmarksTo(dir);
        }
    }

    /** The bookmarks as 01-caption.png, 02-... in {@code dir}, at the last export's size, scale and theme. */
    public List<Path> exportBookmarksTo(Path dir) {
        if (replay.current() == null || replay.bookmarks().isEmpty()) {
            w.showProblem("No bookmarks yet: replay a trace and press Bookmark at the moments to show");
            return List.of();
        }
        try {
            Palette p = last.dark(windowDark()) ? Palette.DARK : Palette.LIGHT;
            List<Path> files = BookmarkExport.write(replay.current(), replay.bookmarks(), dir, last.width(),
                    last.height(), last.scale(), p, w.look().textScale());
            notice("Exported " + files.size() + " pictures to " + dir);
            return files;
        } catch (Exception e) {
            w.showProblem("Could not export the bookmarks: " + e.getMessage());
            return List.of();
        }
    }

    private boolean windowDark() {
        return w.look().dark();
    }

    /** Says what was done, above the timeline, for a few seconds. */
    public void notice(String text) {
        notice.setText("\u2714 " + text);
        if (!center.getChildren().contains(notice)) {
            center.getChildren().add(0, notice);
        }
        hideNotice.playFromStart();
    }
}
