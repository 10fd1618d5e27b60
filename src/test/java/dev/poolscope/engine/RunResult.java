package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Runs a config with real workers and gives easy access to what happened, for tests. */
final class RunResult {
    final RunHandle handle;
    final List<RunEvent> events;

    private RunResult(RunHandle handle) {
        this.handle = handle;
        this.events = handle.events();
    }

    static RunResult run(RunConfig config) throws InterruptedException {
        RunHandle handle = new PoolService().start(config, RunListener.NONE);
        assertTrue(handle.awaitDone(Duration.ofSeconds(60)), "run did not finish within 60 s");
        return new RunResult(handle);
    }

    static RunResult of(RunHandle handle) {
        return new RunResult(handle);
    }

    <T extends RunEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    RunEvent.TaskFinished finished(int index) {
        return all(RunEvent.TaskFinished.class).stream().filter(f -> f.index() == index).findFirst().orElseThrow();
    }

    RunEvent.TaskStarted started(int index) {
        return all(RunEvent.TaskStarted.class).stream().filter(s -> s.index() == index).findFirst().orElseThrow();
    }

    List<Integer> deliveryOrder() {
        return all(RunEvent.ResultDelivered.class).stream().map(RunEvent.ResultDelivered::index).collect(Collectors.toList());
    }

    List<Integer> completionOrder() {
        List<RunEvent.TaskFinished> f = new ArrayList<>(all(RunEvent.TaskFinished.class));
        return f.stream().map(RunEvent.TaskFinished::index).collect(Collectors.toList());
    }

    List<String> results() {
        return all(RunEvent.ResultDelivered.class).stream().map(RunEvent.ResultDelivered::result).collect(Collectors.toList());
    }

    /** Task indexes that ran on the given worker slot, in start order. */
    List<Integer> tasksOnSlot(int slot) {
        return all(RunEvent.TaskStarted.class).stream().filter(s -> s.slot() == slot)
                .map(RunEvent.TaskStarted::index).collect(Collectors.toList());
    }
}
