package dev.poolscope.ui.replay;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.ui.CurrentRun;
import dev.poolscope.ui.panels.RunPanels;
import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.TimelineView;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Plays a saved run in the window. At every moment the window's own models are fed the run's
 * events up to that moment: the timeline's {@link TimelineModel} and the {@link RunPanels} (queue,
 * results, console, statistics), drawn by the same views with the run clock held there
 * ({@link CurrentRun#showStill}). So a replay shows what the live view showed, bars growing
 * included. Playing forward feeds events as they come; going back rebuilds from the start.
 * FX thread only.
 */
public final class ReplayController {
    /** Playback speeds offered, slowest first. */
    public static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4, 8};
    private static final long PANELS_EVERY_NS = 250_000_000L;
    private final CurrentRun controller;
    private final TimelineView timeline;
    private final RunPanels panels;
    private final ReadOnlyObjectWrapper<ReplayRun> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper now = new ReadOnlyLongWrapper();
    private final ObservableList<Bookmark> bookmarks = FXCollections.observableArrayList();
    private double speed = 1;
    private TimelineModel live;
    /** Where the open run's picture begins (see {@link TimelineView#firstActivity}). */
    private double firstActivityNs;
    private int applied;
    /** The panels' statistics stop when they are shown final; playing again starts them afresh. */
    private boolean panelsFinal;
    private long lastFrame;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long nanos) {
            try {
                frame(nanos);
            } catch (RuntimeException e) {
                pause(); // never let an exception escape a frame (it can freeze JavaFX)
            }
        }
    };

    public ReplayController(CurrentRun controller, TimelineView timeline, RunPanels panels) {
        this.controller = controller;
        this.timeline = timeline;
        this.panels = panels;
        // A live run takes the window back: the replay ends.
        controller.runningProperty().addListener((o, was, is) -> {
            if (is) {
                close(false);
            }
        });
    }

    /** Opens a run for replay, at its start, paused. */
    public void open(ReplayRun run) {
        pause();
        bookmarks.clear();
        current.set(run);
        live = null;
        // The axis is the whole run's from the first frame: its end is known (see TimelineView.showWhole).
        firstActivityNs = run.ofProgram() ? TimelineView.firstActivity(run.liveAt(run.endNs())) : 0;
        seek(0);
    }

    /** Ends the replay; with {@code clear}, the window shows no run. */
    public void close(boolean clear) {
        if (current.get() == null) {
            return;
        }
        pause();
        current.set(null);
        live = null;
        if (clear) {
            controller.reset();
        }
    }

    public ReadOnlyObjectProperty<ReplayRun> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReplayRun current() {
        return current.get();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The replay's clock: ns since the run started. */
    public ReadOnlyLongProperty nowProperty() {
        return now.getReadOnlyProperty();
    }

    public long now() {
        return now.get();
    }

    /** The timeline model at the current moment (what the window draws). */
    public TimelineModel live() {
        return live;
    }

    public ObservableList<Bookmark> bookmarks() {
        return bookmarks;
    }

    public double speed() {
        return speed;
    }

    public void setSpeed(double speed) {
        this.speed = Math.max(SPEEDS[0], Math.min(SPEEDS[SPEEDS.length - 1], speed));
    }

    public void play() {
        ReplayRun run = current.get();
        if (run == null || playing.get()) {
            return;
        }
        if (now.get() >= run.endNs()) {
            seek(0);
        }
        if (panelsFinal) {
            refillPanels();
        }
        playing.set(true);
        lastFrame = -1;
        timer.start();
    }

    public void pause() {
        timer.stop();
        if (playing.get()) {
            playing.set(false);
            showPanels();
        }
    }

    /** Moves to the next moment something happened. */
    public void stepForward() {
        if (current.get() != null) {
            pause();
            seek(current.get().nextEventAfter(now.get()));
        }
    }

    /** Moves to the last moment something happened before now. */
    public void stepBack() {
        if (current.get() != null) {
            pause();
            seek(current.get().previousEventBefore(now.get()));
        }
    }

    /** Marks the current moment with a caption. */
    public Bookmark addBookmark(String caption) {
        Bookmark b = new Bookmark(now.get(), caption == null || caption.isBlank() ? "moment" : caption.strip());
        int i = 0;
        while (i < bookmarks.size() && bookmarks.get(i).atNs() <= b.atNs()) {
            i++;
        }
        bookmarks.add(i, b);
        return b;
    }

    /** Shows the run as it stood at {@code ns} (clamped to the run). */
    public void seek(long ns) {
        ReplayRun run = current.get();
        if (run == null) {
            return;
        }
        long t = Math.max(0, Math.min(run.endNs(), ns));
        boolean rebuild = live == null || t < now.get();
        if (rebuild) {
            live = run.newLive();
            applied = 0;
            panels.reset(live, run.name(), run.config(), now::get);
            panelsFinal = false;
        }
        int upTo = run.eventsUpTo(t);
        for (; applied < upTo; applied++) {
            RunEvent e = run.events().get(applied);
            live.apply(e);
            panels.accept(e);
        }
        now.set(t);
        controller.showStill(live, t, status(run, t));
        if (rebuild) {
            timeline.showWhole(live, firstActivityNs, run.endNs());
        }
        // Drawn now, in this frame: the window's own frame timer may already have run this pulse.
        timeline.render(t, false);
        if (!playing.get() || t >= run.endNs()) {
            showPanels();
        }
    }

    private void frame(long nanos) {
        ReplayRun run = current.get();
        if (run == null) {
            pause();
            return;
        }
        if (lastFrame < 0) {
            lastFrame = nanos;
            return;
        }
        long dt = nanos - lastFrame;
        lastFrame = nanos;
        long before = now.get() / PANELS_EVERY_NS;
        seek(now.get() + Math.round(dt * speed));
        if (now.get() >= run.endNs()) {
            pause();
        } else if (now.get() / PANELS_EVERY_NS != before && speed > 2) {
            // Fast playback: the lists would lag behind their usual refresh pace; keep them close.
            panels.flush(nanos, false);
        }
    }

    /** Everything recorded so far on screen now, statistics included. */
    private void showPanels() {
        panels.flush(System.nanoTime(), true);
        panelsFinal = true;
    }

    /** Panels fed afresh up to now, so their statistics run again while playing. */
    private void refillPanels() {
        ReplayRun run = current.get();
        panels.reset(live, run.name(), run.config(), now::get);
        for (int i = 0; i < applied; i++) {
            panels.accept(run.events().get(i));
        }
        panelsFinal = false;
    }

    static String status(ReplayRun run, long t) {
        return String.format(Locale.ROOT, "Replay of %s: %.2f s of %.2f s", run.name(), t / 1e9, run.endNs() / 1e9);
    }
}
