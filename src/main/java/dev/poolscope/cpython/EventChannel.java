package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Unix domain socket the tracer of every Python process of a run connects to: one
 * connection per process, one JSON object per line. A thread accepts, and a thread per
 * connection reads ("poolscope-cpython-read-N"); messages of one connection arrive in order.
 * The socket lives in a private directory, so only this user's processes can reach it. The Dask
 * engine's driver speaks on it too.
 */
public final class EventChannel implements AutoCloseable {
    /** Called on the connection's reader thread. */
    public interface Handler {
        void onMessage(int connection, JsonNode message);

        /** The process closed its end (it exited or died), or the run closed the channel. */
        void onClosed(int connection);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Handler handler;
    private final String name;
    private final List<SocketChannel> connections = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private boolean closed;

    public EventChannel(String name, Handler handler) throws IOException {
        this.name = name;
        this.handler = handler;
        this.dir = Files.createTempDirectory("poolscope-run-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        this.socket = dir.resolve("events.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(this::acceptLoop, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public Path socketPath() {
        return socket;
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            synchronized (this) {
                if (closed) {
                    closeQuietly(c);
                    return;
                }
                int id = connections.size();
                connections.add(c);
                Thread reader = new Thread(() -> read(id, c), name + "-read-" + id);
                reader.setDaemon(true);
                readers.add(reader);
                reader.start();
            }
        }
    }

    private void read(int id, SocketChannel c) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode message;
                try {
                    message = JSON.readTree(line);
                } catch (IOException e) {
                    continue; // not from our tracer: ignore it rather than guess
                }
                if (message != null && message.isObject()) {
                    handler.onMessage(id, message);
                }
            }
        } catch (IOException e) {
            // closed under us by close(): the process is gone or the run is over
        } finally {
            handler.onClosed(id);
        }
    }

    /** Waits until every connection accepted so far has been read to its end. */
    public boolean awaitReaders(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        List<Thread> all;
        synchronized (this) {
            all = List.copyOf(readers);
        }
        for (Thread t : all) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Ends every connection: a tracer whose connection ends kills its own process. */
    @Override
    public void close() {
        List<SocketChannel> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = List.copyOf(connections);
        }
        closeQuietly(server);
        all.forEach(EventChannel::closeQuietly);
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover empty temp directory is harmless
        }
    }

    private static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
