package dev.poolscope.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes a scenario in the layout of the lesson files: one field per line, one task per line,
 * every pool option present (null when unset) so a reader sees what can be changed. Runs of
 * tasks named x1, x2, ... that differ only in name (and n counting up) are written back as one
 * task with a "count", so a saved 10,000-task scenario stays short. Fields that mean nothing for
 * a task's kind are left out, because reading them back would be an error.
 */
final class ScenarioWriter {
    private ScenarioWriter() {}

    static String toJson(Scenario s) {
        RunConfig c = s.config();
        StringBuilder sb = new StringBuilder("{\n");
        field(sb, "name", str(s.name()));
        field(sb, "description", str(s.description()));
        field(sb, "mode", str(c.mode().id()));
        field(sb, "pool", Integer.toString(c.pool()));
        field(sb, "chunksize", Objects.toString(c.chunksize()));
        field(sb, "maxTasksPerChild", Objects.toString(c.maxTasksPerChild()));
        field(sb, "initializer", c.initializer() == null ? "null" : task(c.initializer(), null));
        field(sb, "timeoutMs", Objects.toString(c.timeoutMs()));
        sb.append("  \"tasks\": [");
        List<TaskSpec> tasks = c.tasks();
        for (int i = 0; i < tasks.size(); ) {
            int run = runLength(tasks, i);
            TaskSpec t = tasks.get(i);
            sb.append(i == 0 ? "\n    " : ",\n    ");
            if (run > 1) {
                String base = t.name().substring(0, t.name().length() - 1);
                sb.append(task(t.withName(base), run));
            } else {
                sb.append(task(t, null));
            }
            i += run;
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    private static void field(StringBuilder sb, String name, String json) {
        sb.append("  \"").append(name).append("\": ").append(json).append(",\n");
    }

    private static String task(TaskSpec t, Integer count) {
        StringBuilder sb = new StringBuilder("{\"name\": ").append(str(t.name()));
        sb.append(", \"kind\": ").append(str(t.kind().id()));
        if (TaskReader.applies("ms", t.kind()) && (t.kind().needsMs() || t.ms() != 0)) {
            sb.append(", \"ms\": ").append(t.ms());
        }
        if (TaskReader.applies("n", t.kind()) && t.n() != null) {
            sb.append(", \"n\": ").append(t.n());
        }
        if (t.kind() == TaskKind.PRINT && t.text() != null) {
            sb.append(", \"text\": ").append(str(t.text()));
        }
        if (t.kind() == TaskKind.FAIL && t.text() != null) {
            sb.append(", \"message\": ").append(str(t.text()));
        }
        if (t.kind() == TaskKind.PRINT && t.times() != 1) {
            sb.append(", \"times\": ").append(t.times());
        }
        if (t.kind() == TaskKind.CRASH && t.exitCode() != 1) {
            sb.append(", \"exitCode\": ").append(t.exitCode());
        }
        if (t.timeoutMs() != null) {
            sb.append(", \"timeoutMs\": ").append(t.timeoutMs());
        }
        if (count != null) {
            sb.append(", \"count\": ").append(count);
        }
        return sb.append('}').toString();
    }

    /** How many tasks from i on read back as one counted task: names base1, base2, ... */
    private static int runLength(List<TaskSpec> tasks, int i) {
        TaskSpec first = tasks.get(i);
        String name = first.name();
        if (name.length() < 2 || !name.endsWith("1")) {
            return 1;
        }
        String base = name.substring(0, name.length() - 1);
        int k = 1;
        while (i + k < tasks.size() && sameBut(first, tasks.get(i + k), base, k)) {
            k++;
        }
        return k;
    }

    /** Whether t is exactly what reading back "first as base, count > k" gives at position k. */
    private static boolean sameBut(TaskSpec first, TaskSpec t, String base, int k) {
        if (first.n() != null && first.n() > Long.MAX_VALUE - k) {
            return false;
        }
        Long n = first.n() == null ? null : first.n() + k;
        return t.equals(first.withName(base + (k + 1)).withN(n));
    }

    /** A JSON string literal; Jackson does the escaping. */
    private static String str(String s) {
        try {
            return JsonText.MAPPER.writeValueAsString(TextNode.valueOf(s));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // writing a string to a String cannot fail
        }
    }
}
