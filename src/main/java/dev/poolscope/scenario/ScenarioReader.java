package dev.poolscope.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolscope.engine.Limits;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.files.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a scenario's JSON object into a {@link Scenario}: types and unknown fields here, value
 * ranges in the engine's own rules (so the UI, the CLI and files agree on what is valid).
 */
final class ScenarioReader {
    static final List<String> ROOT_FIELDS = List.of("name", "description", "mode", "pool", "chunksize",
            "maxTasksPerChild", "initializer", "timeoutMs", "tasks");
    private static final Pattern TASK_PROBLEM = Pattern.compile("tasks\\[(\\d+)\\](.*)", Pattern.DOTALL);
    private static final String TASK_EXAMPLE = "{\"name\": \"A\", \"kind\": \"sleep\", \"ms\": 1000}";

    private final Problems problems;
    /** For each task of the built list, its index in the file's "tasks" array. */
    private final List<Integer> origin = new ArrayList<>();
    /** Some tasks could not be read, so "there are no tasks" would be a false alarm. */
    private boolean tasksIncomplete;

    private ScenarioReader(String source) {
        this.problems = new Problems(source);
    }

    static Scenario read(ObjectNode root, String source, String defaultName) throws ScenarioException {
        return new ScenarioReader(source).read(root, defaultName);
    }

    private Scenario read(ObjectNode root, String defaultName) throws ScenarioException {
        Fields f = new Fields(root, "", problems::add);
        TaskReader.rejectUnknown(f, ROOT_FIELDS);
        String name = f.has("name") ? checkedName(f.text("name")) : defaultName;
        String description = f.text("description");
        if (description != null && description.length() > Limits.MAX_TEXT_LENGTH) {
            problems.add("description", "must be at most " + Limits.MAX_TEXT_LENGTH + " characters, got " + description.length());
        }
        RunConfig.Builder b = RunConfig.builder();
        String modeId = f.text("mode");
        if (modeId != null) {
            Mode mode = Mode.fromId(modeId);
            if (mode == null) {
                problems.add("mode", "unknown mode " + Problems.quote(modeId) + "; known: " + Mode.ids());
            } else {
                b.mode(mode);
            }
        }
        Integer pool = f.wholeInt("pool", 1, Limits.MAX_POOL);
        if (pool != null) {
            b.pool(pool);
        }
        b.chunksize(f.wholeInt("chunksize", 1, Limits.MAX_CHUNKSIZE));
        b.maxTasksPerChild(f.wholeInt("maxTasksPerChild", 1, Limits.MAX_TASKS_PER_CHILD));
        b.timeoutMs(f.wholeLong("timeoutMs", 1, Limits.MAX_MS));
        b.initializer(initializer(f.raw("initializer")));
        b.tasks(tasks(f.raw("tasks")));
        for (String p : b.problems()) {
            engineProblem(p);
        }
        problems.throwIfAny();
        return new Scenario(name == null ? defaultName : name, description, b.build());
    }

    private String checkedName(String name) {
        if (name == null) {
            return null;
        }
        if (name.isBlank()) {
            problems.add("name", "must not be empty");
        } else if (name.length() > Limits.MAX_NAME_LENGTH) {
            problems.add("name", "must be at most " + Limits.MAX_NAME_LENGTH + " characters, got " + name.length());
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add("name", "must be one line without control characters, got " + Problems.quote(name));
        }
        return name;
    }

    private TaskSpec initializer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add("initializer", "must be a task object such as " + TASK_EXAMPLE + ", or null, got "
                    + Fields.describe(node));
            return null;
        }
        TaskReader.Written w = TaskReader.read(new Fields(node, "initializer", problems::add), problems, false);
        return w == null ? null : w.spec();
    }

    private List<TaskSpec> tasks(JsonNode node) {
        List<TaskReader.Written> written = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        if (node == null || node.isNull()) {
            problems.add("tasks", "required: a list of task objects such as [" + TASK_EXAMPLE + "]");
            tasksIncomplete = true;
        } else if (!node.isArray()) {
            problems.add("tasks", "must be a list [...] of task objects, got " + Fields.describe(node));
            tasksIncomplete = true;
        } else {
            for (int i = 0; i < node.size(); i++) {
                JsonNode t = node.get(i);
                String path = "tasks[" + i + "]";
                TaskReader.Written w = null;
                if (t.isObject()) {
                    w = TaskReader.read(new Fields(t, path, problems::add), problems, true);
                } else {
                    problems.add(path, "must be a task object such as " + TASK_EXAMPLE + ", got " + Fields.describe(t));
                }
                if (w == null) {
                    tasksIncomplete = true;
                } else {
                    written.add(w);
                    at.add(i);
                }
            }
        }
        return expand(written, at);
    }

    /** Expands counts, after checking the total so that no huge list is ever built. */
    private List<TaskSpec> expand(List<TaskReader.Written> written, List<Integer> at) {
        long total = 0;
        for (TaskReader.Written w : written) {
            total += w.count() == null ? 1 : w.count();
        }
        if (total > Limits.MAX_TASKS) {
            problems.add("tasks", "the tasks and their counts add up to " + total + " tasks; at most "
                    + Limits.MAX_TASKS + " are allowed");
            tasksIncomplete = true;
            return List.of();
        }
        List<TaskSpec> out = new ArrayList<>((int) total);
        for (int k = 0; k < written.size(); k++) {
            TaskReader.Written w = written.get(k);
            if (w.count() == null) {
                out.add(w.spec());
                origin.add(at.get(k));
                continue;
            }
            TaskSpec spec = w.spec();
            for (int i = 1; i <= w.count(); i++) {
                // count 3 of "x" with n 5 is x1, x2, x3 with n 5, 6, 7
                out.add(spec.withName(spec.name() + i).withN(spec.n() == null ? null : spec.n() + i - 1));
                origin.add(at.get(k));
            }
        }
        return out;
    }

    /** An engine rule problem, with its task index turned back into the file's index. */
    private void engineProblem(String p) {
        Matcher m = TASK_PROBLEM.matcher(p);
        String line = p;
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            line = "tasks[" + (i < origin.size() ? origin.get(i) : i) + "]" + m.group(2);
        }
        int colon = line.indexOf(": ");
        String field = colon < 0 ? line : line.substring(0, colon);
        if (problems.failed(field) || tasksIncomplete && field.equals("tasks") && line.contains("at least one")) {
            return; // already reported as a wrong type or a missing task; saying it twice only confuses
        }
        problems.addLine(line);
    }
}
