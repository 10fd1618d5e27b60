package dev.poolscope.ui.export;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * JavaFX with no display: Monocle's headless platform (the one the UI tests use), chosen
 * before the toolkit starts, with software rendering. Pictures made here go through the same
 * painter, controls and CSS as the window's. When the toolkit is already running (the window,
 * the tests) it is used as it is.
 */
public final class HeadlessFx {
    private static boolean started;

    private HeadlessFx() {}

    /** Starts the toolkit headless if it is not running yet. */
    public static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        // A command's output holds only what it made or what went wrong.
        dev.poolscope.ui.JavaFxSetup.beforeToolkitStarts();
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start in 30 s");
        }
        // Pictures are made with no window open; closing none must not end the toolkit.
        Platform.setImplicitExit(false);
        started = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Runs {@code work} on the FX thread and returns its result (directly when already on it). */
    public static <T> T call(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }
}
