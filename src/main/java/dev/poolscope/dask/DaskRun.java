package dev.poolscope.dask;

import dev.poolscope.cpython.EventChannel;
import dev.poolscope.cpython.InterpreterProcess;
import dev.poolscope.cpython.ProgramGroup;
import dev.poolscope.engine.EventLog;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunDeadline;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunInfo;
import dev.poolscope.engine.RunListener;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.supervisor.KillOnExit;
import dev.poolscope.supervisor.Supervisor;
import dev.poolscope.supervisor.Timers;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scenario running on Dask, as a {@link RunHandle}: the driver (poolscope_dask.py) in a process
 * group of its own, with the local cluster it starts inside that group, so ending the group ends
 * every Dask process of the run. A cluster given by address is outside the group and is never ended.
 *
 * <p>Threads: "poolscope-dask-N" starts the driver and waits for it, two threads read its stdout
 * and stderr, the event channel's threads read its events, "poolscope-dask-events-N" calls the listener.
 */
public final class DaskRun implements RunHandle {
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    /** How long Stop gives the driver to close its client (and its own cluster) before the group is killed. */
    private static final long GRACE_MS = 3000;

    private final int number;
    private final String name;
    private final RunConfig scenario;
    private final DaskOptions options;
    private final DaskPython.Found python;
    private final Path program;
    private final long t0 = System.nanoTime();
    private final EventLog feed;
    private final DaskState state;
    private final EventChannel channel;
    private final ProgramGroup group;
    private volatile Process process;
    private volatile Integer exitCode;
    private volatile boolean stopRequested;
    private volatile RunDeadline deadline;

    private DaskRun(String name, RunConfig scenario, DaskOptions options, DaskPython.Found python, Path program,
                    RunListener listener) throws IOException {
        this.number = NUMBERS.incrementAndGet();
        this.name = name;
        this.scenario = scenario;
        this.options = options;
        this.python = python;
        this.program = program;
        this.feed = new EventLog(listener, "poolscope-dask-events-" + number);
        this.state = new DaskState(t0, feed, scenario.tasks().stream().map(TaskSpec::name).toList());
        this.channel = new EventChannel("poolscope-dask-" + number, state);
        this.group = new ProgramGroup(Supervisor.system(), "POOLSCOPE_EVENTS=" + channel.socketPath());
    }

