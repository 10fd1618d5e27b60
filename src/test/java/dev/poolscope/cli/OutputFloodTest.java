package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonRuns;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.traceimport.AnyTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that prints a flood (issue 19, defect 11): 200 MB printed made a 419 MB trace, each
 * line stored twice, and nothing capped what PoolScope kept. Now each line is stored once, the
 * first and last lines are kept, and the report, the trace and the console say how much was left
 * out; the program runs to its end and its exit code is kept.
 */
class OutputFloodTest {
    @TempDir
    Path dir;

    @Test
    void fortyMegabytesPrintedKeepTheFirstAndLastLinesSayWhatWasLeftOutAndKeepTheExitCode() throws Exception {
        PythonRuns.python();
        Path program = Files.writeString(dir.resolve("flood.py"), String.join("\n",
                "import sys",
                "from multiprocessing import Pool",
                "def square(x):",
                "    return x * x",
                "if __name__ == '__main__':",
                "    with Pool(2) as p:",
                "        print(p.map(square, range(4)))",
                "    line = 'x' * 1000",
                "    for i in range(40000):",
                "        print('line', i, line)",
                "    print('the last line')",
                "    sys.exit(3)",
                ""));
        Path trace = dir.resolve("flood.json");
        CapturedCli r = CapturedCli.run("run", "--python", program.toString(), "--trace", trace.toString());
        assertEquals(3, r.code(), r.err());
        // The console says it, once.
        List<String> notes = r.err().lines().filter(l -> l.contains("left out of the report and the trace")).toList();
        assertEquals(1, notes.size(), r.err());
        assertTrue(notes.get(0).startsWith("poolscope run: note: ") && notes.get(0).contains("printed lines (")
                && notes.get(0).contains("the program itself was not changed: it printed all of it and ran to its end"), notes.get(0));
        // The report keeps the first and the last lines, and says what lies between.
        assertTrue(r.out().contains("main: line 0 xxx"), "the first lines");
        assertTrue(r.out().contains("main: the last line"), "the last line");
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  ... ") && l.contains("printed lines (")
                && l.contains("left out here")), "the report says what was left out");
        // The trace is bounded, holds each kept line once, and says what it left out.
        long size = Files.size(trace);
        assertTrue(size < 4_000_000, "trace of " + size + " bytes");
        String text = Files.readString(trace);
        assertEquals(1, text.split("the last line", -1).length - 1, "the last line is stored once");
        RunTrace t = AnyTrace.read(trace);
        long kept = t.events().stream().filter(e -> e instanceof RunEvent.OutputLine).count();
        List<RunEvent.OutputTruncated> cut = t.events().stream().filter(e -> e instanceof RunEvent.OutputTruncated o
                && o.index() < 0).map(e -> (RunEvent.OutputTruncated) e).toList();
        assertEquals(1, cut.size(), "one left-out count for the run");
        assertEquals(40_002, kept + cut.get(0).lines(), "every printed line is kept or counted");
        assertTrue(cut.get(0).bytes() > 30_000_000, cut.get(0).toString());
        assertTrue(t.output().stream().anyMatch(o -> o.text().equals("the last line")));
    }

    /**
     * While the run goes, what PoolScope holds of a flood stays bounded: 100 MB printed fit in a
     * 64 MB heap (991d6d8 and the main of this session's start: OutOfMemoryError, as every kept line
     * was held in the run's events, the trace builder and the pending output at once).
     */
    @Test
    void aHundredMegabytesPrintedFitInA64MegabyteHeap() throws Exception {
        PythonRuns.python();
        Path program = Files.writeString(dir.resolve("flood100.py"), String.join("\n",
                "import sys",
                "line = 'z' * 5000",
                "for i in range(20000):",
                "    print('line', i, line)",
                "print('the last line')",
                "sys.exit(5)",
                ""));
        Path trace = dir.resolve("flood100.json");
        ChildJvm app = ChildJvm.start(dir, List.of("-Xmx64m"), Map.of(), "run", "--python", program.toString(),
                "--trace", trace.toString());
        try {
            assertTrue(app.process.waitFor(120, TimeUnit.SECONDS), "the run ended");
            assertEquals(5, app.process.exitValue(), app.stderr());
            assertTrue(!app.stderr().contains("OutOfMemoryError"), app.stderr());
            assertTrue(app.stdout().contains("main: the last line"), "the last line is kept");
            assertTrue(Files.size(trace) < 4_000_000, Files.size(trace) + " bytes");
        } finally {
            app.cleanUp();
        }
    }
}
