package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;

/** What the run knows of one Python process (guarded by the run's lock). */
final class PyProcess {
    static final String POOL = "pool";
    static final String PROCESS = "process";

    final long pid;
    /** "pool", "process", or null for a process that is not a child of the program's making. */
    String kind;
    String poolKey;
    String label;
    Integer maxTasks;
    /** A ProcessPoolExecutor's worker (a pool worker whose death breaks the executor, not a Pool's). */
    boolean executor;
    int ident = -1;
    long creator = -1;
    /** The lane, or -1 while its parent has not yet said it started it. */
    int slot = -1;
    int generation;
    long initStartAt = -1;
    /** The task it is running, or -1. */
    int running = -1;
    int tasksDone;
    Integer byeCode;
    String byeWhy;
    Integer reapedCode;
    /** When it said its last word (bye), and when its parent learned its exit code; run time, -1 unknown. */
    long byeAt = -1;
    long reapedAt = -1;
    /** A signal its parent sent it (terminate() or kill()), or null. */
    String signalFromParent;
    /** Its parent's multiprocessing terminated it at exit: a daemon child still running when the main program ended. */
    boolean terminatedAtExit;
    /** Started with daemon=True (a Process; Pool workers always are). */
    boolean daemon;
    boolean killedByPoolScope;
    boolean closed;
    boolean exited;
    boolean exitPending;
    /** The task it was running when it died, for the notice when its successor starts. */
    String lostTask;
    /** The program's line that called start() (a Process), or -1. */
    int line = -1;
    /** Why its Pool was terminated ("explicit", "with", "gc", "exit"), or null. */
    String poolEnd;
    /** A task start waiting for its caller's word that it submitted the task (see {@link #blocked}). */
    TaskBook.Key heldFor;
    /** The next task start is numbered as it comes: its submission was waited for long enough. */
    boolean numberAsItComes;
    /**
     * Messages from the child not handled yet, in order: they came before its parent's word that
     * it started it, or behind a task start that waits for its submission.
     */
    final Deque<JsonNode> waiting = new ArrayDeque<>();

    PyProcess(long pid) {
        this.pid = pid;
    }

    boolean hasLane() {
        return slot >= 0;
    }

    /** Its messages must wait: it has no lane yet, or a task start waits for its submission. */
    boolean blocked() {
        return (kind != null && !hasLane()) || heldFor != null;
    }

    boolean isPoolWorker() {
        return POOL.equals(kind);
    }

    /** Finished with, as far as a new process taking its lane is concerned. */
    boolean gone() {
        return exited || byeCode != null || reapedCode != null || closed;
    }

    void role(JsonNode role, long creatorPid) {
        if (role == null || !role.isObject()) {
            return;
        }
        kind = role.path("kind").asText(null);
        poolKey = role.path("pool").asText(null);
        label = role.path("label").asText(null);
        maxTasks = role.path("maxtasks").isInt() ? role.path("maxtasks").asInt() : null;
        executor = role.path("executor").asBoolean(false);
        daemon = role.path("daemon").asBoolean(false);
        JsonNode id = role.path("ident");
        ident = id.isArray() && id.size() > 0 ? id.get(id.size() - 1).asInt() : -1;
        if (role.path("line").isInt()) {
            line = role.path("line").asInt();
        }
        if (creatorPid > 0) {
            creator = creatorPid;
        }
    }
}