    static DaskRun start(String name, RunConfig scenario, DaskOptions options, DaskPython.Found python, Path program,
                         RunListener listener) throws IOException {
        DaskRun run = new DaskRun(name, scenario, options, python, program, listener);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread t = new Thread(() -> run.lifetime(started), "poolscope-dask-" + run.number);
        t.setDaemon(true);
        t.start();
        try {
            started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the Dask driver");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        return run;
    }

    private List<String> command() {
        List<String> cmd = new ArrayList<>(group.prefix());
        cmd.add(python.python().executable().toString());
        cmd.add(DaskFiles.driver().toString());
        cmd.add(program.toString());
        cmd.addAll(List.of("--mode", scenario.mode().id(), "--workers", Integer.toString(workers()),
                "--threads", Integer.toString(options.threads())));
        if (options.scheduler() != null) {
            cmd.addAll(List.of("--scheduler", options.scheduler()));
        }
        return cmd;
    }

    /** Workers of a local cluster: the pool size (in process mode, one per task, as many as Processes). */
    private int workers() {
        return scenario.slots();
    }

    private void lifetime(CompletableFuture<Void> started) {
        ProcessBuilder pb = new ProcessBuilder(command());
        pb.environment().put("POOLSCOPE_EVENTS", channel.socketPath().toString());
        pb.environment().remove("PYTHONPATH"); // not the CPython tracer: Dask's own processes run untraced
        pb.environment().put("PYTHONUNBUFFERED", "1");
        pb.directory(program.getParent().toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            channel.close();
            started.completeExceptionally(e);
            return;
        }
        process = p;
        KillOnExit.Entry killOnExit = KillOnExit.register(this::killEverything);
        state.driverStarted(p.pid(), "Dask driver for " + name, python.describe());
        Thread out = InterpreterProcess.readLines(p.getInputStream(), "out", state::driverLine);
        Thread err = InterpreterProcess.readLines(p.getErrorStream(), "err", state::driverLine);
        deadline = RunDeadline.arm(this, options.deadlineMs());
        started.complete(null);
        int code = InterpreterProcess.awaitExit(p);
        long exitAt = System.nanoTime() - t0;
        exitCode = code;
        deadline.close();
        killEverything(); // whatever of our own cluster is left (a killed driver leaves its nannies)
        InterpreterProcess.drain(channel, 2000, out, err);
        Integer signal = InterpreterProcess.signalOf(code, false); // the driver is ours: it never sys.exit()s 128+n
        state.driverExited(exitAt, signal == null ? code : null, signal, stopRequested
                ? (deadlineHit() ? "stopped by PoolScope at the deadline of " + options.deadlineMs() + " ms" : "stopped by PoolScope")
                : signal != null ? "killed by signal " + signal : "exited with code " + code);
        state.finish(stopRequested);
        killOnExit.close();
    }



    private void killEverything() {
        Process p = process;
        if (p != null) {
            group.killAll(p.toHandle());
        }
    }

    // ---- RunHandle ------------------------------------------------------------------------------------

    /**
     * The scenario as Dask ran it: one task per chunk (Dask has no chunks), and as many lanes as
     * the cluster had workers. Plain Processes become tasks submitted one by one (apply_async).
     */
    @Override
    public RunInfo info() {
        return new RunInfo(RunInfo.DASK, null, python.describe());
    }

    @Override
    public RunConfig config() {
        RunConfig.Builder b = scenario.toBuilder().chunksize(null).maxTasksPerChild(null).initializer(null);
        if (scenario.mode() == Mode.PROCESS) {
            b.mode(Mode.APPLY_ASYNC);
        }
        int lanes = state.laneCount();
        b.pool(Math.max(1, lanes > 0 ? lanes : workers()));
        if (scenario.mode() == Mode.MAP || scenario.mode() == Mode.IMAP || scenario.mode() == Mode.IMAP_UNORDERED) {
            b.chunksize(1);
        }
        return b.build();
    }

    @Override
    public long startNanos() {
        return t0;
    }

    /**
     * Asks the driver to end (SIGTERM: it closes its client, and its own local cluster, if any),
     * then kills its whole group after a grace period.
     */
    @Override
    public void stop() {
        stopRequested = true;
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        Timers.after(GRACE_MS, this::killEverything);
    }

    /** SIGKILL to a worker process of this machine; Dask's scheduler notices, reruns its tasks, and a nanny restarts it. */
    @Override
    public boolean killWorker(int slot, long pid) {
        DaskLane lane = state.current(slot, pid);
        if (lane == null || isDone()) {
            return false;
        }
        return ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
    }

    @Override
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return feed.awaitDelivered(timeout);
    }

    @Override
    public boolean isDone() {
        return feed.isDelivered();
    }

    @Override
    public List<RunEvent> events() {
        return feed.snapshot();
    }

    /** PIDs of the Dask worker processes seen as lanes. */
    @Override
    public List<Long> pids() {
        return state.lanes().stream().map(DaskLane::pid).toList();
    }

    // ---- what is particular to a Dask run -------------------------------------------------------------

    public String name() {
        return name;
    }

    public List<DaskLane> lanes() {
        return state.lanes();
    }

    public String schedulerAddress() {
        return state.schedulerAddress();
    }

    /** Whether PoolScope started the cluster (and so ended it), rather than connecting to one. */
    public boolean clusterStarted() {
        return state.clusterStarted();
    }

    public DaskPython.Found python() {
        return python;
    }

    public long driverPid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** Why the driver gave up (no scheduler there, no workers, no Dask), in one sentence, or null. */
    public String failure() {
        return state.fatal();
    }

    @Override
    public boolean deadlineHit() {
        RunDeadline d = deadline;
        return d != null && d.hit();
    }

    /** The driver's exit code, or null while it runs. */
    public Integer exitCode() {
        return exitCode;
    }
}
