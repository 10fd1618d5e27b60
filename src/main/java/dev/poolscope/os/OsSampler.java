package dev.poolscope.os;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Samples every live worker of one run from the operating system, {@link #HZ} times a second,
 * beside the engine rather than inside it: it learns PIDs from the run's events and sends
 * {@link RunEvent.WorkerSampled} (and once a second {@link RunEvent.MachineSampled}) to a sink.
 *
 * <pre>{@code
 * OsSampler os = new OsSampler(queue::add);            // the sink: called on the sampler's thread
 * RunHandle run = service.start(config, os.tap(queue::add));
 * os.start(run.startNanos());
 * }</pre>
 *
 * <p>Threads: the sink is called only on this sampler's own daemon thread
 * ("poolscope-os-sampler-N"), never on the run's event thread, so the engine's listener keeps its
 * contract (every engine event in order on one thread). Merging both into one concurrent queue
 * is safe and keeps a useful order: {@link #tap} queues a WorkerSpawned before the sampler knows
 * the PID, and stops sampling a PID (under the sampler's lock, which a tick holds while it sends)
 * before it queues that PID's WorkerExited. So every sample of a process lies between its spawn
 * and its exit in the queue, and no sample follows RunFinished.
 *
 * <p>Lanes are watched by slot: a thread lane (its {@code Lane.tid()}) is read from
 * {@code /proc/PID/task/TID} and shares its process's PID, so a process's exit stops only its own
 * lane's sampling, and a thread's exit only the thread's. A Python program's main process
 * ({@link RunEvent.ProgramStarted}) is watched as slot -1: its total CPU, all its threads
 * together, beside its thread lanes. Threads are read {@link #THREAD_HZ} times a second (a
 * thread's CPU time in {@code schedstat} is exact to the nanosecond), processes {@link #HZ}.
 */
public final class OsSampler implements AutoCloseable {
    /** Samples per second. */
    public static final int HZ = 10;
    /** Samples per second of a thread lane (and of the main process, beside its threads). */
    public static final int THREAD_HZ = 20;
    private static final long PERIOD_NS = 1_000_000_000L / THREAD_HZ;
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final ProcessProbe probe;
    private final Consumer<RunEvent> sink;
    /** Watched lanes by slot (-1: a Python program's main process); guarded by this. */
    private final Map<Integer, Watched> watched = new LinkedHashMap<>();
    private ScheduledExecutorService timer;
    private long startNanos;
    private boolean closed;
    private long ticks;
    private long lastTickAt = -PERIOD_NS;

    /** What the sampler remembers of one process between samples. */
    private static final class Watched {
        final int slot;
        final long pid;
        /** The OS thread id of a thread lane, or -1 for a process. */
        final long tid;
        long lastAt;
        long lastCpu;

        Watched(int slot, long pid, long tid, long spawnedAt) {
            this.slot = slot;
            this.pid = pid;
            this.tid = tid;
            // A new process has used no CPU: the first sample measures from its spawn.
            this.lastAt = spawnedAt;
        }
    }

    public OsSampler(Consumer<RunEvent> sink) {
        this(ProcessProbe.forThisMachine(), sink);
    }

    public OsSampler(ProcessProbe probe, Consumer<RunEvent> sink) {
        this.probe = probe;
        this.sink = sink;
    }

    /** What the samples cannot tell on this machine, in words ("" on Linux). */
    public String missing() {
        return probe.missing();
    }

    /**
     * A listener that passes every event on to {@code next} (on the run's event thread, in order)
     * and tells this sampler which processes to watch; it closes the sampler after RunFinished.
     */
    public RunListener tap(RunListener next) {
        return e -> {
            if (e instanceof RunEvent.WorkerExited x) {
                forget(x.slot(), x.pid());
            } else if (e instanceof RunEvent.ProgramExited x) {
                forget(-1, x.pid());
            } else if (e instanceof RunEvent.RunFinished) {
                close();
            }
            next.onEvent(e);
            if (e instanceof RunEvent.WorkerSpawned s) {
                Long tid = s.lane().tid();
                watch(s.slot(), s.pid(), tid == null ? -1 : tid, s.at());
            } else if (e instanceof RunEvent.ProgramStarted p) {
                watch(-1, p.pid(), -1, p.at());
            }
        };
    }

    /** Starts sampling; {@code runStartNanos} is the run's {@code RunHandle.startNanos()}. */
    public synchronized void start(long runStartNanos) {
        if (closed || timer != null) {
            return;
        }
        startNanos = runStartNanos;
        timer = Executors.newSingleThreadScheduledExecutor(daemon("poolscope-os-sampler-" + COUNT.incrementAndGet()));
        timer.scheduleAtFixedRate(this::tick, 0, PERIOD_NS, TimeUnit.NANOSECONDS);
    }

    /** Watches a process from now on; {@code spawnedAt} is ns since the run started. */
    public synchronized void watch(int slot, long pid, long spawnedAt) {
        watch(slot, pid, -1, spawnedAt);
    }

    /** Watches a lane from now on: a process ({@code tid} -1) or one thread of process {@code pid}. */
    public synchronized void watch(int slot, long pid, long tid, long spawnedAt) {
        if (!closed && pid > 0) {
            Watched before = watched.put(slot, new Watched(slot, pid, tid, spawnedAt));
            if (before != null && before.pid != pid && before.tid < 0) {
                probe.forget(before.pid);
            }
        }
    }

    /** Stops watching the lane in {@code slot} if it still shows {@code pid}; no sample of it is sent after this returns. */
    public synchronized void forget(int slot, long pid) {
        Watched w = watched.get(slot);
        if (w != null && w.pid == pid) {
            watched.remove(slot);
            if (w.tid < 0) {
                probe.forget(pid);
            }
        }
    }

    /** Stops sampling for good; no sample is sent after this returns. Safe to call twice. */
    @Override
    public synchronized void close() {
        closed = true;
        watched.clear();
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** PIDs being watched now (for tests). */
    public synchronized List<Long> watchedPids() {
        List<Long> pids = new ArrayList<>();
        watched.values().forEach(w -> pids.add(w.pid));
        return pids;
    }

    /** One round: read every watched process and send its sample. Holds the lock while sending. */
    private synchronized void tick() {
        if (closed) {
            return;
        }
        try {
            long at = System.nanoTime() - startNanos;
            if (at - lastTickAt < PERIOD_NS / 2) {
                // A starved thread's fixed-rate timer runs the missed ticks back to back: skip them.
                return;
            }
            lastTickAt = at;
            boolean processTick = ticks % (THREAD_HZ / HZ) == 0;
            boolean threads = watched.values().stream().anyMatch(w -> w.tid >= 0);
            for (Watched w : watched.values()) {
                // The main process keeps its threads' pace, so its total lines up with theirs.
                if (w.tid < 0 && !processTick && !(threads && w.slot < 0)) {
                    continue;
                }
                ProcessProbe.Reading r = w.tid < 0 ? probe.read(w.pid) : probe.readThread(w.pid, w.tid);
                if (r != null) {
                    sink.accept(sample(w, r, at));
                }
            }
            if (ticks++ % THREAD_HZ == 0) {
                sink.accept(new RunEvent.MachineSampled(at, MachineLoad.cpus(), MachineLoad.load1()));
            }
        } catch (RuntimeException e) {
            // A failing sink or probe must not end the sampling (a scheduled task that throws stops).
        }
    }

    private static RunEvent.WorkerSampled sample(Watched w, ProcessProbe.Reading r, long at) {
        long dt = at - w.lastAt;
        long dCpu = Math.max(0, r.cpuNanos() - w.lastCpu);
        double pct = dt > 0 ? 100.0 * dCpu / dt : 0;
        w.lastAt = at;
        w.lastCpu = r.cpuNanos();
        return new RunEvent.WorkerSampled(at, w.slot, w.pid, Math.round(pct * 10) / 10.0, r.state(), r.rssKb(),
                r.cpuNanos() / 1e6);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
