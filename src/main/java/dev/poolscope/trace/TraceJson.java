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
    public static final int VERSION = 3;

    /**
     * The largest trace file PoolScope reads, and so the most it writes: {@link #write} leaves
     * out what does not fit (the recorded events first, then tasks from the end) and says so in
     * the file ("eventsLeftOut", "tasksLeftOut") and in what it returns. The reader refuses a
     * larger file before reading it, so a damaged file cannot make it allocate without end. A
     * run of 200,000 tasks writes about 76 MB.
     */
    public static final long MAX_BYTES = 256L << 20;

    private static final JsonFactory FACTORY = new JsonFactory();

    private TraceJson() {}

    /** What a write put in the file: its size, and what it left out to stay within {@link #MAX_BYTES}. */
    public record Written(long bytes, int eventsLeftOut, int tasksLeftOut) {
        /** Whether the file holds the whole trace. */
        public boolean whole() {
            return eventsLeftOut == 0 && tasksLeftOut == 0;
        }

        /** What was left out, in words ("" when nothing was). */
        public String leftOut() {
            if (whole()) {
                return "";
            }
            String what = tasksLeftOut > 0
                    ? String.format(java.util.Locale.ROOT, "the run's %,d recorded events and its last %,d tasks", eventsLeftOut,
                    tasksLeftOut)
                    : String.format(java.util.Locale.ROOT, "the run's %,d recorded events", eventsLeftOut);
            return "the trace leaves out " + what + ": all of it would pass the " + (MAX_BYTES >> 20)
                    + " MB PoolScope opens (a replay of it is rebuilt from its summary)";
        }
    }

    /** "X MB is more than PoolScope opens": the reader's words for a file over {@link #MAX_BYTES}. */
    public static String tooLarge(long size) {
        return String.format(java.util.Locale.ROOT, "%.1f MB is more than PoolScope opens (%d MB): save a shorter part of"
                + " the run", size / 1048576.0, MAX_BYTES >> 20);
    }

    public static Written write(RunTrace t, Path file) throws IOException {
        return write(t, null, file, MAX_BYTES);
    }

    /**
     * What a trace cannot know from its run's info: "mainPid" (the PID of a program's main
     * process, written after the info), and "engine" for a trace that has no
     * {@link RunTrace#info()}. Reading ignores mainPid.
     */
    public record Origin(String engine, Long mainPid) {}

    public static Written write(RunTrace t, Origin origin, Path file) throws IOException {
        return write(t, origin, file, MAX_BYTES);
    }

    /** Writes at most {@code maxBytes}: what does not fit is left out (events first, then tasks from the end). */
    static Written write(RunTrace t, Origin origin, Path file, long maxBytes) throws IOException {
        RunTrace kept = t;
        int tasksKept = t.tasks().size();
        while (true) {
            int eventsLeftOut = t.events().size() - kept.events().size();
            int tasksLeftOut = t.tasks().size() - kept.tasks().size();
            RunTrace attempt = kept;
            long[] size = new long[1];
            try {
                AtomicFile.write(file, out -> {
                    Capped capped = new Capped(out, maxBytes);
                    write(attempt, origin, eventsLeftOut, tasksLeftOut, capped);
                    size[0] = capped.bytes;
                });
                return new Written(size[0], eventsLeftOut, tasksLeftOut);
            } catch (TooLarge e) {
                if (kept.recorded()) {
                    kept = withoutEvents(kept);
                } else if (tasksKept > 0) {
                    tasksKept /= 2;
                    kept = firstTasks(kept, tasksKept);
                } else {
                    throw new IOException("the trace would pass " + (maxBytes >> 20) + " MB even without tasks");
                }
            }
        }
    }

    /** The summary alone: its lines and delivery order in the summary again, as in a trace without events. */
    private static RunTrace withoutEvents(RunTrace t) {
        return new RunTrace(t.scenario(), t.mode(), t.pool(), t.chunksize(), t.maxTasksPerChild(), t.stopped(),
                t.finished(), t.makespanMs(), t.workers(), t.tasks(), t.deliveryOrder(), t.output(), t.stats(), t.info(),
                List.of());
    }

    /**
     * The first {@code n} tasks, and the delivery and lines of those (the statistics stay the whole
     * run's). In process mode a lane is a task's, so the lanes of the tasks left out go too.
     */
    private static RunTrace firstTasks(RunTrace t, int n) {
        List<WorkerRecord> workers = "process".equals(t.mode())
                ? t.workers().stream().filter(w -> w.slot() < n).toList() : t.workers();
        return new RunTrace(t.scenario(), t.mode(), t.pool(), t.chunksize(), t.maxTasksPerChild(), t.stopped(),
                t.finished(), t.makespanMs(), workers, t.tasks().subList(0, n),
                t.deliveryOrder().stream().filter(i -> i < n).toList(),
                t.output().stream().filter(o -> o.index() < n).toList(), t.stats(), t.info(), List.of());
    }

    /** Thrown by {@link Capped} once a file would pass its limit. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }

    /** A writer that counts the UTF-8 bytes written and fails once they pass {@code max}. */
    private static final class Capped extends Writer {
        private final Writer out;
        private final long max;
        long bytes;

        Capped(Writer out, long max) {
            this.out = out;
            this.max = max;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                char c = cbuf[i];
                bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
            if (bytes > max) {
                throw new TooLarge();
            }
            out.write(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                char c = str.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
            if (bytes > max) {
                throw new TooLarge();
            }
            out.write(str, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    public static String toJson(RunTrace t) {
        StringWriter out = new StringWriter();
        try {
            write(t, null, 0, 0, out);
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

    private static void write(RunTrace t, Origin origin, int eventsLeftOut, int tasksLeftOut, Writer out)
            throws IOException {
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
            if (eventsLeftOut > 0) {
                g.writeNumberField("eventsLeftOut", eventsLeftOut);
            }
            if (tasksLeftOut > 0) {
                g.writeNumberField("tasksLeftOut", tasksLeftOut);
            }
            g.writeNumberField("makespanMs", Ms.round3(t.makespanMs()));
            writeStats(g, t.stats());
            g.writeArrayFieldStart("workers");
            for (WorkerRecord w : t.workers()) {
                writeWorker(g, w);
            }
            g.writeEndArray();
            // Version 3 says each fact once. A task's output and the run's lines are their
            // OutputLine events, and the delivery order is that of the ResultDelivered events: each is
            // left out where it is what the events say (and read back from them).
            // A trace without events (the summary alone) has all of them.
            PrintedLines printed = t.recorded() ? PrintedLines.of(t.events(), t.tasks().size()) : null;
            oneALine(g, "tasks", t.tasks(), (gen, task) -> writeTask(gen, task, printed));
            if (!t.recorded() || !t.deliveryOrder().equals(deliveryOrder(t.events(), t.tasks().size()))) {
                g.writeArrayFieldStart("deliveryOrder");
                for (int index : t.deliveryOrder()) {
                    g.writeNumber(index);
                }
                g.writeEndArray();
            }
            if (printed == null || !t.output().equals(printed.run())) {
                oneALine(g, "output", t.output(), TraceJson::writeOutput);
            }
            // Each event leaves out what its task says and a time the event before said.
            // Each event leaves out what its task says, a time the event before said, and a worker's
            // badge change that comes with a task's start or end (said with the task's event).
            EventCodec.Context context = new EventCodec.Context(t.tasks());
            List<RunEvent> events = t.events();
            PrettyPrinter pretty = g.getPrettyPrinter();
            g.writeFieldName("events");
            g.setPrettyPrinter(ONE_EVENT_A_LINE);
            g.writeStartArray();
            for (int i = 0; i < events.size(); i++) {
                RunEvent e = events.get(i);
                String badge = i + 1 < events.size() ? EventCodec.badge(e, events.get(i + 1)) : null;
                if (EventCodec.BUSY.equals(badge)) {
                    EventCodec.write(g, events.get(++i), context, badge); // the TaskStarted, with the busy badge before it
                } else if (EventCodec.IDLE.equals(badge)) {
                    EventCodec.write(g, e, context, badge); // the TaskFinished, with the idle badge after it
                    i++;
                } else {
                    EventCodec.write(g, e, context);
                }
            }
            g.writeEndArray();
            g.setPrettyPrinter(pretty);
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

    private interface Item<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    /**
     * A long list, one compact object a line (a run has tens of thousands of tasks and events:
     * spread over seven lines each, as the pretty printer would, they would make the file long
     * and hard to read).
     */
    private static <T> void oneALine(JsonGenerator g, String field, List<T> items, Item<T> item) throws IOException {
        PrettyPrinter pretty = g.getPrettyPrinter();
        g.writeFieldName(field);
        g.setPrettyPrinter(ONE_EVENT_A_LINE);
        g.writeStartArray();
        for (T t : items) {
            item.write(g, t);
        }
        g.writeEndArray();
        g.setPrettyPrinter(pretty);
    }

    /** The task indexes in the order the ResultDelivered events name them, as {@link TraceBuilder} keeps them. */
    static List<Integer> deliveryOrder(List<RunEvent> events, int tasks) {
        List<Integer> order = new java.util.ArrayList<>();
        for (RunEvent e : events) {
            if (e instanceof RunEvent.ResultDelivered d && d.index() >= 0 && d.index() < tasks) {
                order.add(d.index());
            }
        }
        return order;
    }

    private static void writeOutput(JsonGenerator g, OutputRecord o) throws IOException {
        g.writeStartObject();
        g.writeNumberField("atMs", Ms.round3(o.atMs()));
        g.writeNumberField("index", o.index());
        g.writeNumberField("slot", o.slot());
        g.writeNumberField("pid", o.pid());
        g.writeStringField("text", o.text());
        g.writeEndObject();
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
            g.writeStringField("name", name(lane.name()));
        }
        if (lane.host() != null) {
            g.writeStringField("host", name(lane.host()));
        }
    }

    /**
     * A name as a trace holds it: one line without control or text-direction characters, which
     * the reader refuses (they could make a name on screen or in a terminal say something else).
     * A program may still name a thread "a\nb": each such character is written as its escape
     * (\n, \t, \u202E), so the file opens and shows what the name was.
     */
    static String name(String s) {
        if (s.codePoints().noneMatch(TerminalText::isUnsafe)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(c -> {
            if (!TerminalText.isUnsafe(c)) {
                out.appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            }
        });
        return out.toString();
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

    /** A task; its output and outputTruncated are left out where its OutputLine events say them ({@code printed}, null: no events). */
    private static void writeTask(JsonGenerator g, TaskRecord t, PrintedLines printed) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", t.index());
        g.writeStringField("name", name(t.name()));
        g.writeStringField("kind", t.kind());
        g.writeNumberField("chunk", t.chunk());
        g.writeNumberField("slot", t.slot());
        g.writeNumberField("pid", t.pid());
        writeMs(g, "startMs", t.startMs());
        writeMs(g, "endMs", t.endMs());
        g.writeStringField("status", t.status());
        g.writeStringField("result", t.result());
        g.writeStringField("error", t.error());
        if (printed == null || !t.output().equals(printed.of(t.index()))) {
            writeStrings(g, "output", t.output());
        }
        if (printed == null || t.outputTruncated() != printed.truncated(t.index())) {
            g.writeBooleanField("outputTruncated", t.outputTruncated());
        }
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
