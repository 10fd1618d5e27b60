package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Numbers the tasks of a CPython run. A Pool task item is known by the process that asked for
 * it, CPython's job number, the chunk and its place in the chunk; a Process target by its PID.
 * For a program, tasks are numbered in the order the program submitted them (map's items in
 * input order, apply_async calls and Process starts in call order) and named by the tracer
 * ({@code work_log(['A', 5])}); a task seen starting without a submission is numbered then. For a scenario, the program is ours, so an item's place in the
 * input follows from the chunk and the chunksize (or the job, for apply_async, or the Process's
 * number, for process mode), and names come from the scenario.
 */
final class TaskBook {
    record Key(long creator, int job, int chunk, int k) {}

    /** A task that just started: its index, its chunk number, and its name when it is new to the run. */
    record Started(int index, int chunk, String newName) {}

    static final class Task {
        final String name;
        Key key;
        int chunk;
        boolean started;
        TaskStatus status;
        String result;
        String error;
        /** The caller was told it can have this result (so the task ended), and when (run time; -1 not known). */
        boolean deliveryWanted;
        long toldAt = -1;
        boolean delivered;
        /** Why the Pool could not send it to a worker (its chunk's error, e.g. a PicklingError), or null. */
        String unsent;

        Task(String name) {
            this.name = name;
        }
    }

    private final RunConfig scenario;
    private final List<Task> tasks = new ArrayList<>();
    private final Map<Key, Integer> byKey = new HashMap<>();
    private final Map<List<Object>, Integer> chunks = new HashMap<>();

    private TaskBook(RunConfig scenario) {
        this.scenario = scenario;
        if (scenario != null) {
            scenario.tasks().forEach(t -> tasks.add(new Task(t.name())));
        }
    }

    static TaskBook forProgram() {
        return new TaskBook(null);
    }

    static TaskBook forScenario(RunConfig config) {
        return new TaskBook(Objects.requireNonNull(config));
    }

    /**
     * Records a task the caller's Pool queued (a program's tasks only: a scenario's are known
     * from the start). Returns its new index, or -1 when it is known already.
     */
    int queue(long caller, int job, int chunk, int k, String name) {
        Key key = new Key(caller, job, chunk, k);
        if (scenario != null || byKey.containsKey(key)) {
            return -1;
        }
        int index = tasks.size();
        Task t = new Task(name);
        t.key = key;
        tasks.add(t);
        byKey.put(key, index);
        return index;
    }

    /**
     * Records a program's Process target as a task when the Process is started (start() order
     * is the submission order); -1 for a scenario or one known already.
     */
    int queueProcess(long pid, String name) {
        return queue(pid, -1, -1, 0, name);
    }

    /** The key a task0 message names: the Pool item, or (for a Process target) the process itself. */
    Key keyOf(PyProcess p, JsonNode m) {
        return p.isPoolWorker() ? new Key(p.creator, m.path("job").asInt(-1), m.path("chunk").asInt(-1), m.path("k").asInt(0))
                : new Key(p.pid, -1, -1, 0);
    }

    /** Whether the task with this key was submitted (or started) already. */
    boolean knows(Key key) {
        return byKey.containsKey(key);
    }

    /** The index of a task the caller queued, or -1 when none has that key. */
    int indexOf(long caller, int job, int chunk, int k) {
        return byKey.getOrDefault(new Key(caller, job, chunk, k), -1);
    }

    /** Records a task0 message; null when it cannot be placed (a scenario item out of range). */
    Started start(PyProcess p, JsonNode m) {
        int job = m.path("job").asInt(-1);
        int chunk = m.path("chunk").asInt(-1);
        int k = m.path("k").asInt(0);
        Key key = keyOf(p, m);
        Integer known = byKey.get(key);
        int index;
        String newName = null;
        if (known != null) {
            index = known;
            if (tasks.get(index).started) {
                return new Started(index, tasks.get(index).chunk, null);
            }
        } else if (scenario == null) {
            index = tasks.size();
            newName = m.path("name").asText("task " + index);
            tasks.add(new Task(newName));
        } else {
            index = scenarioIndex(p, job, chunk, k);
            if (index < 0 || index >= tasks.size() || tasks.get(index).started) {
                return null;
            }
        }
        Task t = tasks.get(index);
        t.key = key;
        t.started = true;
        t.chunk = p.isPoolWorker() && job >= 0 && (scenario == null || scenario.mode() != Mode.APPLY_ASYNC)
                ? chunks.computeIfAbsent(List.of(key.creator(), job, chunk), x -> chunks.size())
                : chunkFor(index);
        byKey.put(key, index);
        return new Started(index, t.chunk, newName);
    }

    private int chunkFor(int index) {
        return scenario != null ? index : chunks.computeIfAbsent(List.of("task", index), x -> chunks.size());
    }

    private int scenarioIndex(PyProcess p, int job, int chunk, int k) {
        if (scenario.mode() == Mode.PROCESS) {
            return p.isPoolWorker() ? -1 : p.ident - 1;
        }
        if (!p.isPoolWorker()) {
            return -1;
        }
        if (scenario.mode() == Mode.APPLY_ASYNC) {
            return job;
        }
        return chunk * scenario.effectiveChunksize() + k;
    }

    void finished(int index, TaskStatus status, String result, String error) {
        Task t = tasks.get(index);
        t.status = status;
        t.result = result;
        t.error = error;
    }

    /**
     * The known tasks of one chunk of the caller's job, in item order: a program's as submitted
     * (or seen starting), a scenario's by their place in its task list. Empty when none is known yet.
     */
    List<Integer> itemsOf(long creator, int job, int chunk) {
        List<Integer> out = new ArrayList<>();
        if (scenario != null) {
            if (scenario.mode() == Mode.APPLY_ASYNC) {
                if (job >= 0 && job < tasks.size()) {
                    out.add(job);
                }
                return out;
            }
            int size = scenario.effectiveChunksize();
            for (int i = chunk * size; chunk >= 0 && i < (chunk + 1) * size && i < tasks.size(); i++) {
                out.add(i);
            }
            return out;
        }
        for (int k = 0; ; k++) {
            Integer index = byKey.get(new Key(creator, job, chunk, k));
            if (index == null) {
                return out;
            }
            out.add(index);
        }
    }

    /** The known tasks of the caller's job, in input order (chunk by chunk, up to the first chunk not known). */
    List<Integer> itemsOfJob(long creator, int job) {
        if (scenario != null) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                all.add(i);
            }
            return all;
        }
        List<Integer> out = new ArrayList<>();
        for (int chunk = 0; ; chunk++) {
            List<Integer> items = itemsOf(creator, job, chunk);
            if (items.isEmpty()) {
                return out;
            }
            out.addAll(items);
        }
    }

    Task get(int index) {
        return tasks.get(index);
    }

    int size() {
        return tasks.size();
    }

    List<String> names() {
        List<String> names = new ArrayList<>(tasks.size());
        tasks.forEach(t -> names.add(t.name));
        return names;
    }

    boolean isScenario() {
        return scenario != null;
    }
}
