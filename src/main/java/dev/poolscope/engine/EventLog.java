package dev.poolscope.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a run's events and hands them to the listener on a thread of its own, so the engine
 * never waits for a listener. {@link #add} is called under the run's lock, which fixes the order.
 * Both engines use it: PoolRun, and the CPython engine's run (whose socket readers must not wait either).
 */
public final class EventLog {
    /**
     * After handing over a batch the delivery thread rests this long, so that a busy run wakes
     * it about a thousand times a second instead of once per event (which would cost the workers
     * CPU on a small machine). A listener sees events at most about a millisecond late.
     */
    private static final long COALESCE_MS = 1;

    private final List<RunEvent> events = new ArrayList<>();
    private final LinkedBlockingQueue<RunEvent> pending = new LinkedBlockingQueue<>();
    private final CountDownLatch delivered = new CountDownLatch(1);
    private final RunListener listener;

    public EventLog(RunListener listener, String threadName) {
        this.listener = listener == null ? RunListener.NONE : listener;
        if (listener != RunListener.NONE) {
            Thread t = new Thread(this::deliver, threadName);
            t.setDaemon(true);
            t.start();
        }
    }

    public void add(RunEvent event) {
        synchronized (events) {
            events.add(event);
        }
        if (listener != RunListener.NONE) {
            pending.add(event);
        } else if (event instanceof RunEvent.RunFinished) {
            delivered.countDown();
        }
    }

    public List<RunEvent> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Waits until the listener has been handed RunFinished (at once when there is no listener). */
    public boolean awaitDelivered(Duration timeout) throws InterruptedException {
        return delivered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isDelivered() {
        return delivered.getCount() == 0;
    }

    private void deliver() {
        List<RunEvent> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(pending.take());
                pending.drainTo(batch);
                for (RunEvent event : batch) {
                    try {
                        listener.onEvent(event);
                    } catch (RuntimeException e) {
                        // A broken listener must not stop the run or the later events.
                        System.err.println("poolscope: listener failed on " + event + ": " + e);
                    }
                    if (event instanceof RunEvent.RunFinished) {
                        return;
                    }
                }
                batch.clear();
                Thread.sleep(COALESCE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            delivered.countDown();
        }
    }
}
