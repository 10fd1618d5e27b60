package dev.poolscope.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.supervisor.Tools.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's tools come from the PATH, and a missing one is said, with what it costs. */
@EnabledOnOs(OS.LINUX)
class ToolsTest {
    @TempDir
    Path dir;

    private Path fakeTool(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), "#!/bin/sh\nexec \"$@\"\n").toFile().setExecutable(true)
                ? folder.resolve(name) : null;
    }

    @Test
    void toolsAreFoundOnThePathInItsOrderNotAtFixedPlaces() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        fakeTool(second, "setsid");
        fakeTool(first, "setsid");
        fakeTool(second, "chrt");
        Files.createDirectories(dir.resolve("x"));
        Files.writeString(dir.resolve("x/setpriv"), "not executable");
        Files.setPosixFilePermissions(dir.resolve("x/setpriv"), PosixFilePermissions.fromString("rw-r--r--"));

        Tools tools = new Tools(first + ":" + second + ":" + dir.resolve("x"));
        assertEquals(first.resolve("setsid").toString(), tools.path(Tool.SETSID));
        assertTrue(tools.has(Tool.CHRT));
        assertFalse(tools.has(Tool.SETPRIV), "a file that is not executable is no tool");

        Supervisor s = new Supervisor(tools);
        assertEquals(List.of(first.resolve("setsid").toString(), second.resolve("chrt").toString(), "--idle", "0"),
                s.prefix(new Supervisor.Launch(true, true, true, true)),
                "setsid first; no setpriv or env here, so none in the prefix");
        assertTrue(s.givesOwnGroup());
    }

    @Test
    void aMachineWithoutTheToolsSaysWhatItLoses() {
        Tools none = new Tools(dir.toString());
        List<String> losses = none.losses();
        assertTrue(losses.stream().anyMatch(l -> l.startsWith("setsid is not on the PATH: ") && l.contains("Ctrl+C")), losses.toString());
        assertTrue(losses.stream().anyMatch(l -> l.startsWith("setpriv is not on the PATH: ") && l.contains("SIGKILL")), losses.toString());
        assertTrue(losses.stream().anyMatch(l -> l.startsWith("kill is not on the PATH")), losses.toString());
        assertEquals(List.of(), new Supervisor(none).prefix(new Supervisor.Launch(true, true, true, true)));
        assertFalse(new Supervisor(none).givesOwnGroup());
        assertFalse(new Supervisor(none).killGroup(12345), "no kill program: the group cannot be ended at once");
    }

    @Test
    void noPathAtAllMeansTheDefaultSearchPathAsForExecvp() {
        // env -i: no PATH. The tools are still where execvp would look.
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid")),
                "this machine has no setsid in /usr/bin or /bin");
        assertTrue(new Tools(null).has(Tools.Tool.SETSID), "setsid found without a PATH");
        assertTrue(new Tools("").has(Tools.Tool.SETSID), "setsid found with an empty PATH");
    }

    @Test
    void thisMachineHasEveryTool() {
        // The CI image and these machines have util-linux and coreutils: nothing should be lost there.
        assertEquals(List.of(), Tools.system().losses());
    }
}
