package dev.poolscope.engine;

/**
 * Receives a run's events in order. Called on the run's own event thread
 * ("poolscope-events-N"), never on an engine thread, so a slow listener cannot stall workers;
 * it only delays its own later events.
 */
@FunctionalInterface
public interface RunListener {
    void onEvent(RunEvent event);

    RunListener NONE = event -> {};
}
