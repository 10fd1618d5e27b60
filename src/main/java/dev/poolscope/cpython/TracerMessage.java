package dev.poolscope.cpython;

import java.util.HashMap;
import java.util.Map;

/**
 * The kinds of message the Python tracer sends (each message's {@code "e"} field), as
 * docs/tracer-protocol.md defines them. The tracer's own list is {@code poolscope_tracer.KINDS};
 * a test checks the two name the same kinds. {@link RunState} turns each into engine events.
 */
enum TracerMessage {
    /** First message of every process: its PID, parent PID, Python version and executable. */
    HELLO("hello"),
    /** A line the process printed (fd 1 or 2), timed when it was written. */
    OUT("out"),
    /** Parent: it started a child process (its PID, its role: a Pool worker or a program's Process). */
    STARTED("started"),
    /** Child: its role and creator, as the child itself sees them. */
    CHILD("child"),
    /** Child: its last word, with its exit code and (Pool workers) why it stopped taking tasks. */
    BYE("bye"),
    /** Main process: the interpreter is ending on its own (so its exit status is an exit code). */
    EXIT("exit"),
    /** Main process: the exception that ends it, with the program's line. */
    ERROR("error"),
    /** Worker or Process child: a task item (or a Process's target) started. */
    TASK0("task0"),
    /** Worker or Process child: the item that started last ended (its result or error). */
    TASK1("task1"),
    /** Pool worker: its initializer started. */
    INIT0("init0"),
    /** Pool worker: its initializer ended (with the error, if it raised). */
    INIT1("init1"),
    /** Pool worker: ready for its first task. */
    READY("ready"),
    /** Caller: tasks it submitted to a Pool, in submission order, before they run. */
    QUEUED("queued"),
    /** Caller: which results of a job it can now have. */
    RESULT("result"),
    /** Caller: a call on a Process object (join, its return, is_alive). */
    MARK("mark"),
    /** Caller: terminate() or kill() sent a signal to a child. */
    SIGNAL("signal"),
    /** Parent: it learned a child's exit code (negative: the signal that killed it). */
    REAPED("reaped"),
    /** Owner of a Pool: a step of the Pool's life (created, a call and its return, close, join, terminate). */
    POOL("pool"),
    /** A thread of the program's work, from inside as it begins: its TID, name and role (poolscope_threads). */
    THREAD("thread"),
    /** That thread ended. */
    THREAD_END("thread_end"),
    /** A thread: a task started on it (a Thread's target, a ThreadPool item, a ThreadPoolExecutor call). */
    TTASK0("ttask0"),
    /** A thread: its task ended (its result or error). */
    TTASK1("ttask1"),
    /** Caller: a ThreadPool or ThreadPoolExecutor call submitted, in submission order, before it runs. */
    TQUEUED("tqueued"),
    /** Caller: a call on a Thread object (start, join and its return, is_alive). */
    TMARK("tmark"),
    /** Owner of a ProcessPoolExecutor: a future it failed without running (BrokenProcessPool, or cancelled). */
    XFAIL("xfail");

    private static final Map<String, TracerMessage> BY_WIRE = new HashMap<>();

    static {
        for (TracerMessage m : values()) {
            BY_WIRE.put(m.wire, m);
        }
    }

    final String wire;

    TracerMessage(String wire) {
        this.wire = wire;
    }

    /** The kind named by a message's "e" field, or null for one this PoolScope does not know. */
    static TracerMessage of(String wire) {
        return BY_WIRE.get(wire);
    }
}
