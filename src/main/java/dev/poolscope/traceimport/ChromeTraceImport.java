package dev.poolscope.traceimport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.trace.OsSample;
import dev.poolscope.trace.RunTrace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads Chrome Trace Event JSON (what VizTracer, Perfetto, Ray's {@code ray timeline} and
 * PoolScope's own {@code --chrome-trace} write): a lane per (pid, tid), named from the
 * process_name / thread_name metadata events; X events and matched B/E pairs as bars; instant
 * events as lines on their lane; each counter series as a lane of its own whose bars are the
 * spans between samples, labelled with the value. A pid is shown as a PID only when the file
 * says it is one: PoolScope's own export and VizTracer record OS PIDs; Ray's pid is a node index
 * and a hand-made trace's anything, so there it only names the lane.
 */
final class ChromeTraceImport {
    private static final Set<String> STATUSES = Arrays.stream(TaskStatus.values()).map(TaskStatus::id)
            .collect(Collectors.toSet());

    private ChromeTraceImport() {}

    /** The file's own words for its pids: PoolScope's export and VizTracer's record OS PIDs. */
    static boolean pidsAreOsPids(JsonNode root) {
        return ours(root) || root.has("viztracer_metadata");
    }

    /** PoolScope's own --chrome-trace: its pids are the workers', its times the run's (from 0). */
    static boolean ours(JsonNode root) {
        JsonNode other = root.path("otherData");
        return other.has("makespanMs") && other.has("pool") && other.has("scenario");
    }

    static RunTrace read(JsonNode root, String name) throws ImportException {
        JsonNode events = root.isArray() ? root : root.get("traceEvents");
        if (events == null || !events.isArray()) {
            throw new ImportException("traceEvents: must be a list of trace events");
        }
        boolean ours = ours(root);
        boolean osPids = pidsAreOsPids(root);
        ImportedLanes lanes = new ImportedLanes("Chrome trace");
        Map<String, String> processNames = new HashMap<>();
        Map<String, String> threadNames = new HashMap<>();
        Map<String, Integer> sortIndex = new HashMap<>();
        for (JsonNode e : events) {
            if ("M".equals(e.path("ph").asText()) && e.path("args").isObject()) {
                String pid = id(e, "pid");
                switch (e.path("name").asText()) {
                    case "process_name" -> processNames.put(pid, e.path("args").path("name").asText(null));
                    case "thread_name" -> threadNames.put(pid + "/" + id(e, "tid"), e.path("args").path("name").asText(null));
                    case "process_sort_index" -> sortIndex.put(pid, e.path("args").path("sort_index").asInt());
                    default -> { }
                }
            }
        }
        Map<String, Deque<JsonNode>> open = new HashMap<>();
        Map<String, TreeMap<Double, Double>> counters = new HashMap<>();
        double last = 0;
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            if (!e.isObject()) {
                throw new ImportException("traceEvents[" + i + "]: must be an object, not " + e.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            String ph = e.path("ph").asText("");
            if (ph.equals("M")) {
                continue;
            }
            double ts = ms(e, "ts", i, ph);
            last = Math.max(last, ts);
            String pid = id(e, "pid");
            String tid = id(e, "tid");
            String key = pid + "/" + tid;
            switch (ph) {
                case "X" -> {
                    double dur = ms(e, "dur", i, ph);
                    if (dur < 0) {
                        throw new ImportException("traceEvents[" + i + "]: dur must not be negative");
                    }
                    last = Math.max(last, ts + dur);
                    lanes.bar(lane(lanes, key, pid, tid, processNames, threadNames, sortIndex, osPids, ours), bar(e, ts, ts + dur, ours));
                }
                case "B" -> open.computeIfAbsent(key, k -> new ArrayDeque<>()).push(e);
                case "E" -> {
                    Deque<JsonNode> stack = open.get(key);
                    if (stack == null || stack.isEmpty()) {
                        throw new ImportException("traceEvents[" + i + "]: an E event with no B open on pid " + pid + ", tid " + tid);
                    }
                    JsonNode b = stack.pop();
                    double start = ms(b, "ts", i, "B");
                    if (ts < start) {
                        throw new ImportException("traceEvents[" + i + "]: an E event before its B");
                    }
                    lanes.bar(lane(lanes, key, pid, tid, processNames, threadNames, sortIndex, osPids, ours), bar(b, start, ts, ours));
                }
                case "i", "I", "n" -> lane(lanes, key, pid, tid, processNames, threadNames, sortIndex, osPids, ours)
                        .instants.add(new ImportedLanes.Instant(ts, "\u25c6 " + e.path("name").asText("instant")));
                case "C" -> {
                    if (ours && "os".equals(e.path("cat").asText())) {
                        // our own export's OS samples of a worker: back on its lane's CPU strip
                        ImportedLanes.Source s = lane(lanes, key, pid, tid, processNames, threadNames, sortIndex, osPids, true);
                        double cpu = e.path("args").path("cpu").asDouble(0);
                        double prev = s.samples.isEmpty() ? ts : s.samples.get(s.samples.size() - 1).atMs();
                        double cpuMs = (s.samples.isEmpty() ? 0 : s.samples.get(s.samples.size() - 1).cpuMs()) + cpu / 100 * (ts - prev);
                        long rssKb = e.path("args").has("rssMB") ? Math.round(e.path("args").path("rssMB").asDouble() * 1024) : -1;
                        s.samples.add(new OsSample(ts, cpu, '?', rssKb, Math.round(cpuMs * 1000) / 1000.0));
                        continue;
                    }
                    var args = e.path("args").fields();
                    while (args.hasNext()) {
                        var a = args.next();
                        if (a.getValue().isNumber()) {
                            String series = e.path("name").asText("counter") + (e.path("args").size() > 1 ? "." + a.getKey() : "");
                            counters.computeIfAbsent(pid + "\u0000" + series, k -> new TreeMap<>()).put(ts, a.getValue().asDouble());
                        }
                    }
                }
                default -> { } // flow, async, sample and object events: nothing PoolScope draws
            }
        }
        for (Map.Entry<String, Deque<JsonNode>> o : open.entrySet()) {
            for (JsonNode b : o.getValue()) {
                String[] pt = o.getKey().split("/", 2);
                double start = ms(b, "ts", -1, "B");
                lanes.bar(lane(lanes, o.getKey(), pt[0], pt[1], processNames, threadNames, sortIndex, osPids, ours),
                        new ImportedLanes.Bar(b.path("name").asText("?"), b.path("cat").asText("span"), start, Math.max(start, last),
                                TaskStatus.CANCELLED.id(), "no E event: still open when the trace ends"));
            }
        }
        for (Map.Entry<String, TreeMap<Double, Double>> c : counters.entrySet()) {
            counter(lanes, c.getKey(), c.getValue(), last, processNames);
        }
        return lanes.build(name, ours);
    }

    private static ImportedLanes.Source lane(ImportedLanes lanes, String key, String pid, String tid, Map<String, String> processNames,
                                             Map<String, String> threadNames, Map<String, Integer> sortIndex,
                                             boolean osPids, boolean ours) {
        String process = processNames.get(pid);
        String thread = threadNames.get(key);
        String name = ours && process != null ? process
                : (process != null ? process : "process " + pid) + " / " + (thread != null ? thread : "thread " + tid);
        ImportedLanes.Source s = lanes.lane(key, name);
        s.sortIndex = sortIndex.getOrDefault(pid, 0);
        s.process = ours;
        if (osPids) {
            try {
                s.pid = Long.parseLong(pid);
            } catch (NumberFormatException e) {
                s.pid = -1;
            }
        }
        return s;
    }

    /** A counter series as a lane: one bar per span between samples whose value changed, named with the value. */
    private static void counter(ImportedLanes lanes, String key, TreeMap<Double, Double> samples, double last,
                                Map<String, String> processNames) throws ImportException {
        String[] ps = key.split("\u0000", 2);
        String process = processNames.get(ps[0]);
        ImportedLanes.Source s = lanes.lane("counter\u0000" + key, "counter " + ps[1] + " (" + (process != null ? process
                : "process " + ps[0]) + ")");
        s.sortIndex = Integer.MAX_VALUE;
        List<Map.Entry<Double, Double>> points = new ArrayList<>(samples.entrySet());
        for (int i = 0; i < points.size(); i++) {
            double from = points.get(i).getKey();
            double value = points.get(i).getValue();
            int j = i;
            while (j + 1 < points.size() && points.get(j + 1).getValue() == value) {
                j++;
            }
            double to = j + 1 < points.size() ? points.get(j + 1).getKey() : last;
            if (to > from) {
                lanes.bar(s, new ImportedLanes.Bar(format(value), "counter", from, to, TaskStatus.OK.id(),
                        ps[1] + " = " + format(value)));
            }
            i = j;
        }
    }

    private static ImportedLanes.Bar bar(JsonNode e, double start, double end, boolean ours) {
        JsonNode args = e.path("args");
        String status = TaskStatus.OK.id();
        String detail = args.isObject() && !args.isEmpty() ? compact(args) : null;
        if (ours && STATUSES.contains(args.path("status").asText())) {
            status = args.path("status").asText();
            detail = args.path("ok".equals(status) ? "result" : "error").isTextual()
                    ? args.path("ok".equals(status) ? "result" : "error").asText() : null;
        }
        return new ImportedLanes.Bar(e.path("name").asText("?"), e.path("cat").asText("span"), start, end, status, detail);
    }

    private static String compact(JsonNode args) {
        String s = args.toString();
        return s.length() > 200 ? s.substring(0, 199) + "\u2026" : s;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    /** ts and dur are microseconds; ms here. */
    private static double ms(JsonNode e, String field, int i, String ph) throws ImportException {
        JsonNode v = e.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new ImportException((i >= 0 ? "traceEvents[" + i + "]: " : "") + "a " + ph + " event needs a number "
                    + field + " (microseconds)");
        }
        return v.asDouble() / 1000.0;
    }

    /** pid and tid may be numbers or strings; missing ones are 0, as chrome://tracing takes them. */
    private static String id(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? "0" : v.isNumber() ? Long.toString(v.asLong()) : v.asText();
    }
}
