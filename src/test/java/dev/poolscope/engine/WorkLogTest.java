package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkLogTest {
    /**
     * The work-log lesson scaled down 5x: A 1000, B 400, C 200, D 600 ms of sleep on Pool(2).
     * (The second worker may start up to 400 ms after the first and D still lands beside B and C.)
     */
    @Test
    void longTaskRunsAloneWhileTheOtherWorkerTakesTheRest() throws Exception {
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(2).chunksize(1)
                .task(TaskSpec.of("A", TaskKind.SLEEP, 1000))
                .task(TaskSpec.of("B", TaskKind.SLEEP, 400))
                .task(TaskSpec.of("C", TaskKind.SLEEP, 200))
                .task(TaskSpec.of("D", TaskKind.SLEEP, 600))
                .build();
        RunResult r = RunResult.run(config);

        int slotOfA = r.started(0).slot();
        int other = 1 - slotOfA;
        assertEquals(List.of(0), r.tasksOnSlot(slotOfA), "A runs alone on its worker");
        assertEquals(List.of(1, 2, 3), r.tasksOnSlot(other), "B, C, D run one after another on the other");
        long makespanMs = r.all(RunEvent.TaskFinished.class).stream().mapToLong(RunEvent.TaskFinished::at).max().orElseThrow()
                / 1_000_000;
        long firstStartMs = r.all(RunEvent.TaskStarted.class).stream().mapToLong(RunEvent.TaskStarted::at).min().orElseThrow()
                / 1_000_000;
        long span = makespanMs - firstStartMs;
        assertTrue(span >= 1200 && span < 2500, "B+C+D take about 1200 ms after the first start, got " + span);
        assertEquals(List.of(0, 1, 2, 3), r.deliveryOrder());
    }
}
