package dev.poolscope.trace;

/**
 * A line printed during a run; a run's lines are listed in the order written.
 *
 * @param atMs  when it was written (the CPython engine: taken in the process that wrote it) or,
 *              where the engine cannot know that, when it reached the engine; ms since the run started
 * @param index the task that printed it, or -1 for the worker's initializer
 */
public record OutputRecord(double atMs, int index, int slot, long pid, String text) {}
