package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.RunEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** Runs real Python programs for the tests; skips a test, with the reason, where there is no usable python3. */
public final class PythonRuns {
    static final Path LESSONS = Path.of("assets", "python");

    private PythonRuns() {}

    /** Skips the calling test when python3 is missing or too old, saying which. */
    public static PythonInterpreter python() {
        try {
            return PythonInterpreter.find(null);
        } catch (PythonUnavailableException e) {
            Assumptions.abort(e.getMessage());
            return null;
        }
    }

    static Path lesson(String file) {
        return LESSONS.resolve(file);
    }

    /** Writes a small program for one test into {@code dir}. */
    static Path program(Path dir, String name, String code) throws IOException {
        return Files.writeString(dir.resolve(name), code);
    }

    /** Runs a program to its end (at most {@code limit}) and returns the finished run. */
    static CPythonRun run(Path program, CPythonOptions options, Duration limit, String... args) throws Exception {
        python();
        CPythonRun run = new CPythonService().start(program, List.of(args), options, null);
        assertTrue(run.awaitDone(limit), () -> "the run did not end within " + limit);
        return run;
    }

    static <T extends RunEvent> List<T> all(CPythonRun run, Class<T> type) {
        return run.events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** Lines printed by one process, in order. */
    static List<String> linesOf(CPythonRun run, long pid) {
        return all(run, RunEvent.OutputLine.class).stream().filter(o -> o.pid() == pid).map(RunEvent.OutputLine::text)
                .collect(Collectors.toList());
    }

    static String dump(CPythonRun run) {
        return run.events().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    /** Alive and not a zombie waiting for init to reap it (this machine's init reaps late). */
    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** Asserts that {@code pid} ends within 2 s (failing with {@code left}); kills it either way. */
    static void assertEndsSoon(long pid, String left) throws InterruptedException {
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
            while (running(pid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(!running(pid), left);
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
