package dev.poolscope.trace;

import dev.poolscope.files.AtomicFile;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Exports a trace as Chrome Trace Event JSON, which chrome://tracing and ui.perfetto.dev open.
 * Each worker process is a trace "process" (pid = its OS pid, named "slot N (pid P)") with one
 * thread whose tid is its slot, so a recycled slot shows as several processes sorted together.
 * <ul>
 * <li>one "X" (complete) event per task that has both a start and an end, cat "task",
 *     ts/dur in microseconds since the run started, args: index, chunk, status, result, error;</li>
 * <li>one "X" event per initializer run, cat "initializer";</li>
 * <li>"M" metadata: process_name, process_sort_index and thread_name per worker;</li>
 * <li>one "i" (instant, process-scoped) event per worker exit, cat "worker", named
 *     "exit: KIND", args: exitCode, signal, detail;</li>
 * <li>the OS samples as a "C" (counter) track per process, cat "os", named "CPU %", args: cpu
 *     (percent of one core) and rssMB, so Perfetto draws each worker's CPU under its tasks.</li>
 * </ul>
 * Workers that never got a process (pid -1) have nothing to show and are left out.
 */
public final class ChromeTrace {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ChromeTrace() {}

    public static void write(RunTrace t, Path file) throws IOException {
        AtomicFile.write(file, out -> write(t, out));
    }

    private static void write(RunTrace t, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("traceEvents");
            for (WorkerRecord w : t.workers()) {
                if (w.pid() >= 0) {
                    writeWorker(g, w);
                }
            }
            for (TaskRecord task : t.tasks()) {
                if (task.startMs() != null && task.endMs() != null && task.pid() >= 0) {
                    writeTask(g, task);
                }
            }
            g.writeEndArray();
            g.writeStringField("displayTimeUnit", "ms");
            g.writeObjectFieldStart("otherData");
            g.writeStringField("scenario", t.scenario());
            g.writeStringField("mode", t.mode());
            g.writeNumberField("pool", t.pool());
            g.writeNumberField("chunksize", t.chunksize());
            g.writeNumberField("makespanMs", Ms.round3(t.makespanMs()));
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeWorker(JsonGenerator g, WorkerRecord w) throws IOException {
        metadata(g, "process_name", w, "name", "slot " + w.slot() + " (pid " + w.pid() + ")");
        // Sort by slot, then by generation, so a slot's processes sit together in spawn order.
        metadata(g, "process_sort_index", w, "sort_index", null);
        metadata(g, "thread_name", w, "name", "slot " + w.slot());
        if (w.initStartMs() != null && w.initEndMs() != null) {
            begin(g, "initializer", "initializer", "X", w.initStartMs(), w.pid(), w.slot());
            g.writeNumberField("dur", micros(w.initEndMs() - w.initStartMs()));
            g.writeObjectFieldStart("args");
            g.writeStringField("error", w.initError());
            g.writeEndObject();
            g.writeEndObject();
        }
        for (OsSample s : w.samples()) {
            begin(g, "CPU %", "os", "C", s.atMs(), w.pid(), w.slot());
            g.writeObjectFieldStart("args");
            g.writeNumberField("cpu", Math.round(s.cpuPct() * 10) / 10.0);
            if (s.rssKb() >= 0) {
                g.writeNumberField("rssMB", Math.round(s.rssKb() / 102.4) / 10.0);
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        if (w.exit() != null && w.exitMs() != null) {
            begin(g, "exit: " + w.exit(), "worker", "i", w.exitMs(), w.pid(), w.slot());
            g.writeStringField("s", "p");
            g.writeObjectFieldStart("args");
            writeInt(g, "exitCode", w.exitCode());
            writeInt(g, "signal", w.signal());
            g.writeStringField("detail", w.detail());
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void metadata(JsonGenerator g, String name, WorkerRecord w, String arg, String value)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("ph", "M");
        g.writeNumberField("pid", w.pid());
        g.writeNumberField("tid", w.slot());
        g.writeObjectFieldStart("args");
        if (value != null) {
            g.writeStringField(arg, value);
        } else {
            g.writeNumberField(arg, (long) w.slot() * 10_000 + w.generation());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeTask(JsonGenerator g, TaskRecord t) throws IOException {
        begin(g, t.name(), "task", "X", t.startMs(), t.pid(), t.slot());
        g.writeNumberField("dur", micros(t.durationMs()));
        g.writeObjectFieldStart("args");
        g.writeNumberField("index", t.index());
        g.writeNumberField("chunk", t.chunk());
        g.writeStringField("status", t.status());
        g.writeStringField("result", t.result());
        g.writeStringField("error", t.error());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Opens an event object with the fields every event has; the caller adds the rest and closes it. */
    private static void begin(JsonGenerator g, String name, String cat, String ph, double atMs, long pid, int tid)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("cat", cat);
        g.writeStringField("ph", ph);
        g.writeNumberField("ts", micros(atMs));
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
    }

    /** Trace Event times are microseconds; our ms have 3 decimals, so this is exact. */
    private static long micros(double ms) {
        return Double.isFinite(ms) ? Math.max(0, Math.round(ms * 1000.0)) : 0;
    }

    private static void writeInt(JsonGenerator g, String field, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value.intValue());
        }
    }
}
