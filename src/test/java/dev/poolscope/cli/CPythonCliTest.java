package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceJson;
import dev.poolscope.cpython.PythonRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --python and --engine cpython through the real command line, on the real python3. */
class CPythonCliTest extends InProcessCliTest {
    @TempDir
    Path dir;

    private static void needPython() {
        PythonRuns.python(); // skips the test where python3 is missing
    }

    @Test
    void runPythonPrintsTheReportWithTheMainProcessAndWritesACPythonTrace() throws Exception {
        needPython();
        Path trace = dir.resolve("ids.json");
        assertEquals(0, poolscope("run", "--python", "assets/python/process_ids.py", "--trace", trace.toString()), err);
        assertTrue(out.contains("Main process (PID "), out);
        assertTrue(out.contains("is_alive() of "), out);
        assertTrue(out.contains("] main: ID of main process: "), out);
        JsonNode json = new ObjectMapper().readTree(trace.toFile());
        assertEquals("cpython", json.path("engine").asText());
        long mainPid = json.path("mainPid").asLong();
        assertTrue(out.contains("ID of main process: " + mainPid), out);
        RunTrace read = TraceJson.read(trace); // a CPython trace opens like any other
        assertEquals(2, read.tasks().size());
        assertEquals("python", read.tasks().get(0).kind());
    }

    @Test
    void theProgramsArgumentsAndExitCodeAreItsOwn() throws Exception {
        needPython();
        Path program = Files.writeString(dir.resolve("args.py"), "import sys\nprint(sys.argv[1:])\nsys.exit(int(sys.argv[1]))\n");
        assertEquals(4, poolscope("run", "--python", program.toString(), "--", "4", "--pool", "x"), err);
        assertTrue(out.contains("main: ['4', '--pool', 'x']"), out);
    }

    @Test
    void theDeadlineEndsAHangingProgramWithExitOne() throws Exception {
        needPython();
        Path program = Files.writeString(dir.resolve("hang.py"), "import time\nprint('waiting')\ntime.sleep(60)\n");
        long t0 = System.nanoTime();
        assertEquals(1, poolscope("run", "--python", program.toString(), "--deadline", "1500"), err);
        assertTrue((System.nanoTime() - t0) / 1e9 < 20);
        assertTrue(err.contains("Stopped at the deadline of 1500 ms"), err);
        assertTrue(out.contains("stopped by PoolScope at the deadline of 1500 ms"), out);
    }

    @Test
    void aLessonOnCPythonsPoolRunsWithTheScenariosNames() throws Exception {
        needPython();
        assertEquals(0, poolscope("run", "--lesson", "doubling", "--engine", "cpython", "--start-method", "spawn"), err);
        assertTrue(out.contains("Python"), out);
        for (String name : new String[] {"task1", "task2", "task3", "task4", "task5"}) {
            assertTrue(out.contains(name), out);
        }
    }

    @Test
    void theJavaEngineHonoursTheDeadlineToo() {
        assertEquals(1, poolscope("run", "--lesson", "work-log", "--deadline", "1500"), err);
        assertTrue(err.contains("Stopped at the deadline of 1500 ms"), err);
        assertTrue(out.contains("cancelled"), out);
    }

    @Test
    void badCPythonOptionsAreOneLineAndExitTwo() throws Exception {
        assertEquals(2, poolscope("run", "--lesson", "doubling", "--engine", "perl"));
        assertEquals("poolscope run: --engine: must be java, cpython or dask, got perl", err.strip());
        assertEquals(2, poolscope("run", "--lesson", "doubling", "--python-exe", "/usr/bin/python3"));
        assertTrue(err.contains("--python-exe: only with --python FILE, --engine cpython or --engine dask"), err);
        assertEquals(2, poolscope("run", "--python", dir.resolve("missing.py").toString()));
        assertTrue(err.contains("no such file"), err);
        assertEquals(2, poolscope("run", "--python", "assets/python/doubling.py", "--python-exe", dir.resolve("nope").toString()));
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("does not exist"), err);
        assertEquals(2, poolscope("run", "--lesson", "doubling", "--", "extra"));
        assertTrue(err.contains("only for --python FILE"), err);
    }
}
