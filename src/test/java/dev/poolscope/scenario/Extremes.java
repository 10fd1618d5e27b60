package dev.poolscope.scenario;

import java.util.ArrayList;
import java.util.List;

/** Hand-made extreme scenario texts for the fuzz test: sizes, limits and odd text at their edges. */
final class Extremes {
    private Extremes() {}

    private static final String TASK = "{\"name\": \"t\", \"kind\": \"noop\"}";

    static String withTasks(String tasks) {
        return "{\"tasks\": [" + tasks + "]}";
    }

    static String withRoot(String field, String value) {
        return "{\"" + field + "\": " + value + ", \"tasks\": [" + TASK + "]}";
    }

    static String withTaskField(String kind, String field, String value) {
        return withTasks("{\"name\": \"t\", \"kind\": \"" + kind + "\", \"ms\": 1, \"" + field + "\": " + value + "}");
    }

    static List<String> all() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("   ");
        out.add("null");
        out.add("[]");
        out.add("0");
        out.add("\"x\"");
        out.add("{}");
        out.add("\uFEFF{}");
        out.add("{\"tasks\": null}");
        out.add("{".repeat(10_000));
        out.add("[".repeat(5_000) + "]".repeat(5_000));
        out.add("{\"a\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(201));
        // one million tasks, three ways: listed out, counted, and a list too big to be a file
        out.add(withTasks(String.join(",", java.util.Collections.nCopies(1_000_000, "{}"))));
        out.add(withTasks("{\"name\": \"t\", \"kind\": \"noop\", \"count\": 1000000}"));
        out.add(withTasks(String.join(",", java.util.Collections.nCopies(600_000, TASK))));
        out.add(withTasks("{\"name\": \"t\", \"kind\": \"noop\", \"count\": 100000}"));
        out.add("{\"mode\": \"process\", \"tasks\": [{\"name\": \"t\", \"kind\": \"noop\", \"count\": 64}]}");
        out.add("{\"tasks\": [" + String.join(",", java.util.Collections.nCopies(10, "[" + "{},".repeat(99_999) + "{}]")) + "]}");
        out.add("{\"tasks\": [{\"name\": \"" + "x".repeat(16 * 1024 * 1024) + "\"}]}");
        out.add("{\"tasks\": [{\"name\": \"" + "x".repeat(1_000_000) + "\", \"kind\": \"noop\"}]}");
        out.add(withTasks("{\"name\": \"a\", \"kind\": \"noop\", \"count\": 99999}, {\"name\": \"b\", \"kind\": \"noop\", \"count\": 2}"));
        out.add(withTasks("{\"name\": \"a\", \"kind\": \"square\", \"n\": 9223372036854775800, \"count\": 100}"));
        for (String v : numbers()) {
            for (String f : new String[] {"pool", "chunksize", "maxTasksPerChild", "timeoutMs"}) {
                out.add(withRoot(f, v));
            }
            out.add(withTaskField("sleep", "ms", v).replace("\"ms\": 1, ", ""));
            out.add(withTaskField("square", "n", v));
            out.add(withTaskField("print", "times", v).replace("}]}", ", \"text\": \"x\"}]}"));
            out.add(withTaskField("crash", "exitCode", v));
            out.add(withTaskField("noop", "count", v).replace("\"ms\": 1, ", ""));
            out.add(withTaskField("sleep", "timeoutMs", v));
        }
        for (String name : oddNames()) {
            out.add(withTasks("{\"name\": " + name + ", \"kind\": \"noop\"}"));
            out.add("{\"name\": " + name + ", \"description\": " + name + ", " + "\"tasks\": [" + TASK + "]}");
            out.add(withTasks("{\"name\": \"p\", \"kind\": \"print\", \"text\": " + name + "}"));
            out.add(withTasks("{\"name\": \"a\", \"kind\": " + name + "}"));
            out.add(withRoot("mode", name));
            out.add("{" + name + ": 1, \"tasks\": [" + TASK + "]}");
        }
        return out;
    }

    static List<String> numbers() {
        return List.of("0", "-1", "-5", "1", "64", "65", "100000", "100001", "1000000", "2147483647", "2147483648",
                "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                "1" + "0".repeat(400), "1" + "0".repeat(5000), "1.5", "-0.0", "1e3", "1E300", "1e400", "-1e400", "NaN",
                "Infinity", "-Infinity", "1e-400", "0.1e1", "9007199254740993.0", "\"5\"", "\"abc\"", "true", "false",
                "null", "[]", "[1]", "{}", "{\"a\": 1}", "\"\"", "01", "-", "+1", ".5", "1.", "0x10");
    }

    static List<String> oddNames() {
        return List.of("\"\"", "\" \"", "\"\\u0000\"", "\"\\n\"", "\"a\\tb\"", "\"\\ud800\"", "\"\\udc00x\"",
                "\"\\ud83d\\ude00\"", "\"\u202Eevil\"", "\"e\u0301\u0301\u0301\"", "\"\u200D\u200D\"", "\"\uFFFF\"",
                "\"" + "\uD83D\uDE00".repeat(300) + "\"", "\"" + "\u0301".repeat(5000) + "\"", "\"\\\"\\\\\"",
                "\"\u2028\u2029\"", "\"\u0085\"", "\"" + "n".repeat(201) + "\"", "\"" + "n".repeat(10_001) + "\"",
                "\"ユニコード\"", "\"\\u", "\"unterminated", "5", "[\"a\"]", "{}", "null", "true");
    }
}
