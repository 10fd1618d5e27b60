package dev.poolscope.engine;

import java.util.ArrayList;
import java.util.List;

/** Decides when results reach the caller, per mode, as CPython's Pool delivers them. */
final class ResultOrder {
    private final Mode mode;
    private final boolean[] finished;
    private int nextInOrder;
    private int finishedCount;

    ResultOrder(Mode mode, int taskCount) {
        this.mode = mode;
        this.finished = new boolean[taskCount];
    }

    /** Records that a task has its final status; returns the task indexes to deliver now, in order. */
    List<Integer> onFinished(int index) {
        finished[index] = true;
        finishedCount++;
        switch (mode) {
            case MAP:
                return finishedCount == finished.length ? inOrderFromNext() : List.of();
            case IMAP:
                return inOrderFromNext();
            default:
                return List.of(index);
        }
    }

    private List<Integer> inOrderFromNext() {
        List<Integer> ready = new ArrayList<>();
        while (nextInOrder < finished.length && finished[nextInOrder]) {
            ready.add(nextInOrder++);
        }
        return ready;
    }
}
