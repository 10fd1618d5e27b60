package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Many runs in one process leave nothing behind: threads, file descriptors, child processes
 * and heap return to where they were. 40 runs in the normal suite; the 200-run soak is
 * {@code ./mvnw test -Pslow -Dtest=SoakTest -Dsoak.runs=200} and prints its figures.
 */
class SoakTest {
    record Usage(int threads, int fds, long children, long heapKb) {
        static Usage now() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(50);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
            String[] fds = new File("/proc/self/fd").list();
            return new Usage(Thread.activeCount(), fds == null ? -1 : fds.length,
                    ProcessHandle.current().children().count(), heap);
        }
    }

    @Test
    void manyRunsLeaveNoThreadsDescriptorsProcessesOrHeapBehind() throws Exception {
        int runs = Integer.getInteger("soak.runs", 40);
        PoolService service = new PoolService();
        // A varied run: recycling, a crash, a failure, output, and a stop mid-run every tenth run.
        RunConfig config = pool(2, Mode.IMAP).chunksize(1).maxTasksPerChild(3)
                .task(TaskSpec.ofN("sq", TaskKind.SQUARE, 3, 0)).task(TaskSpec.print("say", "hello {pid}").withTimes(5))
                .task(TaskSpec.of("boom", TaskKind.CRASH, 0)).task(TaskSpec.of("oops", TaskKind.FAIL, 0))
                .task(TaskSpec.of("nap", TaskKind.SLEEP, 5)).task(TaskSpec.of("spin", TaskKind.SPIN, 5)).build();
        runOnce(service, config, false); // warm up: class loading, the timer thread
        Usage before = Usage.now();
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            runOnce(service, config, i % 10 == 9);
        }
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        Usage after = settled(before);
        System.out.printf("soak: %d runs in %d ms; threads %d -> %d, fds %d -> %d, children %d -> %d, heap %d KB -> %d KB%n",
                runs, elapsedMs, before.threads, after.threads, before.fds, after.fds, before.children, after.children,
                before.heapKb, after.heapKb);
        assertTrue(after.threads <= before.threads + 2, "threads grew: " + before + " -> " + after);
        assertTrue(after.fds <= before.fds + 4, "file descriptors grew: " + before + " -> " + after);
        assertEquals(0, after.children, "child processes left: " + after);
        assertTrue(after.heapKb < before.heapKb + 16 * 1024, "heap grew by more than 16 MB: " + before + " -> " + after);
        assertEquals(0, PoolService.liveWorkerCount());
    }

    /**
     * The last run's reader and spawner threads end a moment after its RunFinished: poll until
     * usage is back within the bounds (or 20 s pass, and the assertions say what is left).
     */
    private static Usage settled(Usage before) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        Usage now = Usage.now();
        while (System.nanoTime() < deadline && (now.threads > before.threads + 2 || now.fds > before.fds + 4
                || now.children > 0 || PoolService.liveWorkerCount() > 0)) {
            Thread.sleep(20);
            now = Usage.now();
        }
        return now;
    }

    private static void runOnce(PoolService service, RunConfig config, boolean stopMidRun) throws InterruptedException {
        RunHandle run = service.start(config, RunListener.NONE);
        if (stopMidRun) {
            RunResult.waitFor(run, RunEvent.TaskStarted.class, e -> true, java.time.Duration.ofSeconds(30));
            run.stop();
        }
        RunResult.finish(run);
    }
}
