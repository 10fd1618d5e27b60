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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, defaults, count expansion, writing and round trips. */
class ScenarioFilesTest {
    static Scenario parse(String json) throws ScenarioException {
        return ScenarioFiles.parse(json, "test.json");
    }

    /** RunConfig has no equals: compare what a file can say. */
    static void assertSameScenario(Scenario a, Scenario b) {
        assertEquals(a.name(), b.name());
        assertEquals(a.description(), b.description());
        RunConfig x = a.config();
        RunConfig y = b.config();
        assertEquals(x.mode(), y.mode());
        assertEquals(x.pool(), y.pool());
        assertEquals(x.chunksize(), y.chunksize());
        assertEquals(x.maxTasksPerChild(), y.maxTasksPerChild());
        assertEquals(x.initializer(), y.initializer());
        assertEquals(x.timeoutMs(), y.timeoutMs());
        assertEquals(x.tasks(), y.tasks());
    }

    @Test
    void onlyTasksIsRequiredAndEverythingElseHasItsDefault() throws Exception {
        Scenario s = parse("{\"tasks\": [{\"name\": \"t\", \"kind\": \"noop\"}]}");
        assertEquals("test", s.name(), "the name defaults to the file name without .json");
        assertEquals("", s.description());
        RunConfig c = s.config();
        assertEquals(Mode.MAP, c.mode());
        assertEquals(Limits.defaultPool(), c.pool());
        assertNull(c.chunksize());
        assertNull(c.maxTasksPerChild());
        assertNull(c.initializer());
        assertNull(c.timeoutMs());
        assertEquals(List.of(TaskSpec.of("t", TaskKind.NOOP, 0)), c.tasks());
    }

    @Test
    void nullMeansLeftOut() throws Exception {
        RunConfig c = parse("{\"name\": null, \"description\": null, \"mode\": null, \"pool\": null, \"chunksize\": null,"
                + " \"maxTasksPerChild\": null, \"initializer\": null, \"timeoutMs\": null,"
                + " \"tasks\": [{\"name\": \"t\", \"kind\": \"sleep\", \"ms\": 1, \"timeoutMs\": null}]}").config();
        assertEquals(Limits.defaultPool(), c.pool());
        assertNull(c.chunksize());
    }

    @Test
    void everyFieldReachesTheConfig() throws Exception {
        RunConfig c = parse("{\"mode\": \"imap_unordered\", \"pool\": 3, \"chunksize\": 2, \"maxTasksPerChild\": 4,"
                + " \"timeoutMs\": 9000, \"initializer\": {\"name\": \"init\", \"kind\": \"sleep\", \"ms\": 200},"
                + " \"tasks\": ["
                + " {\"name\": \"p\", \"kind\": \"print\", \"text\": \"hi {pid}\", \"times\": 3, \"n\": 7, \"ms\": 5},"
                + " {\"name\": \"f\", \"kind\": \"fail\", \"message\": \"boom\"},"
                + " {\"name\": \"c\", \"kind\": \"crash\", \"exitCode\": 42, \"timeoutMs\": 100},"
                + " {\"name\": \"s\", \"kind\": \"spin\", \"ms\": 10.0}]}").config();
        assertEquals(Mode.IMAP_UNORDERED, c.mode());
        assertEquals(3, c.pool());
        assertEquals(2, c.chunksize());
        assertEquals(4, c.maxTasksPerChild());
        assertEquals(9000L, c.timeoutMs());
        assertEquals(TaskSpec.of("init", TaskKind.SLEEP, 200), c.initializer());
        assertEquals(List.of(new TaskSpec("p", TaskKind.PRINT, 5, 7L, "hi {pid}", 3, 1, null),
                new TaskSpec("f", TaskKind.FAIL, 0, null, "boom", 1, 1, null),
                new TaskSpec("c", TaskKind.CRASH, 0, null, null, 1, 42, 100L),
                TaskSpec.of("s", TaskKind.SPIN, 10)), c.tasks());
        assertEquals(Mode.APPLY_ASYNC, parse("{\"mode\": \"apply_async\", \"tasks\": [{\"name\": \"t\", \"kind\": \"noop\"}]}")
                .config().mode());
    }

