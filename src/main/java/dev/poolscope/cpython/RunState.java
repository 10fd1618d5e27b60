package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.EventLog;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunEvent.ProcessMark;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import dev.poolscope.supervisor.Timers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the tracer's messages from every process of a run into the engine's {@link RunEvent}s,
 * so trace, report, statistics and the window need nothing new to show a CPython run. All state
 * is guarded by {@code lock}; socket reader threads and the run's own thread call in.
 *
 * <p>Messages of one process come in order, but processes race each other: a child may speak
 * before its parent says it started it. A child's messages wait until then (that is when its
 * lane is chosen), and a process is only declared gone once its connection has been read to the
 * end, so nothing it said is lost or told after its exit.
 */
final class RunState implements EventChannel.Handler {
    /** How long to wait for the parent's word on a child's exit code once the child is gone. */
    static final long EXIT_GRACE_MS = 300;
    /** How long a child that is gone waits for its parent's word that it started it. */
    static final long ORPHAN_WAIT_MS = 1000;
    /** How long a Pool worker's task start waits for its caller's word that it submitted the task. */
    static final long SUBMISSION_WAIT_MS = 500;
    /** How often printed lines held for {@link OutputOrder} are looked at. */
    static final long OUTPUT_TICK_MS = 10;
    /** How the exception a scenario's fail task raises (see {@link KindFunctions}) starts its text. */
    private static final String SCENARIO_FAILURE = "TaskFailed: ";

    private final Object lock = new Object();
    private final long t0;
    private final EventLog feed;
    private final TaskBook book;
    private final Deliveries deliveries;
    private final Lanes lanes = new Lanes();
    private final ThreadLanes threads;
    private final ExecutorAnswers executors;
    private final Map<Long, PyProcess> procs = new HashMap<>();
    /** System.nanoTime() up to which the channel has handed over every message sent (see EventChannel#caughtUpNanos). */
    private volatile java.util.function.LongSupplier readUpTo = System::nanoTime;
    private final Map<Integer, Long> connectionPids = new HashMap<>();
    private final List<Long> childPids = new ArrayList<>();
    private final OutputOrder order = new OutputOrder();
    /** Why each Pool (by its key) was terminated: "explicit", "with", "gc", "exit". */
    private final Map<String, String> poolEnds = new HashMap<>();
    private long mainPid = -1;
    private boolean mainSaidExit;
    private MainFailure failure;
    private boolean stopping;
    private boolean finished;
    /** What is kept of what the program prints: its first and last lines (issue 19, defect 11). */
    private final OutputBudget printed = new OutputBudget();

    RunState(long t0, EventLog feed, TaskBook book) {
        this.t0 = t0;
        this.feed = feed;
        this.book = book;
        this.deliveries = new Deliveries(book, feed::add);
        this.threads = new ThreadLanes(book, lanes, this::emit);
        this.executors = new ExecutorAnswers(book, this::emit, this::afterGrace);
        Timers.after(OUTPUT_TICK_MS, this::outputTick);
    }

    /**
     * Where the channel's reading is (System.nanoTime() up to which every message sent has been
     * handed over: EventChannel#caughtUpNanos): a printed line is not let go before what was sent earlier is read.
     */
    void readUpTo(java.util.function.LongSupplier nanos) {
        readUpTo = nanos;
    }

    /** Lets go of the printed lines that waited long enough, then looks again in {@link #OUTPUT_TICK_MS}. */
    private void outputTick() {
        synchronized (lock) {
            if (finished) {
                return;
            }
            // A line goes once it is 80 ms old, no earlier message waits, and the reader has read
            // all that was sent up to its time; however late the reader, never past MAX_HOLD_NS.
            long now = now();
            long read = readUpTo.getAsLong() - t0;
            long upTo = Math.min(now, Math.min(read, earliestWaiting() - 1) + OutputOrder.HOLD_NS);
            order.due(Math.max(upTo, now - OutputOrder.MAX_HOLD_NS + OutputOrder.HOLD_NS)).forEach(this::emit);
        }
        Timers.after(OUTPUT_TICK_MS, this::outputTick);
    }

