package dev.poolscope.ui;

import dev.poolscope.engine.RunHandle;
import dev.poolscope.ui.timeline.TimelineModel;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * The main window's run as the pieces that save, replay, pin or export it see it (the window's
 * run controller implements it). Called on the FX thread.
 */
public interface CurrentRun {
    /** The run going or last run, or null before the first one. */
    RunHandle handle();

    /** What the timeline draws of it, or null before the first run. */
    TimelineModel live();

    /** Nanoseconds since the run started, up to its end once it is over. */
    long runNow();

    /** True while a run is going (not while a replay plays). */
    ReadOnlyBooleanProperty runningProperty();

    /** Forgets the run: an empty timeline and panels. */
    void reset();

    /** Shows a still moment of a run that is not going (a replay), with this status line. */
    void showStill(TimelineModel run, long nowNs, String statusText);
}