    @Test
    void countNumbersTheNamesAndCountsNUp() throws Exception {
        RunConfig c = parse("{\"tasks\": [{\"name\": \"first\", \"kind\": \"noop\"},"
                + " {\"name\": \"x\", \"kind\": \"square\", \"n\": 10, \"count\": 3},"
                + " {\"name\": \"z\", \"kind\": \"sleep\", \"ms\": 50, \"count\": 2}]}").config();
        assertEquals(List.of("first", "x1", "x2", "x3", "z1", "z2"),
                c.tasks().stream().map(TaskSpec::name).collect(Collectors.toList()));
        assertEquals(List.of(10L, 11L, 12L), c.tasks().subList(1, 4).stream().map(TaskSpec::n).collect(Collectors.toList()));
        assertEquals(TaskSpec.of("z2", TaskKind.SLEEP, 50), c.tasks().get(5));
        assertEquals(List.of("y1"), parse("{\"tasks\": [{\"name\": \"y\", \"kind\": \"noop\", \"count\": 1}]}")
                .config().tasks().stream().map(TaskSpec::name).collect(Collectors.toList()));
    }

    @Test
    void countUpToTheLimitIsAccepted() throws Exception {
        RunConfig c = parse("{\"tasks\": [{\"name\": \"t\", \"kind\": \"double\", \"n\": 0, \"count\": " + Limits.MAX_TASKS + "}]}")
                .config();
        assertEquals(Limits.MAX_TASKS, c.tasks().size());
        assertEquals(Limits.MAX_TASKS - 1L, c.tasks().get(Limits.MAX_TASKS - 1).n());
    }

    @Test
    void defaultChunksizeIsPoolMapsForMapOnly() throws Exception {
        assertEquals(2, counted("map", 10, 2).effectiveChunksize(), "ceil(10 / 8)");
        assertEquals(1, counted("map", 7, 5).effectiveChunksize(), "ceil(7 / 20)");
        assertEquals(4, counted("map", 100, 7).effectiveChunksize(), "ceil(100 / 28)");
        assertEquals(1, counted("imap", 100, 2).effectiveChunksize(), "imap defaults to 1");
        assertEquals(1, counted("apply_async", 100, 2).effectiveChunksize());
    }

    private static RunConfig counted(String mode, int tasks, int pool) throws ScenarioException {
        return parse("{\"mode\": \"" + mode + "\", \"pool\": " + pool + ", \"tasks\": "
                + "[{\"name\": \"t\", \"kind\": \"noop\", \"count\": " + tasks + "}]}").config();
    }

    @Test
    void everyLessonRoundTripsThroughToJson() throws Exception {
        for (LessonInfo info : Lessons.all()) {
            Scenario lesson = Lessons.load(info.name());
            String json = ScenarioFiles.toJson(lesson);
            assertSameScenario(lesson, ScenarioFiles.parse(json, "copy.json"));
        }
    }

    @Test
    void aScenarioUsingEveryFieldRoundTrips() throws Exception {
        RunConfig c = RunConfig.builder().mode(Mode.IMAP).pool(3).chunksize(5).maxTasksPerChild(2).timeoutMs(60_000L)
                .initializer(new TaskSpec("setup \"quoted\"", TaskKind.PRINT, 100, null, "init {pid}\tdone", 2, 1, null))
                .task(new TaskSpec("ünïcødé 🙂 name", TaskKind.FAIL, 7, null, "line1\nline2 \\ \"x\"", 1, 1, 500L))
                .task(new TaskSpec("boom", TaskKind.CRASH, 0, null, null, 1, 99, null))
                .task(new TaskSpec("neg", TaskKind.CUBE, 0, Long.MIN_VALUE + 5, null, 1, 1, null))
                .task(TaskSpec.of("nothing", TaskKind.NOOP, 0))
                .build();
        Scenario s = new Scenario("every field", "all of them", c);
        assertSameScenario(s, ScenarioFiles.parse(ScenarioFiles.toJson(s), "x.json"));
    }

