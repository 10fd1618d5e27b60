package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowJvmTest {
    @Test
    void theWindowsJvmIsThisOneWithTheQuickCompilerOnlyRunningTheSameCommandLine() {
        List<String> cmd = WindowJvm.command(Path.of("/rt/bin/java"), List.of("-Dfile.encoding=UTF-8", "-Xmx1g"),
                "/img/lib/*", List.of("ui", "--lesson", "sleepy"));
        List<String> expected = new java.util.ArrayList<>(List.of("/rt/bin/java", "-Dfile.encoding=UTF-8", "-Xmx1g"));
        expected.addAll(WindowJvm.OPTIONS);
        expected.addAll(List.of("-cp", "/img/lib/*", "dev.poolscope.Main", "ui", "--lesson", "sleepy"));
        assertEquals(expected, cmd);
        assertTrue(WindowJvm.OPTIONS.contains("-XX:TieredStopAtLevel=1"), "C1 only");
    }

    @Test
    void aRelaunchRunsARealJvmAndReturnsItsExitCode(@TempDir Path dir) throws Exception {
        // The test JVM has both compilers, so this starts a second one: poolscope --version, exit 0.
        // Its output goes to a file (inherited, it would write past Surefire's channel).
        Path out = dir.resolve("out.txt");
        OptionalInt code = WindowJvm.relaunch(List.of("--version"), ProcessBuilder.Redirect.to(out.toFile()));
        assertTrue(code.isPresent(), "a second JVM was started");
        assertEquals(0, code.getAsInt());
        assertTrue(Files.readString(out).startsWith("PoolScope "), Files.readString(out));
        OptionalInt bad = WindowJvm.relaunch(List.of("no-such-command"), ProcessBuilder.Redirect.to(out.toFile()));
        assertEquals(PoolScopeCommand.BAD_INPUT, bad.getAsInt(), "its exit code comes back");
        assertTrue(Files.readString(out).contains("unknown command 'no-such-command'"), Files.readString(out));
    }
}
