package dev.poolscope.cli;

import dev.poolscope.engine.RunHandle;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
 * <p>The handler is {@code sun.misc.Signal} from {@code jdk.unsupported}, the module JEP 260 keeps
 * open for exactly this. It is reached by reflection so that the build has no internal-API
 * warnings and a runtime without that module still runs: Ctrl+C then keeps the JVM's default
 * (exit; the engine's shutdown hook kills the workers). So does a SIGINT that was ignored when
 * the JVM started (a background job of a script): the JVM keeps ignoring it, as a shell expects.
 */
final class StopOnCtrlC implements AutoCloseable {
    private final AtomicInteger presses = new AtomicInteger();
    private final Object previous;

    private StopOnCtrlC(Runnable stop) {
        previous = handle(() -> {
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
        if (previous != null) {
            setHandler(previous);
        }
    }

    /** Installs {@code action} as the SIGINT handler; returns the one it replaced, or null if none was installed. */
    private static Object handle(Runnable action) {
        try {
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(StopOnCtrlC.class.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "StopOnCtrlC handler";
                    });
            return setHandler(handler);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // no jdk.unsupported, or SIGINT is not ours (-Xrs): the JVM's default stays
        }
    }

    private static Object setHandler(Object handler) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object sigint = signalType.getConstructor(String.class).newInstance("INT");
            Method handle = signalType.getMethod("handle", signalType, handlerType);
            return handle.invoke(null, sigint, handler);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