    @Test
    void runsOfNumberedTasksAreWrittenBackAsOneCountedTask() throws Exception {
        RunConfig.Builder b = RunConfig.builder().pool(2);
        IntStream.rangeClosed(1, 12).forEach(i -> b.task(TaskSpec.ofN("sq" + i, TaskKind.SQUARE, i + 4, 0)));
        b.task(TaskSpec.ofN("sq13", TaskKind.SQUARE, 99, 0)); // n does not follow: a task of its own
        b.task(TaskSpec.of("a1", TaskKind.SLEEP, 5)).task(TaskSpec.of("a2", TaskKind.SLEEP, 6)); // ms differs
        Scenario s = new Scenario("runs", "", b.build());
        String json = ScenarioFiles.toJson(s);
        assertTrue(json.contains("{\"name\": \"sq\", \"kind\": \"square\", \"n\": 5, \"count\": 12}"), json);
        assertTrue(json.contains("{\"name\": \"sq13\", \"kind\": \"square\", \"n\": 99}"), json);
        assertTrue(json.contains("{\"name\": \"a2\", \"kind\": \"sleep\", \"ms\": 6}"), json);
        assertSameScenario(s, ScenarioFiles.parse(json, "runs.json"));
    }

    @Test
    void toJsonHasTheDocumentedLayout() throws Exception {
        String json = ScenarioFiles.toJson(Lessons.load("work-log"));
        assertEquals("{\n"
                + "  \"name\": \"work-log\",\n"
                + "  \"description\": " + quoted(Lessons.load("work-log").description()) + ",\n"
                + "  \"mode\": \"map\",\n"
                + "  \"pool\": 2,\n"
                + "  \"chunksize\": 1,\n"
                + "  \"maxTasksPerChild\": null,\n"
                + "  \"initializer\": null,\n"
                + "  \"timeoutMs\": null,\n"
                + "  \"tasks\": [\n"
                + "    {\"name\": \"A\", \"kind\": \"sleep\", \"ms\": 5000},\n"
                + "    {\"name\": \"B\", \"kind\": \"sleep\", \"ms\": 2000},\n"
                + "    {\"name\": \"C\", \"kind\": \"sleep\", \"ms\": 1000},\n"
                + "    {\"name\": \"D\", \"kind\": \"sleep\", \"ms\": 3000}\n"
                + "  ]\n"
                + "}\n", json);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void writeThenReadGivesTheSameScenarioAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Scenario s = Lessons.load("squares-with-pids");
        Path file = dir.resolve("saved.json");
        Files.writeString(file, "old content that must be replaced entirely, even though it is longer than the new");
        ScenarioFiles.write(s, file);
        assertSameScenario(s, ScenarioFiles.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.collect(Collectors.toList()));
        }
    }

    @Test
    void readUsesTheFileNameAsDefaultNameAndAcceptsAByteOrderMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("My Run.JSON");
        Files.writeString(file, "\uFEFF{\"tasks\": [{\"name\": \"t\", \"kind\": \"noop\"}]}");
        assertEquals("My Run", ScenarioFiles.read(file).name());
    }

    @Test
    void readReportsMissingFoldersLargeAndNonUtf8Files(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.json");
        assertEquals(List.of(missing + ": cannot read file: no such file"), problems(missing));
        assertEquals(List.of(dir + ": cannot read file: it is a folder"), problems(dir));

        Path big = dir.resolve("big.json");
        Files.write(big, new byte[16 * 1024 * 1024 + 1]);
        assertEquals(List.of(big + ": file too large; a scenario file may be at most 16 MB"), problems(big));

        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertEquals(List.of(latin1 + ": cannot read file: it is not UTF-8 text"), problems(latin1));
    }

    private static List<String> problems(Path file) {
        return assertThrows(ScenarioException.class, () -> ScenarioFiles.read(file)).problems();
    }

    @Test
    void theMessageIsTheProblemsOnePerLine() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> parse("{\"pool\": 0, \"tasks\": [{\"name\": \"a\", \"kind\": \"sleep\", \"ms\": -1}]}"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals(String.join("\n", e.problems()), e.getMessage());
        assertFalse(e.getMessage().isEmpty());
    }
}
