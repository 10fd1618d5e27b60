package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --lesson sleepy --pool 64} as an ordinary user under {@code ulimit -u 300} (issue 19,
 * defect 7): it used to hang past its deadline, printing "OutOfMemoryError: unable to create native
 * thread" traces and the JVM's "[warning][os,thread]" lines into the report. Now it starts the
 * workers the limit leaves room for, says so in one line, and ends. Root is not bound by the
 * limit, so the test runs PoolScope as nobody (setpriv), from a copy of its classes it can read.
 */
@EnabledOnOs(OS.LINUX)
class ProcessLimitTest {
    @TempDir
    Path dir;

    @Test
    void aPoolOf64UnderUlimit300EndsByItselfWithOneLineAboutTheLimit() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root to run PoolScope as another user (the limit does not bind root)");
        Path shared = Files.createDirectories(dir.resolve("shared"));
        String classPath = readableCopyOfClassPath(shared);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path out = shared.resolve("out.txt");
        Path err = shared.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", "bash", "-c",
                "ulimit -u 300 && cd \"$1\" && exec \"$2\" -cp \"$3\" dev.poolscope.Main run --lesson sleepy --pool 64"
                        + " --deadline 30000 >out.txt 2>err.txt", "bash", shared.toString(), java, classPath)
                .redirectErrorStream(true).redirectOutput(dir.resolve("setpriv.txt").toFile()).start();
        try {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "still running after 90 s: " + Files.readString(err));
            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            assertEquals(0, p.exitValue(), "the run ended, every task done: " + stderr + Files.readString(dir.resolve("setpriv.txt")));
            List<String> said = stderr.lines().filter(l -> l.contains("process limit")).toList();
            assertEquals(1, said.size(), stderr);
            assertTrue(said.get(0).contains("ulimit -u 300"), said.get(0));
            for (String noise : List.of("OutOfMemoryError", "[warning]", "Exception", "\tat ")) {
                assertTrue(!stdout.contains(noise) && !stderr.contains(noise), "'" + noise + "' in the output:\n" + stdout + stderr);
            }
            assertTrue(stdout.contains("not started: the process limit was reached (ulimit -u 300)"), stdout);
        } finally {
            p.destroyForcibly();
        }
    }

    /** The test's class path, less JavaFX and the test libraries, copied where nobody can read it. */
    private static String readableCopyOfClassPath(Path into) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            String name = source.getFileName().toString();
            if (Files.isDirectory(source) && source.endsWith("classes") && !source.endsWith("test-classes")) {
                Path target = into.resolve("classes");
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path t = target.resolve(source.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(t);
                        } else {
                            Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                entries.add(target.toString());
            } else if (name.startsWith("picocli") || name.startsWith("jackson")) {
                Path target = into.resolve((n++) + "-" + name);
                Files.copy(source, target);
                entries.add(target.toString());
            }
        }
        try (Stream<Path> all = Files.walk(into)) {
            for (Path f : (Iterable<Path>) all::iterator) {
                f.toFile().setReadable(true, false);
                if (Files.isDirectory(f)) {
                    f.toFile().setExecutable(true, false);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
