package dev.poolscope.dask;

/**
 * One Dask worker process as a lane: its slot (one per worker name, so a nanny's restart stays in
 * its lane), its address, host, PID (asked of the worker itself) and threads. Mutable fields are
 * guarded by {@link DaskState}'s lock.
 */
public final class DaskLane {
    final int slot;
    final int generation;
    final long pid;
    final String address;
    final String name;
    final String host;
    final int threads;
    int running;
    boolean gone;

    DaskLane(int slot, int generation, long pid, String address, String name, String host, int threads) {
        this.slot = slot;
        this.generation = generation;
        this.pid = pid;
        this.address = address;
        this.name = name;
        this.host = host;
        this.threads = threads;
    }

    public int slot() {
        return slot;
    }

    public int generation() {
        return generation;
    }

    public long pid() {
        return pid;
    }

    /** The worker's address, "tcp://127.0.0.1:40879": its name in the lane model. */
    public String address() {
        return address;
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public int threads() {
        return threads;
    }
}
