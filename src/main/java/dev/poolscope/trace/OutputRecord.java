package dev.poolscope.trace;

/**
 * A line printed during a run, in the order printed.
 *
 * @param atMs  when the engine received it, ms since the run started
 * @param index the task that printed it, or -1 for the worker's initializer
 */
public record OutputRecord(double atMs, int index, int slot, long pid, String text) {}
