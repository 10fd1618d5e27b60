package dev.poolscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Limits;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each built-in lesson builds the run the lesson texts in shared/lessons describe. */
class LessonsTest {
    private static RunConfig config(String lesson) throws ScenarioException {
        Scenario s = Lessons.load(lesson);
        assertEquals(lesson, s.name());
        assertFalse(s.description().isBlank(), lesson + " has a description");
        return s.config();
    }

    private static List<String> names(RunConfig c) {
        return c.tasks().stream().map(TaskSpec::name).collect(Collectors.toList());
    }

    private static List<Long> ns(RunConfig c) {
        return c.tasks().stream().map(TaskSpec::n).collect(Collectors.toList());
    }

    @Test
    void allListsEveryLessonInTeachingOrderWithItsDescription() throws Exception {
        List<String> order = List.of("square-cube", "process-ids", "work-log", "doubling", "squares-with-pids",
                "four-processes", "pool-options", "cpu-bound", "sleepy");
        assertEquals(order, Lessons.all().stream().map(LessonInfo::name).collect(Collectors.toList()));
        for (LessonInfo info : Lessons.all()) {
            assertEquals(Lessons.load(info.name()).description(), info.summary());
        }
    }

    @Test
    void everyJsonFileInAssetsIsALessonAndEveryLessonHasAFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("assets", "scenarios"))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5)).sorted()
                    .collect(Collectors.toList());
            List<String> listed = Lessons.all().stream().map(LessonInfo::name).sorted().collect(Collectors.toList());
            assertEquals(listed, onDisk);
        }
    }

    @Test
    void squareCubeIsTwoProcessesAndTheSquareSleepsFirst() throws Exception {
        RunConfig c = config("square-cube");
        assertEquals(Mode.PROCESS, c.mode());
        assertEquals(List.of(new TaskSpec("square", TaskKind.SQUARE, 1000, 10L, null, 1, 1, null),
                new TaskSpec("cube", TaskKind.CUBE, 0, 10L, null, 1, 1, null)), c.tasks());
        assertEquals(2, c.slots());
    }

    @Test
    void processIdsPrintsEachChildsOwnPid() throws Exception {
        RunConfig c = config("process-ids");
        assertEquals(Mode.PROCESS, c.mode());
        assertEquals(List.of("worker1", "worker2"), names(c));
        for (TaskSpec t : c.tasks()) {
            assertEquals(TaskKind.PRINT, t.kind());
            assertTrue(t.text().contains("{pid}"), t.text());
        }
    }

    @Test
    void workLogIsPoolOfTwoOverFourSleeps() throws Exception {
        RunConfig c = config("work-log");
        assertEquals(Mode.MAP, c.mode());
        assertEquals(2, c.pool());
        assertEquals(1, c.chunksize());
        assertEquals(List.of(TaskSpec.of("A", TaskKind.SLEEP, 5000), TaskSpec.of("B", TaskKind.SLEEP, 2000),
                TaskSpec.of("C", TaskKind.SLEEP, 1000), TaskSpec.of("D", TaskKind.SLEEP, 3000)), c.tasks());
    }

    @Test
    void poolOptionsHasAnInitializerAndRecyclesWorkers() throws Exception {
        RunConfig c = config("pool-options");
        assertEquals(2, c.pool());
        assertEquals(2, c.maxTasksPerChild());
        assertEquals(TaskKind.PRINT, c.initializer().kind());
        assertTrue(c.initializer().text().contains("{pid}"));
        assertEquals(8, c.tasks().size());
    }

    @Test
    void doublingIsPoolOfFourOverOneToFive() throws Exception {
        RunConfig c = config("doubling");
        assertEquals(Mode.MAP, c.mode());
        assertEquals(4, c.pool());
        assertTrue(c.tasks().stream().allMatch(t -> t.kind() == TaskKind.DOUBLE));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ns(c));
        assertEquals(List.of("task1", "task2", "task3", "task4", "task5"), names(c));
    }

    @Test
    void squaresWithPidsIsPoolOfFiveOverTwoToEightWithDefaultChunksize() throws Exception {
        RunConfig c = config("squares-with-pids");
        assertEquals(Mode.MAP, c.mode());
        assertEquals(5, c.pool());
        assertNull(c.chunksize());
        assertEquals(1, c.effectiveChunksize(), "ceil(7 / (5 * 4)) = 1, as Pool.map computes it");
        assertTrue(c.tasks().stream().allMatch(t -> t.kind() == TaskKind.SQUARE && t.ms() == 300));
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L), ns(c));
        assertEquals("square(2)", c.tasks().get(0).name());
    }

    @Test
    void fourProcessesEachPrintADifferentNumber() throws Exception {
        RunConfig c = config("four-processes");
        assertEquals(Mode.PROCESS, c.mode());
        assertEquals(List.of("m1", "m2", "m3", "m4"), names(c));
        assertEquals(List.of(1L, 2L, 3L, 4L), ns(c));
        assertTrue(c.tasks().stream().allMatch(t -> t.kind() == TaskKind.PRINT && t.text().contains("{n}")));
    }

    @Test
    void cpuBoundAndSleepyAreEightHalfSecondTasksOnTheDefaultPool() throws Exception {
        for (String lesson : List.of("cpu-bound", "sleepy")) {
            RunConfig c = config(lesson);
            TaskKind kind = lesson.equals("sleepy") ? TaskKind.SLEEP : TaskKind.SPIN;
            assertEquals(Mode.MAP, c.mode());
            assertEquals(Limits.defaultPool(), c.pool());
            assertEquals(8, c.tasks().size());
            assertTrue(c.tasks().stream().allMatch(t -> t.kind() == kind && t.ms() == 500), lesson);
        }
    }

    @Test
    void unknownLessonListsTheKnownOnes() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Lessons.load("work_log"));
        assertEquals(List.of("lesson: unknown lesson 'work_log'; known: square-cube, process-ids, work-log, "
                + "doubling, squares-with-pids, four-processes, pool-options, cpu-bound, sleepy"), e.problems());
    }
}
