package dev.poolscope.cli;

import dev.poolscope.os.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl+C (SIGINT), SIGTERM ({@code timeout}, CI, a service manager) and SIGHUP (a closed
 * terminal) during a command do what the window's Stop button does: the run stops (every
 * worker ends, unfinished tasks are marked cancelled), the command prints the partial report,
 * writes its files and exits with 128 + the signal's number, as a shell reports a process
 * ended by it. A second signal quits at once (the shutdown hook still ends every process).
 *
 * <p>Installed before the run starts, so a signal that comes while it is being set up is not
 * lost: the run is stopped as soon as it is {@linkplain #attach attached}.
 *
 * <p>Why handlers and not a shutdown hook: a hook runs at the same time as the hook that kills
 * every process left, so a task could be reported crashed rather than cancelled depending on
 * which ran first; and while hooks run, the JVM is already exiting. A handler replaces the
 * JVM's default for its signal only, so the run is stopped first and the JVM exits afterwards.
 *
 * <p>The handlers are installed through {@link Signals}. Where the JVM does not let PoolScope handle
 * a signal (a runtime without {@code jdk.unsupported}, {@code -Xrs}), it keeps the JVM's default
 * (exit; the shutdown hook ends every process). So does a SIGINT that was ignored when the JVM
 * started (a background job of a script): the JVM keeps ignoring it, as a shell expects.
 */
final class StopOnSignals implements AutoCloseable {
    /** A signal that stops a run, its number and how the messages name it. */
    enum Stop {
        INT(2, "Ctrl+C"), TERM(15, "SIGTERM"), HUP(1, "SIGHUP");

        final int number;
        final String said;

        Stop(int number, String said) {
            this.number = number;
            this.said = said;
        }

        /** 128 + the signal's number. */
        int exitCode() {
            return 128 + number;
        }
    }

    /** The last signal that stopped something in this process (signals are the process's, not a command's). */
    private static volatile Stop last = Stop.INT;

    private final AtomicReference<Stop> received = new AtomicReference<>();
    private final List<Signals.Previous> previous = new ArrayList<>();
    private volatile Runnable stop;

    private StopOnSignals(Runnable stop) {
        this.stop = stop;
        for (Stop s : Stop.values()) {
            previous.add(Signals.handle(s.name(), () -> signalled(s)));
        }
    }

    /** Handles the signals for a run that is about to start: {@link #attach} it once it has. */
    static StopOnSignals install() {
        return new StopOnSignals(null);
    }

    /** Handles the signals with {@code stop} (a sweep cancels its runs) until {@link #close()}. */
    static StopOnSignals install(Runnable stop) {
        return new StopOnSignals(stop);
    }

    /** From now on a signal runs {@code stop}; one that came already runs it now. */
    void attach(Runnable stop) {
        this.stop = stop;
        if (received.get() != null) {
            stop.run();
        }
    }

    private void signalled(Stop s) {
        if (received.compareAndSet(null, s)) {
            last = s;
            System.err.println("Stopping (" + s.said + "): every worker ends, unfinished tasks are cancelled ("
                    + s.said + " again to quit at once)...");
            Runnable r = stop;
            if (r != null) {
                r.run();
            }
        } else {
            System.exit(s.exitCode());
        }
    }

    /** Whether a signal stopped the run. */
    boolean pressed() {
        return received.get() != null;
    }

    /** The signal that stopped the run, or null. */
    Stop signal() {
        return received.get();
    }

    /** 128 + the number of the last signal that stopped a run in this process (130 if none did). */
    static int lastExitCode() {
        return last.exitCode();
    }

    @Override
    public void close() {
        previous.forEach(Signals::restore);
    }
}
