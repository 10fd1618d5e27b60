package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pool's life on its owner's lane, in words: a tracer "pool" message (see
 * docs/tracer-protocol.md) as a mark's kind and text, each with the program's line.
 */
final class PoolMarks {
    static final String CREATED = "pool-created";
    static final String CALL = "pool-call";
    static final String RETURNED = "pool-returned";
    static final String CLOSE = "pool-close";
    static final String JOIN = "pool-join";
    static final String JOINED = "pool-joined";
    static final String TERMINATE = "pool-terminate";

    /** A mark's kind and text. */
    record Mark(String kind, String text) {}

    private PoolMarks() {}

    /** The mark a "pool" message stands for, or null for one this PoolScope does not show. */
    static Mark of(JsonNode m) {
        String call = m.path("call").asText("");
        Mark mark = switch (m.path("what").asText("")) {
            case "created" -> new Mark(CREATED, "Pool(" + m.path("processes").asInt() + ") created: worker PIDs "
                    + pids(m.path("pids")));
            case "call" -> new Mark(CALL, call + "(" + items(call, m.path("items")) + ") called");
            case "returned" -> new Mark(RETURNED, call + "() returned " + count(m.path("count").asInt()));
            case "raised" -> new Mark(RETURNED, call + "() raised " + m.path("error").asText("an exception"));
            case "close" -> new Mark(CLOSE, "close(): no more tasks");
            case "join" -> new Mark(JOIN, "join() waits for the workers to exit");
            case "joined" -> new Mark(JOINED, "join() returned: the workers have exited");
            case "terminate" -> new Mark(TERMINATE, "terminate(): " + cause(m.path("cause").asText("")));
            default -> null;
        };
        return mark == null ? null : new Mark(mark.kind(), mark.text() + line(m));
    }

    /** Why a Pool was terminated, in words (also the reason its workers got SIGTERM). */
    static String cause(String cause) {
        return switch (cause) {
            case "explicit" -> "called by the program";
            case "with" -> "the end of the with-block";
            case "gc" -> "the Pool object was garbage-collected (no with-block, no close())";
            case "exit" -> "the interpreter's exit, the Pool never closed";
            default -> "cause not known";
        };
    }

    /** " (line 12)", or nothing when the tracer did not know the line. */
    static String line(JsonNode m) {
        return m.path("line").isInt() ? " (line " + m.path("line").asInt() + ")" : "";
    }

    private static String items(String call, JsonNode items) {
        if (call.startsWith("apply")) {
            return "";
        }
        return items.isInt() ? items.asInt() + (items.asInt() == 1 ? " item" : " items") : "an iterable";
    }

    private static String count(int n) {
        return n == 1 ? "1 result" : n + " results";
    }

    private static String pids(JsonNode pids) {
        List<String> out = new ArrayList<>();
        pids.forEach(p -> out.add(p.asText()));
        return String.join(", ", out);
    }
}
