package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.poolscope.worker.Wire;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process stand-in for a worker JVM, for tests that need exact interleavings. It speaks
 * the real {@link Wire} protocol over OS pipes: the test says what the worker sends (HELLO,
 * READY, TASK_STARTED, ...) and reads what the engine sent it (chunks, QUIT), one step at a
 * time. Like a real worker it exits 0 on QUIT or when its stdin closes, and "dies of SIGKILL"
 * (exit code 137) when the engine kills it.
 */
final class FakeWorker extends Process {
    private static final AtomicLong PIDS = new AtomicLong(9_000_000_000L);

    /** A message from the engine: a chunk (its task indexes), a quit or an initializer. */
    record Received(byte type, List<Integer> indexes) {
        boolean isChunk() {
            return type == Wire.CHUNK;
        }
    }

    private final long pid = PIDS.incrementAndGet();
    private final Pipe toWorker = Pipe.open();
    private final Pipe fromWorker = Pipe.open();
    private final OutputStream engineStdin;
    private final InputStream engineStdout;
    private final DataOutputStream out;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CountDownLatch exited = new CountDownLatch(1);
    private final CountDownLatch hearing = new CountDownLatch(1);
    private volatile int exitCode = -1;
    /** When false, QUIT is ignored (a worker too busy or stuck to quit). */
    volatile boolean obeysQuit = true;

    /** @param deaf whether the engine's writes to this worker block until it exits (a stopped worker's full pipe) */
    FakeWorker(boolean deaf) throws IOException {
        OutputStream pipe = Channels.newOutputStream(toWorker.sink());
        this.engineStdin = deaf ? new BlockingStream(pipe) : pipe;
        this.out = new DataOutputStream(Channels.newOutputStream(fromWorker.sink()));
        this.engineStdout = Channels.newInputStream(fromWorker.source());
        if (!deaf) {
            hearing.countDown();
        }
        Thread listen = new Thread(this::listen, "fake-worker-" + pid);
        listen.setDaemon(true);
        listen.start();
    }

    // ---- what the engine sees ---------------------------------------------------------------

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public OutputStream getOutputStream() {
        return engineStdin;
    }

    @Override
    public InputStream getInputStream() {
        return engineStdout;
    }

    @Override
    public InputStream getErrorStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    exited.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return -1;
            }
        };
    }

    @Override
    public int waitFor() throws InterruptedException {
        exited.await();
        return exitCode;
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return exited.await(timeout, unit);
    }

    @Override
    public int exitValue() {
        if (exited.getCount() > 0) {
            throw new IllegalThreadStateException("still running");
        }
        return exitCode;
    }

    @Override
    public boolean isAlive() {
        return exited.getCount() > 0;
    }

    @Override
    public void destroy() {
        exit(128 + 9);
    }

    @Override
    public Process destroyForcibly() {
        exit(128 + 9);
        return this;
    }

    // ---- what the test makes the worker do ----------------------------------------------------

    void hello() throws IOException {
        frame(Wire.HELLO);
        out.writeLong(System.nanoTime());
        out.writeLong(pid);
        out.flush();
    }

    void ready() throws IOException {
        frame(Wire.READY);
        out.writeLong(System.nanoTime());
        out.flush();
    }

    void initStarted() throws IOException {
        frame(Wire.INIT_STARTED);
        out.writeLong(System.nanoTime());
        out.flush();
    }

    void initEnded() throws IOException {
        frame(Wire.INIT_ENDED);
        out.writeLong(System.nanoTime());
        Wire.writeString(out, null);
        out.flush();
    }

    void started(int index) throws IOException {
        frame(Wire.TASK_STARTED);
        out.writeInt(index);
        out.writeLong(System.nanoTime());
        out.flush();
    }

    void ended(int index, String result) throws IOException {
        frame(Wire.TASK_ENDED);
        out.writeInt(index);
        out.writeLong(System.nanoTime());
        out.writeByte(Wire.STATUS_OK);
        Wire.writeString(out, result);
        out.flush();
    }

    /** Runs every task of a chunk: started and ended for each, in order. */
    void run(Received chunk) throws IOException {
        for (int index : chunk.indexes()) {
            started(index);
            ended(index, "r" + index);
        }
    }

    private void frame(byte type) throws IOException {
        out.writeByte(Wire.MAGIC);
        out.writeByte(type);
    }

    /** The next message from the engine, waiting up to 5 s for it. */
    Received next() throws InterruptedException {
        Received r = received.poll(5, TimeUnit.SECONDS);
        assertNotNull(r, "worker " + pid + " heard nothing from the engine within 5 s");
        return r;
    }

    /** The next message if one comes within the time, else null. */
    Received poll(long ms) throws InterruptedException {
        return received.poll(ms, TimeUnit.MILLISECONDS);
    }

    /** Ends the process with an exit code (137 for a SIGKILL), closing its pipes. */
    void exit(int code) {
        synchronized (this) {
            if (exited.getCount() == 0) {
                return;
            }
            exitCode = code;
            exited.countDown();
            hearing.countDown();
        }
        closeQuietly(fromWorker.sink()); // the engine's reader sees the end of our stdout
        closeQuietly(toWorker.source());
        closeQuietly(toWorker.sink()); // as the OS would: a pipe to a dead process is closed
    }

    boolean awaitExit(long ms) throws InterruptedException {
        return exited.await(ms, TimeUnit.MILLISECONDS);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Reads the engine's frames as a real worker does, queueing each for the test. */
    private void listen() {
        try (DataInputStream in = new DataInputStream(Channels.newInputStream(toWorker.source()))) {
            while (true) {
                byte type = in.readByte();
                List<Integer> indexes = new ArrayList<>();
                if (type == Wire.INITIALIZER) {
                    Wire.Job.read(in);
                } else if (type == Wire.CHUNK) {
                    int size = in.readInt();
                    for (int i = 0; i < size; i++) {
                        indexes.add(Wire.Job.read(in).index());
                    }
                }
                received.add(new Received(type, indexes));
                if (type == Wire.QUIT && obeysQuit) {
                    exit(0);
                    return;
                }
            }
        } catch (EOFException e) {
            exit(0); // the engine closed our stdin
        } catch (IOException e) {
            // we exited
        }
    }

    /** The engine's side of a deaf worker's stdin: every write blocks until the worker is gone. */
    private final class BlockingStream extends OutputStream {
        private final OutputStream pipe;

        BlockingStream(OutputStream pipe) {
            this.pipe = pipe;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                hearing.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            pipe.write(b, off, len);
        }
    }
}
