package dev.poolscope.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A JSON node and its path ("tasks[3]"), with typed getters whose errors name the field and
 * the reason, so a bad trace file gets a message a person can act on.
 */
final class Fields {
    /** A problem in the file; no stack trace, since only its message is ever shown. */
    static final class Bad extends Exception {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonNode node;
    private final String path;

    Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    Bad bad(String field, String reason) {
        return new Bad(name(field) + ": " + reason);
    }

    void requireObject() throws Bad {
        if (!node.isObject()) {
            throw new Bad((path.isEmpty() ? "top level" : path) + ": expected an object, got " + kind(node));
        }
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    String string(String field) throws Bad {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw bad(field, "expected a string, got " + kind(v));
        }
        return v.textValue();
    }

    String stringOrNull(String field) throws Bad {
        return has(field) ? string(field) : null;
    }

    /**
     * A name (of the run, a task, a lane, a host): one line, with no control character and no
     * bidirectional control, which could make a name on screen or in a terminal say something else.
     */
    String nameText(String field) throws Bad {
        String v = string(field);
        int bad = v.codePoints().filter(TerminalText::isUnsafe).findFirst().orElse(-1);
        if (bad >= 0) {
            throw bad(field, String.format("must be one line without control or text-direction characters, got U+%04X in \"%s\"",
                    bad, TerminalText.safe(v, 40)));
        }
        return v;
    }

    String nameOrNull(String field) throws Bad {
        return has(field) ? nameText(field) : null;
    }

    String oneOfOrNull(String field, Set<String> allowed) throws Bad {
        String v = stringOrNull(field);
        if (v != null && !allowed.contains(v)) {
            throw bad(field, "expected one of " + String.join(", ", allowed.stream().sorted().toList())
                    + " or null, got \"" + TraceJsonReader.oneLine(v) + "\"");
        }
        return v;
    }

    int integer(String field, int min) throws Bad {
        return integer(field, min, Integer.MAX_VALUE);
    }

    int integer(String field, int min, int max) throws Bad {
        return checkInt(node.get(field), name(field), min, max);
    }

    Integer intOrNull(String field, int min) throws Bad {
        return has(field) ? integer(field, min) : null;
    }

    long longValue(String field) throws Bad {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad(field, "expected an integer, got " + kind(v));
        }
        return v.longValue();
    }

    Long longOrNull(String field) throws Bad {
        return has(field) ? longValue(field) : null;
    }

    /**
     * The largest number a trace holds: a time of 10^12 ms is over 30 years, and no CPU percentage,
     * ratio or memory size comes near it. A 1e308 in a file is damage, and would overflow what is
     * computed from it (an axis of 10^308 ms, a sum that is infinite).
     */
    static final double MAX_NUMBER = 1e12;

    /** A finite number of at least 0 (times, ratios). */
    double num(String field) throws Bad {
        double v = signedNum(field);
        if (v < 0) {
            throw bad(field, "must not be negative, got " + v);
        }
        return v;
    }

    /** A finite number, negative allowed (-1 for "unknown" in a few event fields). */
    double signedNum(String field) throws Bad {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw bad(field, "expected a number, got " + kind(v));
        }
        if (Math.abs(v.doubleValue()) > MAX_NUMBER) {
            throw bad(field, "too large for a trace (at most 1e12; a time of 1e12 ms is over 30 years), got " + v.doubleValue());
        }
        return v.doubleValue();
    }

    Double numOrNull(String field) throws Bad {
        return has(field) ? num(field) : null;
    }

    boolean bool(String field) throws Bad {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw bad(field, "expected true or false, got " + kind(v));
        }
        return v.booleanValue();
    }

    boolean boolOr(String field, boolean fallback) throws Bad {
        return has(field) ? bool(field) : fallback;
    }

    Fields object(String field) throws Bad {
        Fields f = new Fields(node.get(field), name(field));
        if (f.node == null) {
            throw bad(field, "expected an object, got " + kind(null));
        }
        f.requireObject();
        return f;
    }

    /** The elements of an array field; an optional field that is missing or null has none. */
    List<Fields> array(String field, boolean required) throws Bad {
        JsonNode v = node.get(field);
        if ((v == null || v.isNull()) && !required) {
            return List.of();
        }
        if (v == null || !v.isArray()) {
            throw bad(field, "expected an array, got " + kind(v));
        }
        List<Fields> items = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            items.add(new Fields(v.get(i), name(field) + "[" + i + "]"));
        }
        return items;
    }

    /** This node as an integer (an array element). */
    int selfInt(int min, int max) throws Bad {
        return checkInt(node, path, min, max);
    }

    /** This node as a string (an array element). */
    String selfString() throws Bad {
        if (!node.isTextual()) {
            throw new Bad(path + ": expected a string, got " + kind(node));
        }
        return node.textValue();
    }

    private static int checkInt(JsonNode v, String name, int min, int max) throws Bad {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new Bad(name + ": expected an integer, got " + kind(v));
        }
        int value = v.intValue();
        if (value < min || value > max) {
            String range = max == Integer.MAX_VALUE ? "at least " + min
                    : min == max ? "exactly " + min : "from " + min + " to " + max;
            throw new Bad(name + ": expected " + range + ", got " + value);
        }
        return value;
    }

    private String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing (the field is missing)";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        return v.isArray() ? "an array" : "an object";
    }
}
