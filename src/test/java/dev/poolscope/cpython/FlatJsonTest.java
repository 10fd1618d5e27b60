package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FlatJson reads the tracer's flat messages into exactly the tree Jackson builds, and leaves the rest to Jackson. */
class FlatJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode flat(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return FlatJson.parse(b, 0, b.length);
    }

    @Test
    void readsWhatJacksonReads() throws Exception {
        List<String> lines = List.of(
                "{\"e\":\"task0\",\"t\":123456789012345,\"job\":0,\"chunk\":17,\"k\":0}",
                "{\"e\":\"task1\",\"t\":123456789012999,\"ok\":true,\"result\":null}",
                "{\"e\":\"task1\",\"t\":1,\"ok\":false,\"error\":\"ValueError: bad \\\"x\\\" \\\\ \\/ \\n\\t\\r\\b\\f\"}",
                "{\"e\":\"out\",\"t\":5,\"fd\":1,\"tid\":4242,\"text\":\"caf\\u00e9 \\ud83d\\ude00 \\u0000\"}",
                "{\"e\":\"out\",\"t\":5,\"fd\":2,\"text\":\"raw UTF-8: café ☃ 😀\"}",
                "{\"e\":\"reaped\",\"t\":-7,\"child\":2147483648,\"code\":-9}",
                "{\"e\":\"x\",\"a\":2147483647,\"b\":-2147483648,\"c\":-2147483649,\"d\":0}",
                "{\"e\":\"x\",\"a\":1,\"a\":\"again\"}",
                "{\"e\":\"hello\",\"t\":1,\"pid\":100,\"ppid\":1,\"exe\":\"/usr/bin/python3\"}",
                "{}");
        for (String line : lines) {
            JsonNode f = flat(line);
            assertEquals(JSON.readTree(line), f, line);
        }
    }

    @Test
    void leavesTheRestToJackson() {
        for (String line : List.of(
                "{\"e\":\"started\",\"role\":{\"kind\":\"process\"}}", // nested
                "{\"e\":\"queued\",\"names\":[\"f(1)\"]}",
                "{\"e\":\"mark\",\"timeout\":1.5}", // a fraction
                "{\"e\":\"mark\",\"timeout\":1e3}",
                "{\"e\":\"x\",\"n\":12345678901234567890}", // beyond a long
                "{\"e\": \"spaced\"}",
                "{\"e\":\"x\"} ",
                "{\"e\":\"x\",}",
                "{\"e\":\"unterminated}",
                "{\"e\":\"x\",\"n\":01}",
                "{\"e\":\"x\",\"n\":-}",
                "{\"\\u0065\":\"escaped key\"}",
                "[1,2]",
                "not json")) {
            assertNull(flat(line), line);
        }
        byte[] notUtf8 = "{\"e\":\"out\",\"text\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8);
        notUtf8[notUtf8.length - 3] = (byte) 0xff;
        assertNull(FlatJson.parse(notUtf8, 0, notUtf8.length));
    }

    @Test
    void theChannelReadsEveryLineOfARead() {
        String lines = "{\"e\":\"task0\",\"t\":1,\"job\":0,\"chunk\":0,\"k\":0}\n"
                + "{\"e\":\"queued\",\"names\":[\"f(1)\"],\"job\":0}\n"
                + "garbage\n"
                + "{\"e\":\"mark\",\"timeout\":0.5}\n"
                + "[3]\n"
                + "{\"e\":\"task1\",\"t\":2,\"ok\":true,\"result\":\"2\"}";
        byte[] b = lines.getBytes(StandardCharsets.UTF_8);
        List<JsonNode> out = new ArrayList<>();
        EventChannel.parseLines(b, 0, b.length, out);
        assertEquals(List.of("task0", "queued", "mark", "task1"), out.stream().map(m -> m.path("e").asText()).toList());
        assertEquals(0.5, out.get(2).path("timeout").asDouble());
    }
}
