package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerPriorityTest {
    private static final int SCHED_IDLE = 5;

    /** Fields of /proc/PID/stat from field 3 (after the command name in parentheses) on. */
    private static String[] stat(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** Field 19: the nice value. */
    private static int niceOf(long pid) throws Exception {
        return Integer.parseInt(stat(pid)[16]);
    }

    /** The worker's nice value and scheduling policy (field 41). */
    private static int[] schedulingOfWorker(WorkerPriority priority) throws Exception {
        RunHandle run = new PoolService(priority).start(RunConfig.builder().pool(1)
                .task(TaskSpec.of("nap", TaskKind.SLEEP, 2000)).build(), RunListener.NONE);
        try {
            RunEvent.TaskStarted s = RunResult.waitFor(run, RunEvent.TaskStarted.class, e -> true, Duration.ofSeconds(10));
            String cmd = ProcessHandle.of(s.pid()).flatMap(p -> p.info().commandLine()).orElse("");
            assertTrue(cmd.contains("dev.poolscope.worker.WorkerMain"), "the PID is the worker JVM itself: " + cmd);
            String[] f = stat(s.pid());
            return new int[] {Integer.parseInt(f[16]), Integer.parseInt(f[38])};
        } finally {
            run.stop();
            RunResult.finish(run);
        }
    }

    @Test
    void lowPriorityWorkersRunAtTheLowestPriorityAndKeepTheirOwnPid() throws Exception {
        int own = niceOf(ProcessHandle.current().pid());
        int ownPolicy = Integer.parseInt(stat(ProcessHandle.current().pid())[38]);
        int[] normal = schedulingOfWorker(WorkerPriority.NORMAL);
        assertEquals(own, normal[0]);
        assertEquals(ownPolicy, normal[1]);
        int[] low = schedulingOfWorker(WorkerPriority.LOW);
        if (Files.isExecutable(Path.of("/usr/bin/chrt"))) {
            assertEquals(SCHED_IDLE, low[1], "SCHED_IDLE");
        } else if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            assertEquals(Math.min(19, own + 19), low[0]);
        }
    }
}
