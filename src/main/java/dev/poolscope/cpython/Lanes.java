package dev.poolscope.cpython;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives each child process a lane (a worker slot). CPython keeps no slots: a Pool replaces a
 * worker that exited by appending a new one. PoolScope shows the replacement in the lane its
 * predecessor left, so a recycled or replaced worker reads as a new PID in the same lane; a
 * plain Process gets a lane of its own.
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

    /** The lane for a newly started process; sets its slot and generation. Returns the lane's previous process. */
    PyProcess place(PyProcess p) {
        Lane lane = null;
        if (p.isPoolWorker()) {
            for (Lane l : lanes) {
                if (p.poolKey != null && p.poolKey.equals(l.poolKey) && (l.current == null || l.current.gone())) {
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
