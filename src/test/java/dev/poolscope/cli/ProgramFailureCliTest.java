package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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

    @Test
    void aWorkersTracebackShowsTheProgramsFramesNotTheTracers() throws Exception {
        Path p = program("fails.py", """
                from multiprocessing import Pool, Process

                def divide(n):
                    return 1 / n

                if __name__ == "__main__":
                    p = Process(target=divide, args=(0,))
                    p.start()
                    p.join()
                    with Pool(2) as pool:
                        pool.map(divide, [1, 0])
                """);
        assertEquals(1, poolscope("run", "--python", p.toString()), err);
        assertTrue(out.contains("ZeroDivisionError"), out);
        assertTrue(out.contains("in divide"), out);
        assertFalse(out.contains("poolscope_"), out);
    }
}
