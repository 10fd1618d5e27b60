package dev.poolscope.cpython;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A run's events in order, handed to the listener on a thread of its own
 * ("poolscope-cpython-events-N") so a slow listener never holds up the socket readers.
 * The caller of {@link #add} fixes the order (it holds the run's lock).
 */
final class EventFeed {
    private final List<RunEvent> events = new ArrayList<>();
    private final LinkedBlockingQueue<RunEvent> pending = new LinkedBlockingQueue<>();
    private final CountDownLatch delivered = new CountDownLatch(1);
    private final RunListener listener;

    EventFeed(RunListener listener, String threadName) {
        this.listener = listener == null ? RunListener.NONE : listener;
        Thread t = new Thread(this::deliver, threadName);
        t.setDaemon(true);
        t.start();
    }

    void add(RunEvent event) {
        synchronized (events) {
            events.add(event);
        }
        pending.add(event);
    }

    List<RunEvent> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    boolean awaitDelivered(Duration timeout) throws InterruptedException {
        return delivered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isDelivered() {
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
                        System.err.println("poolscope: listener failed on " + event + ": " + e);
                    }
                    if (event instanceof RunEvent.RunFinished) {
                        return;
                    }
                }
                batch.clear();
                Thread.sleep(1); // a busy run wakes the listener ~1000 times a second, not per event
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            delivered.countDown();
        }
    }
}
