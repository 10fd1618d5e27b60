package dev.poolscope.cpython;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives each child process a lane (a worker slot). CPython keeps no slots: a Pool replaces a
 * worker that exited by appending a new one. PoolScope shows the replacement in the lane its
 * predecessor left, so a recycled or replaced worker reads as a new PID in the same lane; a
 * plain Process gets a lane of its own.
 *
 * <p>A lane is free for a pool's new worker once the pool's owner has reaped the lane's
 * process: CPython's Pool reaps exited workers and only then starts their replacements, and
 * the owner's word on both comes on one connection, in order. What the worker itself said
 * (its goodbye, its connection closing) arrives on another connection and may be read earlier
 * or later, so it does not decide.
 */
final class Lanes {
    static final class Lane {
        final int slot;
        final String poolKey;
        PyProcess current;
        int generations;

        Lane(int slot, String poolKey) {
            this.slot = slot;
            this.poolKey = poolKey;
        }
    }

    private final List<Lane> lanes = new ArrayList<>();
    private int threadLanes;

    /**
     * The lane for a newly started process; sets its slot and generation. Returns the lane's
     * previous process. {@code late}: its parent never said it started it; any pool lane whose
     * process is gone will do.
     */
    PyProcess place(PyProcess p, boolean late) {
        Lane lane = null;
        if (p.isPoolWorker()) {
            for (Lane l : lanes) {
                if (p.poolKey != null && p.poolKey.equals(l.poolKey)
                        && (l.current == null || l.current.reapedCode != null || (late && l.current.gone()))) {
                    lane = l;
                    break;
                }
            }
        }
        if (lane == null) {
            lane = new Lane(lanes.size(), p.isPoolWorker() ? p.poolKey : null);
            lanes.add(lane);
        }
        PyProcess before = lane.current;
        lane.current = p;
        p.slot = lane.slot;
        p.generation = lane.generations++;
        return before;
    }

    /** A new lane for a thread (see {@link ThreadLanes}); returns its slot. No process is placed in it. */
    int addThreadLane() {
        lanes.add(new Lane(lanes.size(), null));
        threadLanes++;
        return lanes.size() - 1;
    }

    boolean hasThreadLanes() {
        return threadLanes > 0;
    }

    int count() {
        return lanes.size();
    }

    /** The process now in a lane, or null. */
    PyProcess current(int slot) {
        return slot >= 0 && slot < lanes.size() ? lanes.get(slot).current : null;
    }

    /** Whether every lane belongs to one pool (the program used a Pool and no plain Process). */
    boolean allPool() {
        return !lanes.isEmpty() && lanes.stream().allMatch(l -> l.poolKey != null);
    }
}
