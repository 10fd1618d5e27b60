package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ui --open} of a damaged trace names its fault as {@code render --trace} does
 * ({@code tasks[1].endMs: before startMs}), in one line and exit 2, before any window opens;
 * it is not read as a scenario, which listed every trace field as "unknown field" (issue 19,
 * defect 10). A scenario with a mistake is still told in the scenario's words.
 */
class UiOpenDamagedTraceTest extends InProcessCliTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedTraceIsNamedAsRenderNamesIt() throws Exception {
        Path good = dir.resolve("good.json");
        assertEquals(0, poolscope("run", "--lesson", "doubling", "--trace", good.toString()), err);
        ObjectMapper json = new ObjectMapper();
        ObjectNode trace = (ObjectNode) json.readTree(good.toFile());
        ObjectNode task = (ObjectNode) trace.get("tasks").get(1);
        task.put("endMs", task.get("startMs").asDouble() - 5);
        Path damaged = dir.resolve("damaged.json");
        json.writeValue(damaged.toFile(), trace);

        assertEquals(2, poolscope("render", "--trace", damaged.toString(), "--out", dir.resolve("x.png").toString()));
        String rendered = err.strip();
        assertTrue(rendered.endsWith("tasks[1].endMs: before startMs"), rendered);

        assertEquals(2, poolscope("ui", "--open", damaged.toString()), err);
        String opened = err.strip();
        assertFalse(opened.contains("unknown field"), "read as a trace, not as a scenario: " + opened);
        assertEquals(1, opened.lines().count(), "one line: " + opened);
        assertEquals(rendered.replace("poolscope render:", "poolscope ui:"), opened, "the same words as render's");
    }

    @Test
    void aScenarioWithAMistakeIsStillToldAsAScenario() throws Exception {
        Path scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, "{\"name\": \"s\", \"tasks\": [{\"name\": \"A\", \"kind\": \"sleep\", \"ms\": -5}]}");
        assertEquals(2, poolscope("ui", "--open", scenario.toString()), err);
        assertTrue(err.contains("tasks[0].ms"), err);
        assertFalse(err.contains("PoolScope trace"), err);
    }
}
