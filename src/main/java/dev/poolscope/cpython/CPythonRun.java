package dev.poolscope.cpython;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunDeadline;
import dev.poolscope.engine.EventLog;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunInfo;
import dev.poolscope.engine.RunListener;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.supervisor.KillOnExit;
import dev.poolscope.supervisor.Supervisor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Python program running under PoolScope, as a {@link RunHandle}: its events are the
 * engine's, so everything that shows a run shows this one.
 *
 * <p>Threads: "poolscope-cpython-N" starts the interpreter and waits for it (it is the parent
 * the kernel's parent-death signal watches, so it lives as long as the program), two threads
 * read what the interpreter writes outside the tracer, the event channel's threads read the
 * tracer, and "poolscope-cpython-events-N" calls the listener.
 */
public final class CPythonRun implements RunHandle {
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    /** Tells every process of the program where the tracer's channel is; also marks them as this run's. */
    static final String EVENTS_VARIABLE = "POOLSCOPE_EVENTS";
    /** How long the run waits, once the program has ended, for its processes' last words. */
    private static final long DRAIN_MS = 2000;

    private final int number;
    private final String name;
    private final Path program;
    private final List<String> args;
    private final CPythonOptions options;
    private final PythonInterpreter python;
    private final RunConfig scenario;
    private final long t0 = System.nanoTime();
    private final EventLog feed;
    private final RunState state;
    private final EventChannel channel;
    private volatile Process process;
    private volatile Integer exitCode;
    private volatile boolean stopRequested;
    private final ProgramGroup group;
    private volatile RunDeadline deadline;

    private CPythonRun(String name, Path program, List<String> args, CPythonOptions options, PythonInterpreter python,
                       RunConfig scenario, RunListener listener, Supervisor supervisor) throws IOException {
        this.number = NUMBERS.incrementAndGet();
        this.name = name;
        this.program = program;
        this.args = List.copyOf(args);
        this.options = options;
        this.python = python;
        this.scenario = scenario;
        this.feed = new EventLog(listener, "poolscope-cpython-events-" + number);
        this.state = new RunState(t0, feed, scenario == null ? TaskBook.forProgram() : TaskBook.forScenario(scenario));
        this.channel = new EventChannel(threadName(), state);
        state.readUpTo(channel::caughtUpNanos);
        this.group = new ProgramGroup(supervisor, EVENTS_VARIABLE + "=" + channel.socketPath());
    }

    static CPythonRun start(String name, Path program, List<String> args, CPythonOptions options,
                            PythonInterpreter python, RunConfig scenario, RunListener listener, Supervisor supervisor)
            throws IOException {
        CPythonRun run = new CPythonRun(name, program, args, options, python, scenario, listener, supervisor);
        CompletableFuture<Process> started = new CompletableFuture<>();
        Thread t = new Thread(() -> run.lifetime(started), run.threadName());
        t.setDaemon(true);
        t.start();
        try {
            started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + program);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        return run;
    }

    private List<String> command() {
        List<String> cmd = new ArrayList<>(group.prefix());
        cmd.add(python.executable().toString());
        cmd.add(program.toString());
        cmd.addAll(args);
        return cmd;
    }

    private void lifetime(CompletableFuture<Process> started) {
        ProcessBuilder pb = new ProcessBuilder(command());
        Map<String, String> env = pb.environment();
        env.put(EVENTS_VARIABLE, channel.socketPath().toString());
        String pythonPath = env.get("PYTHONPATH");
        env.put("PYTHONPATH", TracerFiles.dir() + (pythonPath == null || pythonPath.isEmpty() ? "" : File.pathSeparator + pythonPath));
        if (options.startMethod() != null) {
            env.put("POOLSCOPE_START_METHOD", options.startMethod());
        }
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
        state.mainStarted(p.pid(), program.toString(), python.describe());
        Thread out = InterpreterProcess.readLines(p.getInputStream(), "out", state::mainRawLine);
        Thread err = InterpreterProcess.readLines(p.getErrorStream(), "err", state::mainRawLine);
        deadline = RunDeadline.arm(this, options.deadlineMs());
        started.complete(p);
        int code = InterpreterProcess.awaitExit(p);
        long exitAt = System.nanoTime() - t0;
        exitCode = code;
        deadline.close();
        // The program is over: whatever it left running goes too (daemon workers, orphans).
        killEverything();
        // Every process is gone now; read what they said before saying the program ended.
        InterpreterProcess.drain(channel, DRAIN_MS, out, err);
        Integer signal = InterpreterProcess.signalOf(code, state.mainSaidExit());
        state.mainExited(exitAt, signal == null ? code : null, signal, mainDetail(code, signal));
        state.finish(stopRequested);
        killOnExit.close();
    }

    private String mainDetail(int code, Integer signal) {
        if (deadlineHit()) {
            return "stopped by PoolScope at the deadline of " + options.deadlineMs() + " ms";
        }
        if (stopRequested) {
            return "stopped by PoolScope";
        }
        if (signal != null) {
            return "killed by signal " + signal + " (" + ExitWords.signalName(signal) + ")";
        }
        return "exited with code " + code;
    }



    private void killEverything() {
        Process p = process;
        if (p != null) {
            group.killAll(p.toHandle());
        }
    }

    /** The name of the thread that waits for the interpreter; the channel's and pipes' threads start with it. */
    String threadName() {
        return "poolscope-cpython-" + number;
    }

    // ---- RunHandle ------------------------------------------------------------------------------------

    /**
     * For a scenario, its configuration. For a program, what it has shown so far as a watched
     * run's configuration (map over its lanes, or process mode when every lane ran one Process),
     * with no task until its first one is seen.
     */
    @Override
    public RunConfig config() {
        if (scenario != null) {
            return scenario;
        }
        List<String> names = state.taskNames();
        int lanes = Math.max(1, state.laneCount()); // the program's processes are its own: a Pool(100) has 100
        boolean process = !state.allPool() && !state.hasThreadLanes() && names.size() == state.laneCount()
                && !names.isEmpty();
        RunConfig.Builder b = RunConfig.builder().mode(process ? Mode.PROCESS : Mode.MAP).pool(lanes)
                .chunksize(process ? null : 1);
        names.forEach(n -> b.task(TaskSpec.of(n.isBlank() ? "task" : n, TaskKind.NOOP, 0)));
        return b.buildObserved();
    }

    @Override
    public RunInfo info() {
        return new RunInfo(RunInfo.CPYTHON, scenario == null ? program.toString() : null, python.describe());
    }

    @Override
    public long startNanos() {
        return t0;
    }

    @Override
    public void stop() {
        stopRequested = true;
        state.stopping();
        killEverything();
    }

    /** SIGKILL to the process in a lane; CPython's Pool then starts a new one, and the lost task stays lost. */
    @Override
    public boolean killWorker(int slot, long pid) {
        return state.kill(slot, pid);
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

    /** PIDs of every child process of the program (the lanes' processes); not the main process. */
    @Override
    public List<Long> pids() {
        return state.childPids();
    }

    // ---- what is particular to a CPython run ----------------------------------------------------------

    /** The run's name: the program's file name, or the scenario's name. */
    public String name() {
        return name;
    }

    public Path program() {
        return program;
    }

    public PythonInterpreter interpreter() {
        return python;
    }

    /** The main interpreter's PID (it heads the program's process group). */
    public long mainPid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** The interpreter's exit code (128 + n when killed by signal n), or null while it runs. */
    public Integer exitCode() {
        return exitCode;
    }

    @Override
    public boolean deadlineHit() {
        RunDeadline d = deadline;
        return d != null && d.hit();
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /**
     * The run's exit status for a command line: the program's own exit code, or 1 when
     * PoolScope stopped it (at the deadline, or by Stop); null while it runs.
     */
    public Integer exitStatus() {
        Integer code = exitCode;
        if (code == null) {
            return null;
        }
        return deadlineHit() || stopRequested ? 1 : code;
    }

    /** The exception that ended the main process (uncaught, or a SyntaxError), or null. */
    public MainFailure failure() {
        return state.failure();
    }

    /** Whether the program started no child process at all (no lane, no task). */
    /** Whether the program ran threads with lanes of their own (threading, ThreadPool, ThreadPoolExecutor). */
    public boolean ranThreadLanes() {
        return state.hasThreadLanes();
    }

    public boolean startedNoProcess() {
        return state.childPids().isEmpty();
    }

    /** Whether this run is of a scenario (tasks named by it) rather than of a user's program. */
    public boolean isScenario() {
        return scenario != null;
    }
}
