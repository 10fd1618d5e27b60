package dev.poolscope.os;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The one place PoolScope handles an OS signal (Ctrl+C's SIGINT, SIGTERM, ...) itself, instead of
 * leaving it to the JVM's default (exit, running the shutdown hooks).
 *
 * <p>Java has no supported API for this: {@code sun.misc.Signal} lives in {@code jdk.unsupported},
 * the module JEP 260 keeps open for exactly such uses. javac warns at every use of it ("internal
 * proprietary API"), so this class is compiled apart from the rest with those warnings off
 * (pom.xml, execution {@code signals}); everything else calls it and compiles warning-free. A
 * runtime without {@code jdk.unsupported}, or a JVM that does not own the signal ({@code -Xrs}, or a
 * SIGINT ignored when the JVM started, as for a script's background job), keeps the default.
 */
public final class Signals {
    private Signals() {}

    /** The handler a call replaced, to put back with {@link #restore}; null when nothing was changed. */
    public static final class Previous {
        private final Signal signal;
        private final SignalHandler handler;

        private Previous(Signal signal, SignalHandler handler) {
            this.signal = signal;
            this.handler = handler;
        }
    }

    /**
     * Runs {@code action} (on a thread of the JVM's own) each time {@code name} ("INT", "TERM", ...)
     * arrives; returns what it replaced, or null where the JVM does not let this process handle it.
     */
    public static Previous handle(String name, Runnable action) {
        return replace(name, () -> signal -> action.run());
    }

    /**
     * Handles each of {@code names} ("TERM", "HUP", ...) with {@code action}, told the number of the
     * signal that came (15 for TERM); returns what each replaced, for {@link #restore}.
     */
    public static java.util.List<Previous> handleEach(java.util.List<String> names, java.util.function.IntConsumer action) {
        java.util.List<Previous> previous = new java.util.ArrayList<>();
        for (String name : names) {
            previous.add(replace(name, () -> signal -> action.accept(signal.getNumber())));
        }
        return previous;
    }

    /** Ignores {@code name} until {@link #restore}; returns what it replaced, or null where it cannot. */
    public static Previous ignore(String name) {
        return replace(name, () -> SignalHandler.SIG_IGN);
    }

    /** Puts back the handler {@code previous} replaced (nothing for null). */
    public static void restore(Previous previous) {
        if (previous != null) {
            Signal.handle(previous.signal, previous.handler);
        }
    }

    /** The handler is made only once sun.misc is known to be there, so a runtime without it gets null. */
    private static Previous replace(String name, java.util.function.Supplier<SignalHandler> handler) {
        try {
            Signal signal = new Signal(name);
            return new Previous(signal, Signal.handle(signal, handler.get()));
        } catch (LinkageError | IllegalArgumentException e) {
            return null; // no jdk.unsupported, an unknown signal, or one the JVM keeps (-Xrs, ignored at start)
        }
    }
}
