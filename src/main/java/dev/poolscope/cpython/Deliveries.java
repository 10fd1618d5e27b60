package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolscope.engine.RunEvent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * When results reach the caller, in the order it gets them. The caller's Pool (or ThreadPool)
 * says which chunks' results it can now have (imap: in input order; imap_unordered and
 * apply_async: as they come; map: all at once at the end). That word travels on the caller's
 * connection, while the items' own starts and ends travel on their workers' connections and may
 * be read later: a result then waits for its item's end, and the ones behind it wait too.
 *
 * <p>What is kept is bounded by what is in flight, not by how many results a run has had: the
 * items of a chunk are known from the caller's submission ({@link TaskBook#itemsOf}), so a told
 * chunk is turned into its items at once and forgotten. Only a chunk told before its submission
 * was read waits here, until it is. Guarded by the run's lock.
 */
final class Deliveries {
    private final TaskBook book;
    private final Consumer<RunEvent> emit;
    /** Results the caller can have, in the order it gets them; each is told once its task's end is known. */
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();
    /** (caller, job, chunk) told before any of its items was known; forgotten once they are. */
    private final Set<List<Object>> chunksTold = new HashSet<>();
    /** A map's results, all told at once before all its items were known: (caller, job) to its number of items. */
    private final Map<List<Object>, Integer> mapsTold = new HashMap<>();
    /** (caller, job, chunk) the Pool could not send to a worker, told before its items were known: the error. */
    private final Map<List<Object>, String> unsentTold = new HashMap<>();
    /** The run time of the caller's word being handled, or -1. */
    private long toldAt = -1;

    Deliveries(TaskBook book, Consumer<RunEvent> emit) {
        this.book = book;
        this.emit = emit;
    }

    /** A "result" message from the caller. */
    void told(long caller, JsonNode m, long at) {
        toldAt = at;
        try {
            tell(caller, m);
        } finally {
            toldAt = -1;
        }
        ended(at);
    }

    private void tell(long caller, JsonNode m) {
        int job = m.path("job").asInt(-1);
        if (m.has("unsent")) {
            // Chunks the Pool could not send to a worker: their items never run, and the caller gets this error.
            String error = m.path("error").asText("an error");
            for (JsonNode c : m.path("unsent")) {
                List<Integer> items = book.itemsOf(caller, job, c.asInt());
                if (items.isEmpty()) {
                    unsentTold.put(List.of(caller, job, c.asInt()), error);
                }
                items.forEach(i -> book.get(i).unsent = error);
            }
            return;
        }
        if (m.path("all").asBoolean(false)) {
            // A map that failed raises in the caller: it gets none of the results.
            if (!m.path("failed").asBoolean(false)) {
                int items = m.path("items").asInt(0);
                List<Integer> known = book.itemsOfJob(caller, job);
                if (known.size() >= items) {
                    known.forEach(this::want);
                } else {
                    mapsTold.put(List.of(caller, job), items);
                }
            }
        } else {
            for (JsonNode c : m.path("chunks")) {
                List<Integer> items = book.itemsOf(caller, job, c.asInt());
                if (items.isEmpty()) {
                    chunksTold.add(List.of(caller, job, c.asInt()));
                } else {
                    items.forEach(this::want);
                }
            }
        }
    }

    /** The caller's submission of tasks of its job was read: results told before it can be told now. */
    void queued(long caller, int job) {
        if (chunksTold.isEmpty() && mapsTold.isEmpty() && unsentTold.isEmpty()) {
            return;
        }
        unsentTold.entrySet().removeIf(told -> {
            List<Object> key = told.getKey();
            if (!key.get(0).equals(caller) || !key.get(1).equals(job)) {
                return false;
            }
            List<Integer> items = book.itemsOf(caller, job, (Integer) key.get(2));
            items.forEach(i -> book.get(i).unsent = told.getValue());
            return !items.isEmpty();
        });
        chunksTold.removeIf(key -> {
            if (!key.get(0).equals(caller) || !key.get(1).equals(job)) {
                return false;
            }
            List<Integer> items = book.itemsOf(caller, job, (Integer) key.get(2));
            items.forEach(this::want);
            return !items.isEmpty();
        });
        mapReady(caller, job);
    }

    /** A task started: the caller may already have been told of its result (its submission never came). */
    void started(int index) {
        if (chunksTold.isEmpty() && mapsTold.isEmpty()) {
            return;
        }
        TaskBook.Key key = book.get(index).key;
        if (chunksTold.contains(List.of(key.creator(), key.job(), key.chunk()))) {
            want(index); // numbered as it came: the chunk's size is not known, so its word stays
        }
        mapReady(key.creator(), key.job());
    }

    /** A task ended (or a result was told): tells the results at the head of the queue that can be told. */
    void ended(long at) {
        while (!queue.isEmpty() && book.get(queue.peek()).status != null) {
            int index = queue.poll();
            TaskBook.Task t = book.get(index);
            t.delivered = true;
            emit.accept(new RunEvent.ResultDelivered(at, index, t.status, t.result, t.error));
        }
    }

    /** How many told chunks and maps wait for their items to be known, plus results waiting for their end. */
    int retained() {
        return chunksTold.size() + mapsTold.size() + unsentTold.size() + queue.size();
    }

    /** A map told before all its items were known: its results go to the caller in input order once they are. */
    private void mapReady(long caller, int job) {
        Integer items = mapsTold.get(List.of(caller, job));
        if (items == null) {
            return;
        }
        List<Integer> known = book.itemsOfJob(caller, job);
        if (known.size() >= items) {
            mapsTold.remove(List.of(caller, job));
            known.forEach(this::want);
        }
    }

    private void want(int index) {
        TaskBook.Task t = book.get(index);
        if (!t.deliveryWanted) {
            t.deliveryWanted = true;
            t.toldAt = toldAt;
            queue.add(index);
        }
    }
}
