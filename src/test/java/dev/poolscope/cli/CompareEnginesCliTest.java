package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.sweep.SweepPlan;
import dev.poolscope.sweep.SweepResult;
import dev.poolscope.sweep.SweepRun;
import dev.poolscope.sweep.SweepRunner;
import dev.poolscope.sweep.SweepSetting;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.cpython.PythonRuns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'compare --vary engine=java,cpython': the same scenario on PoolScope's workers and on CPython's Pool. */
class CompareEnginesCliTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int poolscope(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return PoolScopeCommand.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void compareRunsTheScenarioOnBothEnginesWithTheSameTasksAndStatistics() throws Exception {
        PythonRuns.python(); // skips the test where python3 is missing
        Path file = dir.resolve("sleeps.json");
        Files.writeString(file, "{\"name\": \"sleeps\", \"pool\": 2, \"tasks\": [{\"name\": \"nap\", \"kind\": \"sleep\","
                + " \"ms\": 100, \"count\": 4}]}");
        assertEquals(0, poolscope("compare", "--scenario", file.toString(), "--vary", "engine=java,cpython"), err + out);
        assertTrue(out.contains("sleeps: engine = java, cpython"), out);
        assertTrue(out.contains("engine java: makespan"), out);
        assertTrue(out.contains("engine cpython: makespan"), out);
        // Two lanes per run, each engine's pool of 2.
        assertEquals(4, out.lines().filter(l -> l.startsWith("  W")).count(), out);
        // The statistics side by side: a column per engine.
        String makespans = out.lines().filter(l -> l.startsWith("  makespan (ms)")).findFirst().orElseThrow();
        assertEquals(4, makespans.trim().split("\\s+").length, "a makespan per engine: " + makespans);
        assertTrue(out.lines().anyMatch(l -> l.matches("  tasks ok +4 of 4 +4 of 4")), out);
    }

    @Test
    void bothEnginesRunTheSameTaskNames() throws Exception {
        PythonRuns.python(); // skips the test where python3 is missing
        RunConfig.Builder b = RunConfig.builder().pool(2);
        for (int i = 1; i <= 4; i++) {
            b.task(TaskSpec.of("nap" + i, TaskKind.SLEEP, 100));
        }
        SweepPlan plan = SweepPlan.of("naps", b.build(), SweepSetting.ENGINE, List.of("java", "cpython"), 1);
        SweepResult result = new SweepRunner(new PoolService()).run(plan, null);
        assertEquals(2, result.runs().size());
        for (SweepRun run : result.runs()) {
            assertEquals(List.of("nap1", "nap2", "nap3", "nap4"),
                    run.trace().tasks().stream().map(TaskRecord::name).toList(), run.value());
            assertTrue(run.trace().tasks().stream().allMatch(t -> "ok".equals(t.status())), run.value());
        }
        assertTrue(result.allComplete());
    }

    @Test
    void anUnknownEngineIsOneLineAndExitTwo() {
        assertEquals(2, poolscope("compare", "--lesson", "doubling", "--vary", "engine=java,perl"));
        assertEquals("poolscope compare: --vary: engine: must be java, cpython or dask, got 'perl'", err.strip());
    }
}
