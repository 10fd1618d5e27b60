package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts {@link FakeWorker}s instead of JVMs, following a script: each start can succeed, fail
 * ("could not start"), start a deaf worker, or wait for the test's go-ahead first, so a test can
 * hold a start in flight while it stops or finishes the run. Starts not in the script succeed.
 */
final class FakeLauncher implements WorkerLauncher {
    /** SPAWN_HELPER_INTERRUPTED: the JDK's spawn helper was killed by a Ctrl+C, as the JDK says it. */
    enum Outcome { START, FAIL, DEAF, SPAWN_HELPER_INTERRUPTED }

    /** One scripted start: what it does, and (if not null) a latch it waits on first. */
    static final class Step {
        final Outcome outcome;
        final CountDownLatch go;
        final CountDownLatch entered = new CountDownLatch(1);

        Step(Outcome outcome, boolean held) {
            this.outcome = outcome;
            this.go = held ? new CountDownLatch(1) : null;
        }

        /** Waits until the spawner thread is inside this start. */
        void awaitEntered() throws InterruptedException {
            assertTrue(entered.await(5, TimeUnit.SECONDS), "the scripted start was never reached");
        }

        void release() {
            go.countDown();
        }
    }

    private final Deque<Step> script = new ArrayDeque<>();
    private final BlockingQueue<FakeWorker> started = new LinkedBlockingQueue<>();
    final AtomicInteger calls = new AtomicInteger();

    synchronized Step then(Outcome outcome) {
        Step step = new Step(outcome, false);
        script.add(step);
        return step;
    }

    /** A start that waits for {@link Step#release()} before doing what it says. */
    synchronized Step held(Outcome outcome) {
        Step step = new Step(outcome, true);
        script.add(step);
        return step;
    }

    @Override
    public Process start() throws IOException {
        calls.incrementAndGet();
        Step step;
        synchronized (this) {
            step = script.poll();
        }
        if (step != null) {
            step.entered.countDown();
            if (step.go != null) {
                try {
                    assertTrue(step.go.await(10, TimeUnit.SECONDS), "held start never released");
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            if (step.outcome == Outcome.FAIL) {
                throw new IOException("scripted start failure");
            }
            if (step.outcome == Outcome.SPAWN_HELPER_INTERRUPTED) {
                throw new IOException("Cannot run program \"/usr/bin/setsid\": error=0, Failed to exec spawn helper:"
                        + " pid: 1078, signal: 2");
            }
        }
        FakeWorker w = new FakeWorker(step != null && step.outcome == Outcome.DEAF);
        started.add(w);
        return w;
    }

    /** The next worker started, waiting up to 5 s for it. */
    FakeWorker next() throws InterruptedException {
        FakeWorker w = started.poll(5, TimeUnit.SECONDS);
        assertNotNull(w, "no worker started within 5 s");
        return w;
    }

    /** The next worker started within the time, else null. */
    FakeWorker poll(long ms) throws InterruptedException {
        return started.poll(ms, TimeUnit.MILLISECONDS);
    }

    /** Starts a run on fakes. */
    RunHandle run(RunConfig config) {
        return new PoolService(this).start(config, RunListener.NONE);
    }

    /** Waits for a run on fakes; they finish in milliseconds, so 10 s means it hangs. */
    static RunResult finish(RunHandle run) throws InterruptedException {
        assertTrue(run.awaitDone(Duration.ofSeconds(10)), "the run never finished: " + tail(run));
        return RunResult.of(run);
    }

    static String tail(RunHandle run) {
        var events = run.events();
        return events.subList(Math.max(0, events.size() - 6), events.size()).toString();
    }
}
