package dev.poolscope.cli;

import dev.poolscope.engine.RunHandle;
import dev.poolscope.os.Signals;
import java.util.concurrent.atomic.AtomicInteger;

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
 * afterwards, in order.
 *
 * <p>The handler is installed through {@link Signals}. Where the JVM does not let PoolScope handle SIGINT (a
 * runtime without {@code jdk.unsupported}, {@code -Xrs}), Ctrl+C keeps the JVM's default (exit; the
 * engine's shutdown hook kills the workers). So does a SIGINT that was ignored when the JVM started
 * (a background job of a script): the JVM keeps ignoring it, as a shell expects.
 */
final class StopOnCtrlC implements AutoCloseable {
    private final AtomicInteger presses = new AtomicInteger();
    private final Signals.Previous previous;

    private StopOnCtrlC(Runnable stop) {
        previous = Signals.handle("INT", () -> {
            if (presses.incrementAndGet() == 1) {
                System.err.println("Stopping: every worker ends, unfinished tasks are cancelled (Ctrl+C again to quit"
                        + " at once)...");
                stop.run();
            } else {
                System.exit(PoolScopeCommand.INTERRUPTED);
            }
        });
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
        Signals.restore(previous);
    }
}
