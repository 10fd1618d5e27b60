package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --python-exe} that never answers is given up, and what it started goes with it (issue 19,
 * defect 11: the child of a hanging wrapper used to be left running).
 */
@EnabledOnOs(OS.LINUX)
class HangingInterpreterTest {
    @TempDir
    Path dir;

    @Test
    void aHangingInterpreterIsGivenUpWithEverythingItStarted() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path exe = Files.writeString(dir.resolve("python3"), "#!/bin/sh\nsleep 300 &\necho $! > " + pidFile + "\nwait\n");
        assertTrue(exe.toFile().setExecutable(true));
        PythonUnavailableException e = assertThrows(PythonUnavailableException.class,
                () -> PythonInterpreter.check(exe, 1500));
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        long child = Long.parseLong(Files.readString(pidFile).trim());
        PythonRuns.assertEndsSoon(child, "the wrapper's child " + child + " was left running");
    }

}
