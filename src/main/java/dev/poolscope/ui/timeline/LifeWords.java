package dev.poolscope.ui.timeline;

/** A process's life in words, as its lane's exit label says it ("exit 0 · lived 6.4 ms, ran 0.084 ms"), for the panels. */
public final class LifeWords {
    private LifeWords() {}

    /** How the process ended, how long it lived, how long its one target ran; null while it lives. */
    public static String of(TimelineModel run, TimelineModel.Lane lane, TimelineModel.Life life) {
        return life.exitAt() < 0 ? null : LifePainter.exitText(run, lane, life);
    }
}
