package dev.poolscope.trace;

/**
 * How busy one worker slot was.
 *
 * @param busyMs      the summed time of the tasks that ran in this slot (all its processes)
 * @param utilization busyMs / makespan, 0..1 (0 when the makespan is 0)
 */
public record SlotStats(int slot, double busyMs, double utilization) {}
