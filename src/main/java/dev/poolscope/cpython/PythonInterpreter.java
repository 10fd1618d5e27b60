package dev.poolscope.cpython;

import dev.poolscope.supervisor.Supervisor;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python interpreter PoolScope can run programs with: found on PATH as {@code python3} or
 * given by the user, and checked to be CPython 3.8 or newer (the tracer's hooks are the same
 * from 3.8 to 3.13). Looking one up runs it once; the answer is kept per path.
 */
public record PythonInterpreter(Path executable, int major, int minor, int micro) {
    public static final int MIN_MINOR = 8;
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Map<Path, PythonInterpreter> CHECKED = new ConcurrentHashMap<>();

    /** "3.11.7". */
    public String version() {
        return major + "." + minor + "." + micro;
    }

    /** "/usr/bin/python3 (3.11.7)", as the window and the report name it. */
    public String describe() {
        return executable + " (" + version() + ")";
    }

    /** The interpreter to use: {@code chosen} if given, else {@code python3} on PATH. */
    public static PythonInterpreter find(Path chosen) throws PythonUnavailableException {
        Path exe = chosen != null ? chosen : onPath("python3");
        if (exe == null) {
            throw new PythonUnavailableException("No python3 found on PATH: install Python 3.8 or newer,"
                    + " or choose an interpreter with --python-exe.");
        }
        PythonInterpreter known = CHECKED.get(exe);
        if (known != null) {
            return known;
        }
        PythonInterpreter checked = check(exe);
        CHECKED.put(exe, checked);
        return checked;
    }

    private static PythonInterpreter check(Path exe) throws PythonUnavailableException {
        return check(exe, ANSWER_MS);
    }

    /** How long an interpreter has to say its version. */
    private static final long ANSWER_MS = 20_000;

    /** {@code exe}'s version, asked in a group of its own: one that does not answer is ended with all it started. */
    static PythonInterpreter check(Path exe, long answerMs) throws PythonUnavailableException {
        if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
            throw new PythonUnavailableException("Python interpreter " + exe + " does not exist or cannot be run.");
        }
        String out;
        try {
            List<String> cmd = new java.util.ArrayList<>(Supervisor.system().prefix(new Supervisor.Launch(true, true, false, false)));
            cmd.addAll(List.of(exe.toString(), "-c",
                    "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.executable)"));
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(answerMs, TimeUnit.MILLISECONDS)) {
                // A wrapper script may have started the real interpreter, or anything else: end it all.
                Supervisor.system().endAll(p, true);
                throw new PythonUnavailableException("Python interpreter " + exe + " did not answer within "
                        + answerMs / 1000 + " s.");
            }
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new PythonUnavailableException("Python interpreter " + exe + " cannot be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PythonUnavailableException("Interrupted while checking " + exe + ".");
        }
        Matcher m = VERSION.matcher(out);
        if (!m.find()) {
            throw new PythonUnavailableException(exe + " is not a Python interpreter PoolScope understands (it said: "
                    + (out.length() > 80 ? out.substring(0, 80) : out) + ").");
        }
        // A launcher such as a pyenv shim or a symlink: run the interpreter itself (no shell in between).
        String[] lines = out.split("\\R");
        Path real = lines.length > 1 && !lines[lines.length - 1].isBlank() ? Path.of(lines[lines.length - 1].trim()) : exe;
        PythonInterpreter py = new PythonInterpreter(Files.isExecutable(real) ? real : exe, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (py.major != 3 || py.minor < MIN_MINOR) {
            throw new PythonUnavailableException("PoolScope needs Python 3.8 or newer to run Python programs; "
                    + exe + " is Python " + py.version() + ".");
        }
        return py;
    }

    static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
