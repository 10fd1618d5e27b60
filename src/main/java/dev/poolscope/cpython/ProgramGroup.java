package dev.poolscope.cpython;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a Python program so that all of it can be ended at once: in a session and process group
 * of its own (setsid, same PID), with the kernel's parent-death signal set (setpriv --pdeathsig
 * KILL, same PID) so the interpreter dies with the thread that started it. Every Python process
 * it starts stays in that group, so one kill(-group) reaches even children whose parent is gone.
 */
public final class ProgramGroup {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path KILL = Path.of("/bin/kill");

    private ProgramGroup() {}

    /** The prefix that puts {@code python} in its own group with a parent-death signal. */
    public static List<String> prefix() {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            cmd.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL"));
        }
        if (Files.isExecutable(SETSID)) {
            // Our child is not a group leader, so setsid execs without forking: the PID stays the same.
            cmd.add(SETSID.toString());
        }
        return cmd;
    }

    /** Whether the program got a group of its own, so its PID names the group. */
    static boolean hasOwnGroup() {
        return Files.isExecutable(SETSID);
    }

    /** SIGKILL to the main process, everything below it, and everything left in its group. */
    public static void killAll(ProcessHandle main) {
        // Children first, while the tree is still connected; the group catches the ones already orphaned.
        main.descendants().forEach(ProcessHandle::destroyForcibly);
        main.destroyForcibly();
        if (hasOwnGroup() && Files.isExecutable(KILL)) {
            try {
                Process kill = new ProcessBuilder(KILL.toString(), "-KILL", "--", "-" + main.pid())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                kill.waitFor(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                // no kill(1): the descendants were already killed one by one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
