package dev.poolscope.cpython;

import static dev.poolscope.cpython.PythonRuns.dump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunListener;
import dev.poolscope.trace.OutputRecord;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TextReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Printed lines are listed in the order they were written, whichever process wrote them and
 * whatever order they reached PoolScope in: a causal chain (child 1 prints, then sets an Event;
 * child 2 waits for it, then prints; main prints after joining both) must read in that order in
 * the report, the trace and what a listener (the window's console) is handed, every time.
 */
class WriteOrderTest {
    private static final String CHAIN = """
            from multiprocessing import Event, Process

            def first(ready):
                print("1 child one wrote this")
                ready.set()

            def second(ready):
                ready.wait()
                print("2 child two wrote this")

            if __name__ == "__main__":
                ready = Event()
                one = Process(target=first, args=(ready,))
                two = Process(target=second, args=(ready,))
                two.start()
                one.start()
                one.join()
                two.join()
                print("3 main wrote this")
            """;
    private static final List<String> IN_ORDER = List.of("1 child one wrote this", "2 child two wrote this",
            "3 main wrote this");
    private static final int RUNS = 20;

    @TempDir
    Path dir;

    @Test
    void aCausalChainOfPrintsIsListedInTheOrderWrittenInEveryRun() throws Exception {
        PythonRuns.python();
        Path program = PythonRuns.program(dir, "chain.py", CHAIN);
        for (int r = 0; r < RUNS; r++) {
            List<String> console = Collections.synchronizedList(new ArrayList<>());
            RunListener listener = e -> {
                if (e instanceof RunEvent.OutputLine o) {
                    console.add(o.text());
                }
            };
            CPythonRun run = new CPythonService().start(program, List.of(), CPythonOptions.defaults(), listener);
            assertTrue(run.awaitDone(Duration.ofSeconds(60)), "run " + r + " did not end");
            int round = r;
            assertEquals(0, run.exitStatus(), () -> dump(run));
            RunTrace t = CPythonTrace.of(run);
            assertEquals(IN_ORDER, t.output().stream().map(OutputRecord::text).collect(Collectors.toList()),
                    () -> "trace, run " + round + "\n" + dump(run));
            assertEquals(IN_ORDER, List.copyOf(console), () -> "console, run " + round + "\n" + dump(run));
            String report = TextReport.render(t);
            int a = report.indexOf(IN_ORDER.get(0));
            int b = report.indexOf(IN_ORDER.get(1));
            int c = report.indexOf(IN_ORDER.get(2));
            assertTrue(a >= 0 && a < b && b < c, () -> "report, run " + round + "\n" + report);
            // Each line's time is its writer's: the chain's times rise.
            List<Double> times = t.output().stream().map(OutputRecord::atMs).collect(Collectors.toList());
            assertTrue(times.get(0) < times.get(1) && times.get(1) < times.get(2), times::toString);
        }
    }
}
