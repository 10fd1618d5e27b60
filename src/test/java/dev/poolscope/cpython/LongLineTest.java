package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolscope.engine.RunEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A printed line is the line the program printed: a 20,000-character line is one line (it was a
 * line and an empty one after it), and a line longer than the tracer holds (64 Ki characters
 * before it sends a piece) comes in pieces without an empty line added. Real python3.
 */
class LongLineTest {
    @TempDir
    Path dir;

    @Test
    void aLongLineIsOneLineAndAVeryLongOneAddsNoEmptyLine() throws Exception {
        Path program = PythonRuns.program(dir, "long.py", """
                print("a" * 20000)
                print("b")
                print("c" * 100000)
                print("d")
                """);
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(60));
        assertEquals(0, run.exitCode(), PythonRuns.dump(run));
        List<String> lines = PythonRuns.all(run, RunEvent.OutputLine.class).stream().map(RunEvent.OutputLine::text).toList();
        assertEquals(List.of("a".repeat(20000), "b", "c".repeat(100000), "d"), lines,
                () -> lines.stream().map(l -> l.length() + " x " + (l.isEmpty() ? "-" : l.substring(0, 1))).toList().toString());
    }
}
