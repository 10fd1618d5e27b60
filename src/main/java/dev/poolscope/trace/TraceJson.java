package dev.poolscope.trace;

import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunInfo;
import dev.poolscope.files.AtomicFile;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves and reads PoolScope's trace format (docs/trace-format.md). Version 2 keeps the run's
 * recorded events ("events") beside the summary fields derived from them; version-1 files
 * (summary only) still open.
 * The summary is written field by field rather than by reflection so the documented field
 * names and order cannot drift with the records, its times are rounded to 0.001 ms, and no NaN
 * or Infinity can slip into the file. The events follow the RunEvent records ({@link EventCodec}),
 * with times in whole ns; EventCodecTest keeps their documentation in step.
 * {@link #read} accepts exactly what {@link #write} writes.
 */
public final class TraceJson {
    /** The value of the "format" field; a file with another format is refused. */
    public static final String FORMAT = "poolscope-trace";
    /** The version written; files with a higher version are refused. */
    public static final int VERSION = 2;

    private static final JsonFactory FACTORY = new JsonFactory();

    private TraceJson() {}

    public static void write(RunTrace t, Path file) throws IOException {
        AtomicFile.write(file, out -> write(t, null, out));
    }

    /**
     * What a trace cannot know from its run's info: "mainPid" (the PID of a program's main
     * process, written after the info), and "engine" for a trace that has no
     * {@link RunTrace#info()}. Reading ignores mainPid.
     */
    public record Origin(String engine, Long mainPid) {}

    public static void write(RunTrace t, Origin origin, Path file) throws IOException {
        AtomicFile.write(file, out -> write(t, origin, out));
    }

    public static String toJson(RunTrace t) {
        StringWriter out = new StringWriter();
        try {
            write(t, null, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Reads a trace file. A file that is not valid JSON, or lacks a field, or has a field of
     * the wrong type or out of range, gives an IOException with one line: "FILE: field: reason".
     */
    public static RunTrace read(Path file) throws IOException {
        return TraceJsonReader.read(file);
    }

    private static void write(RunTrace t, Origin origin, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            RunInfo info = t.info();
            if (info != null || origin != null) {
                g.writeStringField("engine", info != null ? info.engine() : origin.engine());
            }
            if (info != null && info.program() != null) {
                g.writeStringField("program", info.program());
            }
            if (info != null && info.interpreter() != null) {
                g.writeStringField("interpreter", info.interpreter());
            }
            if (origin != null && origin.mainPid() != null) {
                g.writeNumberField("mainPid", origin.mainPid());
            }
            g.writeStringField("scenario", t.scenario());
            g.writeStringField("mode", t.mode());
            g.writeNumberField("pool", t.pool());
            g.writeNumberField("chunksize", t.chunksize());
            writeInt(g, "maxTasksPerChild", t.maxTasksPerChild());
            g.writeBooleanField("stopped", t.stopped());
            g.writeBooleanField("finished", t.finished());
            g.writeNumberField("makespanMs", Ms.round3(t.makespanMs()));
            writeStats(g, t.stats());
            g.writeArrayFieldStart("workers");
            for (WorkerRecord w : t.workers()) {
                writeWorker(g, w);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tasks");
            for (TaskRecord task : t.tasks()) {
                writeTask(g, task);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("deliveryOrder");
            for (int index : t.deliveryOrder()) {
                g.writeNumber(index);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("output");
            for (OutputRecord o : t.output()) {
                g.writeStartObject();
                g.writeNumberField("atMs", Ms.round3(o.atMs()));
                g.writeNumberField("index", o.index());
                g.writeNumberField("slot", o.slot());
                g.writeNumberField("pid", o.pid());
                g.writeStringField("text", o.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            writeEvents(g, t.events());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void nullable(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, Ms.round6(value));
        }
    }

    private static void writeStats(JsonGenerator g, Stats s) throws IOException {
        g.writeObjectFieldStart("stats");
        g.writeNumberField("makespanMs", Ms.round3(s.makespanMs()));
        g.writeNumberField("totalBusyMs", Ms.round3(s.totalBusyMs()));
        g.writeNumberField("concurrency", Ms.round6(s.concurrency()));
        nullable(g, "cpuCores", s.cpuCores());
        // Speedup only against a measured baseline, which is named beside it; otherwise null.
        nullable(g, "speedup", s.speedup());
        nullable(g, "efficiency", s.efficiency());
        nullable(g, "baselineMakespanMs", s.baselineMakespanMs());
        g.writeNumberField("lowerBoundMs", Ms.round3(s.lowerBoundMs()));
        g.writeNumberField("longestTaskMs", Ms.round3(s.longestTaskMs()));
        g.writeArrayFieldStart("slots");
        for (SlotStats slot : s.slots()) {
            g.writeStartObject();
            g.writeNumberField("slot", slot.slot());
            g.writeNumberField("busyMs", Ms.round3(slot.busyMs()));
            g.writeNumberField("utilization", Ms.round6(slot.utilization()));
            if (slot.cpuUtilization() != null) {
                g.writeNumberField("cpuUtilization", Ms.round6(slot.cpuUtilization()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (s.machineCpus() > 0) {
            g.writeNumberField("machineCpus", s.machineCpus());
        }
        if (s.machineLoad1() >= 0) {
            g.writeNumberField("machineLoad1", Ms.round3(s.machineLoad1()));
        }
        g.writeEndObject();
    }

    private static void writeWorker(JsonGenerator g, WorkerRecord w) throws IOException {
        g.writeStartObject();
        g.writeNumberField("slot", w.slot());
        writeLane(g, w.lane());
        if (w.pid() < 0) {
            g.writeNullField("pid"); // not known to be an OS PID (never started, an imported lane)
        } else {
            g.writeNumberField("pid", w.pid());
        }
        g.writeNumberField("generation", w.generation());
        g.writeNumberField("spawnMs", Ms.round3(w.spawnMs()));
        writeMs(g, "readyMs", w.readyMs());
        writeMs(g, "exitMs", w.exitMs());
        g.writeStringField("exit", w.exit());
        writeInt(g, "exitCode", w.exitCode());
        writeInt(g, "signal", w.signal());
        g.writeStringField("detail", w.detail());
        writeMs(g, "initStartMs", w.initStartMs());
        writeMs(g, "initEndMs", w.initEndMs());
        g.writeStringField("initError", w.initError());
        if (!w.samples().isEmpty()) {
            writeSamples(g, w.samples());
        }
        g.writeEndObject();
    }

    /**
     * The recorded events, one compact object a line (a run has tens of thousands: spread over
     * seven lines each, as the pretty printer would, they would make the file hard to read).
     */
    private static void writeEvents(JsonGenerator g, List<RunEvent> events) throws IOException {
        PrettyPrinter pretty = g.getPrettyPrinter();
        g.writeFieldName("events");
        g.setPrettyPrinter(ONE_EVENT_A_LINE);
        g.writeStartArray();
        for (RunEvent e : events) {
            EventCodec.write(g, e);
        }
        g.writeEndArray();
        g.setPrettyPrinter(pretty);
    }

    /** Compact objects, each array element on a line of its own. */
    private static final PrettyPrinter ONE_EVENT_A_LINE = new MinimalPrettyPrinter() {
        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(values > 0 ? "\n]" : "]");
        }
    };

    /** The lane model: "kind", then "tid" (threads only), "name" and "host" where known. */
    static void writeLane(JsonGenerator g, Lane lane) throws IOException {
        g.writeStringField("kind", lane.kind().id());
        if (lane.tid() != null) {
            g.writeNumberField("tid", lane.tid());
        }
        if (lane.name() != null) {
            g.writeStringField("name", lane.name());
        }
        if (lane.host() != null) {
            g.writeStringField("host", lane.host());
        }
    }

    /** The OS samples of a worker, one short object per line's worth: atMs, cpuPct, state, rssKb, cpuMs. */
    private static void writeSamples(JsonGenerator g, List<OsSample> samples) throws IOException {
        g.writeArrayFieldStart("samples");
        for (OsSample s : samples) {
            g.writeStartObject();
            g.writeNumberField("atMs", Ms.round3(s.atMs()));
            g.writeNumberField("cpuPct", Math.round(s.cpuPct() * 10) / 10.0);
            g.writeStringField("state", String.valueOf(s.state()));
            g.writeNumberField("rssKb", s.rssKb());
            g.writeNumberField("cpuMs", Ms.round3(s.cpuMs()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeTask(JsonGenerator g, TaskRecord t) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", t.index());
        g.writeStringField("name", t.name());
        g.writeStringField("kind", t.kind());
        g.writeNumberField("chunk", t.chunk());
        g.writeNumberField("slot", t.slot());
        g.writeNumberField("pid", t.pid());
        writeMs(g, "startMs", t.startMs());
        writeMs(g, "endMs", t.endMs());
        g.writeStringField("status", t.status());
        g.writeStringField("result", t.result());
        g.writeStringField("error", t.error());
        writeStrings(g, "output", t.output());
        g.writeBooleanField("outputTruncated", t.outputTruncated());
        g.writeEndObject();
    }

    private static void writeMs(JsonGenerator g, String field, Double ms) throws IOException {
        if (ms == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, Ms.round3(ms.doubleValue()));
        }
    }

    private static void writeInt(JsonGenerator g, String field, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value.intValue());
        }
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
