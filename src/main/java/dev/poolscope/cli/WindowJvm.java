package dev.poolscope.cli;

import dev.poolscope.os.Signals;
import dev.poolscope.supervisor.Supervisor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window runs in a JVM that compiles with the quick compiler (C1) only, and early
 * ({@link #OPTIONS}); the command line keeps HotSpot's defaults.
 *
 * <p>Why: pressing Run on a 32-worker pool of a 2-core machine is when everything wants the
 * cores at once: 32 worker JVMs starting, the engine, the window's frames. HotSpot's optimizing
 * compiler (C2) then took 35-45 % of the window process's CPU (perf, bench-ui) compiling JavaFX's
 * CSS, text layout and canvas code, and the frames waited for it; and code a frame runs once
 * (its handler, a list refresh) stays interpreted for seconds at the default thresholds, which
 * count in the hundreds of calls. What the window runs gains little from C2's deeper
 * optimisation; it needs its code compiled soon and cheaply. bench-ui screen frame p95: both
 * compilers 23-25 ms (3 runs); C1 only 12-19 ms (5 runs); C1 only with these thresholds
 * 11-15 ms (5 runs), about what a second run in a warm window gets.
 *
 * <p>How: {@code java -jar} cannot carry a JVM option, so {@code ui} and {@code bench-ui}
 * started in a JVM without them run the same command line again in a JVM with them (same
 * runtime, class path and options), pass it the terminal, and return its exit code: about
 * 0.3 s more to open the window. {@code ./mvnw javafx:run} gives the options at once (pom.xml),
 * so it opens the window in one JVM. A JVM under a debugger is left as it is.
 */
final class WindowJvm {
    static final String QUICK_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";
    /** C1 only, compiling a method after 20 calls (or 2,000 loop turns) instead of 200 (60,000). */
    static final List<String> OPTIONS = List.of(QUICK_COMPILER_ONLY, "-XX:Tier3InvocationThreshold=20",
            "-XX:Tier3MinInvocationThreshold=10", "-XX:Tier3CompileThreshold=200", "-XX:Tier3BackEdgeThreshold=2000");
    static final String MAIN_CLASS = "dev.poolscope.Main";

    private WindowJvm() {}

    /** Whether this JVM was started with {@link #OPTIONS} (or at least C1 only). */
    static boolean isWindowJvm() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains(QUICK_COMPILER_ONLY);
    }

    /**
     * Runs {@code args} (this process's command line) in a JVM that compiles with C1 only and
     * returns its exit code; empty when this JVM is already one, and the caller goes on here.
     */
    static OptionalInt relaunch(List<String> args) {
        return relaunch(args, ProcessBuilder.Redirect.INHERIT);
    }

    /** As {@link #relaunch(List)}, with the child's stdout and stderr sent to {@code output} (a test's file). */
    static OptionalInt relaunch(List<String> args, ProcessBuilder.Redirect output) {
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (isWindowJvm() || jvmArgs.stream().anyMatch(WindowJvm::isDebugger)) {
            return OptionalInt.empty();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>();
        // However this JVM ends (SIGKILL runs no shutdown hook), the kernel ends the window
        // with it (setpriv's parent-death signal), and the window's workers go with the window.
        cmd.addAll(Supervisor.system().prefix(new Supervisor.Launch(false, true, false, false)));
        cmd.addAll(command(java, jvmArgs, System.getProperty("java.class.path"), args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT).redirectOutput(output)
                .redirectError(output == ProcessBuilder.Redirect.INHERIT ? output : ProcessBuilder.Redirect.appendTo(output.file()));
        // Asked to quit (SIGTERM: timeout, a logout; SIGHUP: a closed terminal): the window gets
        // the request and closes itself (see Launcher), and this JVM returns 128 + the signal once
        // it has. Handled here rather than left to the JVM's exit: during an exit every shutdown
        // hook runs at once, and a hook added or removed then throws "Shutdown in progress"
        // (which this JVM printed when the window ended just before its own exit did). The
        // handlers come first, so a signal that arrives while the child starts is not lost.
        AtomicInteger signalled = new AtomicInteger();
        AtomicReference<Process> started = new AtomicReference<>();
        List<Signals.Previous> previous = new ArrayList<>(Signals.handleEach(List.of("TERM", "HUP"), number -> {
            boolean first = signalled.compareAndSet(0, number);
            Process c = started.get();
            if (c != null && first) {
                c.destroy(); // SIGTERM: the window closes itself
            } else if (c != null) {
                c.destroyForcibly(); // asked again: at once
            }
        }));
        // Ctrl+C reaches the child too (same process group) and ends it the way it ends the
        // window; this JVM waits for that and returns the child's code. A kill of this JVM ends the child.
        previous.add(Signals.ignore("INT"));
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            previous.forEach(Signals::restore);
            return OptionalInt.empty(); // no second JVM: open the window here, with both compilers
        }
        started.set(child);
        if (signalled.get() != 0) {
            child.destroy(); // the signal came while the child started
        }
        // This JVM ending some other way (System.exit elsewhere, a signal without a handler here):
        // the window gets the same request and a moment to close.
        Thread reaper = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "poolscope-window-jvm-stop");
        boolean hooked = addHook(reaper);
        if (!hooked) {
            child.destroy(); // this JVM is already exiting: so is the window
        }
        try {
            int code = child.waitFor();
            int signal = signalled.get();
            return OptionalInt.of(signal != 0 ? 128 + signal : code);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return OptionalInt.of(PoolScopeCommand.INTERRUPTED);
        } finally {
            if (hooked) {
                removeHook(reaper);
            }
            previous.forEach(Signals::restore);
        }
    }

    /** Adds a shutdown hook; false when the JVM is already exiting (then no hook can be added). */
    static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false; // "Shutdown in progress"
        }
    }

    /** Removes a shutdown hook; while the JVM exits, the hook is running and stays (nothing to say). */
    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // "Shutdown in progress": the hook is ending the window
        }
    }

    /** The child's command: this JVM's runtime and options plus {@link #OPTIONS}, then {@code args}. */
    static List<String> command(Path java, List<String> jvmArgs, String classPath, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(OPTIONS);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(MAIN_CLASS);
        cmd.addAll(args);
        return cmd;
    }

    private static boolean isDebugger(String jvmArg) {
        return jvmArg.startsWith("-agentlib:jdwp") || jvmArg.startsWith("-Xrunjdwp") || jvmArg.startsWith("-Xdebug");
    }
}
