package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
        return finish(handle);
    }

    static RunResult of(RunHandle handle) {
        return new RunResult(handle);
    }

    /** Waits for the run, then checks that none of its worker processes is still alive. */
    static RunResult finish(RunHandle handle) throws InterruptedException {
        assertTrue(handle.awaitDone(Duration.ofSeconds(60)), "run did not finish within 60 s");
        assertNoneAlive(handle.pids());
        List<RunEvent> events = handle.events();
        assertTrue(events.get(events.size() - 1) instanceof RunEvent.RunFinished, () -> "RunFinished is the last event: " + events.subList(Math.max(0, events.size() - 4), events.size()));
        return new RunResult(handle);
    }

    static void assertNoneAlive(List<Long> pids) {
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "worker " + pid + " outlived its run");
        }
    }

    /** Polls the run's events until one matches, failing after the timeout. */
    static <T extends RunEvent> T waitFor(RunHandle handle, Class<T> type, java.util.function.Predicate<T> match,
                                         Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (RunEvent e : handle.events()) {
                if (type.isInstance(e) && match.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + timeout);
    }

    static RunConfig.Builder pool(int size, Mode mode) {
        return RunConfig.builder().mode(mode).pool(size);
    }

    static TaskSpec sleep(String name, long ms) {
        return TaskSpec.of(name, TaskKind.SLEEP, ms);
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

    RunEvent.ResultDelivered delivered(int index) {
        return all(RunEvent.ResultDelivered.class).stream().filter(d -> d.index() == index).findFirst().orElseThrow();
    }

    /** PIDs of the processes started in a slot, in order. */
    List<Long> pidsOfSlot(int slot) {
        return all(RunEvent.WorkerSpawned.class).stream().filter(w -> w.slot() == slot)
                .map(RunEvent.WorkerSpawned::pid).collect(Collectors.toList());
    }
}
