package dev.poolscope.engine;

import java.util.Arrays;

/**
 * What a lane of a run stands for, the same for every engine: a process (PoolScope's own workers,
 * a Python program's processes), a thread of a process, a worker of another engine (Dask), or a
 * lane of an imported trace. A pool slot whose process is replaced (maxtasksperchild, a crash)
 * stays one lane, so the PID is not part of this: it travels with each process's events and
 * records ({@link RunEvent.WorkerSpawned#pid()}, {@code WorkerRecord.pid()}), -1 where it is not
 * known to be an OS PID.
 *
 * @param kind what the lane is
 * @param tid  the OS thread id (Linux TID) of a thread lane; null for every other kind
 * @param name the thread's name, the Dask worker's address, an imported lane's name; may be null
 * @param host the host a worker of another engine runs on (Dask); null when it is this machine
 */
public record Lane(Kind kind, Long tid, String name, String host) {
    /** What a lane is; {@link #id()} is its word in the trace file ("kind"). */
    public enum Kind {
        PROCESS("process"), THREAD("thread"), WORKER("worker"), LANE("lane");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The kind with this id, or null. */
        public static Kind fromId(String id) {
            return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElse(null);
        }

        /** Every id, for messages: "process, thread, worker, lane". */
        public static String ids() {
            return String.join(", ", Arrays.stream(values()).map(Kind::id).toList());
        }
    }

    /** An OS process of its own (what every lane was before lanes had kinds). */
    public static final Lane PROCESS = new Lane(Kind.PROCESS, null, null, null);

    public Lane {
        if (kind == null) {
            throw new IllegalArgumentException("a lane needs a kind");
        }
        if (kind != Kind.THREAD && tid != null) {
            throw new IllegalArgumentException("only a thread lane has a tid, not a " + kind.id() + " lane");
        }
    }

    /** A thread of a process: its OS thread id and its name. */
    public static Lane thread(long tid, String name) {
        return new Lane(Kind.THREAD, tid, name, null);
    }

    /** A worker of another engine, named by its address; {@code host} null for this machine. */
    public static Lane worker(String name, String host) {
        return new Lane(Kind.WORKER, null, name, host);
    }

    /** A lane of an imported trace, known only by its name. */
    public static Lane imported(String name) {
        return new Lane(Kind.LANE, null, name, null);
    }

    /** The lane's kind; a lane of an old trace, which had no kinds, was a process. */
    public static Lane orProcess(Lane lane) {
        return lane == null ? PROCESS : lane;
    }
}
