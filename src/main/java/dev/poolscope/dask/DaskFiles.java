package dev.poolscope.dask;

import dev.poolscope.cpython.ScenarioProgram;
import dev.poolscope.engine.RunConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The driver ships in the jar and Python runs it from a file (Dask's nannies start workers with
 * spawn, which re-imports the driver's main module); so it is copied once per JVM into a private
 * temp directory. The scenario's program goes beside each run in a directory of its own.
 */
final class DaskFiles {
    static final String DRIVER = "poolscope_dask.py";
    private static Path driver;

    private DaskFiles() {}

    static synchronized Path driver() {
        if (driver == null) {
            try {
                Path dir = privateDir("poolscope-dask-");
                Path file = dir.resolve(DRIVER);
                try (InputStream in = DaskFiles.class.getResourceAsStream(DRIVER)) {
                    if (in == null) {
                        throw new IOException("the Dask driver " + DRIVER + " is missing from PoolScope's jar");
                    }
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                deleteOnExit(dir);
                driver = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return driver;
    }

    /** The Python program the scenario stands for (the CPython engine's), whose run_task and TASKS Dask runs. */
    static Path program(String name, RunConfig config) throws IOException {
        Path dir = privateDir("poolscope-dask-run-");
        Path file = dir.resolve(ScenarioProgram.fileName(name));
        Files.writeString(file, ScenarioProgram.render(name, null, config));
        deleteOnExit(dir);
        return file;
    }

    private static Path privateDir(String prefix) throws IOException {
        return Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** Python may write __pycache__ and Dask a dask-worker-space beside the files: the whole tree goes. */
    private static void deleteOnExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // best effort: a temp directory left behind is harmless
            }
        }, "poolscope-dask-cleanup"));
    }
}
