package dev.poolscope.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The one shared queue of chunks an idle worker takes from, as in CPython's Pool. Guarded by the run's lock. */
final class ChunkQueue {
    private final Deque<Chunk> chunks = new ArrayDeque<>();
    private final RunConfig config;

    /** Cuts the task list into chunks of the run's effective chunksize, in input order. */
    ChunkQueue(RunConfig config) {
        this.config = config;
        int n = config.tasks().size();
        int size = config.effectiveChunksize();
        for (int start = 0, number = 0; start < n; start += size, number++) {
            int[] indexes = new int[Math.min(size, n - start)];
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = start + i;
            }
            chunks.add(chunk(number, indexes));
        }
    }

    private Chunk chunk(int number, int[] indexes) {
        TaskSpec[] specs = new TaskSpec[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            specs[i] = config.tasks().get(indexes[i]);
        }
        return new Chunk(number, indexes, specs);
    }

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    /** The next chunk, or null. */
    Chunk poll() {
        return chunks.poll();
    }

    /** Process mode: task i belongs to process i; null once taken. */
    Chunk takeFor(int slot) {
        for (Chunk c : chunks) {
            if (c.indexes()[0] == slot) {
                chunks.remove(c);
                return c;
            }
        }
        return null;
    }

    /** Tasks of a lost chunk that never started go back to the front, to run next. */
    void putBack(int number, List<Integer> unstarted) {
        if (!unstarted.isEmpty()) {
            chunks.addFirst(chunk(number, unstarted.stream().mapToInt(Integer::intValue).toArray()));
        }
    }

    /** Empties the queue, returning the indexes of every task that was waiting. */
    List<Integer> drain() {
        List<Integer> waiting = new ArrayList<>();
        for (Chunk c; (c = chunks.poll()) != null; ) {
            for (int index : c.indexes()) {
                waiting.add(index);
            }
        }
        return waiting;
    }
}
