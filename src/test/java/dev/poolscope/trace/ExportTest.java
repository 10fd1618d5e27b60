package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Chrome Trace Event and CSV exports. */
class ExportTest {
    @TempDir
    Path dir;

    @Test
    void chromeTraceHasOneCompleteEventPerFinishedTask() throws Exception {
        for (RunTrace t : List.of(RealRuns.basic(), RealRuns.recycled(), Events.example())) {
            Path file = dir.resolve("chrome.json");
            ChromeTrace.write(t, file);
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            JsonNode events = root.get("traceEvents");
            List<JsonNode> tasks = new ArrayList<>();
            int names = 0;
            int exits = 0;
            for (JsonNode e : events) {
                String ph = e.get("ph").asText();
                if (ph.equals("X") && e.get("cat").asText().equals("task")) {
                    tasks.add(e);
                } else if (ph.equals("M") && e.get("name").asText().equals("process_name")) {
                    names++;
                } else if (ph.equals("i")) {
                    exits++;
                }
            }
            long finished = t.tasks().stream().filter(x -> x.endMs() != null).count();
            assertEquals(finished, tasks.size());
            assertEquals(t.workers().size(), names, "a process_name per worker process");
            assertEquals(t.workers().stream().filter(w -> w.exit() != null).count(), exits);
            for (JsonNode e : tasks) {
                TaskRecord task = t.tasks().get(e.get("args").get("index").asInt());
                assertEquals(task.name(), e.get("name").asText());
                assertEquals(task.pid(), e.get("pid").asLong());
                assertEquals(task.slot(), e.get("tid").asInt());
                assertEquals(Math.round(task.startMs() * 1000), e.get("ts").asLong(), "microseconds");
                assertEquals(Math.round(task.durationMs() * 1000), e.get("dur").asLong(), 1);
            }
        }
    }

    @Test
    void csvHasAHeaderAndOneRowPerTaskWithEscapedFields() throws Exception {
        RunConfig config = RunConfig.builder().pool(1).chunksize(1)
                .task(TaskSpec.of("plain", TaskKind.SLEEP, 1))
                .task(TaskSpec.of("say \"hi\", world", TaskKind.SLEEP, 1))
                .task(TaskSpec.of("two\nlines", TaskKind.SLEEP, 1))
                .build();
        Events e = new Events().spawn(0, 0, 5, 0).start(1, 0, 0, 5).ok(2.5, 0, 0, 5)
                .start(3, 1, 0, 5).finish(4, 1, 0, 5, dev.poolscope.engine.TaskStatus.FAILED, null, "bad, \"very\"");
        RunTrace t = TraceBuilder.of("csv", config, e.list);
        Path file = dir.resolve("t.csv");
        TraceCsv.write(t, file);
        String text = Files.readString(file);
        List<List<String>> rows = parseCsv(text);
        assertEquals(4, rows.size(), text);
        assertEquals(List.of(TraceCsv.HEADER.split(",")), rows.get(0));
        rows.forEach(r -> assertEquals(14, r.size(), r.toString()));
        assertEquals(List.of("0", "plain", "sleep", "0", "0", "5", "1.000", "2.500", "1.500", "ok", "", "", "0", "false"),
                rows.get(1));
        assertEquals("say \"hi\", world", rows.get(2).get(1));
        assertEquals("bad, \"very\"", rows.get(2).get(11));
        assertTrue(text.contains("\"say \"\"hi\"\", world\""), text);
        assertEquals("two\nlines", rows.get(3).get(1));
        assertEquals(List.of("", "", "", "", ""), rows.get(3).subList(4, 9), "never started: no slot, pid or times");

        TraceCsv.write(RealRuns.basic(), file);
        assertEquals(RealRuns.basic().tasks().size() + 1, parseCsv(Files.readString(file)).size());
    }

    /** A strict RFC 4180 reader, so the test does not trust the writer's own idea of quoting. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, field.length(), "a quote only opens a field");
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        assertEquals(0, field.length() + row.size(), "the file ends with a line break");
        return rows;
    }
}
