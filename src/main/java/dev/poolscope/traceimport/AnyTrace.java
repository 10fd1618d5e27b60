package dev.poolscope.traceimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens any trace PoolScope can draw: its own trace JSON, Chrome Trace Event JSON (VizTracer,
 * Perfetto, Ray, PoolScope's --chrome-trace) or Dask's task stream. File > Open, {@code ui --open},
 * {@code render --trace} and {@code compare --trace} all come here. A file that cannot be drawn
 * whole is refused with one line "FILE: reason"; nothing is half-drawn.
 */
public final class AnyTrace {
    /**
     * Another tool's trace larger than this is refused before reading: it is read whole, as a
     * tree, and its events would not fit the window's limits anyway. PoolScope's own traces are
     * read as they stream, up to {@link TraceJson#MAX_BYTES}, the most PoolScope writes.
     */
    static final long MAX_FOREIGN_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PEEK = 1 << 16;

    private AnyTrace() {}

    public static RunTrace read(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        }
        if (size > TraceJson.MAX_BYTES) {
            throw new IOException(file + ": " + TraceJson.tooLarge(size));
        }
        if (!foreign(file)) {
            return TraceJson.read(file); // PoolScope's own trace, or a file that is no trace: its reader says which
        }
        if (size > MAX_FOREIGN_BYTES) {
            throw new IOException(String.format(Locale.ROOT, "%s: %.1f MB is more than PoolScope opens of another tool's"
                    + " trace (%d MB): save a shorter part of the run", file, size / 1048576.0, MAX_FOREIGN_BYTES >> 20));
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            return TraceJson.read(file); // the JSON reader's own words for where the syntax breaks
        }
        String name = String.valueOf(file.getFileName()).replaceFirst("(?i)\\.json$", "");
        try {
            if (TaskStreamImport.looksLike(root)) {
                return TaskStreamImport.read(root, name);
            }
            if (root.isArray() || root.has("traceEvents")) {
                return ChromeTraceImport.read(root, name);
            }
        } catch (ImportException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
        return TraceJson.read(file);
    }

    /** Whether the file can be read as some trace (so --open takes a trace as well as a scenario). */
    public static boolean isTrace(Path file) {
        try {
            read(file);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A JSON list, or an object naming traceEvents near its start: another tool's trace. */
    private static boolean foreign(Path file) throws IOException {
        byte[] head = new byte[PEEK];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, PEEK);
        }
        String text = new String(head, 0, n, StandardCharsets.UTF_8);
        String start = text.stripLeading();
        return start.startsWith("[") || text.contains("\"traceEvents\"");
    }
}