    /**
     * When the earliest message still waiting was sent (a child's messages wait for its parent's
     * word that it started it, a worker's behind a task start that waits for its submission), or
     * Long.MAX_VALUE / 2: a line it holds back was written then or later, so no line written
     * after that is let go before it.
     */
    private long earliestWaiting() {
        long earliest = Long.MAX_VALUE / 2;
        for (PyProcess p : procs.values()) {
            JsonNode first = p.waiting.peekFirst();
            if (first != null) {
                earliest = Math.min(earliest, at(first));
            }
        }
        return earliest;
    }

    /** Runs {@code r} under the lock once the exit grace has passed, unless the run has finished. */
    private void afterGrace(Runnable r) {
        Timers.after(EXIT_GRACE_MS, () -> {
            synchronized (lock) {
                if (!finished) {
                    r.run();
                }
            }
        });
    }

    private long at(JsonNode m) {
        return Math.max(0, m.path("t").asLong(System.nanoTime()) - t0);
    }

    private long now() {
        return System.nanoTime() - t0;
    }

    private void emit(RunEvent e) {
        feed.add(e);
    }

    private PyProcess proc(long pid) {
        return procs.computeIfAbsent(pid, PyProcess::new);
    }

    private int slotOf(PyProcess p) {
        return p.hasLane() ? p.slot : -1;
    }

    // ---- the main process (told by the run, which started it) ------------------------------------

    void mainStarted(long pid, String program, String interpreter) {
        synchronized (lock) {
            mainPid = pid;
            emit(new RunEvent.ProgramStarted(now(), pid, program, interpreter));
        }
    }

    /** A line the interpreter wrote past the tracer (before it loaded, or below Python's sys.stdout). */
    void mainRawLine(String text) {
        synchronized (lock) {
            if (!finished) {
                output(-1, -1, mainPid, text, now());
            }
        }
    }

    void mainExited(long at, Integer code, Integer signal, String detail) {
        synchronized (lock) {
            emit(new RunEvent.ProgramExited(at, mainPid, code, signal, detail));
        }
    }

    /** Whether the main interpreter said it was ending on its own (its exit status is then an exit code, never a signal). */
    boolean mainSaidExit() {
        synchronized (lock) {
            return mainSaidExit;
        }
    }

    /** The exception that ended the main process, as the tracer told it; null if none. */
    MainFailure failure() {
        synchronized (lock) {
            return failure;
        }
    }

    void stopping() {
        synchronized (lock) {
            stopping = true;
        }
    }

    /** SIGKILL to the process in a lane, as a class would from a terminal. */
    boolean kill(int slot, long pid) {
        synchronized (lock) {
            PyProcess p = lanes.current(slot);
            if (p == null || p.pid != pid || p.gone() || finished) {
                return false;
            }
            p.killedByPoolScope = true;
            return ProcessHandle.of(p.pid).map(ProcessHandle::destroyForcibly).orElse(false);
        }
    }

    List<Long> childPids() {
        synchronized (lock) {
            return List.copyOf(childPids);
        }
    }

    int laneCount() {
        synchronized (lock) {
            return lanes.count();
        }
    }

    boolean hasThreadLanes() {
        synchronized (lock) {
            return lanes.hasThreadLanes();
        }
    }

    boolean allPool() {
        synchronized (lock) {
            return lanes.allPool();
        }
    }

    /** What the run keeps to tell results in order (told chunks and maps waiting, results waiting for their end). */
    int retainedForDelivery() {
        synchronized (lock) {
            return deliveries.retained();
        }
    }

    List<String> taskNames() {
        synchronized (lock) {
            return book.names();
        }
    }

