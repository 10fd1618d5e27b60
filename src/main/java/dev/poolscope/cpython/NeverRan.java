package dev.poolscope.cpython;

import dev.poolscope.engine.TaskStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a task that never started never ran, in plain words, once the run has ended: the Pool
 * could not send it to a worker (its error), an item of the same call had failed and the Pool
 * was ended before its turn, or the program ended first. Built once at the run's end.
 */
final class NeverRan {
    private final TaskBook book;
    /** (caller, job) to the first of its tasks (by number) that failed. */
    private final Map<List<Object>, Integer> firstFailed = new HashMap<>();
    /** How the run's one Pool was ended ("with", "explicit", "gc", "exit"), or null (none, or more than one). */
    private final String poolEnd;

    NeverRan(TaskBook book, Collection<String> poolEndCauses) {
        this.book = book;
        for (int i = 0; i < book.size(); i++) {
            TaskBook.Task t = book.get(i);
            if (t.status == TaskStatus.FAILED && t.key != null) {
                firstFailed.putIfAbsent(List.of(t.key.creator(), t.key.job()), i);
            }
        }
        Set<String> causes = new HashSet<>(poolEndCauses);
        this.poolEnd = causes.size() == 1 ? causes.iterator().next() : null;
    }

    String why(int index, boolean stopped) {
        if (stopped) {
            return "never ran: the run was stopped";
        }
        TaskBook.Task t = book.get(index);
        if (t.unsent != null) {
            return "never ran: the Pool could not send it to a worker (" + t.unsent + ")";
        }
        String ended = poolEnd != null ? "the Pool was terminated (" + PoolMarks.cause(poolEnd) + ")" : "the program ended";
        Integer failed = t.key != null ? firstFailed.get(List.of(t.key.creator(), t.key.job())) : null;
        if (failed != null) {
            TaskBook.Task f = book.get(failed);
            return "never ran: " + f.name + " had failed (" + f.error + ") and " + ended + " before its turn";
        }
        return "never ran: " + ended + " before it";
    }
}
