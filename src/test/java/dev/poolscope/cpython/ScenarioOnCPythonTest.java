package dev.poolscope.cpython;

import static dev.poolscope.cpython.PythonRuns.all;
import static dev.poolscope.cpython.PythonRuns.dump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.scenario.Lessons;
import dev.poolscope.scenario.Scenario;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Scenarios on CPython's own Pool: the program ScenarioProgram writes, run by the CPython engine and by plain python3. */
class ScenarioOnCPythonTest {
    @TempDir
    Path dir;

    private static CPythonRun runScenario(String name, RunConfig config, CPythonOptions options) throws Exception {
        PythonRuns.python();
        CPythonRun run = new CPythonService().startScenario(name, config, options, null);
        assertTrue(run.awaitDone(Duration.ofSeconds(60)), () -> dump(run));
        return run;
    }

    /** Runs a program with plain python3, no PoolScope: its stdout. */
    private static String plainPython(Path file) throws Exception {
        Process p = new ProcessBuilder(PythonRuns.python().executable().toString(), file.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void workLogOnCPythonRunsAAloneAndBCDOnTheOtherWorker() throws Exception {
        Scenario s = Lessons.load("work-log");
        CPythonRun run = runScenario(s.name(), s.config(), CPythonOptions.defaults());
        assertEquals(0, run.exitStatus(), () -> dump(run));
        RunTrace t = CPythonTrace.of(run);
        assertEquals(List.of("A", "B", "C", "D"), t.tasks().stream().map(TaskRecord::name).collect(Collectors.toList()));
        assertEquals(List.of("sleep", "sleep", "sleep", "sleep"), t.tasks().stream().map(TaskRecord::kind).toList());
        long a = t.tasks().get(0).pid();
        assertTrue(t.tasks().subList(1, 4).stream().allMatch(x -> x.pid() != a && x.pid() == t.tasks().get(1).pid()),
                t.tasks()::toString);
        assertEquals(List.of(0, 1, 2, 3), t.deliveryOrder(), "map: input order");
        WorkLogSchedule.check(t.tasks().get(0), t.tasks().get(1), t.tasks().get(2), t.tasks().get(3), t.stats().makespanMs());
        assertTrue(t.tasks().stream().allMatch(x -> "ok".equals(x.status()) && x.result() == null));
    }

    private static RunConfig mixed(Mode mode) {
        return RunConfig.builder().mode(mode).pool(2).tasks(List.of(
                TaskSpec.ofN("sq", TaskKind.SQUARE, 3, 0),
                TaskSpec.ofN("cu", TaskKind.CUBE, 2, 50),
                TaskSpec.ofN("db", TaskKind.DOUBLE, 21, 0),
                TaskSpec.print("say", "hello from {name} in {pid}"),
                TaskSpec.of("nap", TaskKind.SLEEP, 100),
                TaskSpec.of("work", TaskKind.SPIN, 50),
                TaskSpec.of("nothing", TaskKind.NOOP, 0))).build();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyModeRunsTheTaskKindsWithTheJavaEnginesResults(Mode mode) throws Exception {
        RunConfig config = mixed(mode);
        CPythonRun run = runScenario("mixed", config, CPythonOptions.defaults());
        assertEquals(0, run.exitStatus(), () -> dump(run));
        RunTrace t = CPythonTrace.of(run);
        assertEquals(mode.id(), t.mode());
        List<String> results = t.tasks().stream().map(TaskRecord::result).collect(Collectors.toList());
        assertEquals(java.util.Arrays.asList("9", "8", "42", null, null, null, null), results);
        assertTrue(t.tasks().stream().allMatch(x -> "ok".equals(x.status())), t.tasks()::toString);
        TaskRecord say = t.tasks().get(3);
        assertEquals(List.of("hello from say in " + say.pid()), say.output());
        assertTrue(t.tasks().get(5).durationMs() >= 45, "spin works for its 50 ms");
        if (mode == Mode.PROCESS) {
            assertEquals(7, t.workers().size());
        } else {
            assertTrue(t.workers().stream().map(w -> w.slot()).distinct().count() <= 2, t.workers()::toString);
            assertEquals(7, t.deliveryOrder().size(), () -> dump(run));
            if (mode == Mode.MAP || mode == Mode.IMAP) {
                assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), t.deliveryOrder());
            }
        }
    }

    @Test
    void aFailTaskFailsWithItsMessageAndMapRaisesOnceEveryTaskIsDone() throws Exception {
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(2).chunksize(1).tasks(List.of(
                new TaskSpec("bad", TaskKind.FAIL, 0, null, "no good", 1, 1, null),
                TaskSpec.of("fine", TaskKind.SLEEP, 300))).build();
        CPythonRun run = runScenario("fail", config, CPythonOptions.defaults());
        RunTrace t = CPythonTrace.of(run);
        assertEquals("failed", t.tasks().get(0).status());
        assertEquals("no good", t.tasks().get(0).error());
        assertEquals("ok", t.tasks().get(1).status());
        assertEquals(1, run.exitStatus(), "map raises the task's exception in the main process");
        List<String> main = PythonRuns.linesOf(run, run.mainPid());
        assertEquals("TaskFailed: no good", main.get(main.size() - 1));
    }

    @Test
    void aCrashOnCPythonsPoolLosesItsTaskAndTheCallWaitsUntilTheDeadline() throws Exception {
        RunConfig config = RunConfig.builder().mode(Mode.IMAP_UNORDERED).pool(2).tasks(List.of(
                new TaskSpec("boom", TaskKind.CRASH, 100, null, null, 1, 3, null),
                TaskSpec.of("fine", TaskKind.SLEEP, 50))).build();
        CPythonRun run = runScenario("crash", config, CPythonOptions.defaults().withDeadlineMs(4000L));
        RunTrace t = CPythonTrace.of(run);
        assertEquals("crashed", t.tasks().get(0).status());
        assertEquals("ok", t.tasks().get(1).status());
        RunEvent.WorkerExited crash = all(run, RunEvent.WorkerExited.class).stream()
                .filter(x -> x.pid() == t.tasks().get(0).pid()).findFirst().orElseThrow();
        assertEquals(3, crash.exitCode());
        assertTrue(all(run, RunEvent.RunNotice.class).stream().anyMatch(n -> n.text().contains("boom")), () -> dump(run));
        assertTrue(run.deadlineHit(), "imap_unordered waits forever for the lost task");
        assertEquals(1, run.exitStatus());
    }

    @Test
    void theProgramRunsWithPlainPythonAndPrintsTheSameResults() throws Exception {
        Path file = dir.resolve("mixed.py");
        Files.writeString(file, ScenarioProgram.render("mixed", "all the kinds", mixed(Mode.MAP)));
        String out = plainPython(file);
        assertTrue(out.matches("(?s)hello from say in \\d+\n\\[9, 8, 42, None, None, None, None\\]\n"), out);
        // imap prints each result as it comes, while the worker prints its line: with unbuffered
        // output (PYTHONUNBUFFERED, as on this machine) print writes the text and the newline
        // apart, so the worker's line can land between a result and its newline ("9hello ...").
        // A period ends the worker's line, so it can be cut out wherever it landed.
        String program = ScenarioProgram.render("mixed", null, mixed(Mode.IMAP));
        assertTrue(program.contains("hello from {name} in {pid}"), program);
        Files.writeString(file, program.replace("hello from {name} in {pid}", "hello from {name} in {pid}."));
        List<String> results = plainPython(file).replaceAll("hello from say in \\d+\\.", "").lines()
                .filter(l -> !l.isEmpty()).toList();
        assertEquals(List.of("9", "8", "42", "None", "None", "None", "None"), results);
    }

    @Test
    void everyLessonsProgramIsValidPython() throws Exception {
        for (dev.poolscope.scenario.LessonInfo info : Lessons.all()) {
            String lesson = info.name();
            Scenario s = Lessons.load(lesson);
            Path file = dir.resolve(ScenarioProgram.fileName(s.name()));
            Files.writeString(file, ScenarioProgram.render(s.name(), s.description(), s.config()));
            Process p = new ProcessBuilder(PythonRuns.python().executable().toString(), "-m", "py_compile", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), () -> lesson + ": " + out);
        }
    }

    @Test
    void textIsWrittenAsLiteralsSoItCannotBecomeCode() throws Exception {
        String sly = "\"); import os; os.system(\"echo owned\") #\\n\u2028{name}";
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(1).tasks(List.of(TaskSpec.print("a\"b\\c\nd", sly)))
                .build();
        Path file = dir.resolve("sly.py");
        Files.writeString(file, ScenarioProgram.render("sly\nname", "two\nlines", config));
        String program = Files.readString(file);
        assertTrue(program.lines().filter(l -> l.startsWith("#")).count() >= 2);
        String out = plainPython(file);
        assertEquals(sly.replace("{name}", "a\"b\\c\nd") + "\n[None]\n", out);
    }
}
