package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolscope.engine.RunEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * When results reach the caller, in the order it gets them. The caller's Pool says which
 * chunks' results it can now have (imap: in input order; imap_unordered and apply_async: as
 * they come; map: all at once at the end). That word travels on the caller's connection, while
 * the items' own starts and ends travel on their workers' connections and may be read later:
 * a result then waits for its item's end, and the ones behind it wait too. Guarded by the run's lock.
 */
final class Deliveries {
    private final TaskBook book;
    private final Consumer<RunEvent> emit;
    /** Results the caller can have, in the order it gets them; each is told once its task's end is known. */
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();
    /** (caller, job, chunk) whose results the caller was told of, for items not yet seen starting. */
    private final Set<List<Object>> chunksTold = new HashSet<>();
    /** A map's results, all told at once: (caller, job) to its number of items, until every item is seen. */
    private final Map<List<Object>, Integer> mapsTold = new HashMap<>();

    Deliveries(TaskBook book, Consumer<RunEvent> emit) {
        this.book = book;
        this.emit = emit;
    }

    /** A "result" message from the caller. */
    void told(long caller, JsonNode m, long at) {
        int job = m.path("job").asInt(-1);
        if (m.path("all").asBoolean(false)) {
            // A map that failed raises in the caller: it gets none of the results.
            if (!m.path("failed").asBoolean(false)) {
                mapsTold.put(List.of(caller, job), m.path("items").asInt(0));
                mapReady(caller, job);
            }
        } else {
            List<Integer> chunks = new ArrayList<>();
            for (JsonNode c : m.path("chunks")) {
                chunks.add(c.asInt());
                chunksTold.add(List.of(caller, job, c.asInt()));
            }
            book.deliverable(caller, job, chunks).forEach(this::want);
        }
        ended(at);
    }

    /** A task started: the caller may already have been told of its result. */
    void started(int index) {
        TaskBook.Key key = book.get(index).key;
        if (chunksTold.contains(List.of(key.creator(), key.job(), key.chunk()))) {
            want(index);
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

    /** A map's results go to the caller in input order, once every item has been seen starting. */
    private void mapReady(long caller, int job) {
        Integer items = mapsTold.get(List.of(caller, job));
        if (items == null) {
            return;
        }
        // Counted first, listed (and sorted) once: this runs at every item's start while a map is told.
        if (book.startedOf(caller, job) >= items) {
            mapsTold.remove(List.of(caller, job));
            book.deliverable(caller, job, null).forEach(this::want);
        }
    }

    private void want(int index) {
        TaskBook.Task t = book.get(index);
        if (!t.deliveryWanted) {
            t.deliveryWanted = true;
            queue.add(index);
        }
    }
}
