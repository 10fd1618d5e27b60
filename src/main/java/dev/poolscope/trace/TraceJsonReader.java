package dev.poolscope.trace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.Limits;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunInfo;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.files.Fields;
import dev.poolscope.files.JsonErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a trace file into a {@link RunTrace}, checking each field so that the UI can trust
 * what it replays (index matches position, times are not negative, a bar does not end before
 * it starts). Every problem becomes one line "FILE: field: reason", never a stack trace.
 */
final class TraceJsonReader {
    private static final int MAX_DEPTH = com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH;
    /** Reads one value at a time from a stream (so no check for text after it: {@link Reading} checks the end). */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> STATUSES = Arrays.stream(TaskStatus.values()).map(TaskStatus::id)
            .collect(Collectors.toSet());
    private static final Set<String> EXITS = Arrays.stream(ExitKind.values()).map(ExitKind::id)
            .collect(Collectors.toSet());

    private TraceJsonReader() {}

    static RunTrace read(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": permission denied");
        }
        if (size > TraceJson.MAX_BYTES) {
            throw new IOException(file + ": " + TraceJson.tooLarge(size));
        }
        try (InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.createParser(in)) {
            return new Reading(p).read();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new IOException(file + ": " + where + JsonErrors.reason(e, MAX_DEPTH));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": permission denied");
        } catch (Fields.Bad e) {
            throw new IOException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IOException(file + ": cannot read: " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    /** The lists that may be long: read an element at a time where the file gives what they need before them. */
    private static final Set<String> STREAMED = Set.of("tasks", "deliveryOrder", "output", "events");

    /**
     * One reading of a trace, streamed: a trace of 200,000 tasks has over a million events, and a
     * tree of the whole file would take gigabytes. The top-level fields other than the long lists
     * are kept as a tree ({@code head}); a long list is read element by element when what it
     * needs is known by then (the header for tasks, the tasks for the rest), which is so in every
     * file PoolScope writes; a hand-written file in another order is kept whole and read after.
     */
    private static final class Reading {
        private final JsonParser p;
        private final ObjectNode head = JsonNodeFactory.instance.objectNode();
        private final Fields f = new Fields(head, "");
        private boolean headerRead;
        private int version = 1;
        private Mode mode;
        private int pool;
        private int chunksize;
        private List<TaskRecord> tasks;
        /** Tasks whose file left out output or outputTruncated (version 3: their events say them). */
        private final BitSet outputLeftOut = new BitSet();
        private final BitSet truncatedLeftOut = new BitSet();
        private List<Integer> delivery;
        private List<OutputRecord> output;
        private List<RunEvent> events;
        private EventCodec.Context context;

        Reading(JsonParser p) {
            this.p = p;
        }

        RunTrace read() throws IOException {
            JsonToken token = p.nextToken();
            if (token == null) {
                throw new Fields.Bad("empty file, expected a PoolScope trace (JSON object)");
            }
            if (token != JsonToken.START_OBJECT) {
                JsonNode root = p.readValueAsTree();
                new Fields(root == null ? NullNode.getInstance() : root, "").requireObject();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (STREAMED.contains(name) && value == JsonToken.START_ARRAY && ready(name)) {
                    stream(name);
                } else {
                    JsonNode v = p.readValueAsTree();
                    head.set(name, v == null ? NullNode.getInstance() : v);
                }
            }
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new Fields.Bad("line " + at.getLineNr() + ", column " + at.getColumnNr()
                        + ": more text after the end of the JSON object");
            }
            return trace();
        }

        /** Whether a long list can be read as it comes: its bounds are known. */
        private boolean ready(String name) {
            if (name.equals("tasks")) {
                // A file without "format" is read whole: if it is not a trace at all, that is said first.
                if (!head.has("format") || !head.has("version") || !head.has("mode") || !head.has("pool")
                        || !head.has("chunksize")) {
                    return false;
                }
                checkFormat();
                header();
                return mode != Mode.PROCESS; // its lanes are its tasks: bounded once all are read
            }
            return tasks != null;
        }

        private void stream(String name) throws IOException {
            begin(name); // an empty list read as it comes is still there ("tasks": [] of a failed program)
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode node = p.readValueAsTree();
                element(name, new Fields(node == null ? NullNode.getInstance() : node, name + "[" + i++ + "]"));
            }
        }

        /** The list read next is there, even if it holds nothing. */
        private void begin(String list) {
            switch (list) {
                case "tasks" -> tasks = tasks == null ? new ArrayList<>() : tasks;
                case "deliveryOrder" -> delivery = delivery == null ? new ArrayList<>() : delivery;
                case "output" -> output = output == null ? new ArrayList<>() : output;
                case "events" -> {
                    if (events == null) {
                        events = new ArrayList<>();
                        // Version 3 leaves out what the task list and the event before say.
                        context = version >= 3 ? new EventCodec.Context(tasks) : EventCodec.Context.none();
                    }
                }
                default -> throw new IllegalStateException(list);
            }
        }

        private void element(String list, Fields e) {
            begin(list);
            switch (list) {
                case "tasks" -> {
                    tasks.add(task(e, tasks.size(), chunksize, mode == Mode.PROCESS ? Integer.MAX_VALUE : pool,
                            version >= 3, outputLeftOut, truncatedLeftOut));
                }
                case "deliveryOrder" -> {
                    delivery.add(e.selfInt(0, tasks.size() - 1));
                }
                case "output" -> {
                    e.requireObject();
                    output.add(new OutputRecord(e.num("atMs"), e.integer("index", -1, tasks.size() - 1),
                            e.integer("slot", -1, slots() - 1), e.longValue("pid"), e.string("text")));
                }
                case "events" -> {
                    RunEvent event = EventCodec.read(e, slots(), tasks.size(), context);
                    RunEvent.WorkerStateChanged badge = version >= 3 ? EventCodec.badgeOf(e, event) : null;
                    if (badge != null && event instanceof RunEvent.TaskStarted) {
                        events.add(badge); // the busy badge just before the start
                    }
                    events.add(event);
                    if (badge != null && event instanceof RunEvent.TaskFinished) {
                        events.add(badge); // the idle badge just after the end
                    }
                }
                default -> throw new IllegalStateException(list);
            }
        }

        private int slots() {
            return mode == Mode.PROCESS ? tasks.size() : pool;
        }

        private void checkFormat() {
            String format = f.stringOrNull("format");
            if (format != null && !format.equals(TraceJson.FORMAT)) {
                throw f.bad("format", "expected \"" + TraceJson.FORMAT + "\", got \"" + oneLine(format) + "\"");
            }
            Integer v = f.intOrNull("version", 1);
            if (v != null && v > TraceJson.VERSION) {
                throw f.bad("version", "version " + v + " is newer than this PoolScope reads (" + TraceJson.VERSION + ")");
            }
            version = v == null ? 1 : v;
        }

        private void header() {
            if (headerRead) {
                return;
            }
            mode = Mode.fromId(f.string("mode"));
            if (mode == null) {
                throw f.bad("mode", "expected one of " + Mode.ids());
            }
            JsonNode p = head.get("pool");
            if (p != null && p.isIntegralNumber() && p.canConvertToInt() && p.intValue() > Limits.MAX_LANES) {
                // A watched program's lanes are its own (5,000 threads one after another have 5,000):
                // more than MAX_LANES is read when the file has a lane in "workers" for each (checked there).
                pool = p.intValue();
            } else {
                pool = f.integer("pool", 1, Limits.MAX_LANES);
            }
            chunksize = f.integer("chunksize", 1);
            headerRead = true;
        }

        private RunTrace trace() {
            f.requireObject();
            if (f.stringOrNull("format") == null) {
                // Hand-written traces may leave the format out; but when such a file is not a trace
                // (a scenario, a Chrome trace), say so first rather than only which field it lacks.
                try {
                    return body();
                } catch (Fields.Bad e) {
                    throw new Fields.Bad("not a PoolScope trace (no \"format\": \"" + TraceJson.FORMAT + "\" field, and "
                            + e.getMessage() + ")");
                }
            }
            checkFormat();
            return body();
        }

        /** The rest of the trace, once the file is read: what was kept whole is read now. */
        private RunTrace body() {
            header();
            if (tasks == null) {
                tasks = new ArrayList<>();
                for (Fields t : f.array("tasks", true)) {
                    element("tasks", t);
                }
            }
            int n = tasks.size();
            int slots = slots();
            if (mode == Mode.PROCESS) {
                for (TaskRecord t : tasks) {
                    if (t.slot() >= slots) {
                        throw new Fields.Bad("tasks[" + t.index() + "].slot: expected from -1 to " + (slots - 1)
                                + ", got " + t.slot());
                    }
                }
            }
            List<WorkerRecord> workers = new ArrayList<>();
            for (Fields w : f.array("workers", true)) {
                workers.add(worker(w, slots));
            }
            if (pool > Limits.MAX_LANES && pool > workers.size()) {
                // So that a damaged count cannot make what reads the trace allocate lanes without end.
                throw f.bad("pool", "expected from 1 to " + Limits.MAX_LANES + ", or one lane in \"workers\" for each, got "
                        + pool + " with " + workers.size() + " lanes");
            }
            for (String list : List.of("deliveryOrder", "output", "events")) {
                if (head.has(list)) {
                    List<Fields> items = f.array(list, false);
                    if (list.equals("deliveryOrder")) {
                        delivery = new ArrayList<>();
                    } else if (list.equals("output")) {
                        output = new ArrayList<>();
                    }
                    for (Fields item : items) {
                        element(list, item);
                    }
                }
            }
            if (events == null) {
                events = List.of(); // a version-1 file has none: replay then rebuilds them
            }
            // Version 3: what the events say is left out of the summary, and read from them.
            boolean fromEvents = version >= 3;
            PrintedLines printed = fromEvents ? PrintedLines.of(events, n) : null;
            if (printed != null && (!outputLeftOut.isEmpty() || !truncatedLeftOut.isEmpty())) {
                for (int i = 0; i < n; i++) {
                    if (outputLeftOut.get(i) || truncatedLeftOut.get(i)) {
                        TaskRecord t = tasks.get(i);
                        tasks.set(i, new TaskRecord(t.index(), t.name(), t.kind(), t.chunk(), t.slot(), t.pid(),
                                t.startMs(), t.endMs(), t.status(), t.result(), t.error(),
                                outputLeftOut.get(i) ? printed.of(i) : t.output(),
                                truncatedLeftOut.get(i) ? printed.truncated(i) : t.outputTruncated()));
                    }
                }
            }
            if (delivery == null) {
                delivery = fromEvents ? TraceJson.deliveryOrder(events, n) : List.of();
            }
            if (output == null) {
                output = fromEvents ? printed.run() : List.of();
            }
            Stats stats = f.has("stats") ? stats(f.object("stats")) : StatsCalculator.of(tasks, slots, 0);
            Double makespan = f.numOrNull("makespanMs");
            // The run's name is a program's file name, which may hold anything a file name can: kept as written.
            return new RunTrace(f.stringOrNull("scenario"), mode.id(), pool, chunksize, f.intOrNull("maxTasksPerChild", 1),
                    f.bool("stopped"), f.boolOr("finished", true), makespan != null ? makespan : stats.makespanMs(),
                    workers, tasks, delivery, output, stats, info(f), events);
        }
    }

    /** What the run was: "engine", "program", "interpreter"; null when the file does not say (version 1). */
    private static RunInfo info(Fields f) throws Fields.Bad {
        String engine = f.stringOrNull("engine");
        if (engine == null || engine.isBlank()) {
            return null;
        }
        return new RunInfo(engine, f.stringOrNull("program"), f.stringOrNull("interpreter"));
    }

    /**
     * A task. From version 3 ({@code leftOut}) a task without output or outputTruncated is noted
     * in {@code outputLeftOut} / {@code truncatedLeftOut}: its events say them.
     */
    private static TaskRecord task(Fields t, int position, int chunksize, int slots, boolean leftOut,
                                   BitSet outputLeftOut, BitSet truncatedLeftOut) throws Fields.Bad {
        t.requireObject();
        t.integer("index", position, position);
        Double start = t.numOrNull("startMs");
        Double end = t.numOrNull("endMs");
        if (end != null && (start == null || end < start)) {
            throw t.bad("endMs", start == null ? "set but startMs is null" : "before startMs");
        }
        String status = oneOfOrNull(t, "status", STATUSES);
        List<String> out = new ArrayList<>();
        for (Fields line : t.array("output", false)) {
            out.add(line.selfString());
        }
        if (leftOut && t.raw("output") == null) {
            outputLeftOut.set(position);
        }
        if (leftOut && t.raw("outputTruncated") == null) {
            truncatedLeftOut.set(position);
        }
        return new TaskRecord(position, nameText(t, "name"), t.string("kind"),
                t.has("chunk") ? t.integer("chunk", 0) : position / chunksize, t.integer("slot", -1, slots - 1),
                t.longValue("pid"), start, end, status, t.stringOrNull("result"), t.stringOrNull("error"), out,
                t.boolOr("outputTruncated", false));
    }

    private static WorkerRecord worker(Fields w, int slots) throws Fields.Bad {
        w.requireObject();
        Long pid = w.longOrNull("pid");
        return new WorkerRecord(w.integer("slot", 0, slots - 1), pid == null ? -1 : pid, w.integer("generation", 0),
                w.num("spawnMs"), w.numOrNull("readyMs"), w.numOrNull("exitMs"), oneOfOrNull(w, "exit", EXITS),
                w.intOrNull("exitCode", Integer.MIN_VALUE), w.intOrNull("signal", 0), w.stringOrNull("detail"),
                w.numOrNull("initStartMs"), w.numOrNull("initEndMs"), w.stringOrNull("initError"), samples(w), lane(w));
    }

    /** The lane model's fields; a worker of a trace written before lanes had kinds was a process. */
    static Lane lane(Fields w) throws Fields.Bad {
        String id = w.stringOrNull("kind");
        Lane.Kind kind = id == null ? Lane.Kind.PROCESS : Lane.Kind.fromId(id);
        if (kind == null) {
            throw w.bad("kind", "expected one of " + Lane.Kind.ids() + ", got \"" + oneLine(id) + "\"");
        }
        Long tid = w.longOrNull("tid");
        if (tid != null && kind != Lane.Kind.THREAD) {
            throw w.bad("tid", "only a thread lane has a tid, and this one is a " + kind.id());
        }
        return new Lane(kind, tid, nameOrNull(w, "name"), nameOrNull(w, "host"));
    }

    /** A worker's OS samples; traces written before samples existed have none. */
    private static List<OsSample> samples(Fields w) throws Fields.Bad {
        List<OsSample> samples = new ArrayList<>();
        for (Fields s : w.array("samples", false)) {
            s.requireObject();
            String state = s.string("state");
            if (state.length() != 1) {
                throw s.bad("state", "expected one letter (R, S, D, T, Z, ...), got \"" + oneLine(state) + "\"");
            }
            long rss = s.longValue("rssKb");
            if (rss < -1) {
                throw s.bad("rssKb", "must be -1 (unknown) or more, got " + rss);
            }
            Double cpuMs = s.numOrNull("cpuMs");
            samples.add(new OsSample(s.num("atMs"), s.num("cpuPct"), state.charAt(0), rss, cpuMs == null ? 0 : cpuMs));
        }
        return samples;
    }

    private static Stats stats(Fields s) throws Fields.Bad {
        List<SlotStats> slots = new ArrayList<>();
        for (Fields slot : s.array("slots", true)) {
            slot.requireObject();
            slots.add(new SlotStats(slot.integer("slot", 0), slot.num("busyMs"), slot.num("utilization"),
                    slot.numOrNull("cpuUtilization")));
        }
        Integer cpus = s.intOrNull("machineCpus", 1);
        Double load = s.numOrNull("machineLoad1");
        // Before "concurrency" was named, a trace called busy / makespan "speedup": it was never one.
        Double concurrency = s.numOrNull("concurrency");
        Double baseline = s.numOrNull("baselineMakespanMs");
        return new Stats(s.num("makespanMs"), s.num("totalBusyMs"), concurrency != null ? concurrency : s.num("speedup"),
                s.numOrNull("cpuCores"), baseline != null ? s.numOrNull("speedup") : null,
                baseline != null ? s.numOrNull("efficiency") : null, baseline,
                s.num("lowerBoundMs"), s.num("longestTaskMs"), slots, cpus == null ? 0 : cpus, load == null ? -1 : load);
    }

    /**
     * A name (of the run, a task, a lane, a host): one line, with no control character and no
     * bidirectional control, which could make a name on screen or in a terminal say something else.
     */
    private static String nameText(Fields f, String field) throws Fields.Bad {
        String v = f.string(field);
        int bad = v.codePoints().filter(TerminalText::isUnsafe).findFirst().orElse(-1);
        if (bad >= 0) {
            throw f.bad(field, String.format("must be one line without control or text-direction characters, got U+%04X in \"%s\"",
                    bad, TerminalText.safe(v, 40)));
        }
        return v;
    }

    private static String nameOrNull(Fields f, String field) throws Fields.Bad {
        return f.has(field) ? nameText(f, field) : null;
    }

    private static String oneOfOrNull(Fields f, String field, Set<String> allowed) throws Fields.Bad {
        String v = f.stringOrNull(field);
        if (v != null && !allowed.contains(v)) {
            throw f.bad(field, "expected one of " + String.join(", ", allowed.stream().sorted().toList())
                    + " or null, got \"" + oneLine(v) + "\"");
        }
        return v;
    }

    static String oneLine(String s) {
        String line = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
