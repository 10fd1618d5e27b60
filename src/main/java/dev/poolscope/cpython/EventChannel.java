package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Unix domain socket the tracer of every Python process of a run connects to: one
 * connection per process, one JSON object per line. One thread ("poolscope-cpython-N-read")
 * accepts and reads every connection through a {@link Selector}: no thread is started per
 * process, and the handler is called on that one thread, so messages of one connection arrive
 * in order (and several read at once are handed over together). The tracer's flat messages are
 * read by {@link FlatJson}, the rest by Jackson. The socket lives in a private
 * directory, so only this user's processes can reach it. The Dask engine's driver speaks on it too.
 */
public final class EventChannel implements AutoCloseable {
    /** Called on the channel's reader thread. */
    public interface Handler {
        void onMessage(int connection, JsonNode message);

        /** Messages of one connection read together, in order: by default one by one to {@link #onMessage}. */
        default void onMessages(int connection, List<JsonNode> messages) {
            for (JsonNode m : messages) {
                onMessage(connection, m);
            }
        }

        /** The process closed its end (it exited or died), or the run closed the channel. */
        void onClosed(int connection);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of a connection is read at a time. */
    private static final int READ_SIZE = 1 << 16;

    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Handler handler;
    private final Thread reader;
    /** Guarded by this: every connection accepted, by id. */
    private final List<Connection> connections = new ArrayList<>();
    /** Guarded by this: connections accepted and not yet read to their end. */
    private int open;
    /** Guarded by this: rounds of accepting asked for by {@link #awaitReaders} and done by the reader. */
    private long acceptsAsked;
    private long acceptsDone;
    private volatile boolean closed;
    private boolean readerEnded;
    /**
     * System.nanoTime() up to which everything sent has been read and handed over. A reader kept
     * from the CPU (two cores, a busy program) lags behind the senders, and this says by how much.
     */
    private volatile long caughtUp = System.nanoTime();

    /** One process's connection: what was read of a line not yet ended. */
    private static final class Connection {
        final int id;
        final SocketChannel channel;
        /** The line begun and not yet ended: part[0, partLength). Grows by doubling, so a long line costs linear time. */
        byte[] part = new byte[0];
        int partLength;
        boolean ended;

        Connection(int id, SocketChannel channel) {
            this.id = id;
            this.channel = channel;
        }

        void append(byte[] data, int from, int to) {
            int n = to - from;
            if (n <= 0) {
                return;
            }
            if (partLength + n > part.length) {
                part = Arrays.copyOf(part, Math.max(partLength + n, Math.max(256, part.length * 2)));
            }
            System.arraycopy(data, from, part, partLength, n);
            partLength += n;
        }

        void clearPart() {
            partLength = 0;
            if (part.length > (1 << 16)) {
                part = new byte[0]; // a very long line: its room is not kept
            }
        }
    }

    public EventChannel(String name, Handler handler) throws IOException {
        this.handler = handler;
        this.dir = Files.createTempDirectory("poolscope-run-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        this.socket = dir.resolve("events.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket), 256);
        server.configureBlocking(false);
        this.selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.reader = new Thread(this::readLoop, name + "-read");
        reader.setDaemon(true);
        reader.start();
    }

    public Path socketPath() {
        return socket;
    }

    /**
     * System.nanoTime() up to which every message sent has been handed to the handler: while the
     * reader waits for more, the time it last read; while it is behind, the time it last caught up.
     */
    public long caughtUpNanos() {
        return caughtUp;
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
        List<JsonNode> batch = new ArrayList<>();
        try {
            while (!closed) {
                selector.select();
                long returned = System.nanoTime();
                if (closed) {
                    break;
                }
                long asked;
                synchronized (this) {
                    asked = acceptsAsked; // asked before the wakeup that ended this select
                }
                // A connection accepted now is read from the next select on: not caught up yet.
                boolean drained = !acceptAll();
                for (SelectionKey key : selector.selectedKeys()) {
                    try {
                        if (key.isValid() && key.isReadable()) {
                            drained &= read((Connection) key.attachment(), key, buffer, batch);
                        }
                    } catch (CancelledKeyException e) {
                        // closed by close() meanwhile: told below, once the loop ends
                    }
                }
                selector.selectedKeys().clear();
                if (drained) {
                    // Everything sent before select() returned has been read: a connection not
                    // ready then had nothing, and each ready one was read to its end.
                    caughtUp = returned;
                }
                synchronized (this) {
                    if (asked > acceptsDone) {
                        acceptsDone = asked;
                        notifyAll();
                    }
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // the channel was closed under us: every connection is told below
        } finally {
            List<Connection> left;
            synchronized (this) {
                readerEnded = true;
                left = List.copyOf(connections);
                notifyAll();
            }
            for (Connection c : left) {
                end(c, null);
            }
            closeQuietly(selector);
        }
    }

    /** Accepts every connection waiting; returns whether there was one. */
    private boolean acceptAll() {
        boolean any = false;
        while (true) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                // Cannot accept (closed, or out of file descriptors): stop accepting, as the old
                // accept thread did, and keep reading the connections there are.
                SelectionKey key = server.keyFor(selector);
                if (key != null) {
                    key.cancel();
                }
                if (!closed) {
                    System.err.println("poolscope: the tracer's socket stopped accepting: " + e);
                }
                return any;
            }
            if (c == null) {
                return any;
            }
            Connection connection;
            synchronized (this) {
                if (closed) {
                    closeQuietly(c);
                    return any;
                }
                connection = new Connection(connections.size(), c);
                connections.add(connection);
                open++;
                any = true;
            }
            try {
                c.configureBlocking(false);
                c.register(selector, SelectionKey.OP_READ, connection);
            } catch (IOException e) {
                end(connection, null); // cannot be read: as if it had ended
            }
        }
    }

