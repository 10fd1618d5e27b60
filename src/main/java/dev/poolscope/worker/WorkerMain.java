package dev.poolscope.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The worker process. It reads jobs from stdin and reports on stdout in {@link Wire} frames.
 *
 * <p>The main thread only reads stdin: when stdin closes (the engine exited, crashed or was
 * killed) it halts the process at once, even while a task is spinning, so a worker never
 * outlives its engine. Tasks run on a second thread, which is the only writer of stdout.
 * System.out and System.err are pointed away from fd 1, so nothing but frames reach the engine.
 */
public final class WorkerMain {
    private static final Object STOP = new Object();

    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Reporter reporter;

    private WorkerMain(Reporter reporter) {
        this.reporter = reporter;
    }

    public static void main(String[] args) {
        DataOutputStream frames = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        // Anything printed by accident (or by the JVM on System.out) goes to stderr, never into frames.
        PrintStream stray = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        System.setOut(stray);
        WorkerMain worker = new WorkerMain(new Reporter(frames));
        Thread runner = new Thread(worker::runJobs, "poolscope-task-runner");
        runner.setDaemon(true);
        runner.start();
        worker.readStdin();
    }

    private void readStdin() {
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16))) {
            while (true) {
                byte type = in.readByte();
                switch (type) {
                    case Wire.INITIALIZER -> inbox.put(new Initializer(Wire.Job.read(in)));
                    case Wire.CHUNK -> {
                        int size = in.readInt();
                        Wire.Job[] jobs = new Wire.Job[size];
                        for (int i = 0; i < size; i++) {
                            jobs[i] = Wire.Job.read(in);
                        }
                        inbox.put(jobs);
                    }
                    case Wire.QUIT -> inbox.put(STOP);
                    default -> throw new IOException("protocol error: frame type " + type);
                }
            }
        } catch (EOFException e) {
            // The engine went away: stop now, whatever is running.
            Runtime.getRuntime().halt(0);
        } catch (Exception e) {
            System.err.println("poolscope worker: " + e);
            Runtime.getRuntime().halt(3);
        }
    }

    private record Initializer(Wire.Job job) {}

    private void runJobs() {
        try {
            reporter.hello();
            while (true) {
                Object next = inbox.take();
                if (next == STOP) {
                    reporter.flush();
                    Runtime.getRuntime().halt(0);
                } else if (next instanceof Initializer init) {
                    reporter.initStarted();
                    String error = TaskRunner.run(init.job(), reporter.outputFor(-1));
                    reporter.initEnded(error);
                    reporter.ready();
                } else {
                    for (Wire.Job job : (Wire.Job[]) next) {
                        reporter.taskStarted(job.index());
                        Output output = reporter.outputFor(job.index());
                        String[] outcome = TaskRunner.runForResult(job, output);
                        output.finish();
                        reporter.taskEnded(job.index(), outcome);
                    }
                    reporter.flush();
                }
            }
        } catch (IOException e) {
            // stdout is closed: the engine is gone.
            Runtime.getRuntime().halt(0);
        } catch (InterruptedException e) {
            Runtime.getRuntime().halt(0);
        }
    }

    /** Writes frames; only the task thread calls it. */
    static final class Reporter {
        private final DataOutputStream out;
        private final long pid = ProcessHandle.current().pid();

        Reporter(DataOutputStream out) {
            this.out = out;
        }

        void hello() throws IOException {
            begin(Wire.HELLO);
            out.writeLong(System.nanoTime());
            out.writeLong(pid);
            flush();
        }

        void ready() throws IOException {
            begin(Wire.READY);
            out.writeLong(System.nanoTime());
            flush();
        }

        void initStarted() throws IOException {
            begin(Wire.INIT_STARTED);
            out.writeLong(System.nanoTime());
            flush();
        }

        void initEnded(String error) throws IOException {
            begin(Wire.INIT_ENDED);
            out.writeLong(System.nanoTime());
            Wire.writeString(out, error);
            flush();
        }

        void taskStarted(int index) throws IOException {
            begin(Wire.TASK_STARTED);
            out.writeInt(index);
            out.writeLong(System.nanoTime());
            // Flushed so the bar appears now, not when the task ends.
            flush();
        }

        void taskEnded(int index, String[] outcome) throws IOException {
            begin(Wire.TASK_ENDED);
            out.writeInt(index);
            out.writeLong(System.nanoTime());
            out.writeByte(outcome[0] == null ? Wire.STATUS_OK : Wire.STATUS_FAILED);
            Wire.writeString(out, outcome[0] == null ? outcome[1] : outcome[0]);
        }

        Output outputFor(int index) {
            return new Output(this, index, pid);
        }

        void line(int index, byte[] bytes) throws IOException {
            begin(Wire.OUTPUT);
            out.writeInt(index);
            Wire.writeBytes(out, bytes);
            flush();
        }

        void truncated(int index, long lines, long bytes) throws IOException {
            begin(Wire.OUTPUT_TRUNCATED);
            out.writeInt(index);
            out.writeLong(lines);
            out.writeLong(bytes);
        }

        private void begin(byte type) throws IOException {
            out.writeByte(Wire.MAGIC);
            out.writeByte(type);
        }

        void flush() throws IOException {
            out.flush();
        }
    }

    /** What one task prints, bounded: past the limit lines are counted, not sent. */
    static final class Output {
        /** Bytes of output one task may send to the engine; the rest is dropped and counted. */
        static final int MAX_TASK_BYTES = 64 * 1024;

        private final Reporter reporter;
        private final int index;
        final long pid;
        private long sentBytes;
        private long droppedLines;
        private long droppedBytes;

        Output(Reporter reporter, int index, long pid) {
            this.reporter = reporter;
            this.index = index;
            this.pid = pid;
        }

        void line(byte[] bytes) throws IOException {
            if (sentBytes + bytes.length > MAX_TASK_BYTES) {
                droppedLines++;
                droppedBytes += bytes.length;
                return;
            }
            sentBytes += bytes.length;
            reporter.line(index, bytes);
        }

        void finish() throws IOException {
            if (droppedLines > 0) {
                reporter.truncated(index, droppedLines, droppedBytes);
            }
        }
    }
}
