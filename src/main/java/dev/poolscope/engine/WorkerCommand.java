package dev.poolscope.engine;

import dev.poolscope.supervisor.Supervisor;
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

    /**
     * The running JVM's own java, with a classpath of just the code that holds the worker,
     * started by the {@link Supervisor}: in a session of its own (a terminal's Ctrl+C signals
     * the terminal's whole foreground group; the engine stops the run itself, so a worker must
     * not race it by dying on its own, and its tasks would read crashed, not cancelled), with
     * SIGINT ignored from its first instruction, the kernel's parent-death signal (the parent is
     * the run's spawner thread, which lives until the run's last worker is gone; it needs no CPU
     * time from the worker, whose own watchdog may be starved on a busy machine), and for the
     * window the lowest CPU priority ({@link WorkerPriority#LOW}).
     */
    static WorkerCommand forThisJvm(WorkerPriority priority) {
        List<String> cmd = new ArrayList<>(Supervisor.system().prefix(
                new Supervisor.Launch(true, true, priority == WorkerPriority.LOW, true)));
        String classpath = workerClasspath();
        cmd.addAll(javaCommand(classpath));
        Path archive = archiveBeside(classpath);
        if (Files.isReadable(archive)) {
            // Starts each worker from the classes a worker needs, already parsed (AppCDS).
            cmd.add(cmd.size() - 3, "-XX:SharedArchiveFile=" + archive);
        }
        return new WorkerCommand(cmd);
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
