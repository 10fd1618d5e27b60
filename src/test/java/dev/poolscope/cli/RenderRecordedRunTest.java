package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * A scenario run on an engine with a driving interpreter (CPython's, or Dask's driver) records a
 * ProgramStarted event, yet it is a scenario's run: its saved trace renders with the scenario's
 * tasks, not as a program's (a picture once failed on its bars' missing labels).
 */
class RenderRecordedRunTest extends InProcessCliTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aCPythonScenarioRunsTraceRenders() {
        PythonRuns.python(); // skips where python3 is missing
        Path trace = dir.resolve("doubling-cpython.json");
        assertEquals(0, poolscope("run", "--lesson", "doubling", "--engine", "cpython", "--trace", trace.toString()), err);
        Path png = dir.resolve("doubling-cpython.png");
        assertEquals(0, poolscope("render", "--trace", trace.toString(), "--out", png.toString()), err);
        assertTrue(out.contains("PNG, 1200 x 520 px"), out);
    }
}
