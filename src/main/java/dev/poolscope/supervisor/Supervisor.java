package dev.poolscope.supervisor;

import dev.poolscope.supervisor.Tools.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How every engine starts the processes it supervises, and ends them. One place for: a
 * session and process group of their own (a terminal's Ctrl+C, which signals the terminal's
 * foreground group, cannot reach them; PoolScope stops them itself), the kernel's parent-death
 * signal (they die with the thread that started them, even when PoolScope is SIGKILLed), a low
 * CPU priority for the window's workers, SIGINT ignored from the first instruction, and ending
 * a whole group at once. Kill-on-exit is {@link KillOnExit}, deadlines and timers {@link Timers}.
 */
public final class Supervisor {
    /** What a started process gets. */
    public record Launch(boolean ownGroup, boolean dieWithParent, boolean lowPriority, boolean ignoreCtrlC) {}

    private static final Supervisor SYSTEM = new Supervisor(Tools.system());

    private final Tools tools;

    public Supervisor(Tools tools) {
        this.tools = tools;
    }

    /** The supervisor over this process's PATH. */
    public static Supervisor system() {
        return SYSTEM;
    }

    public Tools tools() {
        return tools;
    }

    /**
     * The programs to put before a command so that it starts as {@code launch} says; each
     * execs the next, so the PID stays the command's. The group comes first: the shorter the
     * time a new process spends in PoolScope's group, the smaller the window for a Ctrl+C.
     */
    public List<String> prefix(Launch launch) {
        List<String> cmd = new ArrayList<>();
        if (launch.ownGroup() && tools.has(Tool.SETSID)) {
            // Our child is never a group leader, so setsid execs without forking: the PID stays the same.
            cmd.add(tools.path(Tool.SETSID));
        }
        if (launch.dieWithParent() && tools.has(Tool.SETPRIV)) {
            // The parent is the thread that started the process: it must live as long as the process.
            cmd.addAll(List.of(tools.path(Tool.SETPRIV), "--pdeathsig", "KILL"));
        }
        if (launch.lowPriority() && tools.has(Tool.CHRT)) {
            cmd.addAll(List.of(tools.path(Tool.CHRT), "--idle", "0"));
        } else if (launch.lowPriority() && tools.has(Tool.NICE)) {
            cmd.addAll(List.of(tools.path(Tool.NICE), "-n", "19"));
        }
        if (launch.ignoreCtrlC() && tools.has(Tool.ENV)) {
            // A JVM that starts with SIGINT ignored installs no handler for it.
            cmd.addAll(List.of(tools.path(Tool.ENV), "--ignore-signal=INT"));
        }
        return cmd;
    }

    /** Whether a process started with {@code ownGroup} heads a group of its own (its PID names it). */
    public boolean givesOwnGroup() {
        return tools.has(Tool.SETSID);
    }

    /**
     * SIGKILL to every process of the group {@code pgid}, in one kill(2): none of them can see
     * another die and act on it (a Pool's parent would fork replacements for its killed
     * children). Returns false where that is not possible (no kill program).
     */
    public boolean killGroup(long pgid) {
        if (!tools.has(Tool.KILL) || pgid <= 1) {
            return false;
        }
        try {
            Process kill = new ProcessBuilder(tools.path(Tool.KILL), "-KILL", "--", "-" + pgid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * SIGKILL to {@code process} and everything it started: its group when it has one of its own
     * (started with {@link Launch#ownGroup()}), and its descendants, listed before it goes.
     */
    public void endAll(Process process, boolean ownGroup) {
        List<ProcessHandle> below = process.descendants().toList();
        if (ownGroup && givesOwnGroup()) {
            killGroup(process.pid());
        }
        process.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Live processes whose environment holds {@code entry} ("NAME=value"): a run's processes
     * found even after their parent is gone and they were handed to init (Linux /proc; empty elsewhere).
     */
    public static List<ProcessHandle> withEnvironment(String entry) {
        List<ProcessHandle> found = new ArrayList<>();
        byte[] needle = entry.getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid != self && environmentHas(proc.resolve("environ"), needle)) {
                    ProcessHandle.of(pid).ifPresent(found::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing to find this way
        }
        return found;
    }

    private static boolean environmentHas(Path environ, byte[] needle) {
        byte[] env;
        try {
            env = Files.readAllBytes(environ);
        } catch (IOException | SecurityException e) {
            return false; // gone meanwhile, or not ours to read
        }
        int start = 0;
        for (int i = 0; i <= env.length; i++) {
            if (i == env.length || env[i] == 0) {
                if (i - start == needle.length && java.util.Arrays.equals(env, start, i, needle, 0, needle.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
