package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tracer (Python) and RunState (Java) agree on the message kinds, and the protocol's document names them all. */
class TracerProtocolTest {
    private static final Pattern SENT = Pattern.compile("_(?:send|line)\\(\"([a-z0-9_]+)\"|\\{\"e\":\"([a-z0-9_]+)\"");

    private static Set<String> javaKinds() {
        return Arrays.stream(TracerMessage.values()).map(m -> m.wire).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void pythonsListOfKindsIsJavas() throws Exception {
        PythonInterpreter python = PythonRuns.python();
        ProcessBuilder pb = new ProcessBuilder(python.executable().toString(), "-c",
                "import poolscope_tracer; print(' '.join(poolscope_tracer.KINDS))");
        pb.environment().put("PYTHONPATH", TracerFiles.dir().toString());
        pb.environment().remove("POOLSCOPE_EVENTS");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(javaKinds(), new TreeSet<>(List.of(out.split(" "))), out);
    }

    @Test
    void everyKindTheTracerSendsIsInItsList() throws Exception {
        Set<String> sent = new TreeSet<>();
        for (String file : TracerFiles.FILES) {
            Matcher m = SENT.matcher(Files.readString(TracerFiles.dir().resolve(file)));
            while (m.find()) {
                sent.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertTrue(sent.size() > 10, sent::toString);
        Set<String> unknown = new TreeSet<>(sent);
        unknown.removeAll(javaKinds());
        assertEquals(Set.of(), unknown, "kinds the tracer sends that TracerMessage does not name");
    }

    @Test
    void theProtocolDocumentDefinesEveryKind() throws Exception {
        String doc = Files.readString(Path.of("docs", "tracer-protocol.md"));
        for (String kind : javaKinds()) {
            assertTrue(doc.contains("### `" + kind + "`"), "docs/tracer-protocol.md has no section for " + kind);
        }
    }
}
