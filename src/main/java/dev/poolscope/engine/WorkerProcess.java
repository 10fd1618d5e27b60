package dev.poolscope.engine;

import dev.poolscope.supervisor.KillOnExit;
import dev.poolscope.worker.Wire;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One worker process: its pipes, its reader threads, and what the run knows about it.
 * Mutable fields are guarded by the run's lock; the pipes are used by this worker's threads
 * and by whoever dispatches to it (one at a time, since the worker is idle when it gets work).
 */
final class WorkerProcess {
    /**
     * The run's side of the conversation; called on this worker's reader thread, each frame only
     * after {@link FrameSequence} accepted it. An exception thrown by a callback is the engine's
     * bug, not the worker's: it is reported through {@link #onEngineError}.
     */
    interface Callbacks {
        void onReady(WorkerProcess w, long nanos);

        void onInitializer(WorkerProcess w, long startNanos, long endNanos, String error);

        void onTaskStarted(WorkerProcess w, int index, long nanos);

        void onOutput(WorkerProcess w, int index, String text);

        void onTruncated(WorkerProcess w, int index, long lines, long bytes);

        void onTaskEnded(WorkerProcess w, int index, long nanos, boolean ok, String resultOrError);

        /** The worker broke the protocol (a bad byte, an unknown or out-of-sequence frame). */
        void onProtocolError(WorkerProcess w, String problem);

        /** A callback threw: the run can no longer trust what it knows about this worker. */
        void onEngineError(WorkerProcess w, RuntimeException error);

        /** The process is gone and its stdout fully read. */
        void onExit(WorkerProcess w, ExitInfo exit);
    }

    final int slot;
    final int generation;
    final Process process;
    final long pid;
    /** Ends the process if PoolScope exits while it lives; closed when it is gone. */
    final KillOnExit.Entry killOnExit;
    private final DataOutputStream stdin;
    private final StderrTail stderr;

    // Guarded by the run's lock.
    WorkerState state = WorkerState.STARTING;
    Chunk chunk;
    int chunksDone;
    boolean ready;
    boolean quitSent;
    boolean retiring;
    int timedOutIndex = -1;
    /** Why PoolScope is ending this worker (set before it is killed), or null. */
    String killReason;

    /** The frames this worker may send next; checked by the reader before any callback. */
    final FrameSequence frames;

    WorkerProcess(int slot, int generation, Process process, boolean expectsInitializer) {
        this.slot = slot;
        this.generation = generation;
        this.process = process;
        this.frames = new FrameSequence(expectsInitializer);
        this.pid = process.pid();
        this.killOnExit = KillOnExit.register(process);
        this.stdin = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.stderr = new StderrTail(process.getErrorStream());
    }

