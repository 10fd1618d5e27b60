package dev.poolscope.dask;

import dev.poolscope.cpython.PythonInterpreter;
import dev.poolscope.cpython.PythonUnavailableException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds a Python that can {@code import distributed}: the one given, else python3 on PATH, else
 * the system's /usr/bin/python3 (where Debian's python3-distributed puts Dask). Each answer is
 * kept per path, since asking costs an interpreter start and an import of Dask (about a second).
 */
public final class DaskPython {
    /** The one sentence a user reads when no interpreter here has Dask. */
    static final String INSTALL = "install it with pip install \"dask[distributed]\" (or the system's package,"
            + " python3-distributed on Debian and Ubuntu), or choose a Python that has it with --python-exe";
    private static final Path SYSTEM = Path.of("/usr/bin/python3");
    private static final Map<Path, String> ANSWERS = new ConcurrentHashMap<>();

    private DaskPython() {}

    /** An interpreter that imports distributed, with Dask's version; or one sentence saying why there is none. */
    public record Found(PythonInterpreter python, String daskVersion) {
        public String describe() {
            return python.describe() + ", Dask " + daskVersion;
        }
    }

    public static Found find(Path chosen) throws PythonUnavailableException {
        Set<Path> candidates = new LinkedHashSet<>();
        if (chosen != null) {
            candidates.add(chosen);
        } else {
            Path onPath = onPath();
            if (onPath != null) {
                candidates.add(onPath);
            }
            candidates.add(SYSTEM);
        }
        List<String> tried = new ArrayList<>();
        for (Path exe : candidates) {
            PythonInterpreter py;
            try {
                py = PythonInterpreter.find(exe);
            } catch (PythonUnavailableException e) {
                if (chosen != null) {
                    throw e;
                }
                continue;
            }
            String version = daskVersion(py.executable());
            if (version != null) {
                return new Found(py, version);
            }
            tried.add(py.describe());
        }
        String where = tried.isEmpty() ? "No Python 3.8 or newer was found" : "No Python here can import distributed (tried "
                + String.join(", ", tried) + ")";
        throw new PythonUnavailableException(where + ": the Dask engine needs Dask's distributed package; " + INSTALL + ".");
    }

    private static Path onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, "python3");
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** distributed's version as that interpreter imports it, or null when it cannot. */
    static String daskVersion(Path exe) {
        String known = ANSWERS.get(exe);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        String answer = "";
        try {
            Process p = new ProcessBuilder(exe.toString(), "-c", "import distributed; print(distributed.__version__)")
                    .directory(new File(System.getProperty("java.io.tmpdir")))
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\\R");
                answer = lines[lines.length - 1].trim();
            } else {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            answer = "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        ANSWERS.put(exe, answer);
        return answer.isEmpty() ? null : answer;
    }
}
