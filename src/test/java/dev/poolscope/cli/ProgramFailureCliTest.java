package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that fails is told as a failure: one line on stderr naming the error and the
 * program's line, the exit code, and no pool, mode or statistics claimed; an exit code is an
 * exit code (sys.exit(137) is not "killed by signal 9"); tracebacks show the program's frames only.
 */
class ProgramFailureCliTest extends InProcessCliTest {
    @TempDir
    Path dir;

    private Path program(String name, String code) throws Exception {
        PythonRuns.python();
        return Files.writeString(dir.resolve(name), code);
    }

    private void assertNoPoolClaimed() {
        assertFalse(out.contains("mode map"), out);
        assertFalse(out.contains("pool 1"), out);
        assertFalse(out.contains("efficiency"), out);
        assertFalse(out.contains("Statistics"), out);
    }

    @Test
    void aSyntaxErrorIsOneLineWithItsLineAndTheExitCode() throws Exception {
        Path p = program("p03.py", "print('never')\n\ndef f(:\n    pass\n");
        assertEquals(1, poolscope("run", "--python", p.toString()), err);
        assertTrue(err.contains("p03.py line 3: SyntaxError: invalid syntax"), err);
        assertTrue(out.contains("SyntaxError"), out); // the interpreter's own words, in the output
        assertNoPoolClaimed();
    }

    @Test
    void aNameErrorInAFragmentIsOneLineBeforeTheTraceback() throws Exception {
        Path p = program("p09.py", "from multiprocessing import Pool\nprint('start')\nfunction_name(4)\n");
        assertEquals(1, poolscope("run", "--python", p.toString()), err);
        assertTrue(err.contains("p09.py line 3: NameError: name 'function_name' is not defined"), err);
        assertTrue(out.indexOf("start") < out.indexOf("Traceback"), out);
        assertNoPoolClaimed();
    }

    @Test
    void aFailedProgramsTraceOpensAgain() throws Exception {
        Path p = program("p09.py", "print('start')\nfunction_name(4)\n");
        Path trace = dir.resolve("p09.json");
        assertEquals(1, poolscope("run", "--python", p.toString(), "--trace", trace.toString()), err);
        Path png = dir.resolve("p09.png");
        // What PoolScope writes, it reads: its empty task list too.
        assertEquals(0, poolscope("render", "--trace", trace.toString(), "--out", png.toString()), err);
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void sysExit137IsExitCode137NotASignal() throws Exception {
        Path p = program("exits.py", """
                import sys
                from multiprocessing import Process

                def child():
                    sys.exit(137)

                if __name__ == "__main__":
                    p = Process(target=child)
                    p.start()
                    p.join()
                    print("child exit code", p.exitcode)
                    sys.exit(137)
                """);
        assertEquals(137, poolscope("run", "--python", p.toString()), err);
        assertTrue(out.contains("child exit code 137"), out);
        assertTrue(out.contains("ended        exited with code 137"), out);
        assertFalse(out.contains("signal 9"), out);
        assertFalse(out.contains("SIGKILL"), out);
    }

    /** Fails in every place a traceback is printed: a Process target, a thread, an executor's worker, a Pool's. */
    private static final String FAILS = """
            import threading
            import traceback
            from concurrent.futures import ProcessPoolExecutor
            from multiprocessing import Pool, Process

            def divide(n):
                return 1 / n

            if __name__ == "__main__":
                p = Process(target=divide, args=(0,))
                p.start()
                p.join()
                print("child exit code", p.exitcode)
                t = threading.Thread(target=divide, args=(0,))
                t.start()
                t.join()
                with ProcessPoolExecutor(2) as executor:
                    try:
                        executor.submit(divide, 0).result()
                    except ZeroDivisionError:
                        traceback.print_exc()  # the program's own print
                with Pool(2) as pool:
                    pool.map(divide, [1, 0])
            """;

    @Test
    void aWorkersTracebackShowsTheProgramsFramesNotTheTracers() throws Exception {
        Path p = program("fails.py", FAILS);
        assertEquals(1, poolscope("run", "--python", p.toString()), err);
        assertTrue(out.contains("ZeroDivisionError"), out);
        assertTrue(out.contains("in divide"), out);
        assertFalse(out.contains("poolscope_"), out);
    }

    /**
     * An installed CPython of that minor version (pyenv's, else python3.X on the PATH; pyenv's
     * shims are not interpreters), or the test is skipped.
     */
    private static Path interpreter(String minor) throws Exception {
        Path versions = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(versions)) {
            try (var all = Files.list(versions)) {
                var found = all.filter(v -> v.getFileName().toString().startsWith(minor + "."))
                        .map(v -> v.resolve("bin").resolve("python3")).filter(Files::isExecutable).sorted().findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path exe = Path.of(dir.isEmpty() ? "." : dir, "python" + minor);
            if (!dir.contains("shims") && Files.isExecutable(exe)) {
                return exe;
            }
        }
        Assumptions.abort("Python " + minor + " is not installed (no python" + minor + " on the PATH, none in " + versions + ")");
        return null;
    }

    /**
     * On 3.8 to 3.10 a re-raise in a tracer's patch put the patch's frame back (3.11+ does not): a
     * Process target's traceback (printed by multiprocessing) and the main's map() traceback showed
     * poolscope_tracer.py / poolscope_pool_calls.py; on every version a thread's traceback showed
     * poolscope_threads.py and an executor worker's poolscope_pool.py. Each interpreter: the
     * program's frames only.
     */
    @ParameterizedTest
    @ValueSource(strings = {"3.8", "3.9", "3.10", "3.11", "3.12", "3.13"})
    void tracebacksShowTheProgramsFramesOnlyOnEveryPythonFrom38To313(String minor) throws Exception {
        Path exe = interpreter(minor);
        Path p = program("fails.py", FAILS);
        assertEquals(1, poolscope("run", "--python", p.toString(), "--python-exe", exe.toString()), err);
        assertTrue(out.contains("(" + minor + "."), "the interpreter run: " + out);
        assertTrue(out.contains("child exit code 1"), "multiprocessing's exit code for a target that raised: " + out);
        assertTrue(out.contains("Process Process-1:"), out);
        assertTrue(out.contains("Exception in thread"), out);
        assertTrue(out.contains("concurrent.futures.process._RemoteTraceback"), out);
        assertTrue(out.contains("in divide"), out);
        assertTrue(out.contains("ZeroDivisionError: division by zero"), out);
        assertTrue(out.contains("in <module>"), "the main's traceback: " + out);
        assertFalse(out.contains("poolscope_"), out);
        assertFalse(out.contains("initializer:"), "a Process has no initializer: its traceback is printed outside a task: " + out);
    }
}