    void startThreads(Callbacks callbacks) {
        daemon("poolscope-w" + slot + "-" + pid + "-stderr", stderr).start();
        daemon("poolscope-w" + slot + "-" + pid + "-reader", () -> readLoop(callbacks)).start();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /** Sends the initializer; the worker runs it before it reports ready. */
    void sendInitializer(TaskSpec init) {
        send(Wire.INITIALIZER, null, init);
    }

    void sendChunk(Chunk c) {
        send(Wire.CHUNK, c, null);
    }

    void sendQuit() {
        send(Wire.QUIT, null, null);
    }

    private void send(byte type, Chunk c, TaskSpec init) {
        try {
            synchronized (stdin) {
                stdin.writeByte(type);
                if (init != null) {
                    job(-1, init).write(stdin);
                } else if (c != null) {
                    stdin.writeInt(c.indexes().length);
                    for (int i = 0; i < c.indexes().length; i++) {
                        job(c.indexes()[i], c.tasks()[i]).write(stdin);
                    }
                }
                stdin.flush();
            }
        } catch (IOException e) {
            // The worker died: its reader sees the end of its stdout and reports the exit.
        }
    }

    private static Wire.Job job(int index, TaskSpec t) {
        return new Wire.Job(index, t.name(), t.kind().wireCode(), t.ms(), t.n() == null ? 0 : t.n(),
                t.n() != null, t.text(), t.times(), t.exitCode());
    }

    /** Set before the engine kills the process: its streams closing is then no protocol error. */
    private volatile boolean killed;

    void kill() {
        killed = true;
        process.destroyForcibly();
    }

    private void readLoop(Callbacks cb) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16))) {
            long initStart = 0;
            while (true) {
                byte magic = in.readByte();
                if (magic != Wire.MAGIC) {
                    throw new IOException("unexpected byte 0x" + Integer.toHexString(magic & 0xff)
                            + " on the worker's stdout");
                }
                byte type = in.readByte();
                switch (type) {
                    case Wire.HELLO -> {
                        long nanos = in.readLong();
                        in.readLong(); // the worker's own view of its pid; the engine already knows it
                        if (frames.hello()) {
                            cb.onReady(this, nanos);
                        }
                    }
                    case Wire.INIT_STARTED -> {
                        initStart = in.readLong();
                        frames.initStarted();
                    }
                    case Wire.INIT_ENDED -> {
                        long end = in.readLong();
                        String error = Wire.readString(in);
                        frames.initEnded();
                        cb.onInitializer(this, initStart, end, error);
                    }
                    case Wire.READY -> {
                        long nanos = in.readLong();
                        frames.ready();
                        cb.onReady(this, nanos);
                    }
                    case Wire.TASK_STARTED -> {
                        int index = in.readInt();
                        long nanos = in.readLong();
                        frames.taskStarted(index);
                        cb.onTaskStarted(this, index, nanos);
                    }
                    case Wire.OUTPUT -> {
                        int index = in.readInt();
                        String text = new String(Wire.readBytes(in), StandardCharsets.UTF_8);
                        frames.output("OUTPUT", index);
                        cb.onOutput(this, index, text);
                    }
                    case Wire.OUTPUT_TRUNCATED -> {
                        int index = in.readInt();
                        long lines = in.readLong();
                        long bytes = in.readLong();
                        frames.output("OUTPUT_TRUNCATED", index);
                        cb.onTruncated(this, index, lines, bytes);
                    }
                    case Wire.TASK_ENDED -> {
                        int index = in.readInt();
                        long nanos = in.readLong();
                        boolean ok = in.readByte() == Wire.STATUS_OK;
                        String text = Wire.readString(in);
                        frames.taskEnded(index);
                        cb.onTaskEnded(this, index, nanos, ok, text);
                    }
                    default -> throw new IOException("unknown frame type " + type);
                }
            }
        } catch (EOFException e) {
            // Normal end of the worker's stdout: it exited.
        } catch (IOException e) {
            // A broken or out-of-sequence frame: the worker can no longer be trusted. Unless the
            // engine killed it: killing closes its streams, and the run knows why it died.
            if (!killed) {
                cb.onProtocolError(this, "protocol error: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            // Not the worker's fault: say so loudly, and end the worker the run lost track of.
            System.err.println("poolscope: engine error while handling worker " + pid + "'s frames:");
            e.printStackTrace();
            cb.onEngineError(this, e);
        }
        ExitInfo exit = ExitInfo.of(waitForExit());
        killOnExit.close(); // it has ended: nothing left to kill, whoever owns this worker
        cb.onExit(this, exit);
    }

    private int waitForExit() {
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                // stdout closed but the process lingers: do not let it outlive its slot.
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** The last lines the worker wrote on stderr, for the message when it dies at start-up. */
    String stderrTail() {
        return stderr.text();
    }

    /** Drains stderr (so the worker never blocks on it) and keeps its last few KB. */
    static final class StderrTail implements Runnable {
        private static final int KEEP = 2048;
        private final InputStream in;
        private final byte[] ring = new byte[KEEP];
        private long total;

        StderrTail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (ring) {
                        for (int i = 0; i < n; i++) {
                            ring[(int) (total++ % KEEP)] = buf[i];
                        }
                    }
                }
            } catch (IOException e) {
                // The process is gone.
            }
        }

        String text() {
            synchronized (ring) {
                int len = (int) Math.min(total, KEEP);
                byte[] out = new byte[len];
                for (int i = 0; i < len; i++) {
                    out[i] = ring[(int) ((total - len + i) % KEEP)];
                }
                return readable(new String(out, StandardCharsets.UTF_8), total > KEEP);
            }
        }

        /**
         * Whole lines only (a tail cut mid-line, or mid-character, read as "hed.?[0.032s]..."), joined
         * with " | " and with no control characters, so a start-up failure reads as one clean line.
         */
        static String readable(String text, boolean cut) {
            if (cut && text.indexOf('\n') >= 0) {
                text = text.substring(text.indexOf('\n') + 1);
            }
            StringBuilder b = new StringBuilder();
            for (String line : text.strip().split("\\R")) {
                String clean = line.codePoints().filter(c -> c >= 0x20 && c != 0x7f && c != 0xfffd)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
                if (!clean.isEmpty()) {
                    b.append(b.length() == 0 ? "" : " | ").append(clean);
                }
            }
            return b.toString();
        }
    }
}
