package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a machine without setsid and setpriv (a PATH of env and kill only), the run says what that
 * machine loses before it starts, and still runs (issue 15: tools found on the PATH, and where one
 * is missing the run's notices say so).
 */
@EnabledOnOs(OS.LINUX)
class MissingToolsNoticeTest {
    @TempDir
    Path dir;

    @Test
    void aRunWithoutSetsidAndSetprivSaysWhatItLosesAndStillRuns() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("env", "kill")) {
            Path real = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
        }
        ChildJvm app = ChildJvm.start(dir, List.of(), Map.of("PATH", bin.toString()), "run", "--lesson", "doubling");
        try {
            assertTrue(app.process.waitFor(60, TimeUnit.SECONDS), "the run ended");
            assertEquals(0, app.process.exitValue(), app.stderr());
            String err = app.stderr();
            assertTrue(err.contains("poolscope run: note: setsid is not on the PATH: "), err);
            assertTrue(err.contains("poolscope run: note: setpriv is not on the PATH: "), err);
            assertTrue(!err.contains("chrt"), "the window's tools are not the run's business: " + err);
            assertTrue(app.stdout().contains("[2, 4, 6, 8, 10]") || app.stdout().contains("10"), app.stdout());
        } finally {
            app.cleanUp();
        }
    }
}
