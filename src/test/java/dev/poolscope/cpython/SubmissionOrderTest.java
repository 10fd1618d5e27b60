package dev.poolscope.cpython;

import static dev.poolscope.cpython.PythonRuns.dump;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task's number is its place in what the program submitted, never the order its start was seen. */
class SubmissionOrderTest {
    @TempDir
    Path dir;

    @Test
    void poolMapOverFiveItemsIsNumberedInItemOrderEveryTime() throws Exception {
        Path program = PythonRuns.program(dir, "five.py", """
                import time
                from multiprocessing import Pool

                def process_task(n):
                    time.sleep(0.01 * max(0, 5 - n))
                    return n * 2

                if __name__ == "__main__":
                    with Pool(4) as pool:
                        print(pool.map(process_task, [1, 2, 3, 4, 5]))
                    with Pool(2) as pool:
                        late = pool.apply_async(process_task, (9,))
                        early = pool.apply_async(process_task, (8,))
                        print(late.get(), early.get())
                """);
        for (int r = 0; r < 5; r++) {
            CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(60));
            assertEquals(0, run.exitStatus(), () -> dump(run));
            RunTrace t = CPythonTrace.of(run);
            List<String> names = t.tasks().stream().map(TaskRecord::name).collect(Collectors.toList());
            assertEquals(List.of("process_task(1)", "process_task(2)", "process_task(3)", "process_task(4)",
                    "process_task(5)", "process_task(9)", "process_task(8)"), names, () -> dump(run));
            List<String> results = t.tasks().stream().map(TaskRecord::result).collect(Collectors.toList());
            assertEquals(List.of("2", "4", "6", "8", "10", "18", "16"), results, () -> dump(run));
        }
    }
}
