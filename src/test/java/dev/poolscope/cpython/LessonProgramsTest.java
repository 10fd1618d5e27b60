package dev.poolscope.cpython;

import static dev.poolscope.cpython.PythonRuns.all;
import static dev.poolscope.cpython.PythonRuns.dump;
import static dev.poolscope.cpython.PythonRuns.lesson;
import static dev.poolscope.cpython.PythonRuns.linesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunEvent.ProcessMark;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.WorkerRecord;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each lesson program in assets/python, run on the real python3 and traced: the trace agrees with what the program printed. */
class LessonProgramsTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static CPythonRun run(String file) throws Exception {
        CPythonRun run = PythonRuns.run(lesson(file), CPythonOptions.defaults(), LIMIT);
        assertEquals(0, run.exitStatus(), () -> file + " failed:\n" + dump(run));
        return run;
    }

    private static Map<String, TaskRecord> tasksByName(RunTrace t) {
        return t.tasks().stream().collect(Collectors.toMap(TaskRecord::name, Function.identity()));
    }

    private static long number(String line, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(line);
        assertTrue(m.find(), () -> "no match for " + pattern + " in " + line);
        return Long.parseLong(m.group(1));
    }

    @Test
    void processIdsThePidsTheProgramPrintsAreTheLanesPids() throws Exception {
        CPythonRun run = run("process_ids.py");
        RunTrace t = CPythonTrace.of(run);
        List<String> main = linesOf(run, run.mainPid());
        assertEquals(run.mainPid(), number(main.get(0), "ID of main process: (\\d+)"));
        Map<String, TaskRecord> tasks = tasksByName(t);
        long p1 = tasks.get("worker1()").pid();
        long p2 = tasks.get("worker2()").pid();
        assertTrue(main.contains("ID of process p1: " + p1), () -> main.toString());
        assertTrue(main.contains("ID of process p2: " + p2), () -> main.toString());
        assertEquals(List.of("ID of process running worker1: " + p1), linesOf(run, p1));
        assertEquals(List.of("ID of process running worker2: " + p2), linesOf(run, p2));
        assertEquals(Set.of(p1, p2), new HashSet<>(run.pids()));
        assertEquals(List.of("Process p1 is alive: False", "Process p2 is alive: False"), main.subList(main.size() - 2, main.size()));

        // The main lane: start() for each child, join() waiting then joined, is_alive() with its answer.
        List<ProcessMark> marks = all(run, ProcessMark.class);
        assertTrue(marks.stream().allMatch(m -> m.slot() == -1 && m.pid() == run.mainPid()), marks::toString);
        List<String> kinds = marks.stream().filter(m -> m.childPid() == p1).map(ProcessMark::kind).collect(Collectors.toList());
        assertEquals(List.of(ProcessMark.START, ProcessMark.JOIN, ProcessMark.JOINED, ProcessMark.IS_ALIVE), kinds);
        assertTrue(marks.stream().anyMatch(m -> m.text().equals("is_alive() of " + p2 + " \u2192 False (line 30)")), marks::toString);
        assertTrue(marks.stream().anyMatch(m -> m.text().equals("joined " + p1 + ": exit code 0")));
        // Each child is a lane of its own, with its task as one bar, and exits normally.
        assertEquals("process", t.mode());
        assertEquals(2, t.workers().size());
        assertTrue(t.workers().stream().allMatch(w -> "normal".equals(w.exit()) && w.exitCode() == 0), t::toString);
    }

    @Test
    void squareCubePrintsEachResultFromItsOwnProcessThenDone() throws Exception {
        CPythonRun run = run("square_cube.py");
        Map<String, TaskRecord> tasks = tasksByName(CPythonTrace.of(run));
        TaskRecord square = tasks.get("print_square(10)");
        TaskRecord cube = tasks.get("print_cube(10)");
        assertEquals(List.of("Square: 100"), linesOf(run, square.pid()));
        assertEquals(List.of("Cube: 1000"), linesOf(run, cube.pid()));
        assertEquals(List.of("Square: 100"), square.output());
        assertTrue(cube.endMs() < square.endMs(), "the cube finishes first: the square sleeps a second");
        assertTrue(square.durationMs() >= 900, () -> "square took " + square.durationMs());
        assertEquals(List.of("Done!"), linesOf(run, run.mainPid()));
    }

    @Test
    void workLogRunsAAloneAndBCDOnTheOtherWorkerWithTheirLines() throws Exception {
        CPythonRun run = run("work_log.py");
        RunTrace t = CPythonTrace.of(run);
        Map<String, TaskRecord> tasks = tasksByName(t);
        assertEquals(Set.of("work_log(['A', 5])", "work_log(['B', 2])", "work_log(['C', 1])", "work_log(['D', 3])"),
                tasks.keySet());
        long a = tasks.get("work_log(['A', 5])").pid();
        long other = tasks.get("work_log(['B', 2])").pid();
        assertTrue(a != other);
        assertEquals(other, tasks.get("work_log(['C', 1])").pid());
        assertEquals(other, tasks.get("work_log(['D', 3])").pid());
        assertEquals(List.of(" Process A waiting 5 seconds", " Process A Finished."), tasks.get("work_log(['A', 5])").output());
        assertEquals(List.of(" Process A waiting 5 seconds", " Process A Finished."), linesOf(run, a));
        WorkLogSchedule.check(tasks.get("work_log(['A', 5])"), tasks.get("work_log(['B', 2])"), tasks.get("work_log(['C', 1])"),
                tasks.get("work_log(['D', 3])"), t.stats().makespanMs());
        assertEquals(2, t.pool());
        assertTrue(t.tasks().stream().allMatch(x -> "ok".equals(x.status()) && "python".equals(x.kind())));
    }

    @Test
    void doublingDeliversTwoToTenInInputOrder() throws Exception {
        CPythonRun run = run("doubling.py");
        RunTrace t = CPythonTrace.of(run);
        List<String> delivered = t.deliveryOrder().stream().map(i -> t.tasks().get(i).name() + "=" + t.tasks().get(i).result())
                .collect(Collectors.toList());
        assertEquals(List.of("double(1)=2", "double(2)=4", "double(3)=6", "double(4)=8", "double(5)=10"), delivered);
        assertEquals(List.of("[2, 4, 6, 8, 10]"), linesOf(run, run.mainPid()));
        assertEquals(4, t.pool());
    }

    @Test
    void squaresWithPidsEachLineNamesThePidThatRanTheTask() throws Exception {
        CPythonRun run = run("squares_with_pids.py");
        RunTrace t = CPythonTrace.of(run);
        Map<String, TaskRecord> tasks = tasksByName(t);
        for (int n = 2; n <= 8; n++) {
            TaskRecord task = tasks.get("square(" + n + ")");
            assertEquals(List.of("Worker process id for " + n + " : " + task.pid()), task.output());
            assertEquals(String.valueOf(n * n), task.result());
        }
        Map<Long, Long> perPid = t.tasks().stream().collect(Collectors.groupingBy(TaskRecord::pid, Collectors.counting()));
        assertTrue(perPid.values().stream().anyMatch(c -> c >= 2), "seven tasks on five workers: a PID serves two");
        assertEquals(List.of("[4, 9, 16, 25, 36, 49, 64]"), linesOf(run, run.mainPid()));
        // The with-block's end terminates the workers: CPython's own SIGTERM, not a crash.
        assertTrue(t.workers().stream().noneMatch(w -> "crashed".equals(w.exit())), t.workers()::toString);
    }

    @Test
    void fourProcessesFourLanesFourLines() throws Exception {
        CPythonRun run = run("four_processes.py");
        RunTrace t = CPythonTrace.of(run);
        assertEquals(4, t.workers().size());
        for (int n = 1; n <= 4; n++) {
            TaskRecord task = tasksByName(t).get("show(" + n + ")");
            assertEquals(List.of("Number " + n + " from process " + task.pid()), linesOf(run, task.pid()));
        }
    }

    @Test
    void poolOptionsInitializerSpansAndRecycledWorkersWithNewPids() throws Exception {
        CPythonRun run = run("pool_options.py");
        RunTrace t = CPythonTrace.of(run);
        assertEquals(2, t.slots(), t.workers()::toString);
        // Every worker that ran a task ran the initializer first. (A replacement the Pool starts
        // just before terminate() may be killed before its initializer: that is CPython too.)
        for (WorkerRecord w : t.workers()) {
            boolean ranTasks = t.tasks().stream().anyMatch(x -> x.pid() == w.pid());
            if (ranTasks) {
                assertTrue(w.initEndMs() != null && w.initError() == null, w::toString);
                double first = t.tasks().stream().filter(x -> x.pid() == w.pid()).mapToDouble(TaskRecord::startMs).min().orElseThrow();
                assertTrue(w.initEndMs() <= first, w::toString);
            }
        }
        List<RunEvent.InitializerRan> inits = all(run, RunEvent.InitializerRan.class);
        for (RunEvent.InitializerRan init : inits) {
            assertTrue(linesOf(run, init.pid()).contains("initializer ran in " + init.pid()));
        }
        // maxtasksperchild=2 and chunksize 1: eight tasks need four processes, two per lane.
        assertTrue(t.workers().size() >= 4, t.workers()::toString);
        assertTrue(t.workers().stream().anyMatch(w -> w.generation() >= 1), "a fresh PID in a lane");
        assertTrue(t.workers().stream().filter(w -> "recycled".equals(w.exit())).count() >= 2, t.workers()::toString);
        assertTrue(all(run, RunEvent.WorkerExited.class).stream().filter(x -> x.kind() == ExitKind.RECYCLED)
                .allMatch(x -> x.detail().contains("maxtasksperchild=2")));
        Map<Long, Long> perPid = t.tasks().stream().collect(Collectors.groupingBy(TaskRecord::pid, Collectors.counting()));
        assertTrue(perPid.values().stream().allMatch(c -> c <= 2), perPid::toString);
        for (TaskRecord task : t.tasks()) {
            assertEquals("'" + task.name().replace("job(", "job ").replace(")", "") + " ran in " + task.pid() + "'", task.result());
        }
    }
}