    /** Ends the run's record: every process gone, every task final, then RunFinished. */
    void finish(boolean stopped) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            stopping |= stopped;
            executors.finish();
            for (PyProcess p : List.copyOf(procs.values())) {
                release(p); // a task start still waiting for its submission: numbered as it came
            }
            for (PyProcess p : List.copyOf(procs.values())) {
                if (p.kind != null && !p.hasLane()) {
                    place(p, now(), true);
                }
                if (p.hasLane()) {
                    exitNow(p);
                }
            }
            threads.finish(now());
            // Tasks queued that never ran: the Pool was terminated (or the run stopped) before them.
            NeverRan neverRan = new NeverRan(book, poolEnds.values());
            for (int i = 0; i < book.size(); i++) {
                TaskBook.Task t = book.get(i);
                if (t.status == null && !t.started && t.deliveryWanted) {
                    // The caller got its result, so it ran, though its worker was ended before any word of it was sent.
                    book.finished(i, TaskStatus.OK, null, null);
                    emit(new RunEvent.TaskFinished(t.toldAt >= 0 ? t.toldAt : now(), i, -1, -1, TaskStatus.OK, null, null));
                } else if (t.status == null && !t.started) {
                    String why = neverRan.why(i, stopped);
                    book.finished(i, TaskStatus.CANCELLED, null, why);
                    emit(new RunEvent.TaskFinished(now(), i, -1, -1, TaskStatus.CANCELLED, null, why));
                }
            }
            deliveries.ended(now()); // results the caller got whose ends were never heard
            printed.takeTail().forEach(order::add); // the last lines printed, held until now
            order.all().forEach(this::emit);
            RunEvent.OutputTruncated leftOut = printed.leftOut(mainPid);
            if (leftOut != null) {
                emit(leftOut);
            }
            finished = true;
            emit(new RunEvent.RunFinished(now(), stopped));
        }
    }

    // ---- the tracer's messages ------------------------------------------------------------------------

    @Override
    public void onMessage(int connection, JsonNode m) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            TracerMessage e = TracerMessage.of(m.path("e").asText(""));
            if (e == null) {
                return; // a kind from a newer tracer: ignored, as the protocol says
            }
            if (e == TracerMessage.HELLO) {
                long pid = m.path("pid").asLong(-1);
                connectionPids.put(connection, pid);
                proc(pid);
                return;
            }
            Long pid = connectionPids.get(connection);
            if (pid != null) {
                handle(proc(pid), e, m);
            }
        }
    }

    /** Several messages of one connection, read together: handled under one taking of the lock. */
    @Override
    public void onMessages(int connection, List<JsonNode> messages) {
        synchronized (lock) {
            for (JsonNode m : messages) {
                onMessage(connection, m);
            }
        }
    }

    @Override
    public void onClosed(int connection) {
        synchronized (lock) {
            Long pid = connectionPids.get(connection);
            if (pid == null || finished) {
                return;
            }
            PyProcess p = proc(pid);
            p.closed = true;
            if (p.kind != null && !p.hasLane()) {
                // A short-lived child can be gone before its parent's word that it started it
                // is read; only if that word never comes (the parent died first) is it placed now.
                Timers.after(ORPHAN_WAIT_MS, () -> {
                    synchronized (lock) {
                        if (!finished && !p.hasLane()) {
                            place(p, now(), true);
                        }
                    }
                });
                return;
            }
            tryExit(p);
        }
    }

    private void handle(PyProcess p, TracerMessage e, JsonNode m) {
        switch (e) {
            case STARTED -> started(p, m);
            case REAPED -> {
                PyProcess child = proc(m.path("child").asLong());
                child.reapedCode = m.path("code").isInt() ? m.path("code").asInt() : null;
                child.reapedAt = at(m);
                tryExit(child);
            }
            case SIGNAL -> {
                long child = m.path("child").asLong(-1);
                String sig = m.path("sig").asText("SIGTERM");
                proc(child).signalFromParent = sig;
                if (ExitWords.BY_EXIT.equals(m.path("by").asText(""))) {
                    proc(child).terminatedAtExit = true; // multiprocessing's atexit ends a daemon child still running
                    mark(p, at(m), ProcessMark.TERMINATE, child, ExitWords.atExitMark(child));
                } else if (!proc(child).isPoolWorker()) { // a Pool's SIGTERMs are told by its terminate() mark
                    mark(p, at(m), ProcessMark.TERMINATE, child, (sig.equals("SIGKILL") ? "kill()" : "terminate()")
                            + " sends " + sig + " to PID " + child + PoolMarks.line(m));
                }
            }
            case MARK -> processMark(p, m);
            case RESULT -> deliveries.told(p.pid, m, at(m));
            case QUEUED -> queued(p, m);
            case XFAIL -> executors.failed(p.pid, m, at(m));
            case CHILD -> p.role(m.path("role"), m.path("creator").asLong(-1));
            case POOL -> poolMark(p, m);
            case EXIT -> mainSaidExit |= p.pid == mainPid;
            case ERROR -> {
                if (p.pid == mainPid) {
                    failure = MainFailure.of(m);
                }
            }
            default -> {
                p.waiting.add(m);
                drain(p);
            }
        }
    }

    /** Handles the child's messages that wait, in order, until one has to wait (see {@link PyProcess#blocked}). */
    private void drain(PyProcess p) {
        while (!p.waiting.isEmpty() && !p.blocked()) {
            JsonNode w = p.waiting.poll();
            childMessage(p, TracerMessage.of(w.path("e").asText("")), w);
        }
    }

    /** Stops waiting for a submission: the process's messages are handled now (a task start numbered as it came). */
    private void release(PyProcess p) {
        if (p.heldFor != null) {
            p.heldFor = null;
            p.numberAsItComes = true;
            drain(p);
        }
    }

    private void poolMark(PyProcess owner, JsonNode m) {
        PoolMarks.Mark mark = PoolMarks.of(m);
        if (mark != null) {
            mark(owner, at(m), mark.kind(), -1, mark.text());
        }
        if (mark != null && mark.kind().equals(PoolMarks.TERMINATE)) {
            poolEnds.putIfAbsent(m.path("pool").asText(""), m.path("cause").asText(""));
        }
    }

    /**
     * Tasks the caller submitted, numbered in that order: a whole map (with its chunksize, so
     * item i is item i % chunksize of chunk i / chunksize) or one chunk of an imap or apply_async.
     */
    private void queued(PyProcess caller, JsonNode m) {
        int job = m.path("job").asInt(-1);
        int chunksize = m.path("chunksize").asInt(0);
        int chunk = m.path("chunk").asInt(-1);
        int i = 0;
        for (JsonNode name : m.path("names")) {
            int index = chunksize > 0 ? book.queue(caller.pid, job, i / chunksize, i % chunksize, name.asText(""))
                    : book.queue(caller.pid, job, chunk, i, name.asText(""));
            i++;
            if (index >= 0) {
                emit(new RunEvent.TaskAdded(at(m), index, name.asText(""), CPythonTrace.PYTHON_KIND));
            }
        }
        deliveries.queued(caller.pid, job); // a result told before this submission was read
        for (PyProcess p : List.copyOf(procs.values())) {
            if (p.heldFor != null && book.knows(p.heldFor)) {
                p.heldFor = null;
                drain(p);
            }
        }
    }

    private void started(PyProcess parent, JsonNode m) {
        PyProcess child = proc(m.path("child").asLong(-1));
        child.role(m.path("role"), parent.pid);
        if (!child.hasLane()) {
            place(child, at(m), false);
        }
    }

    private void place(PyProcess p, long spawnAt, boolean late) {
        PyProcess before = lanes.place(p, late);
        childPids.add(p.pid);
        emit(new RunEvent.WorkerSpawned(spawnAt, p.slot, p.pid, p.generation));
        emit(new RunEvent.WorkerStateChanged(spawnAt, p.slot, p.pid, WorkerState.STARTING));
        if (before != null && before.lostTask != null) {
            replaced(before, p, spawnAt);
        }
        if (PyProcess.PROCESS.equals(p.kind)) {
            PyProcess creator = procs.get(p.creator);
            mark(creator != null ? creator : p, spawnAt, ProcessMark.START, p.pid,
                    "start() \u2192 PID " + p.pid + (p.label != null ? " " + p.label : "") + (p.daemon ? ", daemon" : "")
                            + (p.line > 0 ? " (line " + p.line + ")" : ""));
            // Numbered as started (the order of start() calls), not as its first word is read.
            int index = book.queueProcess(p.pid, p.label != null ? p.label : "Process " + p.pid);
            if (index >= 0) {
                emit(new RunEvent.TaskAdded(spawnAt, index, book.get(index).name, CPythonTrace.PYTHON_KIND));
            }
        }
        drain(p);
        if (p.closed) {
            tryExit(p);
        }
    }

    private void childMessage(PyProcess p, TracerMessage e, JsonNode m) {
        if (e == null) {
            return;
        }
        long at = at(m);
        switch (e) {
            case OUT -> {
                int[] thread = threads.printedBy(p.pid, m.path("tid").asLong(-1)); // a thread lane's line
                output(thread != null ? thread[0] : p.running, thread != null ? thread[1] : slotOf(p), p.pid,
                        m.path("text").asText(""), at);
            }
            case INIT0 -> p.initStartAt = at;
            case INIT1 -> emit(new RunEvent.InitializerRan(at, p.slot, p.pid, p.initStartAt >= 0 ? p.initStartAt : at,
                    m.path("error").isTextual() ? m.path("error").asText() : null));
            case READY -> emit(new RunEvent.WorkerStateChanged(at, p.slot, p.pid, WorkerState.IDLE));
            case TASK0 -> taskStarted(p, m, at);
            case TASK1 -> taskEnded(p, m, at);
            case THREAD, THREAD_END, TTASK0, TTASK1, TQUEUED, TMARK -> {
                threads.handle(p.pid, slotOf(p), e.wire, m, at);
                threadPoolResults(p, e, m, at);
            }
            case BYE -> {
                p.byeCode = m.path("code").isInt() ? m.path("code").asInt() : 0;
                p.byeAt = at;
                p.byeWhy = m.path("why").asText(null);
                tryExit(p);
            }
            default -> { }
        }
    }

    /** A ThreadPool's results reach its caller as a Pool's do: told on the caller's word, once each item's end is known. */
    private void threadPoolResults(PyProcess p, TracerMessage e, JsonNode m, long at) {
        if (e == TracerMessage.TQUEUED) {
            deliveries.queued(p.pid, m.path("key").path(0).asInt(-1));
        } else if (e == TracerMessage.TTASK1) {
            deliveries.ended(at);
        }
    }

    private void taskStarted(PyProcess p, JsonNode m, long at) {
        if (!p.hasLane()) {
            return;
        }
        if (!book.isScenario() && p.isPoolWorker() && !p.numberAsItComes && !book.knows(book.keyOf(p, m))) {
            // The caller's word that it submitted this item travels on the caller's connection
            // and may be read later: the worker's messages wait for it, so the number is the submission's.
            TaskBook.Key key = book.keyOf(p, m);
            p.heldFor = key;
            p.waiting.addFirst(m);
            Timers.after(SUBMISSION_WAIT_MS, () -> {
                synchronized (lock) {
                    if (!finished && key.equals(p.heldFor)) {
                        release(p);
                    }
                }
            });
            return;
        }
        p.numberAsItComes = false;
        TaskBook.Started s = book.start(p, m);
        if (s == null) {
            return;
        }
        if (s.newName() != null) {
            emit(new RunEvent.TaskAdded(at, s.index(), s.newName(), CPythonTrace.PYTHON_KIND));
        }
        emit(new RunEvent.WorkerStateChanged(at, p.slot, p.pid, WorkerState.BUSY));
        emit(new RunEvent.TaskStarted(at, s.index(), p.slot, p.pid, s.chunk()));
        p.running = s.index();
        // The caller may already have been told of this result: the worker's connection ran behind.
        deliveries.started(s.index());
    }

    private void taskEnded(PyProcess p, JsonNode m, long at) {
        int index = p.running;
        if (index < 0) {
            return;
        }
        p.running = -1;
        p.tasksDone++;
        boolean ok = m.path("ok").asBoolean(false);
        String result = ok && m.path("result").isTextual() ? m.path("result").asText() : null;
        String error = ok ? null : m.path("error").asText("failed");
        if (error != null && book.isScenario() && error.startsWith(SCENARIO_FAILURE)) {
            error = error.substring(SCENARIO_FAILURE.length()); // a fail task's message, as the Java engine gives it
        }
        finishTask(index, p, ok ? TaskStatus.OK : TaskStatus.FAILED, result, error, at);
        if (p.isPoolWorker()) {
            emit(new RunEvent.WorkerStateChanged(at, p.slot, p.pid, WorkerState.IDLE));
        }
    }

    private void finishTask(int index, PyProcess p, TaskStatus status, String result, String error, long at) {
        book.finished(index, status, result, error);
        emit(new RunEvent.TaskFinished(at, index, p.slot, p.pid, status, result, error));
        deliveries.ended(at);
    }

    private void processMark(PyProcess caller, JsonNode m) {
        long child = m.path("child").asLong(-1);
        String kind = m.path("kind").asText("");
        switch (kind) {
            case "join" -> mark(caller, at(m), ProcessMark.JOIN, child, ExitWords.BY_EXIT.equals(m.path("by").asText(""))
                    ? "at exit, multiprocessing's join() waits for " + child
                    : "join() waits for " + child + PoolMarks.line(m));
            case "joined" -> {
                JsonNode code = m.path("code");
                mark(caller, at(m), ProcessMark.JOINED, child, code.isInt()
                        ? "joined " + child + ": exit code " + code.asInt()
                        : "join() timed out: " + child + " still running");
            }
            case "alive" -> mark(caller, at(m), ProcessMark.IS_ALIVE, child, "is_alive() of " + child + " \u2192 "
                    + (m.path("answer").asBoolean() ? "True" : "False") + PoolMarks.line(m));
            default -> { }
        }
    }

    private void mark(PyProcess caller, long at, String kind, long child, String text) {
        emit(new ProcessMark(at, slotOf(caller), caller.pid, kind, child, text));
    }

    private void output(int index, int slot, long pid, String text, long at) {
        RunEvent.OutputLine line = new RunEvent.OutputLine(at, index, slot, pid, text);
        if (printed.admit(line)) {
            order.add(line);
        }
    }

    // ---- exits ----------------------------------------------------------------------------------------

    private void tryExit(PyProcess p) {
        if (p.exited || !p.hasLane()) {
            return;
        }
        if (p.closed && (p.reapedCode != null || p.byeCode != null)) {
            exitNow(p);
        } else if ((p.closed || p.reapedCode != null) && !p.exitPending) {
            // Dead, but either its parent has not yet said how it ended or its last words are unread.
            p.exitPending = true;
            Timers.after(EXIT_GRACE_MS, () -> {
                synchronized (lock) {
                    if (!finished) {
                        exitNow(p);
                    }
                }
            });
        }
    }

    private void exitNow(PyProcess p) {
        if (p.exited) {
            return;
        }
        p.exited = true;
        p.poolEnd = p.poolKey != null ? poolEnds.get(p.poolKey) : null;
        ExitWords w = ExitWords.of(p, p.reapedCode != null ? p.reapedCode : p.byeCode, stopping);
        // When it ended, as near as known: its own last word, else its parent's learning of it, else now.
        long at = p.byeAt >= 0 ? p.byeAt : p.reapedAt >= 0 ? p.reapedAt : now();
        if (p.running >= 0) {
            lose(p, w, at);
        }
        threads.processGone(p.pid, at, w.detail());
        emit(new RunEvent.WorkerExited(at, p.slot, p.pid, w.kind(), w.exitCode(), w.signal(), w.detail()));
        emit(new RunEvent.WorkerStateChanged(at, p.slot, p.pid,
                w.kind() == ExitKind.CRASHED ? WorkerState.CRASHED : WorkerState.EXITED));
    }

    /** The process died in the middle of a task: CPython does not run it again. */
    private void lose(PyProcess p, ExitWords w, long at) {
        int index = p.running;
        p.running = -1;
        TaskBook.Task task = book.get(index);
        if (task.deliveryWanted && task.status == null) {
            // The caller got its result, so it ended (a failure's end is always sent before its result):
            // its end was still in the worker's batch when the worker was ended.
            finishTask(index, p, TaskStatus.OK, null, null, task.toldAt >= 0 ? Math.min(task.toldAt, at) : at);
            return;
        }
        String name = task.name;
        // Ended on purpose (PoolScope's stop, or terminate() in the program): the task was cancelled, not lost.
        boolean cancelled = !p.killedByPoolScope && w.kind() == ExitKind.TERMINATED;
        finishTask(index, p, cancelled ? TaskStatus.CANCELLED : TaskStatus.CRASHED, null,
                (cancelled ? "cancelled: " : "lost: ") + "PID " + p.pid + " " + w.detail() + " while running it", at);
        if (!cancelled && p.isPoolWorker() && !p.executor && !stopping) {
            p.lostTask = name;
            PyProcess successor = lanes.current(p.slot);
            emit(new RunEvent.RunNotice(at, p.slot, p.pid, "PID " + p.pid + " " + w.detail() + " while running " + name
                    + ". CPython's Pool starts a new worker in its place but never runs that task again and does not"
                    + " tell the caller: map() (or get()) waits for its result forever."));
            if (successor != null && successor != p) {
                replaced(p, successor, at); // the parent had already started its successor
            }
        }
    }

    private void replaced(PyProcess lost, PyProcess successor, long at) {
        emit(new RunEvent.RunNotice(at, successor.slot, successor.pid, "CPython started PID " + successor.pid
                + " in place of PID " + lost.pid + "; the task PID " + lost.pid + " was running, " + lost.lostTask
                + ", stays lost."));
        lost.lostTask = null;
    }
}
