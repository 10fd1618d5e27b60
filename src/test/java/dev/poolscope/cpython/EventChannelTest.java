package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The channel's one reader thread: every connection's lines arrive whole and in order however
 * the bytes are split between reads (inside a UTF-8 character, a line longer than a read), a
 * last line without a newline counts, and each connection's end is told after its last line.
 */
class EventChannelTest {
    @Test
    void linesArriveWholeAndInOrderPerConnection() throws Exception {
        Map<Integer, List<String>> got = new ConcurrentHashMap<>();
        List<Integer> closed = Collections.synchronizedList(new ArrayList<>());
        EventChannel channel = new EventChannel("test-channel", new EventChannel.Handler() {
            @Override
            public void onMessage(int connection, JsonNode message) {
                got.computeIfAbsent(connection, c -> Collections.synchronizedList(new ArrayList<>()))
                        .add(message.path("text").asText(message.path("n").asText()));
            }

            @Override
            public void onClosed(int connection) {
                assertTrue(!closed.contains(connection), "told once");
                closed.add(connection);
            }
        });
        try {
            String big = "x".repeat(200_000); // longer than a read
            List<List<String>> sent = new ArrayList<>();
            List<SocketChannel> sockets = new ArrayList<>();
            StringBuilder[] text = new StringBuilder[3];
            for (int c = 0; c < 3; c++) {
                List<String> mine = new ArrayList<>();
                text[c] = new StringBuilder();
                for (int i = 0; i < 2000; i++) {
                    String t = i == 700 ? big : "c" + c + " line " + i + " café ☃ 😀 \\\"q\\\"";
                    mine.add(i == 700 ? big : "c" + c + " line " + i + " café ☃ 😀 \"q\"");
                    text[c].append("{\"e\":\"out\",\"t\":").append(i).append(",\"text\":\"").append(t).append("\"}\n");
                    if (i % 500 == 3) {
                        text[c].append("not json\n").append("{\"e\":\"x\",\"nested\":{\"a\":[1]},\"n\":\"n").append(i).append("\"}\n");
                        mine.add("n" + i);
                    }
                }
                text[c].append("{\"e\":\"last\",\"n\":\"no newline\"}");
                mine.add("no newline");
                sent.add(mine);
                SocketChannel s = SocketChannel.open(StandardProtocolFamily.UNIX);
                s.connect(UnixDomainSocketAddress.of(channel.socketPath()));
                sockets.add(s);
            }
            // The three connections' bytes in random pieces, interleaved.
            Random random = new Random(21);
            byte[][] bytes = new byte[3][];
            int[] at = new int[3];
            for (int c = 0; c < 3; c++) {
                bytes[c] = text[c].toString().getBytes(StandardCharsets.UTF_8);
            }
            while (at[0] < bytes[0].length || at[1] < bytes[1].length || at[2] < bytes[2].length) {
                int c = random.nextInt(3);
                int n = Math.min(bytes[c].length - at[c], 1 + random.nextInt(random.nextBoolean() ? 7 : 70_000));
                if (n <= 0) {
                    continue;
                }
                ByteBuffer b = ByteBuffer.wrap(bytes[c], at[c], n);
                while (b.hasRemaining()) {
                    sockets.get(c).write(b);
                }
                at[c] += n;
            }
            for (SocketChannel s : sockets) {
                s.close();
            }
            assertTrue(channel.awaitReaders(30_000), "every connection read to its end");
            assertEquals(3, closed.size());
            for (int c = 0; c < 3; c++) {
                assertEquals(sent.get(c), got.get(c), "connection " + c);
            }
        } finally {
            channel.close();
        }
    }

    @Test
    void whatWasSentBeforeTheReaderCaughtUpHasBeenHandedOver() throws Exception {
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        EventChannel channel = new EventChannel("test-caught-up", new EventChannel.Handler() {
            @Override
            public void onMessage(int connection, JsonNode message) {
                got.add(message.path("text").asText());
            }

            @Override
            public void onClosed(int connection) {}
        });
        try (SocketChannel s = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            long before = channel.caughtUpNanos();
            s.connect(UnixDomainSocketAddress.of(channel.socketPath()));
            long sent = System.nanoTime();
            s.write(ByteBuffer.wrap("{\"e\":\"out\",\"text\":\"one\"}\n".getBytes(StandardCharsets.UTF_8)));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (channel.caughtUpNanos() < sent && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(channel.caughtUpNanos() >= sent, "the reader catches up after reading");
            // Caught up past the send means the line has been handed over (the guarantee RunState relies on).
            assertEquals(List.of("one"), got);
            assertTrue(channel.caughtUpNanos() > before);
        } finally {
            channel.close();
        }
    }
}
