package dev.poolscope.engine;

import dev.poolscope.worker.WorkerMain;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds and starts the command line of a worker JVM. */
final class WorkerCommand implements WorkerLauncher {
    /**
     * Start-up flags: C1 only and no perf-data file start a small JVM sooner; class data
     * sharing stays on (SerialGC would switch part of it off on JDK 17 and start slower).
     */
    private static final List<String> JVM_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-Xss512k",
            "-XX:CICompilerCount=1", "-Xms8m", "-Xmx128m", "-Dfile.encoding=UTF-8",
            // The JVM's own warnings go to stdout by default: send them to stderr, away from the frames.
            "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr");

    /** The class-data archive the build writes beside the jar ({@link WorkerArchive}). */
    static final String ARCHIVE_NAME = "poolscope-worker.jsa";

    private final List<String> command;

    WorkerCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** Where {@code nice} lives on Linux and macOS; it execs java, so the worker keeps its own PID. */
    private static final Path NICE = Path.of("/usr/bin/nice");
    /** util-linux's chrt (Linux): {@code --idle 0} execs java under SCHED_IDLE, also keeping the PID. */
    private static final Path CHRT = Path.of("/usr/bin/chrt");
    /**
     * Linux's setpriv: sets the "parent death signal". The parent is the thread that started the
     * worker, the run's spawner thread, which lives until the run's last worker is gone.
     */
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    /**
     * coreutils' env (8.31+): {@code --ignore-signal=INT} execs java with SIGINT ignored, and a JVM
     * that starts with SIGINT ignored installs no handler for it. Ctrl+C in a terminal signals the
     * whole foreground process group, workers included; the engine stops the run itself, so the
     * workers must not race it by dying on their own (their tasks would read crashed, not cancelled).
     */
    private static final Path ENV = Path.of("/usr/bin/env");

    /** The running JVM's own java, with a classpath of just the code that holds the worker. */
    static WorkerCommand forThisJvm(WorkerPriority priority) {
        List<String> cmd = new ArrayList<>();
        if (priority == WorkerPriority.LOW && Files.isExecutable(CHRT)) {
            cmd.addAll(List.of(CHRT.toString(), "--idle", "0"));
        } else if (priority == WorkerPriority.LOW && Files.isExecutable(NICE)) {
            cmd.addAll(List.of(NICE.toString(), "-n", "19"));
        }
        if (Files.isExecutable(SETPRIV)) {
            // The kernel kills the worker the moment the engine dies, needing no CPU time from the
            // worker (its own watchdog may be starved on a busy machine). setpriv execs java too.
            cmd.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL"));
        }
        if (ENV_IGNORES_SIGNALS) {
            cmd.addAll(List.of(ENV.toString(), "--ignore-signal=INT"));
        }
        String classpath = workerClasspath();
        cmd.addAll(javaCommand(classpath));
        Path archive = archiveBeside(classpath);
        if (Files.isReadable(archive)) {
            // Starts each worker from the classes a worker needs, already parsed (AppCDS).
            cmd.add(cmd.size() - 3, "-XX:SharedArchiveFile=" + archive);
        }
        return new WorkerCommand(cmd);
    }

    /** Asked once per JVM: every PoolService builds a worker command, and a sweep builds many. */
    private static final boolean ENV_IGNORES_SIGNALS = envIgnoresSignals();

    /** Whether this machine's env takes --ignore-signal (older coreutils and BSD env do not). */
    private static boolean envIgnoresSignals() {
        if (!Files.isExecutable(ENV)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(ENV.toString(), "--ignore-signal=INT", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return false;
        }
    }

    /** java, the worker flags, the classpath and the worker's main class. */
    static List<String> javaCommand(String classpath) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(WorkerMain.class.getName());
        return cmd;
    }

    /** Where the archive for a worker jar lives: beside it. Only a jar can use one (CDS rejects class folders). */
    static Path archiveBeside(String classpath) {
        Path path = Path.of(classpath);
        return classpath.endsWith(".jar") && path.getParent() != null
                ? path.getParent().resolve(ARCHIVE_NAME) : Path.of("/nonexistent", ARCHIVE_NAME);
    }

    private static String workerClasspath() {
        try {
            // A jar or target/classes: either holds the java.base-only worker and nothing else is needed.
            return Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path", ".");
        }
    }

    @Override
    public Process start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        pb.directory(new File(System.getProperty("java.io.tmpdir")));
        return pb.start();
    }

    List<String> command() {
        return command;
    }
}
