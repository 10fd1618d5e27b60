package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.supervisor.Supervisor;
import dev.poolscope.supervisor.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ending a Python program ends all of it at once (issue 19, defects 5 and 2): a Pool's parent
 * cannot fork replacements for children killed before it, and with no setsid on the machine a
 * process the program left behind is still found and ended after the interpreter was reaped.
 */
@EnabledOnOs(OS.LINUX)
class StopEndsTheWholeProgramTest {
    @TempDir
    Path dir;

    /** Tasks of a tenth of a millisecond keep every worker busy, so a killed one is missed at once. */
    private static final String ENDLESS_POOL = """
            import itertools
            from multiprocessing import Pool

            def tick(i):
                return i

            if __name__ == "__main__":
                with Pool(8) as pool:
                    for _ in pool.imap(tick, itertools.count(), chunksize=1):
                        pass
            """;

    /**
     * Three rounds with the machine's tools and three as on a machine without setsid (the parent
     * must then go before its children): each time only the Pool's own 8 processes ever ran.
     */
    @Test
    void aDeadlineStopOfAnEndlessPoolEndsItsEightWorkersAndStartsNoOther() throws Exception {
        PythonRuns.python();
        Path program = PythonRuns.program(dir, "endless.py", ENDLESS_POOL);
        List<String> problems = new ArrayList<>();
        for (Supervisor supervisor : List.of(Supervisor.system(), noSetsid())) {
            for (int round = 1; round <= 3; round++) {
                CPythonRun run = new CPythonService(supervisor).start(program, List.of(),
                        CPythonOptions.defaults().withDeadlineMs(1500L), null);
                assertTrue(run.awaitDone(Duration.ofSeconds(60)), "the run ended");
                assertTrue(run.deadlineHit(), "the deadline ended the run");
                if (run.pids().size() != 8) {
                    problems.add((supervisor.givesOwnGroup() ? "" : "no setsid, ") + "round " + round + ": processes "
                            + run.pids() + " (Pool(8) has 8; more are replacements forked during the stop)");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A machine with no setsid: only the other tools, from a folder of links. */
    private Supervisor noSetsid() throws Exception {
        Path bin = dir.resolve("bin");
        if (!Files.isDirectory(bin)) {
            Files.createDirectories(bin);
            for (String tool : List.of("setpriv", "kill", "env")) {
                Path real = Path.of("/usr/bin", tool);
                Files.createSymbolicLink(bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
            }
        }
        Supervisor supervisor = new Supervisor(new Tools(bin.toString()));
        assertTrue(!supervisor.givesOwnGroup());
        return supervisor;
    }

    @Test
    void withoutSetsidAProcessLeftBehindIsStillEndedAfterTheProgramExits() throws Exception {
        PythonRuns.python();
        Supervisor noSetsid = noSetsid();
        Path pidFile = dir.resolve("orphan.pid");
        Path program = PythonRuns.program(dir, "leaves.py", """
                import subprocess, sys
                p = subprocess.Popen(["sleep", "300"])
                open(sys.argv[1], "w").write(str(p.pid))
                """);
        CPythonRun run = new CPythonService(noSetsid).start(program, List.of(pidFile.toString()),
                CPythonOptions.defaults(), null);
        assertTrue(run.awaitDone(Duration.ofSeconds(60)), "the run ended");
        assertEquals(0, run.exitCode());
        long orphan = Long.parseLong(Files.readString(pidFile).trim());
        PythonRuns.assertEndsSoon(orphan, "the program's sleep " + orphan + " outlived it");
    }

}
