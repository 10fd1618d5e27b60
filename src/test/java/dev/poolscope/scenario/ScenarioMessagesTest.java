package dev.poolscope.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Limits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The messages a user sees for each kind of mistake: they name the source, the field and the reason. */
class ScenarioMessagesTest {
    private static final String OK_TASK = "{\"name\": \"t\", \"kind\": \"noop\"}";

    static List<String> problems(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json, "work.json")).problems();
    }

    static String only(String json) {
        List<String> p = problems(json);
        assertEquals(1, p.size(), () -> "expected one problem, got " + p);
        return p.get(0);
    }

    @Test
    void negativeMsNamesTaskFieldLimitsAndValue() {
        assertEquals("work.json: tasks[0].ms: must be between 0 and 3600000, got -5",
                only("{\"tasks\": [{\"name\": \"A\", \"kind\": \"sleep\", \"ms\": -5}]}"));
    }

    @Test
    void engineProblemsPointAtTheTaskInTheFileEvenAfterCounts() {
        assertEquals("work.json: tasks[2].ms: must be between 0 and 3600000, got 4000000",
                only("{\"tasks\": [" + OK_TASK + ", {\"name\": \"x\", \"kind\": \"noop\", \"count\": 50},"
                        + " {\"name\": \"y\", \"kind\": \"sleep\", \"ms\": 4000000, \"count\": 3}]}"));
    }

    /** The usual slips in hand-written JSON, each explained in our words with what to write instead. */
    @Test
    void brokenJsonIsExplainedInOurWordsNotJacksons() {
        String[][] cases = {
                {"{\"tasks\": [{\"name\": \"A\" \"kind\": \"noop\"}]}", "expected a comma before the next field, or } to end"},
                {"{\"tasks\": [{\"name\": \"A\", \"kind\": \"noop\"} {}]}", "expected a comma before the next entry, or ] to end"},
                {"{\"tasks\": [1, 2,]}", "remove the comma after the last entry"},
                {"{\"tasks\": [],,}", "two commas in a row"},
                {"{tasks: []}", "expected a field name in double quotes"},
                {"{'tasks': []}", "field names need double quotes"},
                {"{\"tasks\" []}", "expected a colon (:) between the field name and its value"},
                {"{\"tasks\": []]", "expected '}' to close the object first"},
                {"{\"pool\": 02, \"tasks\": []}", "a number cannot start with 0"},
                {"{\"pool\": +2, \"tasks\": []}", "a number cannot start with +"},
                {"{\"name\": \"a\\qb\", \"tasks\": []}", "\\q is not an escape JSON knows"},
        };
        for (String[] c : cases) {
            String message = only(c[0]);
            assertTrue(message.matches("work\\.json: line 1, column \\d+: .*") && message.contains(c[1]), c[0] + " -> " + message);
            for (String jackson : new String[] {"was expecting", "entries", "double-quote", "token", "code "}) {
                assertTrue(!message.contains(jackson), c[0] + " -> " + message);
            }
        }
    }

    @Test
    void brokenJsonSaysLineAndColumn() {
        assertEquals("work.json: line 3, column 3: unexpected character '}': a comma must be followed by another field;"
                + " remove the comma after the last field",
                only("{\n  \"tasks\": [],\n  }"));
        assertEquals("work.json: line 1, column 12: the text ends too early; a {, [ or \" is not closed",
                only("{\"tasks\": ["));
        String word = only("{\"mode\": map, \"tasks\": []}");
        assertTrue(word.startsWith("work.json: line 1, column 13: unexpected word \"map\"; text values need double quotes"), word);
        assertEquals("work.json: line 1, column 61: the field \"pool\" appears twice in one object",
                only("{\"pool\": 1, \"tasks\": [" + OK_TASK + "], \"pool\": 2}"));
        assertEquals("work.json: line 1, column 71: nested too deeply (more than 64 levels of { and [)",
                only("{\"a\": " + "[".repeat(100)));
        assertEquals("work.json: line 1, column 4: more text after the end of the JSON object", only("{} {}"));
    }

    @Test
    void wrongRootsAndEmptyText() {
        assertEquals("work.json: is empty; expected a JSON object such as {\"tasks\": [...]}", only("  \n "));
        assertEquals("work.json: must be a JSON object such as {\"tasks\": [...]}, got an array", only("[1, 2]"));
        assertEquals("work.json: must be a JSON object such as {\"tasks\": [...]}, got \"tasks\"", only("\"tasks\""));
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnesAndAHint() {
        assertEquals("work.json: tasks[1].colour: unknown field; known: name, kind, ms, n, text, message, times, "
                        + "exitCode, timeoutMs, count",
                only("{\"tasks\": [" + OK_TASK + ", {\"name\": \"a\", \"kind\": \"noop\", \"colour\": \"red\"}]}"));
        assertEquals("work.json: maxtasksperchild: unknown field (did you mean maxTasksPerChild?); known: name, "
                        + "description, mode, pool, chunksize, maxTasksPerChild, initializer, timeoutMs, tasks",
                only("{\"maxtasksperchild\": 2, \"tasks\": [" + OK_TASK + "]}"));
        assertTrue(only("{\"processes\": 2, \"tasks\": [" + OK_TASK + "]}").contains("(did you mean pool?)"));
        assertTrue(only("{\"kind\": \"sleep\", \"tasks\": [" + OK_TASK + "]}")
                .startsWith("work.json: kind: unknown field (it belongs in a task object inside \"tasks\"); known: name,"));
        assertTrue(only("{\"tasks\": [{\"name\": \"a\", \"kind\": \"noop\", \"pool\": 2}]}")
                .startsWith("work.json: tasks[0].pool: unknown field (it belongs at the top level of the scenario); known:"));
        assertTrue(only("{\"tasks\": [{\"name\": \"a\", \"kind\": \"noop\", \"\": 2}]}")
                .startsWith("work.json: tasks[0].\"\": unknown field; known:"));
        assertTrue(only("{\"initializer\": {\"name\": \"i\", \"kind\": \"noop\", \"count\": 2}, \"tasks\": [" + OK_TASK + "]}")
                .startsWith("work.json: initializer.count: unknown field (an initializer runs once in each worker and has no count);"));
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndWhatWasFound() {
        String t = "{\"name\": \"A\", \"kind\": \"sleep\", \"ms\": %s}";
        assertEquals("work.json: tasks[0].ms: must be a whole number, got \"abc\"", only("{\"tasks\": [" + String.format(t, "\"abc\"") + "]}"));
        assertEquals("work.json: tasks[0].ms: must be a whole number, got 1.5", only("{\"tasks\": [" + String.format(t, "1.5") + "]}"));
        assertEquals("work.json: tasks[0].ms: must be a whole number, got NaN", only("{\"tasks\": [" + String.format(t, "NaN") + "]}"));
        assertEquals("work.json: tasks[0].ms: must be a whole number, got true", only("{\"tasks\": [" + String.format(t, "true") + "]}"));
        assertEquals("work.json: tasks[0].ms: must be a whole number, got an array", only("{\"tasks\": [" + String.format(t, "[1]") + "]}"));
        assertEquals("work.json: tasks[0].ms: must be between 0 and 3600000, got 1" + "0".repeat(30),
                only("{\"tasks\": [" + String.format(t, "1" + "0".repeat(30)) + "]}"));
        assertEquals("work.json: pool: must be between 1 and 64, got 99999999999",
                only("{\"pool\": 99999999999, \"tasks\": [" + OK_TASK + "]}"));
        assertEquals("work.json: pool: must be between 1 and 64, got 100000",
                only("{\"pool\": 100000, \"tasks\": [" + OK_TASK + "]}"));
        assertEquals("work.json: mode: must be text in double quotes, got 3", only("{\"mode\": 3, \"tasks\": [" + OK_TASK + "]}"));
        assertEquals("work.json: tasks: must be a list [...] of task objects, got an object", only("{\"tasks\": {}}"));
        assertTrue(only("{\"tasks\": [5]}").startsWith("work.json: tasks[0]: must be a task object such as {"));
    }

    @Test
    void unknownKindAndModeListTheKnownOnes() {
        assertEquals("work.json: tasks[0].kind: unknown kind \"nap\"; known: noop, sleep, spin, square, cube, double, "
                + "print, fail, crash", only("{\"tasks\": [{\"name\": \"a\", \"kind\": \"nap\", \"ms\": 1}]}"));
        assertEquals("work.json: mode: unknown mode \"starmap\"; known: map, imap, imap_unordered, apply_async, process",
                only("{\"mode\": \"starmap\", \"tasks\": [" + OK_TASK + "]}"));
    }

    @Test
    void missingTasksAndMissingTaskFields() {
        assertTrue(only("{\"pool\": 2}").startsWith("work.json: tasks: required: a list of task objects"));
        assertEquals("work.json: tasks: must list at least one task", only("{\"tasks\": []}"));
        assertEquals(List.of("work.json: tasks[0].name: required",
                "work.json: tasks[0].kind: required; one of noop, sleep, spin, square, cube, double, print, fail, crash"),
                problems("{\"tasks\": [{}]}"));
        assertEquals("work.json: tasks[0].ms: required for a sleep task (milliseconds, 0 to 3600000)",
                only("{\"tasks\": [{\"name\": \"a\", \"kind\": \"sleep\"}]}"));
        assertEquals("work.json: tasks[0].n: required for a square task",
                only("{\"tasks\": [{\"name\": \"a\", \"kind\": \"square\"}]}"));
    }

    @Test
    void fieldsThatDoNotApplyToTheKindAreNamed() {
        assertEquals("work.json: tasks[0].n: does not apply to a sleep task",
                only("{\"tasks\": [{\"name\": \"a\", \"kind\": \"sleep\", \"ms\": 1, \"n\": 3}]}"));
        assertEquals("work.json: tasks[0].text: does not apply to a fail task (a fail task's error text is \"message\")",
                only("{\"tasks\": [{\"name\": \"a\", \"kind\": \"fail\", \"text\": \"x\"}]}"));
    }

    @Test
    void countsAreCheckedBeforeAnythingIsExpanded() {
        assertEquals("work.json: tasks[0].count: must be between 1 and 100000, got 1000000000",
                only("{\"tasks\": [{\"name\": \"a\", \"kind\": \"noop\", \"count\": 1000000000}]}"));
        assertEquals("work.json: tasks[0].count: must be between 1 and 100000, got 0",
                only("{\"tasks\": [{\"name\": \"a\", \"kind\": \"noop\", \"count\": 0}]}"));
        assertEquals("work.json: tasks: the tasks and their counts add up to 150000 tasks; at most 100000 are allowed",
                only("{\"tasks\": [{\"name\": \"a\", \"kind\": \"noop\", \"count\": 75000},"
                        + " {\"name\": \"b\", \"kind\": \"noop\", \"count\": 75000}]}"));
        assertEquals("work.json: tasks: at most 64 tasks in process mode, got 65",
                only("{\"mode\": \"process\", \"tasks\": [{\"name\": \"a\", \"kind\": \"noop\", \"count\": 65}]}"));
    }

    @Test
    void aHugeArrayIsRefusedWhileStreaming() {
        StringBuilder sb = new StringBuilder("{\"tasks\": [");
        for (int i = 0; i < 1_000_000; i++) {
            sb.append(i == 0 ? "{}" : ",{}");
        }
        assertEquals("work.json: tasks: more than " + Limits.MAX_TASKS + " entries; a scenario lists at most "
                + Limits.MAX_TASKS + " tasks", only(sb.append("]}").toString()));
    }

    @Test
    void severalProblemsAreReportedTogetherButCapped() {
        StringBuilder sb = new StringBuilder("{\"pool\": -1, \"tasks\": [");
        for (int i = 0; i < 30; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"name\": \"a\", \"kind\": \"sleep\", \"ms\": -").append(i + 1).append("}");
        }
        List<String> p = problems(sb.append("]}").toString());
        assertEquals(Problems.MAX_SHOWN + 1, p.size());
        assertEquals("work.json: pool: must be between 1 and 64, got -1", p.get(0));
        assertEquals("work.json: tasks[0].ms: must be between 0 and 3600000, got -1", p.get(1));
        assertEquals("work.json: ... and 11 more problems", p.get(Problems.MAX_SHOWN));
    }

    @Test
    void oddTextIsEchoedOnOneLineAndShortened() {
        String p = only("{\"tasks\": [{\"name\": \"line\\nbreak\", \"kind\": \"noop\"}]}");
        assertEquals("work.json: tasks[0].name: must be one line without control characters, got \"line\\nbreak\"", p);
        String longKind = "k".repeat(500);
        assertTrue(only("{\"tasks\": [{\"name\": \"a\", \"kind\": \"" + longKind + "\"}]}")
                .contains("unknown kind \"" + "k".repeat(40) + "...\""));
        assertTrue(only("{\"tasks\": [{\"name\": \"a\\ud800\", \"kind\": \"noop\"}]}")
                .startsWith("work.json: tasks[0].name: must be valid Unicode text, got a lone surrogate \\ud800"));
    }
}
