package dev.poolscope.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A JSON node and its path ("tasks[3]"), with typed getters whose errors name the field and the
 * reason, so a bad file gets a message a person can act on. Two ways to meet a problem: stop at the
 * first (a trace: one damaged file, one message; {@link Bad} is thrown), or, given a sink, note every
 * problem and read the field as null so a scenario's author sees them all at once. The strict
 * getters (string, integer, num...) always stop; the lenient ones (text, wholeLong...) follow the mode.
 */
public final class Fields {
    /**
     * A problem in the file; no stack trace, since only its message is ever shown. Unchecked so a
     * collecting reader, whose getters never throw, need not catch it.
     */
    public static final class Bad extends RuntimeException {
        public Bad(String message) {
            super(message, null, false, false);
        }
    }

    /** Whole numbers in doubles (5000.0, 1e3) are exact below 2^53; from there on a double may be rounded. */
    private static final double MAX_EXACT_DOUBLE = 9_007_199_254_740_992d;
    /**
     * The largest number a trace holds: a time of 10^12 ms is over 30 years, and no CPU percentage,
     * ratio or memory size comes near it. A 1e308 in a file is damage, and would overflow what is
     * computed from it (an axis of 10^308 ms, a sum that is infinite).
     */
    public static final double MAX_NUMBER = 1e12;

    private final JsonNode node;
    private final String path;
    /** Takes (field path, reason) of every problem; null means stop at the first. */
    private final BiConsumer<String, String> sink;

    /** Fields that stop at the first problem. */
    public Fields(JsonNode node, String path) {
        this(node, path, null);
    }

    /** Fields that hand every problem to {@code sink} and go on. */
    public Fields(JsonNode node, String path, BiConsumer<String, String> sink) {
        this.node = node;
        this.path = path;
        this.sink = sink;
    }

    public String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public Bad bad(String field, String reason) {
        return new Bad(path(field) + ": " + reason);
    }

    /** Reports a problem of a lenient getter: thrown when stopping at the first, else noted; reads as null. */
    private <T> T problem(String field, String reason) {
        if (sink == null) {
            throw bad(field, reason);
        }
        sink.accept(path(field), reason);
        return null;
    }

    /** Whether the field is there with a value other than null (null means "left out"). */
    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    public JsonNode raw(String field) {
        return node.get(field);
    }

