package dev.poolscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Keeps a run's events and hands them to the listener on a thread of its own, so the engine
 * never waits for a listener. {@link #add} is called under the run's lock, which fixes the order.
 */
final class EventLog {
    private final List<RunEvent> events = new ArrayList<>();
    private final LinkedBlockingQueue<RunEvent> pending = new LinkedBlockingQueue<>();
    private final CountDownLatch delivered = new CountDownLatch(1);
    private final RunListener listener;

    EventLog(RunListener listener, String threadName) {
        this.listener = listener;
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

    CountDownLatch delivered() {
        return delivered;
    }

    private void deliver() {
        try {
            while (true) {
                RunEvent event = pending.take();
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    // A broken listener must not stop the others' events or the run.
                    System.err.println("poolscope: listener failed on " + event + ": " + e);
                }
                if (event instanceof RunEvent.RunFinished) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            delivered.countDown();
        }
    }
}
