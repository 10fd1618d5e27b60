package dev.poolscope.cli;

import dev.poolscope.engine.RunHandle;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl+C during {@code run} does what the window's Stop button does: the run stops (every worker
 * ends, unfinished tasks are marked cancelled) and the command prints the partial report and
 * exits with 130. A second Ctrl+C quits at once (the engine's shutdown hook still kills the
 * workers).
 *
 * <p>Why a SIGINT handler and not a shutdown hook: a hook runs at the same time as the engine's
 * own hook, which kills every worker, so a task could be reported crashed rather than cancelled
 * depending on which hook ran first; and while hooks run, the JVM is already exiting. A handler
 * replaces the JVM's default for SIGINT only, so the run is stopped first and the JVM exits
 * afterwards, in order. {@code sun.misc.Signal} is in {@code jdk.unsupported}, kept public on
 * purpose (JEP 260) for exactly this. Where it is not available, Ctrl+C keeps the JVM's default
 * (exit, workers killed by the engine's hook).
 */
final class StopOnCtrlC implements AutoCloseable {
    private static final Signal INT = new Signal("INT");
    private final AtomicInteger presses = new AtomicInteger();
    private final SignalHandler previous;

    private StopOnCtrlC(Runnable stop) {
        SignalHandler old;
        try {
            old = Signal.handle(INT, sig -> {
                if (presses.incrementAndGet() == 1) {
                    System.err.println("Stopping: every worker ends, unfinished tasks are cancelled (Ctrl+C again to quit"
                            + " at once)...");
                    stop.run();
                } else {
                    System.exit(PoolScopeCommand.INTERRUPTED);
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            old = null; // SIGINT is not ours to handle here (e.g. the JVM runs with -Xrs)
        }
        previous = old;
    }

    /** Handles Ctrl+C for this run until {@link #close()}. */
    static StopOnCtrlC install(RunHandle run) {
        return new StopOnCtrlC(run::stop);
    }

    /** Handles Ctrl+C with {@code stop} (a sweep cancels its runs) until {@link #close()}. */
    static StopOnCtrlC install(Runnable stop) {
        return new StopOnCtrlC(stop);
    }

    /** Whether Ctrl+C stopped the run. */
    boolean pressed() {
        return presses.get() > 0;
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
