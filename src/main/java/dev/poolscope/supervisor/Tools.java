package dev.poolscope.supervisor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The programs PoolScope puts in front of the processes it starts, found on the PATH (not at
 * fixed paths: NixOS, Homebrew, Alpine and a user's own bin put them elsewhere). Each one
 * execs the next, so a worker keeps the PID it was started with. Where one is missing, the
 * process still starts, and {@link #losses()} says what that machine loses.
 */
public final class Tools {
    /** A tool and, in words, what a machine without it loses. */
    public enum Tool {
        SETSID("setsid", "workers and Python programs share PoolScope's process group, so a terminal's Ctrl+C"
                + " can reach a worker while it starts (it is then reported as ended by that Ctrl+C, not crashed),"
                + " and what a Python program leaves behind is found by its environment instead of by its group"),
        SETPRIV("setpriv", "a Python program is not ended by the kernel when PoolScope is killed with SIGKILL"
                + " (Java workers still quit when their input closes)"),
        CHRT("chrt", "the window's workers run at nice 19 instead of SCHED_IDLE"),
        NICE("nice", "the window's workers run at the window's own priority"),
        ENV("env", "workers cannot start with Ctrl+C ignored (needs coreutils 8.31 or newer)"),
        KILL("kill", "a Python program's process group is ended process by process instead of at once");

        private final String command;
        private final String loss;

        Tool(String command, String loss) {
            this.command = command;
            this.loss = loss;
        }

        public String command() {
            return command;
        }

        /** What a machine without this tool loses, as a sentence's end. */
        public String loss() {
            return loss;
        }
    }

    private static final Tools SYSTEM = new Tools(System.getenv("PATH"));

    private final Map<Tool, Path> found = new EnumMap<>(Tool.class);
    private volatile Boolean envIgnoresSignals;

    /** The tools on {@code path} (a PATH value: folders joined by the path separator). */
    public Tools(String path) {
        for (Tool tool : Tool.values()) {
            find(path, tool.command).ifPresent(p -> found.put(tool, p));
        }
    }

    /** The tools on this process's PATH, looked up once. */
    public static Tools system() {
        return SYSTEM;
    }

    /**
     * Where to look when there is no PATH at all ({@code env -i}, some service managers): the
     * search path execvp and the shells fall back on, so an empty environment loses nothing.
     */
    static final String DEFAULT_PATH = "/usr/bin:/bin";

    private static Optional<Path> find(String path, String command) {
        if (path == null || path.isEmpty()) {
            path = DEFAULT_PATH;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public boolean has(Tool tool) {
        return tool == Tool.ENV ? envIgnoresSignals() : found.containsKey(tool);
    }

    /** The tool's path; only when {@link #has} says it is there. */
    public String path(Tool tool) {
        Path p = found.get(tool);
        if (p == null) {
            throw new IllegalStateException(tool.command + " is not on the PATH");
        }
        return p.toString();
    }

    /** "setsid is not on the PATH: ..." for each tool that is missing, one line each. */
    public List<String> losses() {
        return losses(Tool.values());
    }

    /** The same for the tools a use needs ({@code run} has no use for the window's priority tools). */
    public List<String> losses(Tool... which) {
        List<String> lines = new ArrayList<>();
        for (Tool tool : which) {
            if (!has(tool) && !(tool == Tool.NICE && has(Tool.CHRT))) {
                String what = tool == Tool.ENV && found.containsKey(tool)
                        ? "env here does not take --ignore-signal" : tool.command + " is not on the PATH";
                lines.add(what + ": " + tool.loss);
            }
        }
        return lines;
    }

    /** Whether env takes --ignore-signal (coreutils 8.31+; older and BSD env do not). Asked once. */
    private boolean envIgnoresSignals() {
        Boolean known = envIgnoresSignals;
        if (known == null) {
            known = found.containsKey(Tool.ENV) && probeEnv(found.get(Tool.ENV));
            envIgnoresSignals = known;
        }
        return known;
    }

    private static boolean probeEnv(Path env) {
        try {
            // env runs itself, by its path: the probe needs nothing else on the PATH.
            Process p = new ProcessBuilder(env.toString(), "--ignore-signal=INT", env.toString(), "--version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
