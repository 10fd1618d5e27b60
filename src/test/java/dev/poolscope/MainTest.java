package dev.poolscope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void windowOptionsOpenTheWindowAndCommandsRunHeadless() {
        assertArrayEquals(new String[] {"ui"}, Main.withCommand(new String[0]));
        assertArrayEquals(new String[] {"ui", "--lesson", "sleepy", "--run"},
                Main.withCommand(new String[] {"--lesson", "sleepy", "--run"}));
        assertArrayEquals(new String[] {"--help"}, Main.withCommand(new String[] {"--help"}));
        assertArrayEquals(new String[] {"--version"}, Main.withCommand(new String[] {"--version"}));
        assertArrayEquals(new String[] {"run", "--lesson", "sleepy"},
                Main.withCommand(new String[] {"run", "--lesson", "sleepy"}));
        assertArrayEquals(new String[] {"lessons"}, Main.withCommand(new String[] {"lessons"}));
    }

    /** Runs dev.poolscope.Main in a child JVM; returns exit code, stdout, stderr. */
    private String[] main(Map<String, String> env, List<String> jvmFlags, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.poolscope.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("PoolScope " + String.join(" ", args) + " did not end in 60 s");
        }
        return new String[] {Integer.toString(p.exitValue()), Files.readString(out), Files.readString(err)};
    }

    private static Map<String, String> noDisplay() {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", null);
        env.put("WAYLAND_DISPLAY", null);
        return env;
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutADisplayTheWindowCommandsSayOneLineAndExitTwo() throws Exception {
        for (String[] args : new String[][] {{}, {"--lesson", "sleepy"}, {"ui"}}) {
            String[] r = main(noDisplay(), List.of(), args);
            String what = "poolscope " + String.join(" ", args) + ": ";
            assertEquals("2", r[0], what + r[2]);
            assertEquals(1, r[2].lines().count(), what + "one line: " + r[2]);
            assertTrue(r[2].contains("no display") && r[2].contains("DISPLAY") && r[2].contains("run"),
                    what + "says what is missing and what to do: " + r[2]);
            assertFalse(r[2].contains("Exception") || r[2].contains("\tat "), what + r[2]);
            assertEquals("", r[1], what + "nothing on stdout");
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void uiHelpPrintsHelpAndOpensNoWindow() throws Exception {
        // Without a display, opening a window would end with exit code 2: help must not try.
        String[] r = main(noDisplay(), List.of(), "ui", "--help");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("Usage: poolscope ui"), r[1]);
        assertEquals("", r[2]);
    }

    @Test
    void theCommandLineLoadsNoJavaFxClass() throws Exception {
        for (String[] args : new String[][] {{"lessons"}, {"run", "--help"}, {"ui", "--pool", "0"}, {"--help"}}) {
            String[] r = main(Map.of(), List.of("-verbose:class"), args);
            List<String> fx = r[1].lines().filter(l -> l.contains("[class,load] javafx.")
                    || l.contains("[class,load] com.sun.javafx.")).toList();
            assertTrue(r[1].contains("[class,load] dev.poolscope.cli.PoolScopeCommand"), "class loading was logged");
            assertEquals(List.of(), fx, "JavaFX classes loaded by poolscope " + String.join(" ", args));
        }
    }

    @Test
    void startingJavaFxFromTheClassPathPrintsNoConfigurationWarning() throws Exception {
        // The real toolkit on Monocle's headless screen: the frame benchmark on a tiny run.
        List<String> headless = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true");
        String[] r = main(Map.of(), headless, "bench-ui", "--workers", "1", "--tasks", "3");
        String all = r[1] + r[2];
        assertTrue(r[1].contains("frame"), "JavaFX started and the benchmark reported: " + all);
        assertFalse(all.contains("Unsupported JavaFX configuration"), all);
    }
}
