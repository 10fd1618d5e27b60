package dev.poolscope.supervisor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything PoolScope has started and not yet seen end, for every engine: one shutdown hook
 * ends what is left when PoolScope exits (normally, or on a signal the JVM turns into an
 * exit). On SIGKILL no hook runs: the parent-death signal ({@link Supervisor}) and the
 * workers' own watch on their input cover that.
 */
public final class KillOnExit {
    /** A registration; closing it means the process ended and needs no killing any more. */
    public interface Entry extends AutoCloseable {
        @Override
        void close();
    }

    private static final Set<Runnable> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(KillOnExit::killAll, "poolscope-kill-on-exit"));
    }

    private KillOnExit() {}

    /** Runs {@code kill} when PoolScope exits, unless the entry is closed first. */
    public static Entry register(Runnable kill) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                kill.run();
            }
        };
        LIVE.add(once);
        return () -> LIVE.remove(once);
    }

    /** A process: destroyed forcibly when PoolScope exits. */
    public static Entry register(Process process) {
        return register(process::destroyForcibly);
    }

    /** How many registrations are open. */
    public static int count() {
        return LIVE.size();
    }

    static void killAll() {
        for (Runnable kill : LIVE) {
            try {
                kill.run();
            } catch (RuntimeException e) {
                // the next one still gets ended
            }
        }
    }
}
