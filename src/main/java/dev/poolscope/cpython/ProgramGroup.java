package dev.poolscope.cpython;

import dev.poolscope.supervisor.Supervisor;
import java.util.List;

/**
 * Starts a Python program so that all of it can be ended at once, through the {@link Supervisor}:
 * in a session and process group of its own (same PID), with the kernel's parent-death signal
 * set so the interpreter dies with the thread that started it. Every Python process it starts
 * stays in that group, and carries the run's marker in its environment, so the whole program
 * can be found and ended even where its parent is gone. The Dask engine starts its driver (and
 * the local cluster inside the driver's group) the same way.
 */
public final class ProgramGroup {
    private final Supervisor supervisor;
    /** "NAME=value" in the environment of every process of this run (it inherits it). */
    private final String marker;

    public ProgramGroup(Supervisor supervisor, String marker) {
        this.supervisor = supervisor;
        this.marker = marker;
    }

    /** The prefix that puts {@code python} in its own group with a parent-death signal. */
    public List<String> prefix() {
        return supervisor.prefix(new Supervisor.Launch(true, true, false, false));
    }

    /**
     * SIGKILL to the main process, everything below it, and everything left with the run's marker.
     * The order matters: a Pool's parent that sees a child die forks a replacement, so the group
     * goes in one kill(2), and without a group the parent goes before its children.
     */
    public void killAll(ProcessHandle main) {
        List<ProcessHandle> below = main.descendants().toList();
        if (supervisor.givesOwnGroup()) {
            supervisor.killGroup(main.pid());
        }
        main.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
        // Those that left the tree: children of a process already gone (handed to init), or of
        // an interpreter already reaped (its descendants can no longer be listed).
        Supervisor.withEnvironment(marker).forEach(ProcessHandle::destroyForcibly);
    }
}
