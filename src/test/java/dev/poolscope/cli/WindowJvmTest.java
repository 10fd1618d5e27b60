package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

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
    void aRelaunchRunsARealJvmAndReturnsItsExitCode() {
        // The test JVM has both compilers, so this starts a second one: poolscope --version, exit 0.
        OptionalInt code = WindowJvm.relaunch(List.of("--version"));
        assertTrue(code.isPresent(), "a second JVM was started");
        assertEquals(0, code.getAsInt());
        OptionalInt bad = WindowJvm.relaunch(List.of("no-such-command"));
        assertEquals(PoolScopeCommand.BAD_INPUT, bad.getAsInt(), "its exit code comes back");
    }
}
