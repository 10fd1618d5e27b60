package dev.poolscope.ui.app;

import dev.poolscope.os.Signals;
import dev.poolscope.ui.Display;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens the window for the command line ({@code poolscope ui ...}). This class imports no JavaFX,
 * so the commands can refer to it without loading JavaFX; the toolkit loads only once a window
 * is really opened.
 *
 * <p>A stop by signal is a stop: SIGTERM ({@code timeout}, a logout, the launching JVM passing
 * on its own), SIGHUP (a closed terminal) and Ctrl+C's SIGINT close the window as its close
 * button does (the run stops, every worker ends), quietly, and {@code ui} exits with 128 + the
 * signal. Left to the JVM's default, the exit's shutdown hooks ran while JavaFX still drew, and
 * its render thread, shut down by one of them, printed a {@code RejectedExecutionException}.
 */
public final class Launcher {
    /** How long the window has to close after a signal before the JVM exits anyway. */
    static final long CLOSE_GRACE_MS = 8_000;

    private Launcher() {}

    /** Opens the window and returns when it is closed: 0, 128 + a signal that closed it, or 2 with a one-line message when it cannot open. */
    public static int open(AppOptions options) {
        String noDisplay = Display.problem();
        if (noDisplay != null) {
            System.err.println("poolscope ui: " + noDisplay);
            return 2;
        }
        AtomicInteger signalled = new AtomicInteger();
        List<Signals.Previous> previous = Signals.handleEach(List.of("TERM", "HUP", "INT"), n -> stopBy(signalled, n));
        try {
            if (signalled.get() == 0) {
                PoolScopeApp.launch(options);
            }
            return signalled.get() != 0 ? 128 + signalled.get() : 0;
        } catch (RuntimeException e) {
            if (signalled.get() != 0) {
                return 128 + signalled.get(); // stopped while it opened: nothing to say
            }
            // For example "Unable to open DISPLAY" when DISPLAY names a display that is not there.
            System.err.println("poolscope ui: the window cannot open: " + rootMessage(e)
                    + " (check DISPLAY, or use a command such as 'poolscope run')");
            return 2;
        } finally {
            previous.forEach(Signals::restore);
        }
    }

    /** The first signal closes the window; a second one, or a window that does not close in time, exits at once. */
    private static void stopBy(AtomicInteger signalled, int number) {
        if (!signalled.compareAndSet(0, number)) {
            System.exit(128 + signalled.get()); // the shutdown hook still ends every worker
            return;
        }
        PoolScopeApp.quit();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(CLOSE_GRACE_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.exit(128 + number); // the shutdown hook still ends every worker
        }, "poolscope-window-close-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().replace('\n', ' ');
    }
}
