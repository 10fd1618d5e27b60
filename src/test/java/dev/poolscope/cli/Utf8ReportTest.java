package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text report is UTF-8 (issue 19, defect 8): a program's Unicode file name and what it prints
 * used to come out as "pr?g ram ? ?????.py" and "?n?" on stdout, while stderr and the trace kept them.
 */
class Utf8ReportTest {
    @TempDir
    Path dir;

    @Test
    void aUnicodeProgramNameAndItsPrintedLineReachTheReportWhole() throws Exception {
        PythonRuns.python();
        Path program = Files.writeString(dir.resolve("prög ram ✓ مرحبا.py"), "print('ünï')\n");
        ChildJvm app = ChildJvm.start(dir, java.util.List.of(), Map.of(), "run", "--python", program.toString());
        try {
            assertTrue(app.process.waitFor(60, TimeUnit.SECONDS), "the run ended");
            assertEquals(0, app.process.exitValue(), app.stderr());
            String out = new String(Files.readAllBytes(app.stdoutFile()), StandardCharsets.UTF_8);
            assertTrue(out.contains("PoolScope run: prög ram ✓ مرحبا.py"), out);
            assertTrue(out.contains("ünï"), out);
        } finally {
            app.cleanUp();
        }
    }
}
