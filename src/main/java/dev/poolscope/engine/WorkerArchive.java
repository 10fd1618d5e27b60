package dev.poolscope.engine;

import dev.poolscope.worker.WorkerMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step ({@code ./mvnw package}): writes the class-data archive that lets a worker JVM
 * start from pre-parsed classes. It starts one worker exactly as the engine would, from the
 * jar, in its scripted {@code --archive-run} mode, with {@code -XX:ArchiveClassesAtExit}.
 * Without the archive workers still start, only a little later.
 */
public final class WorkerArchive {
    private WorkerArchive() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = WorkerCommand.archiveBeside(jar.toString());
        Files.deleteIfExists(archive);
        List<String> cmd = WorkerCommand.javaCommand(jar.toString());
        cmd.add(1, "-XX:ArchiveClassesAtExit=" + archive);
        cmd.add(WorkerMain.ARCHIVE_RUN);
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        int code = p.waitFor();
        if (code != 0 || !Files.isRegularFile(archive)) {
            // Not fatal: workers start without it.
            System.err.println("poolscope: no worker class-data archive (exit " + code + "); workers start without it");
        }
    }
}
