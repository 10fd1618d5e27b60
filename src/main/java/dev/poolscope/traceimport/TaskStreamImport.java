package dev.poolscope.traceimport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.trace.RunTrace;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads Dask's task stream, {@code Client.get_task_stream()} (or {@code get_task_stream().data})
 * saved as JSON: a list of tasks, each with its worker, the thread that ran it and its
 * startstops (compute, transfer, disk-read, ... with start and stop in the worker's seconds,
 * already corrected to the scheduler's clock by Dask). A lane per worker thread; the stream has no
 * PIDs, so none is shown.
 */
final class TaskStreamImport {
    private TaskStreamImport() {}

    /** A list whose first entry has startstops and a worker: Dask's task stream. */
    static boolean looksLike(JsonNode root) {
        return root.isArray() && root.size() > 0 && root.get(0).isObject() && root.get(0).has("startstops")
                && root.get(0).has("worker");
    }

    static RunTrace read(JsonNode root, String name) throws ImportException {
        ImportedLanes lanes = new ImportedLanes("Dask task stream");
        Map<String, Integer> threadNumbers = new HashMap<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode t = root.get(i);
            String where = "[" + i + "]: ";
            if (!t.isObject() || !t.path("startstops").isArray() || !t.path("worker").isTextual()) {
                throw new ImportException(where + "a task of the stream needs a worker and a list of startstops");
            }
            String worker = t.path("worker").asText();
            String key = t.path("key").asText("?");
            String thread = t.path("thread").asText("");
            // The thread's id is an address in the worker's memory: numbered per worker instead.
            int n = threadNumbers.computeIfAbsent(worker + "#" + thread,
                    k -> (int) threadNumbers.keySet().stream().filter(x -> x.startsWith(worker + "#")).count() + 1);
            ImportedLanes.Source lane = lanes.lane(worker + "#" + thread, worker + " thread " + n);
            boolean ok = !"error".equalsIgnoreCase(t.path("status").asText("OK"));
            for (JsonNode ss : t.path("startstops")) {
                JsonNode start = ss.get("start");
                JsonNode stop = ss.get("stop");
                if (start == null || stop == null || !start.isNumber() || !stop.isNumber() || stop.asDouble() < start.asDouble()) {
                    throw new ImportException(where + "each startstop needs a number start and a stop not before it (seconds)");
                }
                String action = ss.path("action").asText("compute");
                String prefix = prefix(key);
                lanes.bar(lane, new ImportedLanes.Bar("compute".equals(action) ? prefix : action + ": " + prefix, action,
                        start.asDouble() * 1000, stop.asDouble() * 1000, ok ? TaskStatus.OK.id() : TaskStatus.FAILED.id(),
                        key));
            }
        }
        return lanes.build(name, false);
    }

    /** "nap-49580e28d0c9..." gives "nap", as Dask's own key_split names a task's group. */
    static String prefix(String key) {
        String k = key.startsWith("('") ? key.substring(2) : key;
        int dash = k.lastIndexOf('-');
        if (dash > 0 && k.length() - dash - 1 >= 8 && k.substring(dash + 1).matches("[0-9a-f]+")) {
            return k.substring(0, dash);
        }
        int quote = k.indexOf('\'');
        return quote > 0 ? k.substring(0, quote) : k;
    }
}
