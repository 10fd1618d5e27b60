package dev.poolscope.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two ways of meeting a problem: a scenario hears of every one, a trace stops at the first. */
class FieldsTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void collectingNotesEveryProblemAndReadsNull() throws Exception {
        List<String> seen = new ArrayList<>();
        Fields f = new Fields(json("{\"ms\": \"5\", \"name\": 7, \"bogus\": 1}"), "tasks[2]", (p, r) -> seen.add(p + ": " + r));
        f.rejectUnknown(List.of("ms", "name"), field -> "");
        assertNull(f.wholeLong("ms", 0, 10));
        assertNull(f.text("name"));
        assertEquals(List.of("tasks[2].bogus: unknown field; known: ms, name",
                "tasks[2].ms: must be a whole number, got \"5\"",
                "tasks[2].name: must be text in double quotes, got 7"), seen);
    }

    @Test
    void firstProblemStopsWithTheFieldAndTheReason() throws Exception {
        Fields f = new Fields(json("{\"ms\": \"5\", \"name\": 7}"), "tasks[2]");
        assertEquals("tasks[2].ms: must be a whole number, got \"5\"",
                assertThrows(Fields.Bad.class, () -> f.wholeLong("ms", 0, 10)).getMessage());
        assertEquals("tasks[2].name: expected a string, got the number 7",
                assertThrows(Fields.Bad.class, () -> f.string("name")).getMessage());
    }
}
