package dev.poolscope.cpython;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The Python tracer ships inside the jar; a Python process can only import it from a real
 * directory, so it is copied once per JVM into a private temp directory that goes with the JVM.
 */
final class TracerFiles {
    static final List<String> FILES = List.of("sitecustomize.py", "poolscope_tracer.py", "poolscope_pool.py",
            "poolscope_pool_calls.py", "poolscope_threads.py", "poolscope_futures.py");
    private static Path dir;

    private TracerFiles() {}

    /** The directory to put first on PYTHONPATH. */
    static synchronized Path dir() {
        if (dir == null) {
            dir = extract();
        }
        return dir;
    }

    private static Path extract() {
        try {
            Path target = Files.createTempDirectory("poolscope-python-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            for (String name : FILES) {
                try (InputStream in = TracerFiles.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("the tracer file " + name + " is missing from PoolScope's jar");
                    }
                    Path file = target.resolve(name);
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    file.toFile().deleteOnExit();
                }
            }
            target.toFile().deleteOnExit();
            // Python may write __pycache__ beside the files; the JVM's exit removes what it can.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target), "poolscope-python-cleanup"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temp directory left behind is harmless
        }
    }
}
