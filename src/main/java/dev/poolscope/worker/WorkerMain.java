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

/**
 * The worker process. It reads jobs from stdin and reports on stdout in {@link Wire} frames.
 *
 * <p>One thread reads a job and runs it, so a job costs no hand-over between threads. A
 * watchdog thread halts the worker as soon as its parent (the engine) is gone, even while a
 * task is spinning, so a worker never outlives its engine; an idle worker also sees its stdin
 * close. System.out is pointed at stderr, so nothing but frames reach the engine on fd 1.
 */
public final class WorkerMain {
    /** How often the watchdog checks that the engine is still there. */
    private static final long WATCHDOG_MS = 100;

    private final Reporter reporter;

    private WorkerMain(Reporter reporter) {
        this.reporter = reporter;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals(ARCHIVE_RUN)) {
            archiveRun();
            return;
        }
        DataOutputStream frames = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        // Anything printed by accident (or by the JVM on System.out) goes to stderr, never into frames.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        // The watchdog starts after HELLO: the engine sees the worker ready a few ms sooner.
        new WorkerMain(new Reporter(frames)).serve(new FileInputStream(FileDescriptor.in), WorkerMain::startWatchdog);
    }

    /**
     * Argument for the build's class-data-sharing step: serve a scripted chunk from memory and
     * exit, so the JVM started with -XX:ArchiveClassesAtExit records every class a real worker
     * loads. The engine then starts workers from that archive, which makes them ready sooner.
     */
    public static final String ARCHIVE_RUN = "--archive-run";

    private static void archiveRun() throws IOException {
        java.io.ByteArrayOutputStream script = new java.io.ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(script);
        out.writeByte(Wire.CHUNK);
        out.writeInt(3);
        new Wire.Job(0, "sq", Wire.SQUARE, 0, 3, true, null, 1, 1).write(out);
        new Wire.Job(1, "say", Wire.PRINT, 0, 0, false, "pid {pid}", 1, 1).write(out);
        new Wire.Job(2, "burn", Wire.SPIN, 1, 0, false, null, 1, 1).write(out); // the CPU clock's classes
        out.writeByte(Wire.QUIT);
        DataOutputStream frames = new DataOutputStream(new BufferedOutputStream(OutputStream.nullOutputStream()));
        ProcessHandle.current().parent().ifPresent(ProcessHandle::isAlive); // the watchdog's classes
        new WorkerMain(new Reporter(frames)).serve(new java.io.ByteArrayInputStream(script.toByteArray()), () -> {});
    }

    private static void startWatchdog() {
        Thread watchdog = new Thread(() -> {
            // Looked up here, off the main thread; stdin closing and the parent-death signal
            // cover the moment before it.
            ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
            while (true) {
                if (parent == null || !parent.isAlive()) {
                    Runtime.getRuntime().halt(0);
                }
                try {
                    Thread.sleep(WATCHDOG_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "poolscope-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void serve(java.io.InputStream stdin, Runnable afterHello) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(stdin, 1 << 16))) {
            reporter.hello();
            afterHello.run();
            while (true) {
                byte type = in.readByte();
                switch (type) {
                    case Wire.INITIALIZER -> runInitializer(Wire.Job.read(in));
                    case Wire.CHUNK -> {
                        int size = in.readInt();
                        if (size < 1 || size > Wire.MAX_CHUNK_TASKS) {
                            throw new IOException("protocol error: chunk size " + size);
                        }
                        Wire.Job[] jobs = new Wire.Job[size];
                        for (int i = 0; i < size; i++) {
                            jobs[i] = Wire.Job.read(in);
                        }
                        runChunk(jobs);
                    }
                    case Wire.QUIT -> {
                        reporter.flush();
                        Runtime.getRuntime().halt(0);
                    }
                    default -> throw new IOException("protocol error: frame type " + type);
                }
            }
        } catch (EOFException e) {
            // The engine closed our stdin or went away: stop now.
            Runtime.getRuntime().halt(0);
        } catch (IOException e) {
            // stdout closed (the engine is gone) or a broken frame.
            System.err.println("poolscope worker: " + e.getMessage());
            Runtime.getRuntime().halt(3);
        } catch (InterruptedException e) {
            Runtime.getRuntime().halt(0);
        }
    }

    private void runInitializer(Wire.Job job) throws IOException, InterruptedException {
        reporter.initStarted();
        String error = TaskRunner.run(job, reporter.outputFor(-1));
        reporter.initEnded(error);
        reporter.ready();
    }

    private void runChunk(Wire.Job[] jobs) throws IOException, InterruptedException {
        for (Wire.Job job : jobs) {
            // An instant task's start goes out with its end; any other is sent now so its bar appears now.
            reporter.taskStarted(job.index(), !TaskRunner.isInstant(job));
            Output output = reporter.outputFor(job.index());
            String[] outcome = TaskRunner.runForResult(job, output);
            output.finish();
            reporter.taskEnded(job.index(), outcome);
        }
        reporter.flush();
    }

    /** Writes frames; only the main thread calls it. */
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

        void taskStarted(int index, boolean flushNow) throws IOException {
            begin(Wire.TASK_STARTED);
            out.writeInt(index);
            out.writeLong(System.nanoTime());
            if (flushNow) {
                flush();
            }
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
