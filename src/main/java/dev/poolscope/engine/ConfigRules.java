package dev.poolscope.engine;

import java.util.ArrayList;
import java.util.List;

/** The rules a run configuration must follow; each broken rule gives "field: reason, got x". */
final class ConfigRules {
    private ConfigRules() {}

    static List<String> check(Mode mode, int pool, Integer chunksize, Integer maxTasksPerChild,
                              TaskSpec initializer, Long timeoutMs, List<TaskSpec> tasks) {
        List<String> p = new ArrayList<>();
        range(p, "pool", pool, 1, Limits.MAX_POOL);
        if (chunksize != null) {
            range(p, "chunksize", chunksize, 1, Limits.MAX_CHUNKSIZE);
            if (chunksize != 1 && (mode == Mode.APPLY_ASYNC || mode == Mode.PROCESS)) {
                p.add("chunksize: must be 1 (or left out) in " + mode.id() + " mode, got " + chunksize);
            }
        }
        if (maxTasksPerChild != null) {
            range(p, "maxTasksPerChild", maxTasksPerChild, 1, Limits.MAX_TASKS_PER_CHILD);
        }
        if (timeoutMs != null) {
            range(p, "timeoutMs", timeoutMs, 1, Limits.MAX_MS);
        }
        if (initializer != null) {
            checkTask(p, "initializer", initializer);
        }
        if (tasks.isEmpty()) {
            p.add("tasks: must list at least one task");
        }
        int max = mode == Mode.PROCESS ? Limits.MAX_PROCESS_TASKS : Limits.MAX_TASKS;
        if (tasks.size() > max) {
            p.add("tasks: at most " + max + " tasks in " + mode.id() + " mode, got " + tasks.size());
            return p; // do not list a problem per task of a list that is too long anyway
        }
        for (int i = 0; i < tasks.size() && p.size() < 50; i++) {
            checkTask(p, "tasks[" + i + "]", tasks.get(i));
        }
        return p;
    }

    static void checkTask(List<String> p, String at, TaskSpec t) {
        if (t.name().isBlank()) {
            p.add(at + ".name: must not be empty");
        } else if (t.name().length() > Limits.MAX_NAME_LENGTH) {
            p.add(at + ".name: must be at most " + Limits.MAX_NAME_LENGTH + " characters, got " + t.name().length());
        }
        range(p, at + ".ms", t.ms(), 0, Limits.MAX_MS);
        if (t.kind().needsN() && t.n() == null) {
            p.add(at + ".n: required for a " + t.kind().id() + " task");
        }
        if (t.kind().needsText() && t.text() == null) {
            p.add(at + ".text: required for a " + t.kind().id() + " task");
        }
        if (t.text() != null && t.text().length() > Limits.MAX_TEXT_LENGTH) {
            p.add(at + ".text: must be at most " + Limits.MAX_TEXT_LENGTH + " characters, got " + t.text().length());
        }
        range(p, at + ".times", t.times(), 1, Limits.MAX_TIMES);
        range(p, at + ".exitCode", t.exitCode(), Limits.MIN_EXIT_CODE, Limits.MAX_EXIT_CODE);
        if (t.timeoutMs() != null) {
            range(p, at + ".timeoutMs", t.timeoutMs(), 1, Limits.MAX_MS);
        }
    }

    static void range(List<String> p, String field, long value, long min, long max) {
        if (value < min || value > max) {
            p.add(field + ": must be between " + min + " and " + max + ", got " + value);
        }
    }
}
