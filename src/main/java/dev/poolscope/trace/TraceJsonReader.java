package dev.poolscope.trace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> STATUSES = Arrays.stream(TaskStatus.values()).map(TaskStatus::id)
            .collect(Collectors.toSet());
    private static final Set<String> EXITS = Arrays.stream(ExitKind.values()).map(ExitKind::id)
            .collect(Collectors.toSet());

    private TraceJsonReader() {}

    static RunTrace read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new IOException(file + ": " + where + JsonErrors.reason(e, MAX_DEPTH));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": permission denied");
        } catch (IOException e) {
            throw new IOException(file + ": cannot read: " + oneLine(String.valueOf(e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new IOException(file + ": empty file, expected a PoolScope trace (JSON object)");
        }
        try {
            return trace(new Fields(root, ""));
        } catch (Fields.Bad e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    private static RunTrace trace(Fields f) throws Fields.Bad {
        f.requireObject();
        String format = f.stringOrNull("format");
        if (format == null) {
            // Hand-written traces may leave the format out; but when such a file is not a trace
            // (a scenario, a Chrome trace), say so first rather than only which field it lacks.
            try {
                return body(f);
            } catch (Fields.Bad e) {
                throw new Fields.Bad("not a PoolScope trace (no \"format\": \"" + TraceJson.FORMAT + "\" field, and "
                        + e.getMessage() + ")");
            }
        }
        if (!format.equals(TraceJson.FORMAT)) {
            throw f.bad("format", "expected \"" + TraceJson.FORMAT + "\", got \"" + oneLine(format) + "\"");
        }
        Integer version = f.intOrNull("version", 1);
        if (version != null && version > TraceJson.VERSION) {
            throw f.bad("version", "version " + version + " is newer than this PoolScope reads ("
                    + TraceJson.VERSION + ")");
        }
        return body(f);
    }

    private static RunTrace body(Fields f) throws Fields.Bad {
        Mode mode = Mode.fromId(f.string("mode"));
        if (mode == null) {
            throw f.bad("mode", "expected one of " + Mode.ids());
        }
        int pool = f.integer("pool", 1, Limits.MAX_LANES);
        int chunksize = f.integer("chunksize", 1);
        List<Fields> taskFields = f.array("tasks", true);
        int n = taskFields.size();
        // Slots bound every slot number, so a bad file cannot make a reader allocate lanes without end.
        int slots = mode == Mode.PROCESS ? n : pool;
        List<TaskRecord> tasks = new ArrayList<>(n);
        for (Fields t : taskFields) {
            tasks.add(task(t, tasks.size(), chunksize, slots));
        }
        List<WorkerRecord> workers = new ArrayList<>();
        for (Fields w : f.array("workers", true)) {
            workers.add(worker(w, slots));
        }
        List<Integer> delivery = new ArrayList<>();
        for (Fields d : f.array("deliveryOrder", false)) {
            delivery.add(d.selfInt(0, n - 1));
        }
        List<OutputRecord> output = new ArrayList<>();
        for (Fields o : f.array("output", false)) {
            o.requireObject();
            output.add(new OutputRecord(o.num("atMs"), o.integer("index", -1, n - 1),
                    o.integer("slot", -1, slots - 1), o.longValue("pid"), o.string("text")));
        }
        Stats stats = f.has("stats") ? stats(f.object("stats")) : StatsCalculator.of(tasks, slots, 0);
        Double makespan = f.numOrNull("makespanMs");
        // Version 2: the recorded events (a version-1 file has none: replay then rebuilds them).
        List<RunEvent> events = new ArrayList<>();
        for (Fields e : f.array("events", false)) {
            events.add(EventCodec.read(e, slots, n));
        }
        // The run's name is a program's file name, which may hold anything a file name can: kept as written.
        return new RunTrace(f.stringOrNull("scenario"), mode.id(), pool, chunksize, f.intOrNull("maxTasksPerChild", 1),
                f.bool("stopped"), f.boolOr("finished", true), makespan != null ? makespan : stats.makespanMs(),
                workers, tasks, delivery, output, stats, info(f), events);
    }

    /** What the run was: "engine", "program", "interpreter"; null when the file does not say (version 1). */
    private static RunInfo info(Fields f) throws Fields.Bad {
        String engine = f.stringOrNull("engine");
        if (engine == null || engine.isBlank()) {
            return null;
        }
        return new RunInfo(engine, f.stringOrNull("program"), f.stringOrNull("interpreter"));
    }

    private static TaskRecord task(Fields t, int position, int chunksize, int slots) throws Fields.Bad {
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
