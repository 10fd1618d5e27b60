package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceJson;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program's processes are its processes (issue 19, defect 4): a Pool(100) used to be called
 * "pool 64", and the trace PoolScope wrote of it could not be read back
 * ("tasks[64].slot: expected from -1 to 63, got 64"). What PoolScope writes, it reads.
 */
class ManyProcessesTest {
    @TempDir
    Path dir;

    @Test
    void aPoolOf100IsAPoolOf100AndItsTraceReadsBack() throws Exception {
        Path program = PythonRuns.program(dir, "hundred.py", """
                import time
                from multiprocessing import Pool

                def nap(x):
                    time.sleep(0.3)
                    return x

                if __name__ == "__main__":
                    with Pool(100) as pool:
                        print(sum(pool.map(nap, range(100), chunksize=1)))
                """);
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(120));
        assertEquals(0, run.exitCode(), PythonRuns.dump(run));
        RunTrace trace = CPythonTrace.of(run);
        assertEquals(100, trace.pool(), "the header's pool");
        Path file = dir.resolve("hundred.json");
        TraceJson.write(trace, file);
        RunTrace back = TraceJson.read(file);
        assertEquals(100, back.pool());
        assertEquals(trace.tasks().size(), back.tasks().size());
        assertEquals(100, back.tasks().stream().mapToInt(t -> t.slot()).distinct().count(),
                "100 tasks of 0.3 s on 100 processes: one each");
    }
}
