package dev.poolscope.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.engine.Limits;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds thousands of broken and extreme scenario texts to the parser. Each must give either a
 * scenario within the documented limits or a ScenarioException whose lines a user can read:
 * one short line each, starting with the source, free of exception and library class names.
 * Anything else thrown fails the test and prints the input that caused it.
 */
class ScenarioFuzzTest {
    private static final String SOURCE = "fuzz.json";
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final String[] FORBIDDEN = {"Exception", "at com.", "at dev.", "at java.", "jackson", "Jackson",
        "JsonParser", "JsonToken", "JsonNode", "StreamRead", "JsonReadFeature", "fasterxml", "\tat "};

    @Test
    void malformedAndExtremeScenariosGiveAScenarioWithinLimitsOrClearMessages() throws IOException {
        List<String> inputs = new ArrayList<>(Extremes.all());
        Mutator mutator = new Mutator(new Random(0x5EED_2024L), seeds());
        while (inputs.size() < 2_400) {
            inputs.add(mutator.next());
        }
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            try {
                checkWithinLimits(ScenarioFiles.parse(input, SOURCE), i, input);
                accepted++;
            } catch (ScenarioException e) {
                checkReadable(e, i, input);
                rejected++;
            } catch (Throwable t) {
                fail("case " + i + " threw " + t + " for input: " + shown(input), t);
            }
        }
        assertTrue(inputs.size() >= 2_000, "at least 2,000 cases");
        // Both outcomes must be well exercised, or the mutations are too tame or too wild.
        assertTrue(accepted > 100, "accepted " + accepted);
        assertTrue(rejected > 1_000, "rejected " + rejected);
    }

    private static void checkWithinLimits(Scenario s, int i, String input) {
        RunConfig c = s.config();
        String at = "case " + i + " accepted out of limits: " + shown(input);
        assertTrue(c.pool() >= 1 && c.pool() <= Limits.MAX_POOL, at);
        int max = c.mode() == Mode.PROCESS ? Limits.MAX_PROCESS_TASKS : Limits.MAX_TASKS;
        assertTrue(!c.tasks().isEmpty() && c.tasks().size() <= max, at);
        assertTrue(c.chunksize() == null || c.chunksize() >= 1 && c.chunksize() <= Limits.MAX_CHUNKSIZE, at);
        assertTrue(s.name().length() <= Limits.MAX_NAME_LENGTH && !s.name().isBlank(), at);
        for (TaskSpec t : c.tasks()) {
            assertTrue(t.ms() >= 0 && t.ms() <= Limits.MAX_MS, at);
            assertTrue(!t.name().isBlank() && t.name().length() <= Limits.MAX_NAME_LENGTH, at);
            assertTrue(t.times() >= 1 && t.times() <= Limits.MAX_TIMES, at);
            assertTrue(t.text() == null || t.text().length() <= Limits.MAX_TEXT_LENGTH, at);
        }
    }

    private static void checkReadable(ScenarioException e, int i, String input) {
        assertTrue(!e.problems().isEmpty() && e.problems().size() <= Problems.MAX_SHOWN + 1, "case " + i);
        for (String p : e.problems()) {
            String at = "case " + i + " gave " + p + " for input: " + shown(input);
            assertTrue(p.startsWith(SOURCE + ": "), at);
            assertTrue(p.length() < 500, at);
            assertTrue(p.chars().noneMatch(ch -> ch == '\n' || ch == '\r' || ch == 0x2028 || ch == 0x2029), at);
            for (String word : FORBIDDEN) {
                assertTrue(!p.contains(word), "'" + word + "' in " + at);
            }
        }
    }

    private static String shown(String input) {
        String s = input.length() > 600 ? input.substring(0, 600) + "... (" + input.length() + " chars)" : input;
        return s.replace("\n", "\\n");
    }

    /** The built-in lessons and one scenario that uses every field: the valid starting points. */
    private static List<String> seeds() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (LessonInfo info : Lessons.all()) {
            try (InputStream in = Lessons.class.getResourceAsStream("/dev/poolscope/scenario/lessons/" + info.name() + ".json")) {
                seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        seeds.add("{\"name\": \"all\", \"description\": \"every field\", \"mode\": \"imap\", \"pool\": 3, \"chunksize\": 2,"
                + " \"maxTasksPerChild\": 2, \"timeoutMs\": 5000,"
                + " \"initializer\": {\"name\": \"init\", \"kind\": \"print\", \"text\": \"hello {pid}\", \"times\": 2},"
                + " \"tasks\": [{\"name\": \"p\", \"kind\": \"print\", \"text\": \"{name} {n}\", \"n\": 1, \"count\": 3},"
                + " {\"name\": \"f\", \"kind\": \"fail\", \"message\": \"no\", \"ms\": 10},"
                + " {\"name\": \"c\", \"kind\": \"crash\", \"exitCode\": 3, \"timeoutMs\": 100},"
                + " {\"name\": \"s\", \"kind\": \"spin\", \"ms\": 20}, {\"name\": \"z\", \"kind\": \"noop\"}]}");
        for (String s : seeds) {
            try {
                PLAIN.readTree(s);
            } catch (IOException e) {
                throw new AssertionError("seed is not JSON: " + s, e);
            }
        }
        return seeds;
    }

    static JsonNode tree(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
