package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerPriorityTest {
    /** Field 19 of /proc/PID/stat is the nice value (after the command name in parentheses). */
    private static int niceOf(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    private static int niceOfWorker(WorkerPriority priority) throws Exception {
        RunHandle run = new PoolService(priority).start(RunConfig.builder().pool(1)
                .task(TaskSpec.of("nap", TaskKind.SLEEP, 2000)).build(), RunListener.NONE);
        try {
            RunEvent.TaskStarted s = RunResult.waitFor(run, RunEvent.TaskStarted.class, e -> true, Duration.ofSeconds(10));
            String cmd = ProcessHandle.of(s.pid()).flatMap(p -> p.info().commandLine()).orElse("");
            assertTrue(cmd.contains("dev.poolscope.worker.WorkerMain"), "the PID is the worker JVM itself: " + cmd);
            return niceOf(s.pid());
        } finally {
            run.stop();
            RunResult.finish(run);
        }
    }

    @Test
    void lowPriorityWorkersRunNicedAndKeepTheirOwnPid() throws Exception {
        int own = niceOf(ProcessHandle.current().pid());
        assertEquals(own, niceOfWorker(WorkerPriority.NORMAL));
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            assertEquals(Math.min(19, own + 19), niceOfWorker(WorkerPriority.LOW));
        }
    }
}