    /**
     * Reads what the connection has now, hands its whole lines over, and ends it at its end of
     * file; returns whether that was all it had (the read did not fill the buffer).
     */
    private boolean read(Connection c, SelectionKey key, ByteBuffer buffer, List<JsonNode> batch) {
        buffer.clear();
        int n;
        try {
            n = c.channel.read(buffer);
        } catch (IOException e) {
            n = -1; // closed under us by close(): the process is gone or the run is over
        }
        boolean drained = n < buffer.capacity(); // a full buffer: more may wait
        if (n > 0) {
            byte[] data = buffer.array();
            int end = buffer.position();
            int start = 0;
            if (c.partLength > 0) {
                // The line begun in earlier reads: only it is joined, not the whole read.
                int newline = indexOf(data, 0, end);
                if (newline < 0) {
                    c.append(data, 0, end);
                    return drained;
                }
                c.append(data, 0, newline);
                parseLine(c.part, 0, c.partLength, batch);
                c.clearPart();
                start = newline + 1;
            }
            int last = lastNewline(data, start, end);
            if (last >= start) {
                parseLines(data, start, last + 1, batch);
            }
            c.append(data, Math.max(start, last + 1), end);
            deliver(c, batch);
        } else if (n < 0) {
            key.cancel();
            end(c, batch);
        }
        return drained;
    }

    private static int indexOf(byte[] data, int from, int end) {
        for (int i = from; i < end; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int lastNewline(byte[] data, int from, int end) {
        for (int i = end - 1; i >= from; i--) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The JSON objects in data[from, to), one per line: the tracer's flat messages read by
     * {@link FlatJson}, anything else by Jackson; a line that is not a JSON object is skipped.
     */
    static void parseLines(byte[] data, int from, int to, List<JsonNode> out) {
        int start = from;
        for (int i = from; i < to; i++) {
            if (data[i] == '\n') {
                parseLine(data, start, i, out);
                start = i + 1;
            }
        }
        parseLine(data, start, to, out);
    }

    private static void parseLine(byte[] data, int from, int to, List<JsonNode> out) {
        if (to <= from) {
            return;
        }
        JsonNode m;
        try {
            m = FlatJson.parse(data, from, to);
        } catch (RuntimeException e) {
            m = null; // (a line FlatJson misreads): Jackson reads it
        }
        if (m != null) {
            out.add(m);
            return;
        }
        try {
            m = JSON.readTree(data, from, to - from);
        } catch (IOException e) {
            try {
                // Bytes that are not UTF-8 (a lone surrogate the tracer passed on): read as the old reader did.
                m = JSON.readTree(new String(data, from, to - from, StandardCharsets.UTF_8));
            } catch (IOException notJson) {
                return; // not from our tracer: ignore it rather than guess
            }
        }
        if (m != null && m.isObject()) {
            out.add(m);
        }
    }

    private void deliver(Connection c, List<JsonNode> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            handler.onMessages(c.id, batch);
        } catch (RuntimeException e) {
            // One reader serves every connection: a message the handler fails on must not end them all.
            handlerFailed(e);
        } finally {
            batch.clear();
        }
    }

    /** The connection's end: its last line (even without a newline), then the handler is told. */
    private void end(Connection c, List<JsonNode> batch) {
        synchronized (this) {
            if (c.ended) {
                return;
            }
            c.ended = true;
        }
        closeQuietly(c.channel);
        try {
            if (batch != null && c.partLength > 0) {
                parseLine(c.part, 0, c.partLength, batch);
                deliver(c, batch);
            }
            c.clearPart();
            handler.onClosed(c.id);
        } catch (RuntimeException e) {
            handlerFailed(e);
        } finally {
            synchronized (this) {
                open--;
                notifyAll();
            }
        }
    }

    private static void handlerFailed(RuntimeException e) {
        System.err.println("poolscope: a tracer message could not be handled: " + e);
    }

    /** Waits until every connection made so far has been read to its end. */
    public boolean awaitReaders(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (this) {
            long asked = ++acceptsAsked; // so that connections still waiting to be accepted count too
            selector.wakeup();
            while (!readerEnded && (acceptsDone < asked || open > 0)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** Ends every connection: a tracer whose connection ends kills its own process. */
    @Override
    public void close() {
        List<Connection> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = List.copyOf(connections);
        }
        closeQuietly(server);
        for (Connection c : all) {
            closeQuietly(c.channel);
        }
        selector.wakeup();
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover empty temp directory is harmless
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
