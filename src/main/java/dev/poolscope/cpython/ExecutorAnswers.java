package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a ProcessPoolExecutor told its futures without running them (poolscope_futures.py's
 * "xfail"): when a worker dies, every pending future fails with BrokenProcessPool; a cancelled
 * future never runs. Such a call is drawn as never run, with that reason. Called by
 * {@link RunState} under its lock.
 *
 * <p>The executor fails every future it still holds, including those a worker had just taken,
 * whose start may still be on its way from that worker's connection: so an answer is applied
 * only after a grace period ({@code later}), to a call that has not started by then.
 */
final class ExecutorAnswers {
    private final TaskBook book;
    private final Consumer<RunEvent> emit;
    private final Consumer<Runnable> later;
    private final List<Runnable> waiting = new ArrayList<>();
    /** Executors (creator PID and job) whose breaking has been told in a notice. */
    private final Set<List<Long>> told = new HashSet<>();

    ExecutorAnswers(TaskBook book, Consumer<RunEvent> emit, Consumer<Runnable> later) {
        this.book = book;
        this.emit = emit;
        this.later = later;
    }

    /** An "xfail" message of process {@code pid} (the executor's owner). */
    void failed(long pid, JsonNode m, long at) {
        List<Integer> indexes = new ArrayList<>();
        long job = -1;
        for (JsonNode key : m.path("keys")) {
            job = key.path(0).asLong();
            int index = book.indexOf(pid, key.path(0).asInt(), key.path(1).asInt(), key.path(2).asInt());
            if (index >= 0) {
                indexes.add(index);
            }
        }
        String error = m.path("error").asText("failed");
        boolean broken = "broken".equals(m.path("at").asText(""));
        List<Long> executor = List.of(pid, job);
        Runnable apply = () -> apply(indexes, error, broken, executor, at);
        waiting.add(apply);
        later.accept(() -> {
            if (waiting.remove(apply)) {
                apply.run();
            }
        });
    }

    private void apply(List<Integer> indexes, String error, boolean broken, List<Long> executor, long at) {
        int neverRan = 0;
        for (int index : indexes) {
            TaskBook.Task t = book.get(index);
            if (t.started || t.status != null) {
                continue; // it ran (or is running): its worker's end tells how it ended
            }
            book.finished(index, TaskStatus.CANCELLED, null, "never ran: " + error);
            emit.accept(new RunEvent.TaskFinished(at, index, -1, -1, TaskStatus.CANCELLED, null, "never ran: " + error));
            neverRan++;
        }
        if (broken && neverRan > 0 && told.add(executor)) {
            emit.accept(new RunEvent.RunNotice(at, -1, executor.get(0), "A worker process of the ProcessPoolExecutor"
                    + " died: the executor failed every pending call with BrokenProcessPool at once, so the program"
                    + " gets the exception instead of waiting (CPython's Pool, in its place, waits forever)."));
        }
    }

    /** The run is ending: answers still waiting out their grace apply now. */
    void finish() {
        List<Runnable> now = List.copyOf(waiting);
        waiting.clear();
        now.forEach(Runnable::run);
    }
}
