package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs started at the same moment each keep their own thread names (issue 19, defect 2): the
 * thread that waits for an interpreter used to be named from the shared counter's latest value,
 * so two runs starting together could both take the other's number.
 */
class ConcurrentRunsTest {
    @TempDir
    Path dir;

    @Test
    void sixRunsStartedAtOnceHaveSixDifferentlyNamedInterpreterThreads() throws Exception {
        PythonRuns.python();
        Path program = PythonRuns.program(dir, "nap.py", "import time\ntime.sleep(3)\n");
        int n = 6;
        CyclicBarrier together = new CyclicBarrier(n);
        ExecutorService starters = Executors.newFixedThreadPool(n);
        List<Future<CPythonRun>> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            starts.add(starters.submit(() -> {
                together.await();
                return new CPythonService().start(program, List.of(), CPythonOptions.defaults(), null);
            }));
        }
        List<CPythonRun> runs = new ArrayList<>();
        for (Future<CPythonRun> f : starts) {
            runs.add(f.get());
        }
        starters.shutdown();
        try {
            List<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(name -> name.matches("poolscope-cpython-\\d+")).sorted().collect(Collectors.toList());
            assertEquals(n, names.stream().distinct().count(), "one interpreter thread per run, each its own name: " + names);
        } finally {
            runs.forEach(CPythonRun::stop);
            for (CPythonRun run : runs) {
                run.awaitDone(Duration.ofSeconds(20));
            }
        }
    }
}
