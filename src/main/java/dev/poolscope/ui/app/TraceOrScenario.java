package dev.poolscope.ui.app;

import dev.poolscope.trace.RunTrace;
import dev.poolscope.traceimport.AnyTrace;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Tells a saved trace from a scenario file, for every way the window opens a file ({@code ui
 * --open}, File > Open, Open Recent, a drop). A file that means to be a trace (it says
 * {@code "format": "poolscope-trace"}, or it is another tool's trace) and cannot be read is a
 * damaged trace, and its fault is named as {@code render} names it ({@code tasks[1].endMs:
 * before startMs}); it is not read again as a scenario, which would list every trace field as
 * unknown. Plain Java, no JavaFX: the command line uses it before any window opens.
 */
public final class TraceOrScenario {
    private TraceOrScenario() {}

    /**
     * The trace in {@code file}, or null when the file is no trace (read it as a scenario).
     * @throws IOException with one line "FILE: fault" when it is a trace that cannot be opened
     */
    public static RunTrace traceOrNull(Path file) throws IOException {
        try {
            return AnyTrace.read(file);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            // The trace reader says this when the file has no "format" and is no trace (a scenario);
            // a file that does not parse is a trace only if it says so near its start.
            if (m.contains("not a PoolScope trace") || m.contains("no such file") || !parses(file) && !saysTrace(file)) {
                return null;
            }
            throw e;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean saysTrace(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            String head = new String(in.readNBytes(1 << 16), java.nio.charset.StandardCharsets.UTF_8);
            return head.contains("\"" + dev.poolscope.trace.TraceJson.FORMAT + "\"") || head.contains("\"traceEvents\"");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean parses(Path file) {
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
