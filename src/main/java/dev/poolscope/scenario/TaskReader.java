package dev.poolscope.scenario;

import dev.poolscope.engine.Limits;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.files.Fields;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads one task object (or the initializer) of a scenario file. */
final class TaskReader {
    private TaskReader() {}

    static final List<String> TASK_FIELDS =
            List.of("name", "kind", "ms", "n", "text", "message", "times", "exitCode", "timeoutMs", "count");
    static final List<String> INITIALIZER_FIELDS = TASK_FIELDS.subList(0, TASK_FIELDS.size() - 1);
    /** Names people bring from Python or other tools, mapped to ours for a "did you mean" hint. */
    private static final Map<String, String> ALIASES = Map.of(
            "processes", "pool", "timeout", "timeoutMs", "function", "kind", "target", "kind",
            "args", "n", "arg", "n", "repeat", "times", "error", "message", "initargs", "initializer");

    /**
     * A task as written in the file.
     *
     * @param count null when the file gives no count; otherwise the task stands for count tasks
     */
    record Written(TaskSpec spec, Integer count) {}

    /** Whether a field means anything for a kind; a field that does not is an error, not ignored. */
    static boolean applies(String field, TaskKind kind) {
        switch (field) {
            case "ms":
                return kind != TaskKind.NOOP; // the worker does no waiting at all for a noop
            case "n":
                return kind.needsN() || kind == TaskKind.PRINT; // a print line may show {n}
            case "text":
            case "times":
                return kind == TaskKind.PRINT;
            case "message":
                return kind == TaskKind.FAIL;
            case "exitCode":
                return kind == TaskKind.CRASH;
            default:
                return true;
        }
    }

    /** The task, or null when its name or kind is missing or wrong (all problems are reported). */
    static Written read(Fields f, Problems problems, boolean allowCount) {
        rejectUnknown(f, allowCount ? TASK_FIELDS : INITIALIZER_FIELDS);
        String name = f.text("name");
        if (!f.has("name")) {
            problems.add(f.path("name"), "required");
        } else if (name != null && name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(f.path("name"), "must be one line without control characters, got " + Problems.quote(name));
            name = null;
        }
        TaskKind kind = readKind(f, problems);
        if (kind != null) {
            for (String field : TASK_FIELDS) {
                if (f.has(field) && !applies(field, kind)) {
                    problems.add(f.path(field), "does not apply to a " + kind.id() + " task" + hint(field, kind));
                }
            }
        }
        Long ms = f.wholeLong("ms", 0, Limits.MAX_MS);
        if (kind != null && kind.needsMs() && !f.has("ms")) {
            problems.add(f.path("ms"), "required for a " + kind.id() + " task (milliseconds, 0 to " + Limits.MAX_MS + ")");
        }
        Long n = f.wholeLong("n", Long.MIN_VALUE, Long.MAX_VALUE);
        String text = f.text("text");
        String message = f.text("message");
        Integer times = f.wholeInt("times", 1, Limits.MAX_TIMES);
        Integer exitCode = f.wholeInt("exitCode", Limits.MIN_EXIT_CODE, Limits.MAX_EXIT_CODE);
        Long timeoutMs = f.wholeLong("timeoutMs", 1, Limits.MAX_MS);
        Integer count = allowCount ? readCount(f, problems, n) : null;
        if (name == null || kind == null || f.has("count") && count == null) {
            return null;
        }
        TaskSpec spec = new TaskSpec(name, kind,
                ms == null || !applies("ms", kind) ? 0 : ms,
                applies("n", kind) ? n : null,
                kind == TaskKind.PRINT ? text : kind == TaskKind.FAIL ? message : null,
                times == null || !applies("times", kind) ? 1 : times,
                exitCode == null || !applies("exitCode", kind) ? 1 : exitCode,
                timeoutMs);
        return new Written(spec, count);
    }

    private static TaskKind readKind(Fields f, Problems problems) {
        if (!f.has("kind")) {
            problems.add(f.path("kind"), "required; one of " + TaskKind.ids());
            return null;
        }
        String id = f.text("kind");
        if (id == null) {
            return null;
        }
        TaskKind kind = TaskKind.fromId(id);
        if (kind == null) {
            problems.add(f.path("kind"), "unknown kind " + Problems.quote(id) + "; known: " + TaskKind.ids());
        }
        return kind;
    }

    /** Checks count before anything is expanded, so a huge count costs nothing. */
    private static Integer readCount(Fields f, Problems problems, Long n) {
        Integer count = f.wholeInt("count", 1, Limits.MAX_TASKS);
        if (count == null) {
            return null;
        }
        if (count < 1 || count > Limits.MAX_TASKS) {
            problems.add(f.path("count"), "must be between 1 and " + Limits.MAX_TASKS + ", got " + count);
            return null;
        }
        if (n != null && n > Long.MAX_VALUE - (count - 1)) {
            problems.add(f.path("n"), "counting up from " + n + " for " + count
                    + " tasks goes past the largest whole number " + Long.MAX_VALUE);
            return null;
        }
        return count;
    }

    private static String hint(String field, TaskKind kind) {
        if (field.equals("text") && kind == TaskKind.FAIL) {
            return " (a fail task's error text is \"message\")";
        }
        if (field.equals("message") && kind == TaskKind.PRINT) {
            return " (a print task's line is \"text\")";
        }
        if (field.equals("ms") && kind == TaskKind.NOOP) {
            return " (use a sleep task to wait)";
        }
        return "";
    }

    /** Reports the fields of a scenario object not in {@code known}, each with a hint where one helps. */
    static void rejectUnknown(Fields f, List<String> known) {
        f.rejectUnknown(known, field -> unknownHint(field, known));
    }

    private static String unknownHint(String field, List<String> known) {
        if (field.equals("count") && known.equals(INITIALIZER_FIELDS)) {
            return " (an initializer runs once in each worker and has no count)";
        }
        if (TASK_FIELDS.contains(field) && !known.contains(field)) {
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
}