    /** Reports every field not in {@code known}, with {@code hint} (field to " (...)" or "") for each. */
    public void rejectUnknown(List<String> known, Function<String, String> hint) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                problem(fieldName(f), "unknown field" + hint.apply(f) + "; known: " + String.join(", ", known));
            }
        }
    }

    /** A field name as it appears in a path: plain names as they are, others in quotes. */
    public static String fieldName(String f) {
        return f.matches("[A-Za-z0-9_-]{1,40}") ? f : JsonErrors.quote(f);
    }

    /** Lenient: a text value, or null when absent or wrong (reported). */
    public String text(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            return problem(field, "must be text in double quotes, got " + describe(v));
        }
        String s = v.textValue();
        int bad = brokenSurrogate(s);
        if (bad >= 0) {
            // Such text cannot be written as UTF-8: saving the file or sending it to a worker would fail later.
            return problem(field, "must be valid Unicode text, got a lone surrogate \\u"
                    + String.format("%04x", (int) s.charAt(bad)) + " at character " + (bad + 1));
        }
        return s;
    }

    /**
     * Lenient: a whole number (5000.0 too), or null when absent or wrong (reported). min and max are
     * the documented limits; they are only reported here for a number too large for a long, which the
     * engine's checks never see. Values inside a long are left to the engine's range check.
     */
    public Long wholeLong(String field, long min, long max) {
        if (!has(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v.isIntegralNumber()) {
            if (v.canConvertToLong()) {
                return v.longValue();
            }
        } else if (v.isFloatingPointNumber() && Double.isFinite(v.doubleValue())
                && v.doubleValue() == Math.rint(v.doubleValue())) {
            if (Math.abs(v.doubleValue()) < MAX_EXACT_DOUBLE) {
                return (long) v.doubleValue();
            }
        } else {
            return problem(field, "must be a whole number, got " + describe(v));
        }
        return problem(field, "must be between " + min + " and " + max + ", got " + describe(v));
    }

    /** Like {@link #wholeLong}, for a field the engine keeps in an int. */
    public Integer wholeInt(String field, long min, long max) {
        Long v = wholeLong(field, min, max);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            return problem(field, "must be between " + min + " and " + max + ", got " + v);
        }
        return v == null ? null : v.intValue();
    }

    public void requireObject() {
        if (!node.isObject()) {
            throw new Bad((path.isEmpty() ? "top level" : path) + ": expected an object, got " + kind(node));
        }
    }

    public String string(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw bad(field, "expected a string, got " + kind(v));
        }
        return v.textValue();
    }

    public String stringOrNull(String field) {
        return has(field) ? string(field) : null;
    }

    public int integer(String field, int min) {
        return integer(field, min, Integer.MAX_VALUE);
    }

    public int integer(String field, int min, int max) {
        return checkInt(node.get(field), path(field), min, max);
    }

    public Integer intOrNull(String field, int min) {
        return has(field) ? integer(field, min) : null;
    }

    public long longValue(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad(field, "expected an integer, got " + kind(v));
        }
        return v.longValue();
    }

    public Long longOrNull(String field) {
        return has(field) ? longValue(field) : null;
    }

    /** A finite number of at least 0 (times, ratios). */
    public double num(String field) {
        double v = signedNum(field);
        if (v < 0) {
            throw bad(field, "must not be negative, got " + v);
        }
        return v;
    }

    /** A finite number, negative allowed (-1 for "unknown" in a few event fields). */
    public double signedNum(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw bad(field, "expected a number, got " + kind(v));
        }
        if (Math.abs(v.doubleValue()) > MAX_NUMBER) {
            throw bad(field, "too large for a trace (at most 1e12; a time of 1e12 ms is over 30 years), got " + v.doubleValue());
        }
        return v.doubleValue();
    }

    public Double numOrNull(String field) {
        return has(field) ? num(field) : null;
    }

    public boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw bad(field, "expected true or false, got " + kind(v));
        }
        return v.booleanValue();
    }

    public boolean boolOr(String field, boolean fallback) {
        return has(field) ? bool(field) : fallback;
    }

    public Fields object(String field) {
        Fields f = new Fields(node.get(field), path(field), sink);
        if (f.node == null) {
            throw bad(field, "expected an object, got " + kind(null));
        }
        f.requireObject();
        return f;
    }

    /** The elements of an array field; an optional field that is missing or null has none. */
    public List<Fields> array(String field, boolean required) {
        JsonNode v = node.get(field);
        if ((v == null || v.isNull()) && !required) {
            return List.of();
        }
        if (v == null || !v.isArray()) {
            throw bad(field, "expected an array, got " + kind(v));
        }
        List<Fields> items = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            items.add(new Fields(v.get(i), path(field) + "[" + i + "]", sink));
        }
        return items;
    }

    /** This node as an integer (an array element). */
    public int selfInt(int min, int max) {
        return checkInt(node, path, min, max);
    }

    /** This node as a string (an array element). */
    public String selfString() {
        if (!node.isTextual()) {
            throw new Bad(path + ": expected a string, got " + kind(node));
        }
        return node.textValue();
    }

    private static int checkInt(JsonNode v, String name, int min, int max) {
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

    /** A JSON value as a scenario's author would recognise it in a message ("5000", an array). */
    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isTextual()) {
            return JsonErrors.quote(v.textValue());
        }
        if (v.isArray() || v.isObject()) {
            return v.isArray() ? "an array" : "an object";
        }
        if (v.isFloatingPointNumber()) {
            double d = v.doubleValue();
            return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Double.toString(d);
        }
        return JsonErrors.visible(v.asText(), 40); // numbers, true, false, null
    }

    /** The kind of a JSON value, for a trace's strict getters ("the number 5", "a string"). */
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

    /** Index of the first char of an unpaired surrogate, or -1. */
    private static int brokenSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
