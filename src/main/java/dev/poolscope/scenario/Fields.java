package dev.poolscope.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reading of one JSON object's fields. Every wrong value becomes a problem naming the
 * field's path ("tasks[3].ms") and what was found, and reads as null so the caller can go on
 * and collect the other problems too.
 */
final class Fields {
    /** Whole numbers in doubles (5000.0, 1e3) are exact below 2^53; from there on a double may be rounded. */
    private static final double MAX_EXACT_DOUBLE = 9_007_199_254_740_992d;
    /** Names people bring from Python or other tools, mapped to ours for a "did you mean" hint. */
    private static final Map<String, String> ALIASES = Map.of(
            "processes", "pool", "timeout", "timeoutMs", "function", "kind", "target", "kind",
            "args", "n", "arg", "n", "repeat", "times", "error", "message", "initargs", "initializer");

    private final ObjectNode node;
    private final String at;
    private final Problems problems;

    Fields(ObjectNode node, String at, Problems problems) {
        this.node = node;
        this.at = at;
        this.problems = problems;
    }

    String path(String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    Problems problems() {
        return problems;
    }

    /** Whether the field is there with a value other than null (null means "left out"). */
    boolean given(String field) {
        return node.hasNonNull(field);
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    void rejectUnknown(List<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                problems.add(path(fieldName(f)), "unknown field" + hint(f, known)
                        + "; known: " + String.join(", ", known));
            }
        }
    }

    /** A field name as it appears in a path: plain names as they are, others in quotes. */
    static String fieldName(String f) {
        return f.matches("[A-Za-z0-9_-]{1,40}") ? f : Problems.quote(f);
    }

    private static String hint(String field, List<String> known) {
        if (field.equals("count") && known.equals(TaskReader.INITIALIZER_FIELDS)) {
            return " (an initializer runs once in each worker and has no count)";
        }
        if (TaskReader.TASK_FIELDS.contains(field) && !known.contains(field)) {
            return " (it belongs in a task object inside \"tasks\")";
        }
        if (ScenarioReader.ROOT_FIELDS.contains(field) && !known.contains(field)) {
            return " (it belongs at the top level of the scenario)";
        }
        String wanted = normal(field);
        String alias = ALIASES.get(wanted);
        if (alias != null && known.contains(alias)) {
            return " (did you mean " + alias + "?)";
        }
        for (String k : known) {
            if (normal(k).equals(wanted)) {
                return " (did you mean " + k + "?)";
            }
        }
        return "";
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }

    /** A text value, or null when absent or wrong (reported). */
    String text(String field) {
        if (!given(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            problems.add(path(field), "must be text in double quotes, got " + describe(v));
            return null;
        }
        String s = v.textValue();
        int bad = brokenSurrogate(s);
        if (bad >= 0) {
            // Such text cannot be written as UTF-8: saving the file or sending it to a worker would fail later.
            problems.add(path(field), "must be valid Unicode text, got a lone surrogate \\u"
                    + String.format("%04x", (int) s.charAt(bad)) + " at character " + (bad + 1));
            return null;
        }
        return s;
    }

    /**
     * A whole number, or null when absent or wrong (reported). min and max are the documented
     * limits; they are only reported here for a number too large for a long, which the engine's
     * checks never see. Values inside a long are left to the engine's range check.
     */
    Long wholeLong(String field, long min, long max) {
        if (!given(field)) {
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
            problems.add(path(field), "must be a whole number, got " + describe(v));
            return null;
        }
        problems.add(path(field), "must be between " + min + " and " + max + ", got " + describe(v));
        return null;
    }

    /** Like {@link #wholeLong}, for a field the engine keeps in an int. */
    Integer wholeInt(String field, long min, long max) {
        Long v = wholeLong(field, min, max);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            problems.add(path(field), "must be between " + min + " and " + max + ", got " + v);
            return null;
        }
        return v.intValue();
    }

    /** A JSON value as a user would recognise it in a message. */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isTextual()) {
            return Problems.quote(v.textValue());
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isFloatingPointNumber()) {
            double d = v.doubleValue();
            return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Double.toString(d);
        }
        return Problems.visible(v.asText(), 40); // numbers, true, false, null
    }

    /** Index of the first char of an unpaired surrogate, or -1. */
    static int brokenSurrogate(String s) {
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
